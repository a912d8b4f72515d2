package tests

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/dialects/enginetest"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/internal/export"
	"github.com/mtxhq/mtx/internal/load"
	"github.com/mtxhq/mtx/internal/model"
)

// refreshBenchSize is the number of raw events BenchmarkRefreshEveryEngine
// starts from on engine name: MTX_BENCH_REFRESH_EVENTS_<ENGINE>, else
// MTX_BENCH_REFRESH_EVENTS for engines with a SQL generator (default 1M),
// else 2,000 for the emulators (rows sent as literals).
func refreshBenchSize(name string) int {
	for _, env := range []string{"MTX_BENCH_REFRESH_EVENTS_" + strings.ToUpper(name), "MTX_BENCH_REFRESH_EVENTS"} {
		if env == "MTX_BENCH_REFRESH_EVENTS" && emulatedEngine(name) {
			continue
		}
		if n, err := strconv.Atoi(os.Getenv(env)); err == nil && n > 0 {
			return n
		}
	}
	if emulatedEngine(name) {
		return 2_000
	}
	return 1_000_000
}

// emulatedEngine: engines whose local stand-in is an emulator (fakesnow,
// the BigQuery emulator): absolute times mean little there, ratios do.
func emulatedEngine(name string) bool {
	a, err := enginetest.Get(name)
	return err == nil && a.SlowRows
}

// refreshBenchOpen opens engine a on a fresh, migrated schema holding
// the events table, or skips saying how to provide the engine.
func refreshBenchOpen(b *testing.B, a *enginetest.Adapter) (*sql.DB, dialects.Dialect, string) {
	db, d, schema := benchSetup(b, a)
	o := dialects.DefaultOptions()
	o.Schema = schema
	h, _ := catalog.Embedded()
	// mtx load with no table selected creates the load manifest, which
	// loadBenchEvents fills as mtx load would (the refresh reads it).
	src, err := export.Open(context.Background(), manifestOnlyExport(b))
	if err != nil {
		b.Fatal(err)
	}
	if _, err := load.Run(context.Background(), load.Options{Dialect: d, DB: db, Schema: o, Catalog: h.Current(), Source: src, Tables: func(string) bool { return false }}); err != nil {
		b.Fatal(err)
	}
	return db, d, schema
}

// loadBenchEvents writes raw events lo..hi-1 (see enginetest.Bench.EventRows) loaded
// and transferred at at, from file.
func loadBenchEvents(b *testing.B, db *sql.DB, d dialects.Dialect, schema string, lo, hi, keys int, fresh bool, file string, at time.Time) {
	name, q := d.Name(), d.Quote
	raw := q(schema) + "." + q("events")
	md := d
	if a, err := enginetest.Get(name); err == nil && a.Bench != nil && a.Bench.EventRows != "" {
		if _, err := db.Exec(a.Bench.Events(raw, lo, hi, keys, fresh, file, md.TimestampLiteral(at))); err != nil {
			b.Fatal(err)
		}
	} else {
		emulatorEvents(b, db, d, raw, lo, hi, keys, fresh, file, at)
	}
	// The manifest entry mtx load writes with the rows.
	entry := fmt.Sprintf("INSERT INTO %s.%s (%s, %s, %s, %s, %s, %s, %s) VALUES ('%s', 'events', 0, '', %d, %s, %s)",
		q(schema), q(load.ManifestTable), q("path"), q("table_name"), q("size"), q("etag"), q("rows"), q("transferred_at"), q("loaded_at"),
		file, hi-lo, md.TimestampLiteral(at), md.TimestampLiteral(at))
	if _, err := db.Exec(entry); err != nil {
		b.Fatal(err)
	}
	if a, ok := d.Analyze(raw); ok {
		db.Exec(a)
	}
	if a, err := enginetest.Get(name); err == nil && a.Bench != nil && a.Bench.Checkpoint != "" {
		// mtx load's process ends with a checkpoint (DuckDB checkpoints on
		// close): the build must not pay for checkpointing what it reads.
		if _, err := db.Exec(a.Bench.Checkpoint); err != nil {
			b.Fatal(err)
		}
	}
}

