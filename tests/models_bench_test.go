package tests

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/dialects/all"
	"github.com/mtxhq/mtx/dialects/enginetest"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/internal/ddl"
	"github.com/mtxhq/mtx/internal/migrate"
	"github.com/mtxhq/mtx/internal/model"
)

// benchEngines are the engines the view and delivered benchmarks run on:
// those whose SQL their hand-written queries are in (Bench.PeerSQL).
func benchEngines() []*enginetest.Adapter {
	return enginetest.Find(func(a *enginetest.Adapter) bool { return a.Bench != nil && a.Bench.PeerSQL })
}

// benchSetup is a migrated fresh schema holding the events table on
// engine a, or a skip.
func benchSetup(b *testing.B, a *enginetest.Adapter) (*sql.DB, dialects.Dialect, string) {
	return benchSetupTables(b, a, func(t string) bool { return t == "events" })
}

// benchSetupTables is benchSetup with the tables selected.
func benchSetupTables(b *testing.B, a *enginetest.Adapter, selected func(string) bool) (*sql.DB, dialects.Dialect, string) {
	d, _ := all.Get(a.Name)
	var dsn string
	if a.Embedded != nil {
		dsn = a.Embedded(b.TempDir())
	} else if dsn = os.Getenv(a.DSNEnv); dsn == "" {
		if required(a.RequiredName()) {
			b.Fatalf("%s is required (MTX_REQUIRE_ENGINES) but %s is not set", a.Name, a.DSNEnv)
		}
		b.Skipf("%s not set: run eval \"$(tests/engines/up)\" to start a local %s", a.DSNEnv, a.Name)
	}
	db, err := d.Open(dsn)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	rb := make([]byte, 4)
	rand.Read(rb)
	o := dialects.DefaultOptions()
	o.Schema = "mtx_bench_" + hex.EncodeToString(rb)
	b.Cleanup(func() {
		if _, err := db.Exec(a.DropSchemaSQL(d.Quote(o.Schema))); err != nil {
			b.Logf("dropping %s: %v", o.Schema, err)
		}
	})
	h, _ := catalog.Embedded()
	r, err := ddl.New(d, o)
	if err != nil {
		b.Fatal(err)
	}
	versions, err := r.Versions(h, selected)
	if err != nil {
		b.Fatal(err)
	}
	m, err := migrate.New(context.Background(), d, db, o, versions)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := m.Provider().Up(context.Background()); err != nil {
		b.Fatal(err)
	}
	return db, d, o.Schema
}

func benchEvents() int {
	if s := os.Getenv("MTX_BENCH_EVENTS"); s != "" {
		n, err := strconv.Atoi(s)
		if err == nil && n > 0 {
			return n
		}
	}
	return 5_000_000
}

