package model_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/mtxhq/mtx/dialects/all"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/internal/discover"
	"github.com/mtxhq/mtx/internal/model"
)

// deliveredSchema is a delivered schema as the sync service may leave it:
// events created unquoted on Snowflake (upper-case names), invoice without
// a column, customer with one the catalog does not know, line_item absent.
// JSON is SUPER in invoice, text in customer, not introspected elsewhere
// (Redshift parses text JSON, and JSON not introspected, to SUPER).
func deliveredSchema(cat *catalog.Catalog) *discover.Schema {
	found := discover.Found{}
	for _, t := range cat.Tables() {
		if t.Name == "line_item" {
			continue
		}
		name := t.Name
		if name == "events" {
			name = "EVENTS"
		}
		for _, c := range t.Columns {
			if c.System || (t.Name == "invoice" && c.Name == "credit_type_name") {
				continue
			}
			col := c.Name
			if t.Name == "events" {
				col = strings.ToUpper(col)
			}
			found[name] = append(found[name], discover.Column{Name: col, Type: deliveredType(t.Name, c)})
		}
		if t.Name == "customer" {
			found[name] = append(found[name], discover.Column{Name: "LOYALTY_TIER"})
		}
	}
	return discover.Match("delivered", found, cat, nil)
}

func deliveredType(table string, c catalog.Column) string {
	switch {
	case c.Type != catalog.JSON:
		return ""
	case table == "invoice":
		return "super"
	case table == "customer":
		return "character varying(65535)"
	}
	return ""
}

// TestDeliveredGolden pins the SQL of current-state models on delivered
// tables (source mode) on all seven dialects, and checks which models a
// missing table skips.
func TestDeliveredGolden(t *testing.T) {
	pick := []string{"events", "current_events", "current_invoice", "current_customer", "current_draft_invoice",
		"current_contracts_contracts", "current_contracts_usage_filter_schedule", "event_log"}
	for _, name := range all.Names() {
		t.Run(name, func(t *testing.T) {
			h, err := catalog.Embedded()
			if err != nil {
				t.Fatal(err)
			}
			d, err := all.Get(name)
			if err != nil {
				t.Fatal(err)
			}
			extra := append(model.SourceViewNodes(h.Current(), nil), userModels(t)...)
			reg, err := model.Load(h.Current(), nil, "", extra...)
			if err != nil {
				t.Fatal(err)
			}
			p := &model.Project{Dialect: d, Schema: "metronome", Catalog: h.Current(), Models: reg, Source: deliveredSchema(h.Current())}
			g, err := p.Compile()
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range []string{"current_line_item", "line_item"} {
				if why := g.Skipped[m]; why != "source schema lacks table line_item" {
					t.Errorf("%s: skipped %q, want for the missing line_item", m, why)
				}
			}
			if _, err := g.Select([]string{"current_line_item"}); err == nil || !strings.Contains(err.Error(), "is skipped (source schema lacks table line_item)") {
				t.Errorf("--select current_line_item: %v", err)
			}
			script, err := g.Script(p, pick)
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range []string{"current_events_live", "-- refresh of current_events"} {
				if strings.Contains(script, want) {
					t.Errorf("source-mode SQL contains %q (no live view, no refresh by load time)", want)
				}
			}
			golden(t, filepath.Join("testdata", "golden", "delivered", name+".sql"), script)
		})
	}
}
