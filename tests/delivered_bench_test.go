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

	shipped "github.com/mtxhq/mtx/cookbook"
	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/dialects/enginetest"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/internal/cookbook"
	"github.com/mtxhq/mtx/internal/discover"
	"github.com/mtxhq/mtx/internal/model"
)

// BenchmarkDeliveredEvents measures, on a delivered and already merged
// events table of MTX_BENCH_EVENTS rows (default 5M; one row per key, no
// provenance columns, as Metronome's sync service leaves it), the
// events_per_month cookbook query on current_events built in source mode
// against the same query on the delivered table itself, and reports the
// median ratio of interleaved rounds (issue 11: at most 1.2x), with the
// full build's time:
//
//	MTX_BENCH_EVENTS=5000000 go test ./tests -run NONE -bench DeliveredEvents -benchtime 1x
func BenchmarkDeliveredEvents(b *testing.B) {
	for _, a := range benchEngines() {
		name := a.Name
		b.Run(name, func(b *testing.B) {
			db, d, schema := benchSetup(b, a)
			q := d.Quote
			n := benchEvents()
			// Generate into mtx's raw table (every key once), then copy
			// the delivered columns into the source schema.
			raw := q(schema) + "." + q("events")
			st := a.Bench.Events(raw, 0, n, n, false, "f.parquet", d.TimestampLiteral(time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)))
			if _, err := db.Exec(st); err != nil {
				b.Fatal(err)
			}
			src := schema + "_src"
			b.Cleanup(func() { db.Exec("DROP SCHEMA IF EXISTS " + q(src) + " CASCADE") })
			h, _ := catalog.Embedded()
			tbl, _ := h.Current().Table("events")
			var cols []string
			for _, c := range tbl.Columns {
				if !c.System {
					cols = append(cols, q(c.Name))
				}
			}
			for _, s := range []string{
				"CREATE SCHEMA " + q(src),
				"CREATE TABLE " + q(src) + "." + q("events") + " AS SELECT " + strings.Join(cols, ", ") + " FROM " + raw,
				"DROP TABLE " + raw,
			} {
				if _, err := db.Exec(s); err != nil {
					b.Fatal(err)
				}
			}
			if a.Bench.Analyze != "" {
				db.Exec(fmt.Sprintf(a.Bench.Analyze, q(src)+"."+q("events")))
			}
			if a.Bench.Checkpoint != "" {
				db.Exec(a.Bench.Checkpoint)
			}
			ctx := context.Background()
			only := func(t string) bool { return t == "events" }
			delivered, err := discover.Discover(ctx, d, db, src, h.Current(), only)
			if err != nil {
				b.Fatal(err)
			}
			reg, err := model.Load(h.Current(), only, "")
			if err != nil {
				b.Fatal(err)
			}
			p := &model.Project{Dialect: d, Schema: schema, Catalog: h.Current(), Selected: only, Models: reg, Source: delivered, Options: dialects.DefaultOptions()}
			g, err := p.Compile()
			if err != nil {
				b.Fatal(err)
			}
			t0 := time.Now()
			r := &model.Runner{Project: p, DB: db}
			if err := r.Run(ctx, g, []string{"current_events"}); err != nil {
				b.Fatal(err)
			}
			build := time.Since(t0)
			if a.Bench.Checkpoint != "" {
				db.Exec(a.Bench.Checkpoint)
			}
			book, err := cookbook.Load(shipped.FS)
			if err != nil {
				b.Fatal(err)
			}
			entry, err := book.Entry("events_per_month")
			if err != nil {
				b.Fatal(err)
			}
			o := dialects.DefaultOptions()
			o.Schema = schema
			rd, err := cookbook.NewRenderer(d, o, h.Current())
			if err != nil {
				b.Fatal(err)
			}
			res, err := rd.Render(entry, nil)
			if err != nil {
				b.Fatal(err)
			}
			modelRel := q(schema) + "." + q("current_events")
			if !strings.Contains(res.SQL, modelRel) {
				b.Fatalf("events_per_month does not read %s:\n%s", modelRel, res.SQL)
			}
			onDelivered := strings.ReplaceAll(res.SQL, modelRel, q(src)+"."+q("events"))
			rows := formattedRowsB(b, db, res.SQL)
			want := formattedRowsB(b, db, onDelivered)
			if strings.Join(rows, "\n") != strings.Join(want, "\n") {
				b.Fatalf("events_per_month differs on current_events and on the delivered table")
			}
			tModel, tTable, ratio := interleaved(b, db, res.SQL, onDelivered, benchRounds())
			b.ReportMetric(ratio, "ratio")
			b.Logf("%s, %d delivered events: full build of current_events %s; events_per_month on current_events %s, on the delivered table %s (medians of %d interleaved rounds): median ratio %.2fx (issue 11: <= 1.2x)",
				name, n, build.Round(time.Millisecond), tModel.Round(time.Millisecond), tTable.Round(time.Millisecond), benchRounds(), ratio)
		})
	}
}

// benchRounds is MTX_BENCH_ROUNDS, default 7: the rounds interleaved
// measures.
func benchRounds() int {
	if n, err := strconv.Atoi(os.Getenv("MTX_BENCH_ROUNDS")); err == nil && n > 0 {
		return n
	}
	return 7
}

// querier is a *sql.DB or one session of it (*sql.Conn).
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// interleaved times queries a and b in alternation, rounds times each
// after one untimed warm-up of both, swapping which goes first every
// round, so that load from other processes falls on both alike. It
// returns the median time of each and the median of the per-round ratios
// a/b.
func interleaved(tb testing.TB, db querier, a, b string, rounds int) (time.Duration, time.Duration, float64) {
	run := func(q string) time.Duration {
		t0 := time.Now()
		rs, err := db.QueryContext(context.Background(), q)
		if err != nil {
			tb.Fatal(err)
		}
		for rs.Next() {
		}
		if err := rs.Err(); err != nil {
			tb.Fatal(err)
		}
		rs.Close()
		return time.Since(t0)
	}
	run(a)
	run(b)
	var ta, tbs []time.Duration
	var ratios []float64
	for i := 0; i < rounds; i++ {
		var x, y time.Duration
		if i%2 == 0 {
			x = run(a)
			y = run(b)
		} else {
			y = run(b)
			x = run(a)
		}
		ta, tbs = append(ta, x), append(tbs, y)
		ratios = append(ratios, float64(x)/float64(y))
	}
	sort.Slice(ta, func(i, j int) bool { return ta[i] < ta[j] })
	sort.Slice(tbs, func(i, j int) bool { return tbs[i] < tbs[j] })
	sort.Float64s(ratios)
	return ta[rounds/2], tbs[rounds/2], ratios[rounds/2]
}

// formattedRowsB is formattedRows for a benchmark (rows in query order).
func formattedRowsB(b *testing.B, db *sql.DB, query string) []string {
	out, err := enginetest.FormattedRows(context.Background(), db, query, " | ")
	if err != nil {
		b.Fatalf("%s: %v", query, err)
	}
	return out
}
