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
	"github.com/mtxhq/mtx/internal/model"
)

// benchLive is BenchmarkCurrentEvents' part on current_events_live: the
// same queries — the events_per_month cookbook shape (COUNT per UTC month
// per environment), an aggregate over every event, one event by key — on
// a pre-deduplicated table (CREATE TABLE AS the full build) and on
//
//	(a) the live view right after a refresh (its tail is the batch just
//	    merged, still inside the 1h lookback),
//	(b) the live view with a further, un-merged 1% batch pending,
//	(c) the plain ranking view (view, every raw row ranked),
//
// printing each one's ratio to the table (medians of interleaved runs,
// queryRuns, on a session prepared as mtx query prepares it; on engines
// whose read session differs, events_per_month on a plain session too).
// Before (b) is timed it checks
// the live view equals a full rebuild. pending loads the un-merged batch.
// MTX_BENCH_EXPLAIN=1 prints the engine's plan of every live-view query.
func benchLive(b *testing.B, db *sql.DB, d dialects.Dialect, schema, fullSQL, view string, pending func()) {
	name, q := d.Name(), d.Quote
	a := adapterOf(name)
	table := q(schema) + "." + q("current_events_dedup")
	if _, err := db.Exec("CREATE TABLE " + table + " AS " + fullSQL); err != nil {
		b.Fatal(err)
	}
	index := func() {
		// The key index mtx gives the model table, so a point lookup is fair.
		if ix, ok := d.KeyIndex(schema, "current_events_dedup", "current_events_dedup_key", []string{"transaction_id"}); ok {
			if _, err := db.Exec(ix); err != nil {
				b.Fatal(err)
			}
		}
		if a, ok := d.Analyze(table); ok {
			db.Exec(a)
		}
	}
	index()
	live := q(schema) + "." + q(model.LiveView("current_events"))
	queries := []struct{ name, sql string }{
		{"events_per_month", "SELECT date_trunc('month', (e." + q("timestamp") + ") AT TIME ZONE 'UTC') AS month, e.environment_type, COUNT(*) AS event_count FROM %s e GROUP BY 1, 2 ORDER BY 1, 2"},
		{"aggregate", "SELECT " + q("environment_type") + ", COUNT(*), COUNT(DISTINCT " + q("customer_id") + ") FROM %s GROUP BY 1"},
		{"point", "SELECT * FROM %s WHERE " + q("transaction_id") + " = 'txn-12345'"},
	}
	// Queries run as mtx query runs them: on one session prepared with the
	// dialect's read-session statements; a plain session is timed beside
	// it for events_per_month when those differ.
	ctx := context.Background()
	session := func(settings []string) *sql.Conn {
		c, err := db.Conn(ctx)
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { c.Close() })
		for _, st := range settings {
			if _, err := c.ExecContext(ctx, st); err != nil {
				b.Fatal(err)
			}
		}
		return c
	}
	read := dialects.ReadSession(d)
	conn := session(read)
	var plain *sql.Conn
	if len(read) > 0 {
		plain = session(nil)
	}
	explain := func(sqlText string) {
		if os.Getenv("MTX_BENCH_EXPLAIN") == "" {
			return
		}
		prefix := a.Bench.Explain
		rs, err := db.Query(prefix + sqlText)
		if err != nil {
			b.Logf("explain: %v", err)
			return
		}
		defer rs.Close()
		cols, _ := rs.Columns()
		fmt.Printf("--- %s plan of %s\n", name, sqlText)
		for rs.Next() {
			vals := make([]sql.NullString, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			rs.Scan(ptrs...)
			fmt.Println(vals[len(vals)-1].String)
		}
	}
	measure := func(label, rel string) {
		var parts []string
		for i, qu := range queries {
			onRel, onTable, r := interleaved(b, conn, fmt.Sprintf(qu.sql, rel), fmt.Sprintf(qu.sql, table), queryRuns())
			if rel == live {
				explain(fmt.Sprintf(qu.sql, rel))
			}
			b.ReportMetric(r, label+"_"+qu.name+"/table")
			part := fmt.Sprintf("%s %s vs %s (%.2fx)", qu.name, round(onRel), round(onTable), r)
			if i == 0 && plain != nil {
				pr, pt, pratio := interleaved(b, plain, fmt.Sprintf(qu.sql, rel), fmt.Sprintf(qu.sql, table), queryRuns())
				b.ReportMetric(pratio, label+"_"+qu.name+"/table_plain_session")
				part += fmt.Sprintf(" [without %s: %s vs %s (%.2fx)]", strings.Join(read, "; "), round(pr), round(pt), pratio)
			}
			parts = append(parts, part)
		}
		fmt.Printf("%s: %s: %s\n", name, label, strings.Join(parts, "; "))
	}
	measure("live_fresh", live)
	pending()
	if a.Bench.Analyze != "" {
		db.Exec(fmt.Sprintf(a.Bench.Analyze, q(schema)+"."+q("events")))
	}
	id := q("environment_type") + ", " + q("transaction_id") + ", " + q("_mtx_source_file") + ", " + q("_mtx_loaded_at") + ", " + q("updated_at")
	var diff int
	check := fmt.Sprintf("SELECT COUNT(*) FROM ((SELECT %s FROM %s EXCEPT SELECT %s FROM (%s) AS f) UNION ALL (SELECT %s FROM (%s) AS f EXCEPT SELECT %s FROM %s)) AS d",
		id, live, id, fullSQL, id, fullSQL, id, live)
	if err := db.QueryRow(check).Scan(&diff); err != nil {
		b.Fatal(err)
	}
	if diff != 0 {
		b.Fatalf("current_events_live with a batch pending differs from a full rebuild in %d rows", diff)
	}
	// The table the live view is compared with must hold the pending batch too.
	if _, err := db.Exec("DROP TABLE " + table); err != nil {
		b.Fatal(err)
	}
	if _, err := db.Exec("CREATE TABLE " + table + " AS " + fullSQL); err != nil {
		b.Fatal(err)
	}
	index()
	measure("live_pending", live)
	measure("ranking_view", view)
}

func round(d time.Duration) time.Duration {
	if d < 10*time.Millisecond {
		return d.Round(10 * time.Microsecond)
	}
	return d.Round(time.Millisecond)
}

// queryRuns is how many rounds the live-view queries are timed
// (MTX_BENCH_QUERY_RUNS, default 5).
func queryRuns() int {
	if n, err := strconv.Atoi(os.Getenv("MTX_BENCH_QUERY_RUNS")); err == nil && n > 0 {
		return n
	}
	return 5
}

// bestOfThree runs a query three times, reading every row, and returns the
// fastest run (the first may pay for cold caches).
func bestOfThree(b *testing.B, db *sql.DB, sqlText string) time.Duration {
	best := time.Duration(1 << 62)
	for i := 0; i < 3; i++ {
		t0 := time.Now()
		rs, err := db.Query(sqlText)
		if err != nil {
			b.Fatal(err)
		}
		for rs.Next() {
		}
		if err := rs.Err(); err != nil {
			b.Fatal(err)
		}
		rs.Close()
		best = min(best, time.Since(t0))
	}
	return best
}
