package tests

import (
	"bytes"
	"context"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mtxhq/mtx/internal/model"
)

// modelSetup is a migrated fresh schema with the model project on it.
type modelSetup struct {
	*setup
	p *model.Project
	g *model.Graph
	r *model.Runner
}

func newModelSetup(t *testing.T, e engine, extra ...*model.Node) *modelSetup {
	t.Helper()
	s := newSetup(t, e)
	if _, err := s.migrator(t, s.versions).Provider().Up(context.Background()); err != nil {
		t.Fatal(err)
	}
	c := s.history.Current()
	reg, err := model.Load(c, nil, "", extra...)
	if err != nil {
		t.Fatal(err)
	}
	p := &model.Project{Dialect: e.d, Schema: s.o.Schema, Catalog: c, Models: reg}
	g, err := p.Compile()
	if err != nil {
		t.Fatal(err)
	}
	return &modelSetup{setup: s, p: p, g: g, r: &model.Runner{Project: p, DB: s.db}}
}

func (m *modelSetup) run(t *testing.T, names ...string) {
	t.Helper()
	sel, err := m.g.Select(names)
	if err != nil {
		t.Fatal(err)
	}
	if err := m.r.Run(context.Background(), m.g, sel); err != nil {
		t.Fatal(err)
	}
}

// answers collects every engine's normalised current state, to compare
// engines with each other at the end.
var (
	answersMu sync.Mutex
	answers   = map[string]map[string][]string{} // engine -> table -> rows
)

// TestCurrentStateModels loads a fixture with known answers into every
// export table (duplicates, re-delivered old versions, vanished snapshot
// rows, exact decimals, month edges, both environments), builds every
// current-state model and checks each one; then checks the data tests.
func TestCurrentStateModels(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e engine) {
		m := newModelSetup(t, e)
		c := m.history.Current()
		for _, tbl := range c.Tables() {
			insertRows(t, e, m.db, m.o.Schema, tbl, fixtureRows(tbl))
		}
		m.run(t)
		got := map[string][]string{}
		for _, tbl := range c.Tables() {
			want := wantIdentities(tbl, fixtureRows(tbl))
			rows := readIdentities(t, e, m.db, m.p.Dialect.Quote(m.o.Schema)+"."+m.p.Dialect.Quote("current_"+tbl.Name), tbl)
			got[tbl.Name] = rows
			if !reflect.DeepEqual(rows, want) {
				t.Errorf("current_%s (%s):\n got  %s\n want %s", tbl.Name, tbl.Kind, strings.Join(rows, "\n      "), strings.Join(want, "\n      "))
			}
		}
		answersMu.Lock()
		answers[e.name] = got
		answersMu.Unlock()
		shareAnswers(t, e.name, got)

		// Data tests: on the fixture only the raw tables' NULL keys fail
		// (not_null on a documented NOT NULL key column).
		ctx := context.Background()
		tests := m.g.Tests(m.p, m.g.Order)
		failed, err := m.r.RunTests(ctx, tests, nil)
		if err != nil {
			t.Fatal(err)
		}
		wantFailed := map[string]bool{}
		for _, tbl := range c.Tables() {
			for _, k := range tbl.Key {
				if col, _ := tbl.Column(k); col.DocumentedNotNull() {
					wantFailed[tbl.Name+" not_null("+k+")"] = true // the raw table's NULL key
				}
			}
		}
		gotFailed := map[string]bool{}
		for _, f := range failed {
			gotFailed[f.Model+" "+f.Name] = true
		}
		if !reflect.DeepEqual(gotFailed, wantFailed) {
			t.Errorf("failing data tests:\n got  %v\n want %v", sortedKeys(gotFailed), sortedKeys(wantFailed))
		}

		// A bad row: an unknown environment and a NULL total, newest for its key.
		inv, _ := c.Table("invoice")
		bad := fxRow{env: "STAGING", key: "bad", version: v9, file: "bad.parquet", xfer: t4, loaded: t4, seq: 99, nulls: []string{"total"}}
		insertRows(t, e, m.db, m.o.Schema, inv, []fxRow{bad})
		sel, _ := m.g.Select([]string{"current_invoice"})
		var out bytes.Buffer
		failed, err = m.r.RunTests(ctx, m.g.Tests(m.p, sel), &out)
		if err != nil {
			t.Fatal(err)
		}
		report := out.String()
		for _, want := range []string{
			"FAIL current_invoice accepted_values(environment_type: SANDBOX, PRODUCTION): 1 offending row, e.g. environment_type=STAGING id=bad",
			"FAIL current_invoice not_null(total): 1 offending row, e.g. environment_type=STAGING id=bad",
		} {
			if !strings.Contains(report, want) {
				t.Errorf("test report lacks %q:\n%s", want, report)
			}
		}
	})
	// Every engine that ran gives the same answers.
	answersMu.Lock()
	defer answersMu.Unlock()
	var names []string
	for n := range answers {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names[min(1, len(names)):] {
		if !reflect.DeepEqual(answers[n], answers[names[0]]) {
			t.Errorf("%s and %s disagree on current state", n, names[0])
		}
	}
}

