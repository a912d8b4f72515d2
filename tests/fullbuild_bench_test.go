package tests

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/dialects/enginetest"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/internal/model"
)

// fullBuildTables are the incremental current-state models
// BenchmarkFullBuildVsPeer builds: MTX_BENCH_TABLES (commas), else all four.
func fullBuildTables() []string {
	if s := os.Getenv("MTX_BENCH_TABLES"); s != "" {
		return strings.Split(s, ",")
	}
	return []string{"events", "line_item", "breakdowns_invoices", "breakdowns_line_items"}
}

// buildRounds is MTX_BENCH_ROUNDS, default 3 (a build takes seconds).
func buildRounds() int {
	if n, err := strconv.Atoi(os.Getenv("MTX_BENCH_ROUNDS")); err == nil && n > 0 {
		return n
	}
	return 3
}

// loadAverage is the machine's 1-minute load average, "?" where unknown.
func loadAverage() string {
	s, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	return strings.Fields(string(s))[0]
}

// BenchmarkFullBuildVsPeer times, on MTX_BENCH_EVENTS raw rows per table
// (default 5M; 10% older versions, 1% exact ties on the version columns
// decided by the source file, 1% versions without updated_at, 1% rows
// without environment_type), mtx's full build of each incremental
// current-state model (events, line_item and both breakdowns) against
// CREATE TABLE AS the rebuild a careful dbt user writes by hand
// (enginetest.Bench.PeerRebuild: ROW_NUMBER() … = 1, DISTINCT ON on
// PostgreSQL). Both sides alternate, which goes first too
// (MTX_BENCH_ROUNDS, default 3); medians and ratios are printed, and both
// tables are checked to hold the same rows, every column compared (EXCEPT
// ALL both ways). line_item and the breakdowns get the events' keys,
// versions and load columns, their strings and times filled from the
// events' columns (the rest NULL). Not run by plain go test:
//
//	MTX_BENCH_EVENTS=5000000 go test ./tests -run NONE -bench FullBuildVsPeer -benchtime 1x
func BenchmarkFullBuildVsPeer(b *testing.B) {
	tables := fullBuildTables()
	chosen := map[string]bool{"events": true}
	for _, t := range tables {
		chosen[t] = true
	}
	selected := func(t string) bool { return chosen[t] }
	for _, a := range enginetest.Find(func(a *enginetest.Adapter) bool { return a.Bench != nil && a.Bench.PeerRebuild != "" }) {
		b.Run(a.Name, func(b *testing.B) {
			db, d, schema := benchSetupTables(b, a, selected)
			q := d.Quote
			h, _ := catalog.Embedded()
			c := h.Current()
			n := benchEvents()
			t0 := time.Now()
			fillFullBuildTables(b, db, a, d, c, schema, n, tables)
			b.Logf("%s: loaded %d raw rows into each of %s in %s", a.Name, n, strings.Join(tables, ", "), time.Since(t0).Round(time.Millisecond))

			reg, err := model.Load(c, selected, "")
			if err != nil {
				b.Fatal(err)
			}
			p := &model.Project{Dialect: d, Schema: schema, Catalog: c, Selected: selected, Models: reg}
			g, err := p.Compile()
			if err != nil {
				b.Fatal(err)
			}
			r := &model.Runner{Project: p, DB: db, FullRefresh: true}
			if os.Getenv("MTX_BENCH_TRACE") != "" {
				r.Trace = os.Stderr
			}
			ctx := context.Background()
			loadBefore := loadAverage()
			for _, name := range tables {
				t, _ := c.Table(name)
				var cols, grain, order []string
				for _, col := range t.Columns {
					cols = append(cols, q(col.Name))
				}
				for _, k := range t.Key {
					grain = append(grain, q(k))
				}
				grain = append(grain, q(model.EnvironmentColumn))
				for _, o := range append(append([]string{}, t.Version...), model.TieBreak...) {
					order = append(order, q(o)+" DESC NULLS LAST")
				}
				raw := q(schema) + "." + q(name)
				peerRel := q(schema) + "." + q("peer_"+name)
				peerSQL := a.Bench.Peer(strings.Join(cols, ", "), raw, q(t.Key[0])+" IS NOT NULL", strings.Join(grain, ", "), strings.Join(order, ", "))
				// An embedded engine's work is this process's CPU time, which
				// other jobs on the machine do not inflate as they do the
				// wall clock.
				var mtxCPU, peerCPU []time.Duration
				embedded := a.Embedded != nil
				peer := func() time.Duration {
					if _, err := db.Exec("DROP TABLE IF EXISTS " + peerRel); err != nil {
						b.Fatal(err)
					}
					c0, t0 := processCPU(), time.Now()
					if _, err := db.Exec("CREATE TABLE " + peerRel + " AS " + peerSQL); err != nil {
						b.Fatal(err)
					}
					peerCPU = append(peerCPU, processCPU()-c0)
					return time.Since(t0)
				}
				build := func() time.Duration {
					c0, t0 := processCPU(), time.Now()
					if err := r.Run(ctx, g, []string{"current_" + name}); err != nil {
						b.Fatal(err)
					}
					mtxCPU = append(mtxCPU, processCPU()-c0)
					return time.Since(t0)
				}
				var mtxs, peers []time.Duration
				for i := 0; i < buildRounds(); i++ {
					if i%2 == 0 {
						peers = append(peers, peer())
						mtxs = append(mtxs, build())
					} else {
						mtxs = append(mtxs, build())
						peers = append(peers, peer())
					}
				}
				mine := q(schema) + "." + q("current_"+name)
				list := strings.Join(cols, ", ")
				var diff, rows int
				check := fmt.Sprintf("SELECT COUNT(*) FROM ((SELECT %s FROM %s EXCEPT ALL SELECT %s FROM %s) UNION ALL (SELECT %s FROM %s EXCEPT ALL SELECT %s FROM %s)) AS d",
					list, mine, list, peerRel, list, peerRel, list, mine)
				if err := db.QueryRow(check).Scan(&diff); err != nil {
					b.Fatal(err)
				}
				if diff != 0 {
					b.Fatalf("%s: current_%s differs from the hand-written rebuild in %d rows", a.Name, name, diff)
				}
				if err := db.QueryRow("SELECT COUNT(*) FROM " + mine).Scan(&rows); err != nil {
					b.Fatal(err)
				}
				m, pe := median(mtxs), median(peers)
				ratio := pe.Seconds() / m.Seconds()
				verdict := "ok"
				if ratio < 1.5 {
					verdict = "UNDER 1.5x"
				}
				b.ReportMetric(ratio, name+"_peer/mtx")
				fmt.Printf("%s, current_%s from %d raw rows (%d current): mtx full build %s, hand-written rebuild %s: %.2fx (%s; medians of %d, alternating; identical rows) mtx %v peer %v\n",
					a.Name, name, n+3*n/100, rows, m.Round(time.Millisecond), pe.Round(time.Millisecond), ratio, verdict, len(mtxs), roundAll(mtxs), roundAll(peers))
				if embedded {
					mc, pc := median(mtxCPU), median(peerCPU)
					b.ReportMetric(pc.Seconds()/mc.Seconds(), name+"_peer/mtx_cpu")
					fmt.Printf("%s, current_%s: CPU time of this process (the engine runs in it): mtx %s, hand-written %s: %.2fx (medians) mtx %v peer %v\n",
						a.Name, name, mc.Round(time.Millisecond), pc.Round(time.Millisecond), pc.Seconds()/mc.Seconds(), roundAll(mtxCPU), roundAll(peerCPU))
				}
			}
			fmt.Printf("%s: load average %s before, %s after\n", a.Name, loadBefore, loadAverage())
		})
	}
}

