package source

import (
	"bytes"
	"encoding/json"
	"sort"
	"strings"
	"testing"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/dialects/all"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/internal/discover"
)

// found reads, as discover would, a schema whose introspection returned
// tables (table -> column -> type), for the selected catalog tables.
func found(src discover.Source, cat *catalog.Catalog, tables map[string]map[string]string, selected []*catalog.Table) *discover.Schema {
	f := discover.Found{}
	for name, cols := range tables {
		var names []string
		for c := range cols {
			names = append(names, c)
		}
		sort.Strings(names)
		for _, c := range names {
			f[name] = append(f[name], discover.Column{Name: c, Type: cols[c]})
		}
	}
	sel := func(n string) bool {
		for _, t := range selected {
			if t.Name == n {
				return true
			}
		}
		return false
	}
	if src.Delivered {
		return discover.Match(src.Schema, f, cat, sel)
	}
	return discover.MatchRaw(src.Schema, f, cat, sel)
}

// asCreated is table t as mtx creates it on d, with some columns changed
// (a "" type drops the column) and names passed through rename.
func asCreated(d dialects.Dialect, t *catalog.Table, delivered bool, change map[string]string, rename func(string) string) map[string]string {
	o := dialects.DefaultOptions()
	out := map[string]string{}
	for _, c := range t.Columns {
		if c.System && delivered {
			continue
		}
		typ := d.ColumnType(t, c, o)
		if v, ok := change[c.Name]; ok {
			typ = v
		}
		if typ != "" {
			out[rename(c.Name)] = typ
		}
	}
	for c, typ := range change {
		if _, ok := t.Column(c); !ok {
			out[rename(c)] = typ
		}
	}
	return out
}

func same(s string) string { return s }