// emulatorEvents writes the rows of enginetest.Bench.EventRows as literals, 500 a
// statement (the emulators have no fast row generator; Snowflake's INSERT
// VALUES takes only constants, so there it is INSERT … SELECT … UNION ALL).
// properties stays NULL: it plays no part in current state.
func emulatorEvents(b *testing.B, db *sql.DB, d dialects.Dialect, raw string, lo, hi, keys int, fresh bool, file string, at time.Time) {
	md, q := d, d.Quote
	cols := []string{"transaction_id", "customer_id", "timestamp", "event_type", "environment_type", "_metronome_metadata_id", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"}
	for i := range cols {
		cols[i] = q(cols[i])
	}
	into := "INSERT INTO " + raw + " (" + strings.Join(cols, ", ") + ")"
	day := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	lit := md.TimestampLiteral(at)
	for start := lo; start < hi; start += 500 {
		var tuples []string
		for i := start; i < min(start+500, hi); i++ {
			k := i % keys
			if fresh && i%2 == 1 {
				k = i
			}
			env := "PRODUCTION"
			if k%10 == 0 {
				env = "SANDBOX"
			}
			tuples = append(tuples, fmt.Sprintf("'txn-%d', 'cust-%d', %s, 'api_call', '%s', 'meta-%d', %s, '%s', %s, %s",
				k, k%5000, md.TimestampLiteral(day.Add(time.Duration(k%2592000)*time.Second)), env, i,
				md.TimestampLiteral(day.Add(time.Duration(i)*time.Millisecond)), file, lit, lit))
		}
		st := into + " VALUES (" + strings.Join(tuples, "), (") + ")"
		if a, _ := enginetest.Get(d.Name()); a != nil && a.InsertSelect {
			st = into + " SELECT " + strings.Join(tuples, "\nUNION ALL SELECT ")
		}
		if _, err := db.Exec(st); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRefreshEveryEngine prints, on every live engine, how much faster
// an incremental refresh of current_events after a 1% batch (half newer
// versions, half new events) is than its full build, and compares mtx run
// after a 50% batch (which rebuilds: model.RebuildShare) with
// --full-refresh of the same data. Full
// builds and refreshes alternate (MTX_BENCH_ROUNDS, default 3), medians are
// reported, and after every refresh the table is checked equal to a full
// rebuild. Sizes: refreshBenchSize.
//
//	go test ./tests -run NONE -bench RefreshEveryEngine -benchtime 1x
func BenchmarkRefreshEveryEngine(b *testing.B) {
	rounds := 3
	if n, err := strconv.Atoi(os.Getenv("MTX_BENCH_ROUNDS")); err == nil && n > 0 {
		rounds = n
	}
	for _, a := range enginetest.All() {
		if a.NoLocalEngine != "" {
			continue // Redshift: a real cluster only
		}
		name := a.Name
		b.Run(name, func(b *testing.B) {
			db, d, schema := refreshBenchOpen(b, a)
			q := d.Quote
			n := refreshBenchSize(name)
			keys := n * 9 / 10
			batch := max(n/100, 2)
			at := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
			next := func() time.Time { at = at.Add(24 * time.Hour); return at }
			t0 := time.Now()
			loadBenchEvents(b, db, d, schema, 0, n, keys, false, "initial.parquet", at)
			b.Logf("%s: loaded %d raw events in %s", name, n, time.Since(t0).Round(time.Millisecond))

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
			ident := strings.Join([]string{q("environment_type"), q("transaction_id"), q("_mtx_source_file"), q("_mtx_loaded_at"), q("updated_at")}, ", ")
			fullSQL := g.Nodes["current_events"].SQL
			equalsRebuild := func(when string) int {
				got := formattedRowsB(b, db, "SELECT "+ident+" FROM "+rel)
				want := formattedRowsB(b, db, "SELECT "+ident+" FROM ("+fullSQL+") AS "+q("f"))
				sort.Strings(got)
				sort.Strings(want)
				if strings.Join(got, "\n") != strings.Join(want, "\n") {
					b.Fatalf("%s: after %s current_events (%d rows) differs from a full rebuild (%d rows)", name, when, len(got), len(want))
				}
				return len(got)
			}

			var fulls, refreshes []time.Duration
			build(true)
			rows := n
			// Steady state: one earlier daily batch merged (where a refresh
			// re-reads the last load, the first one after the backfill
			// would re-read all of it, and rebuilds).
			loadBenchEvents(b, db, d, schema, rows, rows+batch, keys, true, "warm-up.parquet", next())
			rows += batch
			build(false)
			for i := 0; i < rounds; i++ {
				fulls = append(fulls, build(true))
				loadBenchEvents(b, db, d, schema, rows, rows+batch, keys, true, fmt.Sprintf("batch-%d.parquet", i), next())
				rows += batch
				refreshes = append(refreshes, build(false))
				equalsRebuild(fmt.Sprintf("the refresh after batch %d", i))
			}
			full, refresh := median(fulls), median(refreshes)
			ratio := full.Seconds() / refresh.Seconds()

			// A batch half the size of the export: refresh, then a full
			// build of the same data, alternating.
			half := rows / 2
			loadBenchEvents(b, db, d, schema, rows, rows+half, keys, true, "half.parquet", next())
			rows += half
			var log strings.Builder
			r.Log = &log
			bigRefresh := build(false)
			r.Log = nil
			current := equalsRebuild("mtx run after a 50% batch")
			how := "refreshed"
			if strings.Contains(log.String(), "rebuilding") {
				how = "rebuilt (model.RebuildShare)"
			}
			bigFull := build(true)
			bigRatio := bigFull.Seconds() / bigRefresh.Seconds()

			b.ReportMetric(full.Seconds(), "full_s")
			b.ReportMetric(refresh.Seconds(), "refresh_s")
			b.ReportMetric(ratio, "full/refresh")
			b.ReportMetric(bigFull.Seconds()/bigRefresh.Seconds(), "full/refresh_50pct")
			verdict := "ok"
			if ratio < 5 {
				verdict = "UNDER 5x"
			}
			fmt.Printf("%s, %d raw events: full build %s, refresh after a 1%% batch (%d rows) %s: %.1fx (%s; medians of %d, each refresh identical to a full rebuild)\n",
				name, n, full.Round(time.Millisecond), batch, refresh.Round(time.Millisecond), ratio, verdict, rounds)
			fmt.Printf("%s, after a 50%% batch (%d raw events, %d current): mtx run %s (%s), --full-refresh %s: %.2fx\n",
				name, rows, current, bigRefresh.Round(time.Millisecond), how, bigFull.Round(time.Millisecond), bigRatio)
		})
	}
}

// median of ds (the upper one of an even count).
func median(ds []time.Duration) time.Duration {
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2]
}

// eventsRunner is a model runner for current_events alone, compiled over
// the embedded catalog; MTX_BENCH_TRACE prints its statements.
func eventsRunner(b *testing.B, db *sql.DB, d dialects.Dialect, schema string) (*model.Runner, *model.Graph) {
	b.Helper()
	h, _ := catalog.Embedded()
	events := func(t string) bool { return t == "events" }
	reg, err := model.Load(h.Current(), events, "")
	if err != nil {
		b.Fatal(err)
	}
	p := &model.Project{Dialect: d, Schema: schema, Catalog: h.Current(), Selected: events, Models: reg}
	g, err := p.Compile()
	if err != nil {
		b.Fatal(err)
	}
	r := &model.Runner{Project: p, DB: db}
	if os.Getenv("MTX_BENCH_TRACE") != "" {
		r.Trace = os.Stderr
	}
	return r, g
}
