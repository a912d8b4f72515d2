package catalog

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestEmbeddedCatalog(t *testing.T) {
	h, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	cur := h.Current()
	if got := len(cur.Tables()); got != 43 {
		t.Fatalf("current catalog has %d tables, want 43 (34 current + 9 Plans-era)", got)
	}
	if got := len(h.States[0].Tables()); got != 19 {
		t.Errorf("version 1 has %d tables, want the 19 of seed 001", got)
	}
	tests := []struct {
		table, group, key, snapshot string
		kind                        Kind
	}{
		{"events", "events", "transaction_id", "", Incremental},
		{"invoice", "invoicing", "id", "", Incremental},
		{"draft_invoice", "invoicing", "id", "snapshot_time", Snapshot},
		{"breakdowns_draft_line_items", "breakdowns", "id", "snapshot_timestamp", Snapshot},
		{"contracts_balances", "contracts", "id", "snapshot_id", Snapshot},
		{"contracts_usage_filter_schedule", "contracts", "id,starting_at", TransferredAtColumn, Snapshot},
		{"payment", "payments", "id", "", Incremental},
		{"draft_sub_line_item", "legacy_plans", "id", "snapshot_time", Snapshot},
		{"plan", "legacy_plans", "id", "", Incremental},
	}
	for _, tc := range tests {
		tbl, ok := cur.Table(tc.table)
		if !ok {
			t.Errorf("%s missing", tc.table)
			continue
		}
		if tbl.Group != tc.group || tbl.Kind != tc.kind || strings.Join(tbl.Key, ",") != tc.key || tbl.Snapshot != tc.snapshot {
			t.Errorf("%s: got group=%s kind=%s key=%v snapshot=%s", tc.table, tbl.Group, tbl.Kind, tbl.Key, tbl.Snapshot)
		}
	}
	ev, _ := cur.Table("events")
	if strings.Join(ev.Version, ",") != "updated_at,timestamp" {
		t.Errorf("events version = %v", ev.Version)
	}
	li, _ := cur.Table("line_item")
	if c, ok := li.Column("starting_on"); !ok || !c.Deprecated {
		t.Errorf("line_item.starting_on must stay, marked deprecated: %+v", c)
	}
	inv, _ := cur.Table("invoice")
	if c, _ := inv.Column("total"); c.Type != Decimal || !c.DocumentedNotNull() {
		t.Errorf("invoice.total = %+v, want a documented NOT NULL decimal", c)
	}
	last := inv.Columns[len(inv.Columns)-1]
	if !last.System {
		t.Errorf("provenance columns must stay last after add_column, got %s", last.Name)
	}
}

func TestChangesetErrors(t *testing.T) {
	base := "version: 1\nname: one\noperations:\n"
	tests := []struct {
		name, file, body, want string
	}{
		{"bad file name", "1_one.yaml", base, "file name must look like"},
		{"unknown field", "00001_one.yaml", base + "  - create_table: {name: t, grop: g}\n", "grop"},
		{"unknown type", "00001_one.yaml", base + "  - create_table: {name: t, group: g, kind: incremental, key: [id], version: [id], columns: [{name: id, type: money}]}\n", `unknown type "money"`},
		{"hostile identifier", "00001_one.yaml", base + "  - create_table: {name: 't\"; drop', group: g, kind: incremental, key: [id], version: [id], columns: [{name: id, type: string}]}\n", "not a valid identifier"},
		{"missing key column", "00001_one.yaml", base + "  - create_table: {name: t, group: g, kind: incremental, key: [nope], version: [id], columns: [{name: id, type: string}]}\n", "nope does not exist"},
		{"snapshot without column", "00001_one.yaml", base + "  - create_table: {name: t, group: g, kind: snapshot, key: [id], version: [id], columns: [{name: id, type: string}]}\n", "snapshot column"},
		{"add to unknown table", "00001_one.yaml", base + "  - add_column: {table: nope, column: {name: x, type: string}}\n", `unknown table "nope"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sets, err := ReadChangesets(fstest.MapFS{tc.file: {Data: []byte(tc.body)}})
			if err == nil {
				_, err = Build(sets)
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want an error containing %q", err, tc.want)
			}
		})
	}
}
