package tests

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mtxhq/mtx/dialects/enginetest"
	"github.com/mtxhq/mtx/internal/model"
)

// benchShares is MTX_BENCH_SHARES, the shares of the loaded raw rows
// BenchmarkRebuildShare makes the pending batch (default 0.1,0.2,0.35,0.5).
func benchShares(b *testing.B) []float64 {
	s := os.Getenv("MTX_BENCH_SHARES")
	if s == "" {
		s = "0.1,0.2,0.35,0.5"
	}
	var out []float64
	for _, f := range strings.Split(s, ",") {
		v, err := strconv.ParseFloat(strings.TrimSpace(f), 64)
		if err != nil || v <= 0 || v >= 1 {
			b.Fatalf("MTX_BENCH_SHARES: %q is not a share between 0 and 1", f)
		}
		out = append(out, v)
	}
	return out
}

// BenchmarkRebuildShare finds, on every live engine, where an incremental
// refresh stops beating a full build as the pending batch grows: for each
// share s of MTX_BENCH_SHARES it loads a batch (half newer versions, half
// new events) that makes s of the raw rows pending, refreshes (the rows
// carry no load manifest, so model.RebuildShare never turns the refresh
// into a rebuild), checks the table equals a full rebuild, and times a
// full build of the same rows; refresh and full build alternate, each
// timed MTX_BENCH_ROUNDS times (default 3) on the same batch: the refresh
// on a copy of the table as it stood before the batch. It prints
// full/refresh per share and the adapter's RebuildShare beside it. Sizes:
// refreshBenchSize.
//
//	go test ./tests -run NONE -bench RebuildShare -benchtime 1x
func BenchmarkRebuildShare(b *testing.B) {
	rounds := 3
	if n, err := strconv.Atoi(os.Getenv("MTX_BENCH_ROUNDS")); err == nil && n > 0 {
		rounds = n
	}
	for _, a := range enginetest.All() {
		if a.NoLocalEngine != "" || a.Bench == nil || a.Bench.EventRows == "" {
			continue // Redshift: a real cluster only; emulators: no row generator
		}
		b.Run(a.Name, func(b *testing.B) {
			db, d, schema := benchSetup(b, a)
			q := d.Quote
			raw := q(schema) + "." + q("events")
			n := refreshBenchSize(a.Name)
			keys := n * 9 / 10
			at := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
			load := func(lo, hi int, fresh bool, file string) {
				at = at.Add(24 * time.Hour)
				if _, err := db.Exec(a.Bench.Events(raw, lo, hi, keys, fresh, file, d.TimestampLiteral(at))); err != nil {
					b.Fatal(err)
				}
				if an, ok := d.Analyze(raw); ok {
					db.Exec(an)
				}
				if a.Bench.Checkpoint != "" {
					if _, err := db.Exec(a.Bench.Checkpoint); err != nil {
						b.Fatal(err)
					}
				}
			}
			load(0, n, false, "initial.parquet")
			r, g := eventsRunner(b, db, d, schema)
			build := func(full bool) time.Duration {
				r.FullRefresh = full
				t0 := time.Now()
				if err := r.Run(context.Background(), g, []string{"current_events"}); err != nil {
					b.Fatal(err)
				}
				return time.Since(t0)
			}
			rel := q(schema) + "." + q("current_events")
			saved := q(schema) + "." + q("current_events_before")
			fullSQL := g.Nodes["current_events"].SQL
			id := strings.Join([]string{q("environment_type"), q("transaction_id"), q("_mtx_source_file"), q("_mtx_loaded_at"), q("updated_at")}, ", ")
			equalsRebuild := func(share float64) {
				var diff int
				check := fmt.Sprintf("SELECT COUNT(*) FROM ((SELECT %s FROM %s EXCEPT SELECT %s FROM (%s) AS f) UNION ALL (SELECT %s FROM (%s) AS f EXCEPT SELECT %s FROM %s)) AS d",
					id, rel, id, fullSQL, id, fullSQL, id, rel)
				if err := db.QueryRow(check).Scan(&diff); err != nil {
					b.Fatal(err)
				}
				if diff != 0 {
					b.Fatalf("%s: the refresh with %.0f%% pending differs from a full rebuild in %d rows", a.Name, 100*share, diff)
				}
			}
			rows := n
			build(true)
			var line []string
			for _, share := range benchShares(b) {
				// The table as it stands before the batch, to refresh again.
				build(true)
				if _, err := db.Exec("DROP TABLE IF EXISTS " + saved); err != nil {
					b.Fatal(err)
				}
				if _, err := db.Exec(d.CreateTableAs(saved, "SELECT * FROM "+rel)); err != nil {
					b.Fatal(err)
				}
				batch := int(share / (1 - share) * float64(rows))
				load(rows, rows+batch, true, fmt.Sprintf("share-%.0f.parquet", 100*share))
				rows += batch
				var fulls, refreshes []time.Duration
				for i := 0; i < rounds; i++ {
					if i > 0 {
						// Back to the stored rows before the batch.
						for _, st := range []string{"TRUNCATE TABLE " + rel, "INSERT INTO " + rel + " SELECT * FROM " + saved} {
							if _, err := db.Exec(st); err != nil {
								b.Fatal(err)
							}
						}
					}
					refreshes = append(refreshes, build(false))
					equalsRebuild(share)
					fulls = append(fulls, build(true))
				}
				full, refresh := median(fulls), median(refreshes)
				ratio := full.Seconds() / refresh.Seconds()
				b.ReportMetric(ratio, fmt.Sprintf("full/refresh_%.0fpct", 100*share))
				line = append(line, fmt.Sprintf("%.0f%%: full %s, refresh %s (%.2fx)", 100*share, full.Round(time.Millisecond), refresh.Round(time.Millisecond), ratio))
			}
			fmt.Printf("%s, from %d raw events: %s; adapter RebuildShare %.0f%%\n", a.Name, n, strings.Join(line, "; "), 100*model.ShareOf(d))
		})
	}
}
