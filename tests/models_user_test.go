package tests

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/mtxhq/mtx/internal/model"
)

// userEventModel is a user incremental model on the raw events: one row
// per transaction_id, refreshed from the rows loaded
// since its newest stored row; header adds lines to its config.
func userEventModel(t *testing.T, name, key, header string) *model.Node {
	t.Helper()
	n, err := model.Parse(name, name+".sql", `-- materialized: incremental
-- unique_key: `+key+`
`+header+`
SELECT environment_type, transaction_id, customer_id, updated_at, {{ quote "timestamp" }}, _mtx_transferred_at, _mtx_source_file, _mtx_loaded_at
FROM {{ source "events" }}
{{ if is_incremental }}WHERE _mtx_loaded_at > (SELECT MAX(_mtx_loaded_at) FROM {{ this }}){{ end }}`)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestUserIncrementalEqualsFullRebuild refreshes a user incremental model
// with newest after batches of events — new keys, newer versions, old
// versions re-delivered, one key twice in one batch, an old version alone
// — and checks after each that it equals a full rebuild of the same model.
// The same model without newest refuses the batches that repeat a key,
// naming it, and is left as it was.
func TestUserIncrementalEqualsFullRebuild(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e engine) {
		// The current-state order of events, so current_events is an
		// independent answer.
		newest := "-- newest: updated_at, timestamp, _mtx_transferred_at, _mtx_source_file, _mtx_loaded_at"
		key := "environment_type, transaction_id"
		if e.a.NoCompositeStringKey {
			// Known gap: MySQL cannot index two VARCHAR(768) key columns
			// (3072 bytes at most), so a composite string key fails there.
			key = "transaction_id"
		}
		m := newModelSetup(t, e,
			userEventModel(t, "event_latest", key, newest),
			userEventModel(t, "event_latest_full", key, newest),
			userEventModel(t, "event_strict", "transaction_id", ""),
			userEventModel(t, "event_typo", key, "-- newest: updatedat"))
		events, _ := m.history.Current().Table("events")
		q := e.d.Quote
		rel := func(n string) string { return q(m.o.Schema) + "." + q(n) }
		base := ts("2026-01-01T00:00:00Z")
		batches := [][]fxRow{
			eventBatch(0, 30, base, base.Add(time.Hour), "b1.parquet"),
			// Newer versions of 20 keys, 10 new keys.
			eventBatch(10, 40, base.Add(24*time.Hour), base.Add(2*time.Hour), "b2.parquet"),
			// Old versions re-delivered (10..19 must lose; 0..9 tie on
			// updated_at and win by their later transfer), and keys 40..44
			// twice in the batch: the later version wins.
			append(append(eventBatch(0, 20, base, base.Add(3*time.Hour), "b3-retry.parquet"),
				eventBatch(40, 45, base.Add(48*time.Hour), base.Add(3*time.Hour), "b3a.parquet")...),
				eventBatch(40, 45, base.Add(72*time.Hour), base.Add(3*time.Hour), "b3b.parquet")...),
			// Only old versions: every one loses, nothing changes.
			eventBatch(30, 35, base, base.Add(4*time.Hour), "b4.parquet"),
		}
		count := func(relation, where string, args ...any) int {
			t.Helper()
			var n int
			query := "SELECT COUNT(*) FROM " + relation
			if where != "" {
				query += " WHERE " + where
			}
			if err := m.db.QueryRow(query, args...).Scan(&n); err != nil {
				t.Fatalf("%s: %v", query, err)
			}
			return n
		}
		for i, b := range batches {
			insertRows(t, e, m.db, m.o.Schema, events, b)
			if i == 0 {
				m.run(t, "event_strict")
			}
			m.run(t, "event_latest")
			m.r.FullRefresh = true
			m.run(t, "event_latest_full")
			m.r.FullRefresh = false
			got, want := userRows(t, m, rel("event_latest")), userRows(t, m, rel("event_latest_full"))
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("after batch %d the incremental event_latest differs from a full rebuild:\n got  %s\n want %s",
					i+1, strings.Join(got, "\n      "), strings.Join(want, "\n      "))
			}
			if n, want := len(got), []int{30, 40, 45, 45}[i]; n != want {
				t.Fatalf("after batch %d event_latest has %d rows, want %d", i+1, n, want)
			}
		}
		// The same rows as the built-in current-state model of events.
		m.run(t, "current_events")
		if got, want := userRows(t, m, rel("event_latest")), userRows(t, m, rel("current_events")); !reflect.DeepEqual(got, want) {
			t.Errorf("event_latest differs from current_events:\n got  %s\n want %s", strings.Join(got, "\n      "), strings.Join(want, "\n      "))
		}
		// Keys 10..39 keep their batch-2 version, 40..44 the later of batch 3.
		p := e.a.Placeholder
		if n := count(rel("event_latest"), q("updated_at")+" >= "+p(1), base.Add(24*time.Hour)); n != 35 {
			t.Errorf("event_latest has %d rows from batch 2 or later, want 35 (old versions re-delivered must lose)", n)
		}
		if n := count(rel("event_latest"), q("updated_at")+" >= "+p(1), base.Add(72*time.Hour)); n != 5 {
			t.Errorf("event_latest has %d rows of the later version of keys repeated in batch 3, want 5", n)
		}

		// A newest column the model does not have: the build fails naming it
		// and the file.
		sel, err := m.g.Select([]string{"event_typo"})
		if err != nil {
			t.Fatal(err)
		}
		if err := m.r.Run(context.Background(), m.g, sel); err == nil || !strings.Contains(err.Error(), `event_typo.sql: newest column "updatedat" is not a column of the model`) {
			t.Errorf("building a model whose newest names no column: %v", err)
		}

		// Without newest, the refresh meets repeated keys: it fails naming
		// the model and the first repeated key, and changes nothing.
		before := userRows(t, m, rel("event_strict"))
		sel, err = m.g.Select([]string{"event_strict"})
		if err != nil {
			t.Fatal(err)
		}
		err = m.r.Run(context.Background(), m.g, sel)
		if err == nil {
			t.Fatal("a refresh whose new rows repeat a unique_key succeeded")
		}
		for _, want := range []string{"model event_strict", "repeat unique_key", "transaction_id=txn-00010", "(2 rows)", "newest"} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("the error lacks %q: %v", want, err)
			}
		}
		if strings.Contains(err.Error(), "\n") {
			t.Errorf("the error is not one line: %q", err)
		}
		if after := userRows(t, m, rel("event_strict")); !reflect.DeepEqual(after, before) {
			t.Errorf("the failed refresh changed event_strict: %d rows before, %d after", len(before), len(after))
		}
		if n := len(before); n != 30 {
			t.Errorf("event_strict has %d rows, want the 30 of batch 1", n)
		}
		// Nothing left behind: no scratch table of event_strict.
		rows, err := m.db.Query(m.p.Dialect.ColumnsQuery(m.o.Schema))
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var table, column, typ string
			if err := rows.Scan(&table, &column, &typ); err != nil {
				t.Fatal(err)
			}
			if strings.Contains(strings.ToLower(table), "_mtx_new_event_strict") {
				t.Errorf("the failed refresh left its stage table %s", table)
				break
			}
		}
	})
}

// userRows reads every row of relation, formatted the same way for both
// relations compared, and sorted.
func userRows(t *testing.T, m *modelSetup, relation string) []string {
	t.Helper()
	q := m.p.Dialect.Quote
	cols := []string{"environment_type", "transaction_id", "customer_id", "updated_at", "_mtx_transferred_at", "_mtx_source_file", "_mtx_loaded_at"}
	var quoted []string
	for _, c := range cols {
		quoted = append(quoted, q(c))
	}
	return formattedRows(t, m.db, "SELECT "+strings.Join(quoted, ", ")+" FROM "+relation, " ")
}
