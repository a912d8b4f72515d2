package tests

import (
	"reflect"
	"testing"
	"time"

	"github.com/mtxhq/mtx/internal/model"
)

// TestLiveViewEqualsFullRebuild checks current_events_live, the live view
// of the incremental current_events, against a full rebuild of the raw
// table at every point: on an empty model table, right after a refresh,
// and with a batch loaded but not yet merged (newer versions, new keys,
// an OLD version re-delivered, which must lose to the stored newer one);
// then that the next `mtx run` makes current_events equal to it; that a
// full refresh (which drops and replaces the table the view reads) keeps
// it; and that making the model a table drops it.
func TestLiveViewEqualsFullRebuild(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e engine) {
		m := newModelSetup(t, e)
		events, _ := m.history.Current().Table("events")
		node := m.g.Nodes["current_events"]
		q := e.d.Quote
		rel := q(m.o.Schema) + "." + q("current_events")
		live := q(m.o.Schema) + "." + q(model.LiveView("current_events"))
		full := "(" + node.SQL + ") AS " + q("full_build")
		same := func(step string, a, b string) {
			t.Helper()
			got := readIdentities(t, e, m.db, a, events)
			want := readIdentities(t, e, m.db, b, events)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s: %s differs from %s: %d rows vs %d\n got  %v\n want %v", step, a, b, len(got), len(want), got, want)
			}
		}
		base := ts("2026-01-01T00:00:00Z")
		load := func(rows []fxRow) { insertRows(t, e, m.db, m.o.Schema, events, rows) }

		// Built on an empty raw table: MAX(watermark) is NULL, the tail is everything.
		m.run(t, "current_events")
		load(eventBatch(0, 40, base, base.Add(time.Hour), "batch1.parquet"))
		same("empty model table, one batch pending", live, full)

		m.run(t, "current_events")
		same("right after a refresh", live, full)
		same("right after a refresh", rel, live)

		// Newer versions of 0..20, then of 20..30 two hours later: batch 2
		// is then outside the lookback, so only its stored rows can beat
		// the re-delivered old versions below.
		load(eventBatch(0, 20, base.Add(24*time.Hour), base.Add(4*time.Hour), "batch2.parquet"))
		m.run(t, "current_events")
		same("after the second refresh", live, full)
		load(eventBatch(20, 30, base.Add(24*time.Hour), base.Add(6*time.Hour), "batch2b.parquet"))
		m.run(t, "current_events")
		same("after the third refresh", live, full)

		// Pending: newer versions of 30..40, new keys 40..50, and batch 1's
		// versions of 0..10 re-delivered (older than the stored batch 2 ones).
		pending := append(eventBatch(30, 50, base.Add(48*time.Hour), base.Add(8*time.Hour), "batch3.parquet"),
			eventBatch(0, 10, base, base.Add(8*time.Hour), "batch1-retry.parquet")...)
		load(pending)
		same("with a batch pending", live, full)
		var n, stale int
		if err := m.db.QueryRow("SELECT COUNT(*) FROM " + live).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 50 {
			t.Errorf("current_events_live has %d rows with the batch pending, want 50", n)
		}
		// The live view is ahead of the table: keys 40..49 are not stored yet.
		m.db.QueryRow("SELECT COUNT(*) FROM " + rel).Scan(&stale)
		if stale != 40 {
			t.Errorf("current_events has %d rows before the refresh, want 40", stale)
		}

		m.run(t, "current_events")
		same("after merging the pending batch", rel, full)
		same("after merging the pending batch", live, rel)

		// A full refresh drops and replaces the table the view reads.
		m.r.FullRefresh = true
		m.run(t, "current_events")
		m.r.FullRefresh = false
		same("after a full refresh", live, full)

		// No longer incremental: the live view goes with it.
		node.Config.Materialized = model.Table
		m.run(t, "current_events")
		if _, err := m.db.Exec("SELECT COUNT(*) FROM " + live); err == nil {
			t.Errorf("%s still exists after current_events became a table", live)
		}
	})
}
