package tests

import (
	"testing"
	"time"

	"github.com/mtxhq/mtx/internal/model"
)

// TestRebuildKeepsDependentViews: a BI view on a current-state table, and a
// view on that view, still work after the table is rebuilt from scratch
// (PostgreSQL binds views to tables: a plain DROP TABLE would fail), and so
// does a view on the model's live view, which the rebuild drops itself.
func TestRebuildKeepsDependentViews(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e engine) {
		m := newModelSetup(t, e)
		events, _ := m.history.Current().Table("events")
		q := e.d.Quote
		base := ts("2026-01-01T00:00:00Z")
		insertRows(t, e, m.db, m.o.Schema, events, eventBatch(0, 40, base, base.Add(time.Hour), "batch1.parquet"))
		m.run(t, "current_events")

		rel := func(n string) string { return q(m.o.Schema) + "." + q(n) }
		for _, st := range []string{
			"CREATE VIEW " + rel("bi_event_count") + " AS SELECT COUNT(*) AS " + q("n") + " FROM " + rel("current_events"),
			"CREATE VIEW " + rel("bi_event_count_twice") + " AS SELECT " + q("n") + " * 2 AS " + q("n2") + " FROM " + rel("bi_event_count"),
			// A view on the live view, which the rebuild drops and re-creates itself.
			"CREATE VIEW " + rel("bi_live_count") + " AS SELECT COUNT(*) AS " + q("n") + " FROM " + rel(model.LiveView("current_events")),
		} {
			if _, err := m.db.Exec(st); err != nil {
				t.Fatalf("%s: %v", st, err)
			}
		}
		insertRows(t, e, m.db, m.o.Schema, events, eventBatch(40, 50, base, base.Add(2*time.Hour), "batch2.parquet"))
		m.r.FullRefresh = true
		m.run(t, "current_events")

		var n, n2 int
		if err := m.db.QueryRow("SELECT " + q("n") + " FROM " + rel("bi_event_count")).Scan(&n); err != nil {
			t.Fatalf("the view on current_events did not survive a full rebuild: %v", err)
		}
		if err := m.db.QueryRow("SELECT " + q("n2") + " FROM " + rel("bi_event_count_twice")).Scan(&n2); err != nil {
			t.Fatalf("the view on the view did not survive a full rebuild: %v", err)
		}
		if n != 50 || n2 != 100 {
			t.Fatalf("after the rebuild the views count %d and %d, want 50 and 100", n, n2)
		}
		liveCount := func(when string, want int) {
			t.Helper()
			var n int
			if err := m.db.QueryRow("SELECT " + q("n") + " FROM " + rel("bi_live_count")).Scan(&n); err != nil {
				t.Fatalf("the view on %s did not survive %s: %v", model.LiveView("current_events"), when, err)
			}
			if n != want {
				t.Fatalf("after %s the view on the live view counts %d, want %d", when, n, want)
			}
		}
		liveCount("a full rebuild", 50)
		// Rows loaded since show through the live view, and a refresh keeps it.
		insertRows(t, e, m.db, m.o.Schema, events, eventBatch(50, 55, base, base.Add(3*time.Hour), "batch3.parquet"))
		liveCount("a load", 55)
		m.r.FullRefresh = false
		m.run(t, "current_events")
		liveCount("an incremental refresh", 55)
	})
}
