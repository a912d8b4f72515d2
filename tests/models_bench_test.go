package tests

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/dialects/all"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/internal/ddl"
	"github.com/mtxhq/mtx/internal/migrate"
	"github.com/mtxhq/mtx/internal/model"
)

// eventRows generates raw events i in [lo, hi) with SQL, fast enough for
// millions of rows. Row i has key i % keys — or key i itself when fresh
// and i is odd (a new event) — a version growing with i, and the given
// load time; environment_type follows the key.
var eventRows = map[string]string{
	"duckdb": `INSERT INTO %[1]s (transaction_id, customer_id, "timestamp", event_type, properties, environment_type, _metronome_metadata_id, updated_at, _mtx_source_file, _mtx_transferred_at, _mtx_loaded_at)
SELECT 'txn-' || k, 'cust-' || (k %% 5000), TIMESTAMPTZ '2026-01-01 00:00:00+00' + to_seconds(k %% 2592000), 'api_call', '{"region": "us-east-1", "units": 3}',
  CASE WHEN k %% 10 = 0 THEN 'SANDBOX' ELSE 'PRODUCTION' END, 'meta-' || i, TIMESTAMPTZ '2026-01-01 00:00:00+00' + to_milliseconds(i),
  '%[5]s', TIMESTAMPTZ '%[6]s', TIMESTAMPTZ '%[6]s'
FROM (SELECT i, CASE WHEN %[4]t AND i %% 2 = 1 THEN i ELSE i %% %[7]d END AS k FROM range(%[2]d, %[3]d) AS r(i)) AS g`,
	"postgres": `INSERT INTO %[1]s (transaction_id, customer_id, "timestamp", event_type, properties, environment_type, _metronome_metadata_id, updated_at, _mtx_source_file, _mtx_transferred_at, _mtx_loaded_at)
SELECT 'txn-' || k, 'cust-' || (k %% 5000), TIMESTAMPTZ '2026-01-01 00:00:00+00' + (k %% 2592000) * INTERVAL '1 second', 'api_call', '{"region": "us-east-1", "units": 3}',
  CASE WHEN k %% 10 = 0 THEN 'SANDBOX' ELSE 'PRODUCTION' END, 'meta-' || i, TIMESTAMPTZ '2026-01-01 00:00:00+00' + i * INTERVAL '1 millisecond',
  '%[5]s', TIMESTAMPTZ '%[6]s', TIMESTAMPTZ '%[6]s'
FROM (SELECT i, CASE WHEN %[4]t AND i %% 2 = 1 THEN i ELSE i %% %[7]d END AS k FROM generate_series(%[2]d, %[3]d - 1) AS r(i)) AS g`,
}

// benchSetup is a migrated fresh schema on engine name, or a skip.
func benchSetup(b *testing.B, name string) (*sql.DB, dialects.Dialect, string) {
	d, _ := all.Get(name)
	dsn := filepath.Join(b.TempDir(), "bench.duckdb")
	if name != "duckdb" {
		env := "MTX_TEST_" + map[string]string{"postgres": "POSTGRES"}[name] + "_DSN"
		if dsn = os.Getenv(env); dsn == "" {
			b.Skipf("%s not set: run eval \"$(tests/engines/up)\"", env)
		}
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
		if _, err := db.Exec("DROP SCHEMA IF EXISTS " + d.Quote(o.Schema) + " CASCADE"); err != nil {
			b.Logf("dropping %s: %v", o.Schema, err)
		}
	})
	h, _ := catalog.Embedded()
	r, _ := ddl.New(d, o)
	events := func(t string) bool { return t == "events" }
	versions, err := r.Versions(h, events)
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
	for _, name := range []string{"duckdb", "postgres"} {
		b.Run(name, func(b *testing.B) {
			db, d, schema := benchSetup(b, name)
			q := d.Quote
			raw := q(schema) + "." + q("events")
			n := benchEvents()
			keys := n * 9 / 10
			batch := n / 100
			load := func(lo, hi int, fresh bool, file string, at time.Time) {
				st := fmt.Sprintf(eventRows[name], raw, lo, hi, fresh, file, at.Format("2006-01-02 15:04:05+00"), keys)
				if _, err := db.Exec(st); err != nil {
					b.Fatal(err)
				}
				if name == "postgres" {
					db.Exec("ANALYZE " + raw)
				}
				if name == "duckdb" {
					// mtx load's process ends with a checkpoint of what it
					// wrote (DuckDB checkpoints on close): the refresh must
					// not pay for checkpointing the batch it reads.
					if _, err := db.Exec("CHECKPOINT"); err != nil {
						b.Fatal(err)
					}
				}
			}
			// checkpoint times the checkpoint that ends mtx run's process on
			// DuckDB, reported beside the build it follows.
			checkpoint := func() time.Duration {
				if name != "duckdb" {
					return 0
				}
				t0 := time.Now()
				if _, err := db.Exec("CHECKPOINT"); err != nil {
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
			if name == "duckdb" {
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