func sortedKeys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// otherEnvironment moves rows to the other environment.
func otherEnvironment(rows []fxRow) []fxRow {
	for i := range rows {
		rows[i].env = map[string]string{"PRODUCTION": "SANDBOX", "SANDBOX": "PRODUCTION"}[rows[i].env]
	}
	return rows
}

// eventBatch is one load of events: new versions of keys lo..hi-1 with
// version at, some transfers repeated, loaded at loaded.
func eventBatch(lo, hi int, version, loaded time.Time, file string) []fxRow {
	var rows []fxRow
	for i := lo; i < hi; i++ {
		v := version.Add(time.Duration(i%7) * time.Microsecond)
		rows = append(rows, fxRow{env: []string{"PRODUCTION", "SANDBOX"}[i%2], key: fmt.Sprintf("txn-%05d", i), version: &v,
			file: file, xfer: loaded, loaded: loaded.Add(time.Duration(i) * time.Microsecond), seq: i})
	}
	return rows
}

// TestIncrementalEqualsFullRebuild loads events in batches — new keys,
// newer versions, re-delivered old versions, exact duplicates, a late row
// inside the lookback — refreshing the incremental current_events after
// each, and checks it equals a full rebuild every time.
func TestIncrementalEqualsFullRebuild(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e engine) {
		m := newModelSetup(t, e)
		events, _ := m.history.Current().Table("events")
		node := m.g.Nodes["current_events"]
		if node.Config.Materialized != model.Incremental {
			t.Fatalf("current_events is %s, want incremental", node.Config.Materialized)
		}
		q := e.d.Quote
		rel := q(m.o.Schema) + "." + q("current_events")
		full := "(" + node.SQL + ") AS " + q("full_build")
		base := ts("2026-01-01T00:00:00Z")
		batches := [][]fxRow{
			eventBatch(0, 300, base, base.Add(time.Hour), "batch1.parquet"),
			// Newer versions of 100 keys, 50 new keys.
			eventBatch(100, 350, base.Add(24*time.Hour), base.Add(2*time.Hour), "batch2.parquet"),
			// Old versions re-delivered (must lose), plus exact duplicates of batch 2.
			append(eventBatch(0, 200, base, base.Add(3*time.Hour), "batch1-retry.parquet"),
				eventBatch(300, 320, base.Add(24*time.Hour), base.Add(2*time.Hour), "batch2.parquet")...),
			// The same version as batch 2 in a later transfer (wins its tie),
			// and a row loaded late, inside the lookback.
			append(eventBatch(120, 140, base.Add(24*time.Hour), base.Add(4*time.Hour), "batch4.parquet"),
				eventBatch(400, 401, base.Add(48*time.Hour), base.Add(4*time.Hour-30*time.Minute), "late.parquet")...),
			// Two ids arriving in the other environment too: the grain keeps
			// them apart, and the stored rows of the first one stay.
			otherEnvironment(eventBatch(150, 152, base.Add(72*time.Hour), base.Add(5*time.Hour), "batch5.parquet")),
		}
		for i, b := range batches {
			insertRows(t, e, m.db, m.o.Schema, events, b)
			m.run(t, "current_events")
			got := readIdentities(t, e, m.db, rel, events)
			want := readIdentities(t, e, m.db, full, events)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("after batch %d the incremental build differs from a full rebuild: %d rows vs %d", i+1, len(got), len(want))
			}
			var n int
			if err := m.db.QueryRow("SELECT COUNT(*) FROM " + rel).Scan(&n); err != nil {
				t.Fatal(err)
			}
			if want := []int{300, 350, 350, 351, 353}[i]; n != want {
				t.Fatalf("after batch %d current_events has %d rows, want %d", i+1, n, want)
			}
		}
		// And the refresh really merged rather than rebuilt: a row deleted
		// from the raw table stays (a full refresh would drop it).
		if _, err := m.db.Exec("DELETE FROM " + q(m.o.Schema) + "." + q("events") + " WHERE " + q("transaction_id") + " = 'txn-00000'"); err != nil {
			t.Fatal(err)
		}
		m.run(t, "current_events")
		var n int
		m.db.QueryRow("SELECT COUNT(*) FROM " + rel).Scan(&n)
		if n != 353 {
			t.Errorf("after an empty refresh current_events has %d rows, want 353", n)
		}
		// A refresh interrupted after its delete left its merge table: the
		// next run rebuilds from scratch (and drops the deleted raw row).
		if _, err := m.db.Exec("CREATE TABLE " + q(m.o.Schema) + "." + q(model.MergeTable("current_events")) + " (x INT)"); err != nil {
			t.Fatal(err)
		}
		m.run(t, "current_events")
		m.db.QueryRow("SELECT COUNT(*) FROM " + rel).Scan(&n)
		if n != 352 {
			t.Errorf("after an interrupted refresh current_events has %d rows, want 352 (a full rebuild)", n)
		}
		// ... and drops the merge table, or every later run would rebuild.
		if _, err := m.db.Exec("SELECT COUNT(*) FROM " + q(m.o.Schema) + "." + q(model.MergeTable("current_events"))); err == nil {
			t.Error("the rebuild after an interrupted refresh left its merge table behind: every later run would rebuild")
		}
		// Columns that no longer match the catalog (a migration): rebuild too.
		if _, err := m.db.Exec("ALTER TABLE " + rel + " ADD COLUMN " + q("stray") + " INT"); err != nil {
			t.Fatal(err)
		}
		m.run(t, "current_events")
		if _, err := m.db.Exec("SELECT " + q("stray") + " FROM " + rel); err == nil {
			t.Error("current_events kept a column the catalog does not have: it was refreshed, not rebuilt")
		}
		m.r.FullRefresh = true
		m.run(t, "current_events")
		m.db.QueryRow("SELECT COUNT(*) FROM " + rel).Scan(&n)
		if n != 352 {
			t.Errorf("after a full refresh current_events has %d rows, want 352", n)
		}
	})
}

