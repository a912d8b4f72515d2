package catalog

import (
	"strings"
	"testing"
)

func TestRelationsOfTheEmbeddedCatalog(t *testing.T) {
	h, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	rels, err := h.Current().Relations()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]Relation{}
	for _, r := range rels {
		got[r.Table+"."+r.Column] = r
	}
	// The chains the docs describe: customer -> contract -> commits,
	// invoice -> line_item -> breakdowns, drafts referring to drafts.
	for _, tc := range []struct {
		from, to string
		derived  bool
	}{
		{"contracts_contracts.customer_id", "customer.id", true},
		{"contracts_commits.contract_id", "contracts_contracts.id", false},
		{"invoice.customer_id", "customer.id", true},
		{"line_item.invoice_id", "invoice.id", true},
		{"breakdowns_invoices.invoice_id", "invoice.id", true},
		{"breakdowns_line_items.invoice_breakdown_id", "breakdowns_invoices.id", false},
		{"breakdowns_line_items.line_item_id", "line_item.id", true},
		{"draft_line_item.invoice_id", "draft_invoice.id", false},
		{"breakdowns_draft_line_items.invoice_breakdown_id", "breakdowns_draft_invoices.id", false},
		{"contracts_commits.product_id", "contracts_product_list_item_versions.product_list_item_id", false},
		{"plan_charge.product_id", "product.id", true},
	} {
		r, ok := got[tc.from]
		if !ok {
			t.Errorf("no relation from %s", tc.from)
			continue
		}
		if r.To+"."+r.ToColumn != tc.to || r.Derived != tc.derived {
			t.Errorf("%s -> %s.%s (derived %v), want %s (derived %v)", tc.from, r.To, r.ToColumn, r.Derived, tc.to, tc.derived)
		}
	}
	for _, none := range []string{"events.customer_id_x", "customer.id", "draft_invoice.snapshot_id", "breakdowns_invoices.transfer_id"} {
		if r, ok := got[none]; ok {
			t.Errorf("unexpected relation %+v", r)
		}
	}
	for _, r := range rels {
		if r.Table == r.To && r.Column == r.ToColumn {
			t.Errorf("self relation %+v", r)
		}
	}
}

func TestRelationsRejectStaleRules(t *testing.T) {
	h, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ yaml, want string }{
		{"columns:\n  - {column: contract_id, to: no_such_table}\n", "unknown table \"no_such_table\""},
		{"columns:\n  - {column: no_such_id, to: customer}\n", "no table has a column no_such_id"},
		{"tables:\n  - {table: invoice, column: nope, to: customer}\n", "unknown column invoice.nope"},
		{"tables:\n  - {table: invoice, column: customer_id, to: customer, to_column: nope}\n", "unknown column customer.nope"},
		{"columns:\n  - {column: contract_id, to: contracts_usage_filter_schedule}\n", "give to_column"},
		{"colums: []\n", "relations.yaml"},
	} {
		_, err := h.Current().relations([]byte(tc.yaml))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want one containing %q", tc.yaml, err, tc.want)
		}
	}
}