func TestCheck(t *testing.T) {
	h, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	cur := h.Current()
	tbl := func(name string) *catalog.Table {
		x, ok := cur.Table(name)
		if !ok {
			t.Fatalf("no table %s", name)
		}
		return x
	}
	invoice, line, draft := tbl("invoice"), tbl("line_item"), tbl("draft_invoice")
	type want struct {
		severity Severity
		table    string
		column   string
		problem  string
	}
	for _, tc := range []struct {
		name      string
		dialect   string
		delivered bool
		tables    []*catalog.Table
		found     func(d dialects.Dialect) map[string]map[string]string
		want      []want
		errors    int
	}{
		{name: "mtx's own schema is clean on every engine", dialect: "*", tables: []*catalog.Table{invoice, line, draft},
			found: func(d dialects.Dialect) map[string]map[string]string {
				return map[string]map[string]string{
					"invoice": asCreated(d, invoice, false, nil, same), "line_item": asCreated(d, line, false, nil, same),
					"draft_invoice": asCreated(d, draft, false, nil, same), "goose_db_version": {"id": "BIGINT"},
				}
			}},
		{name: "snowflake delivery, upper case, lossy decimal, text JSON", dialect: "snowflake", delivered: true, tables: []*catalog.Table{invoice, draft},
			found: func(d dialects.Dialect) map[string]map[string]string {
				return map[string]map[string]string{"INVOICE": asCreated(d, invoice, true,
					map[string]string{"total": "NUMBER(38,0)", "metadata": "TEXT(16777216)", "billing_provider_invoice_id": "", "surprise": "TEXT(16777216)"}, strings.ToUpper)}
			},
			want: []want{
				{Error, "invoice", "total", "decimal with scale 0"},
				{Warning, "invoice", "metadata", "JSON stored as text"},
				{Warning, "invoice", "billing_provider_invoice_id", "missing column"},
				{Note, "invoice", "", "extra columns not in mtx's catalog: SURPRISE"},
				{Note, "draft_invoice", "", "missing from src"},
			}, errors: 1},
		{name: "missing key, version and snapshot columns", dialect: "postgres", delivered: true, tables: []*catalog.Table{draft},
			found: func(d dialects.Dialect) map[string]map[string]string {
				return map[string]map[string]string{"draft_invoice": asCreated(d, draft, true,
					map[string]string{"id": "", "updated_at": "", "snapshot_time": "", "environment_type": ""}, same)}
			},
			want: []want{
				{Error, "draft_invoice", "id", "missing key column"},
				{Error, "draft_invoice", "updated_at", "missing version column"},
				{Error, "draft_invoice", "snapshot_time", "missing snapshot column"},
				{Error, "draft_invoice", "environment_type", "missing environment column"},
			}, errors: 4},
		{name: "mtx's raw tables need their provenance", dialect: "postgres", tables: []*catalog.Table{line},
			found: func(d dialects.Dialect) map[string]map[string]string {
				return map[string]map[string]string{"line_item": asCreated(d, line, false, map[string]string{"_mtx_transferred_at": ""}, same)}
			},
			want: []want{{Error, "line_item", "_mtx_transferred_at", "missing provenance column"}}, errors: 1},
		{name: "redshift varchar(256) and DECIMAL(18,0)", dialect: "redshift", delivered: true, tables: []*catalog.Table{line},
			found: func(d dialects.Dialect) map[string]map[string]string {
				return map[string]map[string]string{"line_item": asCreated(d, line, true,
					map[string]string{"name": "character varying(256)", "total": "numeric(18,0)", "quantity": "numeric(38,6)"}, same)}
			},
			want: []want{
				{Error, "line_item", "name", "string capped at 256 (mtx uses 65535 here)"},
				{Error, "line_item", "total", "decimal with scale 0"},
				{Warning, "line_item", "quantity", "decimal scale 6 below the catalog's (38,9)"},
			}, errors: 2},
		{name: "mysql short varchar key, float decimal", dialect: "mysql", delivered: true, tables: []*catalog.Table{line},
			found: func(d dialects.Dialect) map[string]map[string]string {
				return map[string]map[string]string{"line_item": asCreated(d, line, true,
					map[string]string{"id": "varchar(255)", "name": "varchar(1000)", "total": "double", "updated_at": "datetime(6)"}, same)}
			},
			want: []want{
				{Error, "line_item", "id", "string capped at 255 (mtx uses 768 here)"},
				{Error, "line_item", "name", "string capped at 1000 (mtx uses unbounded here)"},
				{Error, "line_item", "total", "binary floating point"},
			}, errors: 3},
		{name: "singlestore delivery: its JSON type, text JSON, lossy decimal, short key", dialect: "singlestore", delivered: true, tables: []*catalog.Table{invoice, line},
			found: func(d dialects.Dialect) map[string]map[string]string {
				return map[string]map[string]string{
					"invoice":   asCreated(d, invoice, true, map[string]string{"metadata": "JSON", "total": "decimal(18,0)"}, same),
					"line_item": asCreated(d, line, true, map[string]string{"id": "varchar(255)", "metadata": "longtext", "updated_at": "datetime(6)"}, same),
				}
			},
			want: []want{
				{Error, "invoice", "total", "decimal with scale 0"},
				{Error, "line_item", "id", "string capped at 255 (mtx uses 768 here)"},
				{Warning, "line_item", "metadata", "JSON stored as text"},
			}, errors: 2},
		{name: "timestamps without zone or time", dialect: "postgres", delivered: true, tables: []*catalog.Table{invoice},
			found: func(d dialects.Dialect) map[string]map[string]string {
				return map[string]map[string]string{"invoice": asCreated(d, invoice, true,
					map[string]string{"updated_at": "timestamp without time zone", "issued_at": "date", "total": "numeric(20,9)", "credit_type_id": "bytea"}, same)}
			},
			want: []want{
				{Warning, "invoice", "updated_at", "timestamp without time zone"},
				{Error, "invoice", "issued_at", "time of day is lost"},
				{Error, "invoice", "total", "decimal precision 20 below"},
				{Warning, "invoice", "credit_type_id", "type not recognised"},
			}, errors: 2},
		{name: "wrong schema", dialect: "duckdb", delivered: true, tables: []*catalog.Table{invoice, line},
			found: func(d dialects.Dialect) map[string]map[string]string {
				return map[string]map[string]string{"other": {"x": "VARCHAR"}}
			},
			want: []want{
				{Error, "", "", "schema src holds none of the 2 selected tables"},
				{Note, "invoice", "", "missing from src"},
				{Note, "line_item", "", "missing from src"},
			}, errors: 1},
	} {
		names := []string{tc.dialect}
		if tc.dialect == "*" {
			names = all.Names()
		}
		for _, name := range names {
			t.Run(tc.name+"/"+name, func(t *testing.T) {
				d, err := all.Get(name)
				if err != nil {
					t.Fatal(err)
				}
				src := discover.Source{Dialect: d, Schema: "src", Delivered: tc.delivered}
				r, err := Check(src, found(src, cur, tc.found(d), tc.tables), tc.tables, dialects.DefaultOptions())
				if err != nil {
					t.Fatal(err)
				}
				var got []want
				for _, f := range r.Findings {
					got = append(got, want{f.Severity, "", f.Column, f.Problem})
				}
				for _, tr := range r.Tables {
					for _, f := range tr.Findings {
						got = append(got, want{f.Severity, tr.Table, f.Column, f.Problem})
					}
				}
				for _, w := range tc.want {
					ok := false
					for _, g := range got {
						ok = ok || (g.severity == w.severity && g.table == w.table && g.column == w.column && strings.Contains(g.problem, w.problem))
					}
					if !ok {
						t.Errorf("no %s on %s.%s containing %q; got %+v", w.severity, w.table, w.column, w.problem, got)
					}
				}
				if len(got) != len(tc.want) {
					t.Errorf("%d findings, want %d: %+v", len(got), len(tc.want), got)
				}
				if r.Errors != tc.errors {
					t.Errorf("%d errors, want %d", r.Errors, tc.errors)
				}
				var b bytes.Buffer
				if err := r.WriteTable(&b); err != nil {
					t.Fatal(err)
				}
				if !strings.Contains(b.String(), plural(r.Errors, "error")) {
					t.Errorf("table output lacks the totals:\n%s", b.String())
				}
				b.Reset()
				if err := r.WriteJSON(&b); err != nil {
					t.Fatal(err)
				}
				var back Report
				if err := json.Unmarshal(b.Bytes(), &back); err != nil || back.Errors != r.Errors || len(back.Tables) != len(r.Tables) {
					t.Errorf("JSON output does not round-trip (%v):\n%s", err, b.String())
				}
			})
		}
	}
}