// TestUserModels builds a user model on a current-state model through ref,
// an override of a built-in model, and a user incremental model.
func TestUserModels(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e engine) {
		totals, err := model.Parse("invoice_totals", "test", `-- materialized: table
-- unique_key: environment_type, customer_id
-- tags: finance
SELECT environment_type, customer_id, COUNT(*) AS invoices, SUM(total) AS total
FROM {{ ref "current_invoice" }}
GROUP BY environment_type, customer_id`)
		if err != nil {
			t.Fatal(err)
		}
		// Override: current_customer as a table.
		cust, err := model.Parse("current_customer", "test", "-- materialized: table\n{{ current_state \"customer\" }}")
		if err != nil {
			t.Fatal(err)
		}
		// A user incremental model: its own filter, replaced by unique_key.
		log, err := model.Parse("event_log", "test", `-- materialized: incremental
-- unique_key: transaction_id
SELECT transaction_id, customer_id, updated_at, _mtx_loaded_at
FROM {{ source "events" }}
{{ if is_incremental }}WHERE _mtx_loaded_at > (SELECT MAX(_mtx_loaded_at) FROM {{ this }}){{ end }}`)
		if err != nil {
			t.Fatal(err)
		}
		m := newModelSetup(t, e, totals, cust, log)
		c := m.history.Current()
		for _, name := range []string{"invoice", "customer"} {
			tbl, _ := c.Table(name)
			insertRows(t, e, m.db, m.o.Schema, tbl, fixtureRows(tbl))
		}
		m.run(t, "+invoice_totals", "current_customer")
		q := e.d.Quote
		var n int
		if err := m.db.QueryRow("SELECT COUNT(*) FROM " + q(m.o.Schema) + "." + q("invoice_totals")).Scan(&n); err != nil {
			t.Fatal(err)
		}
		// 8 current PRODUCTION invoices share one customer_id value per row seq;
		// what matters is that the table exists and groups the view.
		if n == 0 {
			t.Error("invoice_totals is empty")
		}
		tbl, _ := c.Table("customer")
		got := readIdentities(t, e, m.db, q(m.o.Schema)+"."+q("current_customer"), tbl)
		if want := wantIdentities(tbl, fixtureRows(tbl)); !reflect.DeepEqual(got, want) {
			t.Errorf("current_customer as a table: got %v, want %v", got, want)
		}
		// Rebuilding switches materializations in place: view -> table -> view.
		cur := m.g.Nodes["current_customer"]
		cur.Config.Materialized = model.View
		m.run(t, "current_customer")
		got = readIdentities(t, e, m.db, q(m.o.Schema)+"."+q("current_customer"), tbl)
		if want := wantIdentities(tbl, fixtureRows(tbl)); !reflect.DeepEqual(got, want) {
			t.Errorf("current_customer back as a view: got %v, want %v", got, want)
		}
		events, _ := c.Table("events")
		base := ts("2026-01-01T00:00:00Z")
		insertRows(t, e, m.db, m.o.Schema, events, eventBatch(0, 10, base, base.Add(time.Hour), "b1.parquet"))
		m.run(t, "event_log")
		insertRows(t, e, m.db, m.o.Schema, events, eventBatch(5, 15, base.Add(time.Hour), base.Add(2*time.Hour), "b2.parquet"))
		m.run(t, "event_log")
		var rows, newer int
		logRel := q(m.o.Schema) + "." + q("event_log")
		m.db.QueryRow("SELECT COUNT(*) FROM " + logRel).Scan(&rows)
		m.db.QueryRow("SELECT COUNT(*) FROM "+logRel+" WHERE "+q("_mtx_loaded_at")+" >= "+e.a.Placeholder(1), base.Add(2*time.Hour)).Scan(&newer)
		if rows != 15 || newer != 10 {
			t.Errorf("event_log after two batches: %d rows, %d from batch 2; want 15 and 10", rows, newer)
		}
		failed, err := m.r.RunTests(context.Background(), m.g.Tests(m.p, []string{"invoice_totals", "event_log"}), nil)
		if err != nil || len(failed) > 0 {
			t.Errorf("invoice_totals tests: %v %v", failed, err)
		}
	})
}
