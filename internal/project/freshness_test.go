package project

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mtxhq/mtx/internal/catalog"
)

func TestFreshness(t *testing.T) {
	h, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	c := h.Current()
	events, _ := c.Table("events")             // group events
	invoice, _ := c.Table("invoice")           // group invoicing
	draft, _ := c.Table("draft_invoice")       // group invoicing
	contracts, _ := c.Table("contracts_edits") // group contract_modifications
	const def = 4 * time.Hour
	type th struct{ warn, fail time.Duration }
	for _, tc := range []struct {
		name, yaml string
		want       map[*catalog.Table]th
		err        string
	}{
		{name: "defaults", yaml: "name: x\n", want: map[*catalog.Table]th{events: {def, 2 * def}}},
		{name: "project default, error twice warn", yaml: "freshness: {warn_after: {count: 6, period: hour}}\n",
			want: map[*catalog.Table]th{events: {6 * time.Hour, 12 * time.Hour}}},
		{name: "levels field by field", yaml: `freshness:
  warn_after: {count: 6, period: hour}
  error_after: {count: 1, period: day}
  groups:
    invoicing: {warn_after: {count: 90, period: minute}, error_after: {count: 3, period: hour}}
  tables:
    draft_invoice: {error_after: {count: 2, period: day}}
`, want: map[*catalog.Table]th{
			events:    {6 * time.Hour, 24 * time.Hour},
			invoice:   {90 * time.Minute, 3 * time.Hour},
			draft:     {90 * time.Minute, 48 * time.Hour},
			contracts: {6 * time.Hour, 24 * time.Hour},
		}},
		{name: "unknown key", yaml: "freshness: {warn_afer: {count: 6, period: hour}}\n", err: "warn_afer"},
		{name: "unknown key in a rule", yaml: "freshness: {tables: {events: {warn_after: {count: 6, perod: hour}}}}\n", err: "perod"},
		{name: "bad period", yaml: "freshness: {warn_after: {count: 6, period: week}}\n", err: `freshness: warn_after: period "week" is not one of minute, hour, day`},
		{name: "bad count", yaml: "freshness: {groups: {events: {error_after: {count: 0, period: hour}}}}\n", err: "groups.events: error_after: count 0 must be at least 1"},
		{name: "error before warn", yaml: "freshness: {warn_after: {count: 2, period: day}, error_after: {count: 1, period: day}}\n", err: "error_after (1 day) is shorter than warn_after (2 day)"},
		{name: "unknown table", yaml: "freshness: {tables: {invoices: {warn_after: {count: 1, period: hour}}}}\n", err: `freshness: unknown table "invoices"`},
		{name: "unknown group", yaml: "freshness: {groups: {billing: {warn_after: {count: 1, period: hour}}}}\n", err: `freshness: unknown group "billing"`},
		{name: "inherited error before warn", yaml: "freshness: {error_after: {count: 3, period: hour}, tables: {events: {warn_after: {count: 5, period: hour}}}}\n",
			want: map[*catalog.Table]th{events: {}}, err: "table events ends up with error_after 3h0m0s before warn_after 5h0m0s"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), FileName)
			if err := os.WriteFile(path, []byte(tc.yaml), 0o644); err != nil {
				t.Fatal(err)
			}
			p, err := Load(path)
			if err == nil {
				err = p.Freshness.Check(c)
			}
			for tbl, want := range tc.want {
				if err != nil {
					break
				}
				var warn, fail time.Duration
				warn, fail, err = p.Freshness.Thresholds(tbl, def)
				if err == nil && (warn != want.warn || fail != want.fail) {
					t.Errorf("%s: warn %s error %s, want %s and %s", tbl.Name, warn, fail, want.warn, want.fail)
				}
			}
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want one containing %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
		})
	}
}
