package discover

import (
	"reflect"
	"strings"
	"testing"

	"github.com/mtxhq/mtx/internal/catalog"
)

func TestMatch(t *testing.T) {
	h, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	cat := h.Current()
	only := func(names ...string) func(string) bool {
		return func(n string) bool {
			for _, x := range names {
				if x == n {
					return true
				}
			}
			return false
		}
	}
	found := Found{
		// Created unquoted on Snowflake: upper case; a drift column.
		"CUSTOMER": {{Name: "ID", Type: "TEXT"}, {Name: "NAME", Type: "TEXT"}, {Name: "ENVIRONMENT_TYPE"}, {Name: "LOYALTY_TIER"}},
		// Both cases present: the catalog's (lower) case wins.
		"INVOICE":          {{Name: "ID"}},
		"invoice":          {{Name: "id"}, {Name: "Total", Type: "NUMBER(38,0)"}, {Name: "TOTAL"}},
		"_TRANSFER_STATUS": {{Name: "DATA_MODEL_NAME"}, {Name: "TRANSFER_LAST_UPDATED_AT"}},
	}
	s := Match("delivered", found, cat, only("customer", "invoice", "events"))
	if !reflect.DeepEqual(s.Missing, []string{"events"}) {
		t.Errorf("missing tables %v, want [events]", s.Missing)
	}
	if ts := s.TransferStatus; ts == nil || ts.Name != "_TRANSFER_STATUS" {
		t.Errorf("transfer status %+v", ts)
	} else if c, ok := ts.Column("transfer_last_updated_at"); !ok || c.Name != "TRANSFER_LAST_UPDATED_AT" {
		t.Errorf("transfer status column found as %+v", c)
	}
	c, ok := s.Table("customer")
	if !ok || c.Name != "CUSTOMER" {
		t.Fatalf("customer: %+v", c)
	}
	if got := c.Columns["id"]; got.Name != "ID" || got.Type != "TEXT" {
		t.Errorf("customer.id found as %+v", got)
	}
	if len(c.Extra) != 1 || c.Extra[0].Name != "LOYALTY_TIER" {
		t.Errorf("customer extra columns %+v, want LOYALTY_TIER", c.Extra)
	}
	for _, m := range c.Missing {
		if m == "id" || m == "name" || m == catalog.LoadedAtColumn {
			t.Errorf("customer: %s reported missing", m)
		}
	}
	inv, _ := s.Table("invoice")
	if inv.Name != "invoice" {
		t.Errorf("invoice found as %q, want the lower-case one", inv.Name)
	}
	// Neither is in the catalog's case: the first in the engine's order.
	if got := inv.Columns["total"]; got.Name != "Total" || got.Type != "NUMBER(38,0)" {
		t.Errorf("invoice.total found as %+v, want Total", got)
	}
	// Missing tables, customer's missing and extra columns, invoice's missing.
	if len(s.Report()) != 4 {
		t.Errorf("report: %q", s.Report())
	}
}

// TestMatchRaw: mtx's own raw tables carry the provenance columns, which
// are matched (and missing when absent); delivered, they are neither.
func TestMatchRaw(t *testing.T) {
	h, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	cat := h.Current()
	only := func(n string) bool { return n == "customer" }
	found := Found{"customer": {{Name: "id"}, {Name: catalog.LoadedAtColumn, Type: "TIMESTAMP"}}}
	raw := MatchRaw("metronome", found, cat, only).Tables["customer"]
	if c, ok := raw.Column(catalog.LoadedAtColumn); !ok || c.Type != "TIMESTAMP" {
		t.Errorf("raw: %s found as %+v", catalog.LoadedAtColumn, c)
	}
	missing := strings.Join(raw.Missing, ",")
	if !strings.Contains(missing, catalog.TransferredAtColumn) {
		t.Errorf("raw: missing %s, want %s among them", missing, catalog.TransferredAtColumn)
	}
	delivered := Match("src", found, cat, only).Tables["customer"]
	if delivered.Has(catalog.LoadedAtColumn) || len(delivered.Extra) != 0 || strings.Contains(strings.Join(delivered.Missing, ","), catalog.TransferredAtColumn) {
		t.Errorf("delivered: provenance matched or reported: %+v", delivered)
	}
}
