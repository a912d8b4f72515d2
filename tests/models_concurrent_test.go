package tests

import (
	"context"
	"database/sql"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/mtxhq/mtx/internal/model"
)

// TestConcurrentRuns starts three refreshes of current_events at once, each
// on its own connection pool (as three `mtx run` processes would): the run
// lock makes them take turns, so the table ends equal to a full rebuild,
// with no winner inserted twice. DuckDB is left out: its file admits one
// process, which is its lock.
func TestConcurrentRuns(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e engine) {
		if e.embedded() {
			t.Skip("DuckDB: one process opens the file at a time")
		}
		m := newModelSetup(t, e)
		events, _ := m.history.Current().Table("events")
		q := e.d.Quote
		rel := q(m.o.Schema) + "." + q("current_events")
		base := ts("2026-01-01T00:00:00Z")
		insertRows(t, e, m.db, m.o.Schema, events, eventBatch(0, 200, base, base.Add(time.Hour), "batch1.parquet"))
		m.run(t, "current_events")
		// Newer versions of 100 keys and 50 new keys, merged by three runs at once.
		insertRows(t, e, m.db, m.o.Schema, events, eventBatch(100, 250, base.Add(24*time.Hour), base.Add(2*time.Hour), "batch2.parquet"))

		errs := make([]error, 3)
		var wg sync.WaitGroup
		for i := range errs {
			r := &model.Runner{Project: m.p, DB: openIn(t, e, m.o.Schema), LockTimeout: 5 * time.Minute}
			wg.Add(1)
			go func() {
				defer wg.Done()
				errs[i] = r.Run(context.Background(), m.g, []string{"current_events"})
			}()
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Fatalf("run %d: %v", i+1, err)
			}
		}
		got := readIdentities(t, e, m.db, rel, events)
		want := readIdentities(t, e, m.db, "("+m.g.Nodes["current_events"].SQL+") AS "+q("full_build"), events)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("after three concurrent runs current_events has %d rows, a full rebuild %d", len(got), len(want))
		}
		var left int
		rows, err := m.db.Query(e.d.(interface{ RelationsQuery(string) string }).RelationsQuery(m.o.Schema))
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var name, kind string
			rows.Scan(&name, &kind)
			if name == model.RunLockTable {
				left++
			}
		}
		if left != 0 {
			t.Errorf("the run lock table %s is left behind", model.RunLockTable)
		}
	})
}

// openIn connects like a separate process would, with the schema as the
// session's current one where the emulator needs it (sessionSchema).
func openIn(t *testing.T, e engine, schema string) *sql.DB {
	t.Helper()
	if f := e.a.SessionSchema; f != nil {
		e.dsn = f(e.dsn, schema)
	}
	return e.open(t)
}
