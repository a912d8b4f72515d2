package tests

import (
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// scaleSizes are the raw event counts BenchmarkRefreshScale starts from:
// MTX_BENCH_SCALE (commas), default 5M and 50M.
func scaleSizes(b *testing.B) []int {
	s := os.Getenv("MTX_BENCH_SCALE")
	if s == "" {
		return []int{5_000_000, 50_000_000}
	}
	var out []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n <= 0 {
			b.Fatalf("MTX_BENCH_SCALE: %q is not a positive number of rows", f)
		}
		out = append(out, n)
	}
	return out
}

// resetPeakRSS restarts the kernel's count of this process's peak resident
// set (VmHWM); false where the kernel does not allow it.
func resetPeakRSS() bool {
	return os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) == nil
}

// peakRSS is this process's peak resident set since the last reset (MiB),
// 0 where unknown.
func peakRSS() int {
	s, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(s), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, _ := strconv.Atoi(f[1])
			return kb / 1024
		}
	}
	return 0
}

// BenchmarkRefreshScale shows that a refresh costs what its batch costs,
// not what the table costs: for each size of MTX_BENCH_SCALE (default 5M
// and 50M raw events, 10% older versions) it times a full build of
// current_events, then refreshes after batches of the same absolute size
// (MTX_BENCH_BATCH, default 50,000 rows: half newer versions, half new
// events; MTX_BENCH_ROUNDS, default 3, median reported), checks the table
// equals a full rebuild, and prints the curve: rows, full build, refresh,
// and for an embedded engine (DuckDB, in this process) the peak RSS of
// each, then the median time of each kind of refresh statement at the
// smallest and the largest size (which statements grow with the table).
// It fails when the refresh at the largest size takes 2x or more the
// refresh at the smallest.
//
//	go test ./tests -run NONE -bench 'RefreshScale/duckdb' -benchtime 1x
func BenchmarkRefreshScale(b *testing.B) {
	batch := 50_000
	if n, err := strconv.Atoi(os.Getenv("MTX_BENCH_BATCH")); err == nil && n > 0 {
		batch = n
	}
	rounds := buildRounds()
	for _, a := range benchEngines() {
		b.Run(a.Name, func(b *testing.B) {
			type point struct {
				rows             int
				full, refresh    time.Duration
				fullRSS, refRSS  int
				load             string
				fullRel, current int
				steps            map[string]time.Duration // median per kind of statement
			}
			var curve []point
			var kinds []string // every kind of refresh statement seen, in order
			for _, n := range scaleSizes(b) {
				db, d, schema := refreshBenchOpen(b, a)
				q := d.Quote
				keys := n * 9 / 10
				at := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
				next := func() time.Time { at = at.Add(24 * time.Hour); return at }
				t0 := time.Now()
				loadBenchEvents(b, db, d, schema, 0, n, keys, false, "initial.parquet", at)
				b.Logf("%s: loaded %d raw events in %s", a.Name, n, time.Since(t0).Round(time.Millisecond))

				r, g := eventsRunner(b, db, d, schema)
				// Each refresh statement's time, to show which grow.
				st := &stepTimes{}
				if r.Trace != nil {
					r.Trace = io.MultiWriter(r.Trace, st)
				} else {
					r.Trace = st
				}
				build := func(full bool) (time.Duration, int) {
					r.FullRefresh = full
					embedded := a.Embedded != nil && resetPeakRSS()
					t0 := time.Now()
					if err := r.Run(context.Background(), g, []string{"current_events"}); err != nil {
						b.Fatal(err)
					}
					dt := time.Since(t0)
					if !embedded {
						return dt, 0
					}
					return dt, peakRSS()
				}
				pt := point{rows: n, load: loadAverage()}
				pt.full, pt.fullRSS = build(true)
				rows := n
				// Steady state: one earlier batch merged after the backfill.
				loadBenchEvents(b, db, d, schema, rows, rows+batch, keys, true, "warm-up.parquet", next())
				rows += batch
				build(false)
				var refreshes []time.Duration
				var stepRuns []map[string]time.Duration
				for i := 0; i < rounds; i++ {
					loadBenchEvents(b, db, d, schema, rows, rows+batch, keys, true, fmt.Sprintf("batch-%d.parquet", i), next())
					rows += batch
					st.reset()
					dt, rss := build(false)
					refreshes = append(refreshes, dt)
					stepRuns = append(stepRuns, st.reset())
					pt.refRSS = max(pt.refRSS, rss)
				}
				pt.refresh = median(refreshes)
				for _, k := range st.order {
					if !slices.Contains(kinds, k) {
						kinds = append(kinds, k)
					}
				}
				pt.steps = medianSteps(st.order, stepRuns)
				db.QueryRow("SELECT COUNT(*) FROM " + q(schema) + "." + q("current_events")).Scan(&pt.current)
				fmt.Printf("%s, %d raw events (%d current), load average %s: full build %s (peak RSS %d MiB), refresh after %d rows %s (median of %d: %v; peak RSS %d MiB)\n",
					a.Name, n, pt.current, pt.load, pt.full.Round(time.Millisecond), pt.fullRSS, batch, pt.refresh.Round(time.Millisecond), rounds, roundAll(refreshes), pt.refRSS)
				// The refreshed table equals a full rebuild (grain, version
				// and load columns, EXCEPT ALL both ways).
				rel := q(schema) + "." + q("current_events")
				ident := strings.Join([]string{q("environment_type"), q("transaction_id"), q("_mtx_source_file"), q("_mtx_loaded_at"), q("updated_at"), q("timestamp")}, ", ")
				fullSQL := g.Nodes["current_events"].SQL
				var diff int
				check := fmt.Sprintf("SELECT COUNT(*) FROM ((SELECT %s FROM %s EXCEPT ALL SELECT %s FROM (%s) AS f) UNION ALL (SELECT %s FROM (%s) AS f EXCEPT ALL SELECT %s FROM %s)) AS d",
					ident, rel, ident, fullSQL, ident, fullSQL, ident, rel)
				if err := db.QueryRow(check).Scan(&diff); err != nil {
					b.Fatal(err)
				}
				if diff != 0 {
					b.Fatalf("%s at %d rows: the refreshed current_events differs from a full rebuild in %d rows", a.Name, n, diff)
				}
				curve = append(curve, pt)
				// Free this size's data before the next one (the cleanup's
				// drop finds nothing left).
				if _, err := db.Exec(a.DropSchemaSQL(q(schema))); err != nil {
					b.Fatal(err)
				}
				if a.Bench.Checkpoint != "" {
					db.Exec(a.Bench.Checkpoint)
				}
			}
			fmt.Printf("%s: rows, full build, refresh after %d rows, peak RSS full / refresh (MiB, this process; 0: not embedded)\n", a.Name, batch)
			for _, pt := range curve {
				fmt.Printf("%s: %d, %s, %s, %d / %d\n", a.Name, pt.rows, pt.full.Round(time.Millisecond), pt.refresh.Round(time.Millisecond), pt.fullRSS, pt.refRSS)
			}
			if len(curve) > 1 {
				lo, hi := curve[0], curve[len(curve)-1]
				// Which statements of the refresh grow with the table:
				// median time per kind at the smallest and largest size.
				fmt.Printf("%s: refresh statements, slowest first (median of %d): at %d rows, at %d rows, growth\n", a.Name, rounds, lo.rows, hi.rows)
				for _, k := range slowestSteps(kinds, hi.steps) {
					if lo.steps[k] == 0 && hi.steps[k] == 0 {
						continue // a build's statement, not the refresh's
					}
					growth := "-"
					if lo.steps[k] > 0 {
						growth = fmt.Sprintf("%.1fx", hi.steps[k].Seconds()/lo.steps[k].Seconds())
					}
					fmt.Printf("%s:   %s: %s, %s, %s\n", a.Name, k, lo.steps[k].Round(time.Millisecond), hi.steps[k].Round(time.Millisecond), growth)
				}
				grow := float64(hi.rows) / float64(lo.rows)
				fullGrowth := hi.full.Seconds() / lo.full.Seconds()
				refreshGrowth := hi.refresh.Seconds() / lo.refresh.Seconds()
				b.ReportMetric(fullGrowth, "full_growth")
				b.ReportMetric(refreshGrowth, "refresh_growth")
				fmt.Printf("%s: %.0fx the rows: full build %.1fx, refresh %.2fx\n", a.Name, grow, fullGrowth, refreshGrowth)
				if refreshGrowth >= 2 {
					b.Errorf("%s: the refresh after %d rows took %.2fx as long at %d raw events as at %d (must stay under 2x)", a.Name, batch, refreshGrowth, hi.rows, lo.rows)
				}
			}
		})
	}
}