func roundAll(ds []time.Duration) []time.Duration {
	out := make([]time.Duration, len(ds))
	for i, d := range ds {
		out[i] = d.Round(10 * time.Millisecond)
	}
	return out
}

// fillFullBuildTables loads n generated raw events (enginetest.Bench.EventRows)
// plus 3% of edge cases, then gives every other table of tables the same
// rows under its own columns.
func fillFullBuildTables(b *testing.B, db *sql.DB, a *enginetest.Adapter, d dialects.Dialect, c *catalog.Catalog, schema string, n int, tables []string) {
	q := d.Quote
	events := q(schema) + "." + q("events")
	at := d.TimestampLiteral(time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC))
	if _, err := db.Exec(a.Bench.Events(events, 0, n, n*9/10, false, "initial.parquet", at)); err != nil {
		b.Fatal(err)
	}
	ev, _ := c.Table("events")
	var all []string
	for _, col := range ev.Columns {
		all = append(all, q(col.Name))
	}
	// Edge cases, each a copy of 1% of the rows (picked by the metadata id's
	// last digits) with one thing changed: the same versions from a later
	// file (a tie decided by TieBreak), no updated_at (older than any
	// version), no environment_type (a grain of its own).
	edges := []struct{ suffix, column, value string }{
		{"37", catalog.SourceFileColumn, "'tie.parquet'"},
		{"41", "updated_at", "NULL"},
		{"59", model.EnvironmentColumn, "NULL"},
	}
	for _, e := range edges {
		sel := make([]string, len(all))
		copy(sel, all)
		for i, col := range ev.Columns {
			if col.Name == e.column {
				sel[i] = e.value
			}
		}
		st := fmt.Sprintf("INSERT INTO %s (%s) SELECT %s FROM %s WHERE %s LIKE '%%%s' AND %s = 'initial.parquet'",
			events, strings.Join(all, ", "), strings.Join(sel, ", "), events, q("_metronome_metadata_id"), e.suffix, q(catalog.SourceFileColumn))
		if _, err := db.Exec(st); err != nil {
			b.Fatal(err)
		}
	}
	for _, name := range tables {
		if name == "events" {
			continue
		}
		t, ok := c.Table(name)
		if !ok || len(t.Key) != 1 {
			b.Fatalf("%s: not a table with a one-column key", name)
		}
		from := map[string]string{
			t.Key[0]: "transaction_id", model.EnvironmentColumn: model.EnvironmentColumn, "updated_at": "updated_at",
			catalog.SourceFileColumn: catalog.SourceFileColumn, catalog.TransferredAtColumn: catalog.TransferredAtColumn, catalog.LoadedAtColumn: catalog.LoadedAtColumn,
		}
		strs := []string{"customer_id", "_metronome_metadata_id", "event_type"}
		var into, sel []string
		for _, col := range t.Columns {
			src, ok := from[col.Name]
			switch {
			case ok:
			case col.Type == catalog.String:
				src = strs[len(into)%len(strs)]
			case col.Type == catalog.Timestamp:
				src = "timestamp"
			default:
				continue
			}
			into = append(into, q(col.Name))
			sel = append(sel, q(src))
		}
		st := fmt.Sprintf("INSERT INTO %s.%s (%s) SELECT %s FROM %s", q(schema), q(name), strings.Join(into, ", "), strings.Join(sel, ", "), events)
		if _, err := db.Exec(st); err != nil {
			b.Fatal(err)
		}
	}
	for _, name := range tables {
		if st, ok := d.Analyze(q(schema) + "." + q(name)); ok {
			db.Exec(st)
		}
	}
	if a.Bench.Checkpoint != "" {
		if _, err := db.Exec(a.Bench.Checkpoint); err != nil {
			b.Fatal(err)
		}
	}
}