// BenchmarkCurrentEvents measures, on MTX_BENCH_EVENTS raw event rows
// (default 5M; 10% are older versions of other rows): a full build of
// current_events, an incremental refresh after a 1% batch (half updates,
// half new events), and queries on the current-state view against the same
// queries on the deduplicated table. It checks the refreshed table equals
// a full rebuild and reports the ratios. On DuckDB each load is
// checkpointed untimed (as mtx load's process ends), and the checkpoint
// after each build, which ends mtx run's process, is reported beside it:
//
//	go test ./tests -run NONE -bench CurrentEvents -benchtime 1x
func BenchmarkCurrentEvents(b *testing.B) {
	for _, a := range benchEngines() {
		name := a.Name
		b.Run(name, func(b *testing.B) {
			db, d, schema := benchSetup(b, a)
			q := d.Quote
			raw := q(schema) + "." + q("events")
			n := benchEvents()
			keys := n * 9 / 10
			batch := n / 100
			load := func(lo, hi int, fresh bool, file string, at time.Time) {
				st := a.Bench.Events(raw, lo, hi, keys, fresh, file, d.TimestampLiteral(at))
				if _, err := db.Exec(st); err != nil {
					b.Fatal(err)
				}
				if a.Bench.Analyze != "" {
					db.Exec(fmt.Sprintf(a.Bench.Analyze, raw))
				}
				if a.Bench.Checkpoint != "" {
					// mtx load's process ends with a checkpoint of what it
					// wrote: the refresh must not pay for checkpointing the
					// batch it reads.
					if _, err := db.Exec(a.Bench.Checkpoint); err != nil {
						b.Fatal(err)
					}
				}
			}
			// checkpoint times the checkpoint that ends mtx run's process on
			// DuckDB, reported beside the build it follows.
			checkpoint := func() time.Duration {
				if a.Bench.Checkpoint == "" {
					return 0
				}
				t0 := time.Now()
				if _, err := db.Exec(a.Bench.Checkpoint); err != nil {
					b.Fatal(err)
				}
				return time.Since(t0)
			}
			base := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
			start := time.Now()
			load(0, n, false, "initial.parquet", base)
			b.Logf("%s: loaded %d raw events in %s", name, n, time.Since(start).Round(time.Millisecond))

			h, _ := catalog.Embedded()
			reg, err := model.Load(h.Current(), func(t string) bool { return t == "events" }, "")
			if err != nil {
				b.Fatal(err)
			}
			p := &model.Project{Dialect: d, Schema: schema, Catalog: h.Current(), Selected: func(t string) bool { return t == "events" }, Models: reg}
			g, err := p.Compile()
			if err != nil {
				b.Fatal(err)
			}
			ctx := context.Background()
			r := &model.Runner{Project: p, DB: db}
			if os.Getenv("MTX_BENCH_TRACE") != "" {
				r.Trace = os.Stderr
			}
			build := func(full bool) time.Duration {
				r.FullRefresh = full
				t0 := time.Now()
				if err := r.Run(ctx, g, []string{"current_events"}); err != nil {
					b.Fatal(err)
				}
				return time.Since(t0)
			}
			fullTime := build(true)
			fullCheckpoint := checkpoint()
			// Steady state: the initial backfill is older than the lookback,
			// and one earlier daily batch has been merged.
			load(n, n+batch, true, "warm-up.parquet", base.Add(24*time.Hour))
			build(false)
			n += batch

			b.ResetTimer()
			var refresh, refreshCheckpoint time.Duration
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				lo := n + i*batch
				load(lo, lo+batch, true, fmt.Sprintf("batch-%d.parquet", i), base.Add(time.Duration(i+2)*24*time.Hour))
				b.StartTimer()
				refresh += build(false)
				b.StopTimer()
				refreshCheckpoint += checkpoint()
			}
			b.StopTimer()
			refresh /= time.Duration(b.N)
			refreshCheckpoint /= time.Duration(b.N)

			// The refreshed table equals a full rebuild.
			id := q("environment_type") + ", " + q("transaction_id") + ", " + q("_mtx_source_file") + ", " + q("_mtx_loaded_at") + ", " + q("updated_at")
			fullSQL := g.Nodes["current_events"].SQL
			rel := q(schema) + "." + q("current_events")
			var diff int
			check := fmt.Sprintf("SELECT COUNT(*) FROM ((SELECT %s FROM %s EXCEPT SELECT %s FROM (%s) AS f) UNION ALL (SELECT %s FROM (%s) AS f EXCEPT SELECT %s FROM %s)) AS d",
				id, rel, id, fullSQL, id, fullSQL, id, rel)
			if err := db.QueryRow(check).Scan(&diff); err != nil {
				b.Fatal(err)
			}
			if diff != 0 {
				b.Fatalf("the refreshed current_events differs from a full rebuild in %d rows", diff)
			}
			var rows int
			db.QueryRow("SELECT COUNT(*) FROM " + rel).Scan(&rows)

			// Queries on the current-state view versus the deduplicated table.
			view := q(schema) + "." + q("current_events_view")
			if _, err := db.Exec("CREATE VIEW " + view + " AS " + fullSQL); err != nil {
				b.Fatal(err)
			}
			// The raw key index mtx run creates for a current-state view.
			if ix, ok := d.SourceIndex(schema, "events", "events_mtx_key", []string{"transaction_id"}); ok {
				if _, err := db.Exec(ix); err != nil {
					b.Fatal(err)
				}
				db.Exec("ANALYZE " + raw)
			}
			timeQuery := func(sqlText string) time.Duration { return bestOfThree(b, db, sqlText) }
			agg := "SELECT " + q("environment_type") + ", COUNT(*), COUNT(DISTINCT " + q("customer_id") + ") FROM %s GROUP BY 1"
			point := "SELECT * FROM %s WHERE " + q("transaction_id") + " = 'txn-12345'"
			aggView, aggTable := timeQuery(fmt.Sprintf(agg, view)), timeQuery(fmt.Sprintf(agg, rel))
			pointView, pointTable := timeQuery(fmt.Sprintf(point, view)), timeQuery(fmt.Sprintf(point, rel))

			ratio := fullTime.Seconds() / refresh.Seconds()
			b.ReportMetric(fullTime.Seconds(), "full_s")
			b.ReportMetric(refresh.Seconds(), "refresh_s")
			b.ReportMetric(ratio, "full/refresh")
			b.ReportMetric(aggView.Seconds()/aggTable.Seconds(), "agg_view/table")
			b.ReportMetric(pointView.Seconds()/pointTable.Seconds(), "point_view/table")
			fmt.Printf("%s, %d raw events, %d current: full build %s, refresh after a 1%% batch %s: %.1fx faster, identical to a full rebuild.\n",
				name, n, rows, fullTime.Round(time.Millisecond), refresh.Round(time.Millisecond), ratio)
			if a.Bench.Checkpoint != "" {
				withCheckpoint := (fullTime + fullCheckpoint).Seconds() / (refresh + refreshCheckpoint).Seconds()
				b.ReportMetric(withCheckpoint, "full/refresh_with_checkpoint")
				fmt.Printf("%s: with the checkpoint ending the process: full build %s + %s, refresh %s + %s: %.1fx faster.\n",
					name, fullTime.Round(time.Millisecond), fullCheckpoint.Round(time.Millisecond),
					refresh.Round(time.Millisecond), refreshCheckpoint.Round(time.Millisecond), withCheckpoint)
			}
			fmt.Printf("%s: aggregate on view %s vs table %s (%.2fx); point lookup on view %s vs table %s (%.2fx)\n",
				name, aggView.Round(time.Millisecond), aggTable.Round(time.Millisecond), aggView.Seconds()/aggTable.Seconds(),
				pointView.Round(time.Microsecond), pointTable.Round(time.Microsecond), pointView.Seconds()/pointTable.Seconds())
			benchLive(b, db, d, schema, fullSQL, view, func() {
				lo := n + b.N*batch
				load(lo, lo+batch, true, "pending.parquet", base.Add(time.Duration(b.N+2)*24*time.Hour))
			})
		})
	}
}
