package model_test

import (
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/mtxhq/mtx/dialects/all"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/internal/model"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

func project(t *testing.T, dialect string, extra ...*model.Node) *model.Project {
	t.Helper()
	h, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	d, err := all.Get(dialect)
	if err != nil {
		t.Fatal(err)
	}
	reg, err := model.Load(h.Current(), nil, "", extra...)
	if err != nil {
		t.Fatal(err)
	}
	return &model.Project{Dialect: d, Schema: "metronome", Catalog: h.Current(), Models: reg}
}

func parse(t *testing.T, name, text string) *model.Node {
	t.Helper()
	n, err := model.Parse(name, name+".sql", text)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// userModels exercise ref, a table and an incremental user model in the golden files.
func userModels(t *testing.T) []*model.Node {
	return []*model.Node{
		parse(t, "customer_invoice_totals", `-- materialized: table
-- unique_key: environment_type, customer_id
SELECT environment_type, customer_id, SUM(total) AS total
FROM {{ ref "current_invoice" }}
GROUP BY environment_type, customer_id`),
		parse(t, "event_log", `-- materialized: incremental
-- unique_key: transaction_id
SELECT transaction_id, customer_id, {{ quote "timestamp" }}, _mtx_loaded_at
FROM {{ source "events" }}
{{ if is_incremental }}WHERE _mtx_loaded_at > (SELECT MAX(_mtx_loaded_at) FROM {{ this }}){{ end }}`),
		parse(t, "event_latest", `-- materialized: incremental
-- unique_key: transaction_id
-- newest: timestamp, _mtx_loaded_at
SELECT transaction_id, customer_id, {{ quote "timestamp" }}, _mtx_loaded_at
FROM {{ source "events" }}
{{ if is_incremental }}WHERE _mtx_loaded_at > (SELECT MAX(_mtx_loaded_at) FROM {{ this }}){{ end }}`),
	}
}

// TestGolden pins every model's SQL on all seven dialects. After an
// intended change: go test ./internal/model -update, and review the diff.
func TestGolden(t *testing.T) {
	for _, name := range all.Names() {
		t.Run(name, func(t *testing.T) {
			p := project(t, name, userModels(t)...)
			g, err := p.Compile()
			if err != nil {
				t.Fatal(err)
			}
			script, err := g.Script(p, g.Order)
			if err != nil {
				t.Fatal(err)
			}
			golden(t, filepath.Join("testdata", "golden", name+".sql"), script)
		})
	}
}

func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/model -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the rendered SQL (go test ./internal/model -update rewrites it; review the diff)", path)
	}
}

func TestEveryTableHasACurrentStateModel(t *testing.T) {
	p := project(t, "duckdb")
	for _, tbl := range p.Catalog.Tables() {
		n, ok := p.Models.Get("current_" + tbl.Name)
		if !ok {
			t.Errorf("no current_%s", tbl.Name)
			continue
		}
		if !reflect.DeepEqual([]string(n.Config.UniqueKey), model.Grain(tbl)) {
			t.Errorf("current_%s: unique_key %v, want %v", tbl.Name, n.Config.UniqueKey, model.Grain(tbl))
		}
	}
}

func TestParseHeader(t *testing.T) {
	n := parse(t, "m", "-- a free comment\n-- materialized: incremental\n-- unique_key: a, b\n-- tags: [x, y]\n-- lookback: 30m\n\nSELECT 1 AS a, 2 AS b;\n")
	if n.Config.Materialized != "incremental" || !reflect.DeepEqual([]string(n.Config.UniqueKey), []string{"a", "b"}) ||
		!reflect.DeepEqual([]string(n.Config.Tags), []string{"x", "y"}) || n.SQL != "SELECT 1 AS a, 2 AS b" {
		t.Errorf("parsed %+v, SQL %q", n.Config, n.SQL)
	}
	for _, c := range []struct{ text, want string }{
		{"-- materialised: table\nSELECT 1", `m.sql: header: [1:1] unknown field "materialised"`},
		{"-- materialized: ephemeral\nSELECT 1", `m.sql: materialized "ephemeral" is not one of view, table, incremental`},
		{"-- lookback: soon\nSELECT 1", `m.sql: lookback "soon" is not a duration`},
		{"-- materialized: view\n", "m.sql: no SQL after the header"},
		{"-- materialized: incremental\n-- unique_key: id\n-- newest: updated_at DESC\nSELECT 1", `m.sql: column "updated_at DESC" is not a valid identifier`},
		{"-- materialized: table\n-- newest: updated_at\nSELECT 1", "m.sql: newest orders the versions an incremental model merges; it needs materialized: incremental"},
		{"-- materialized: incremental\n-- unique_key: id\n-- newest: {a: b}\nSELECT 1", "m.sql: header:"},
	} {
		_, err := model.Parse("m", "m.sql", c.text)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Parse(%q) = %v, want an error containing %q", c.text, err, c.want)
		}
	}
	if _, err := model.Parse("Bad-Name", "Bad-Name.sql", "SELECT 1"); err == nil || !strings.Contains(err.Error(), "not a valid identifier") {
		t.Errorf("bad name: %v", err)
	}
}

func TestCompileErrors(t *testing.T) {
	for _, c := range []struct {
		name  string
		nodes []*model.Node
		want  string
	}{
		{"cycle", []*model.Node{
			parse(t, "a", `SELECT * FROM {{ ref "b" }}`),
			parse(t, "b", `SELECT * FROM {{ ref "c" }}`),
			parse(t, "c", `SELECT * FROM {{ ref "a" }}`),
		}, "models form a cycle: a -> b -> c -> a"},
		{"unknown ref", []*model.Node{parse(t, "a", `SELECT * FROM {{ ref "nope" }}`)}, `model a (a.sql): ref "nope": no such model`},
		{"unknown source", []*model.Node{parse(t, "a", `SELECT * FROM {{ source "nope" }}`)}, `model a (a.sql): source "nope": no such export table`},
		{"self ref", []*model.Node{parse(t, "a", `SELECT * FROM {{ ref "a" }}`)}, "a model cannot ref itself"},
		{"incremental snapshot", []*model.Node{parse(t, "current_packages", "-- materialized: incremental\n{{ current_state \"packages\" }}")}, "packages is a snapshot table"},
		{"newest on current_state", []*model.Node{parse(t, "current_events", "-- materialized: incremental\n-- newest: updated_at\n{{ current_state \"events\" }}")}, "newest is for user models"},
		{"incremental without key", []*model.Node{parse(t, "a", "-- materialized: incremental\nSELECT 1")}, "materialized incremental needs unique_key"},
		{"template", []*model.Node{parse(t, "a", "SELECT {{ nope }}")}, `function "nope" not defined`},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := project(t, "postgres", c.nodes...).Compile()
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v, want an error containing %q", err, c.want)
			}
		})
	}
}

func TestSelect(t *testing.T) {
	p := project(t, "duckdb",
		parse(t, "a", `SELECT * FROM {{ ref "current_invoice" }}`),
		parse(t, "b", "-- tags: finance\nSELECT * FROM {{ ref \"a\" }}"),
		parse(t, "c", `SELECT * FROM {{ ref "b" }} JOIN {{ ref "current_customer" }} ON TRUE`),
	)
	g, err := p.Compile()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		sel  []string
		want string
	}{
		{[]string{"current_invoice+"}, "a b c current_invoice"},
		{[]string{"+b"}, "a b current_invoice"},
		{[]string{"+c"}, "a b c current_customer current_invoice"},
		{[]string{"tag:finance+"}, "b c"},
		{[]string{"a, current_customer"}, "a current_customer"},
		{[]string{"current_contracts_*"}, "current_contracts_amendments current_contracts_balances current_contracts_commits current_contracts_contracts current_contracts_edits current_contracts_overrides current_contracts_prepaid_balance_threshold_configurations current_contracts_product_list_item_versions current_contracts_rate_card_entries current_contracts_rate_cards current_contracts_recurring_commits_and_credits current_contracts_scheduled_charges current_contracts_spend_threshold_configurations current_contracts_subscriptions current_contracts_transitions current_contracts_usage_filter_schedule current_contracts_usage_filters"},
	} {
		got, err := g.Select(c.sel)
		if err != nil {
			t.Fatal(err)
		}
		// Order is a topological order: compare as sets, then check order.
		if s := strings.Join(sortedCopy(got), " "); s != c.want {
			t.Errorf("Select(%v) = %s, want %s", c.sel, s, c.want)
		}
		pos := map[string]int{}
		for i, n := range got {
			pos[n] = i
		}
		for _, n := range got {
			for _, d := range g.Nodes[n].Deps {
				if i, ok := pos[d]; ok && i > pos[n] {
					t.Errorf("Select(%v): %s comes before its dependency %s", c.sel, n, d)
				}
			}
		}
	}
	if _, err := g.Select([]string{"nope+"}); err == nil || err.Error() != `--select "nope+" matches no model` {
		t.Errorf("unknown selector: %v", err)
	}
	all, _ := g.Select(nil)
	if len(all) != len(g.Nodes) {
		t.Errorf("no selector selects %d of %d models", len(all), len(g.Nodes))
	}
}

func TestSelectExclude(t *testing.T) {
	p := project(t, "duckdb",
		parse(t, "a", `SELECT * FROM {{ ref "current_invoice" }}`),
		parse(t, "b", "-- tags: finance\nSELECT * FROM {{ ref \"a\" }}"),
		parse(t, "c", `SELECT * FROM {{ ref "b" }} JOIN {{ ref "current_customer" }} ON TRUE`),
	)
	g, err := p.Compile()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		sel, exclude []string
		want         string
	}{
		{[]string{"current_invoice+"}, []string{"b"}, "a c current_invoice"},
		{[]string{"current_invoice+"}, []string{"b+"}, "a current_invoice"},
		{[]string{"+c"}, []string{"tag:finance", "current_*"}, "a c"},
		{[]string{"a", "b"}, []string{"a,b"}, ""},
	} {
		got, err := g.SelectExclude(c.sel, c.exclude)
		if err != nil {
			t.Fatal(err)
		}
		if s := strings.Join(sortedCopy(got), " "); s != c.want {
			t.Errorf("SelectExclude(%v, %v) = %s, want %s", c.sel, c.exclude, s, c.want)
		}
	}
	all, _ := g.SelectExclude(nil, []string{"current_*"})
	if strings.Join(sortedCopy(all), " ") != "a b c" {
		t.Errorf("exclude without select: %v", all)
	}
	if _, err := g.SelectExclude(nil, []string{"nope"}); err == nil || err.Error() != `--exclude "nope" matches no model` {
		t.Errorf("unknown exclude: %v", err)
	}
}

func sortedCopy(s []string) []string {
	out := append([]string{}, s...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

// TestProjectOverride: a project's models/ folder adds models and replaces
// built-in ones by name.
func TestProjectOverride(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "models"), 0o755)
	os.WriteFile(filepath.Join(dir, "project.yaml"), []byte("name: x\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "models", "current_invoice.sql"), []byte("-- materialized: table\n{{ current_state \"invoice\" }}\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "models", "mine.sql"), []byte("SELECT * FROM {{ ref \"current_invoice\" }}\n"), 0o644)
	h, _ := catalog.Embedded()
	reg, err := model.Load(h.Current(), nil, filepath.Join(dir, "project.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	n, _ := reg.Get("current_invoice")
	if n.Config.Materialized != model.Table || !strings.Contains(n.Origin, "models") {
		t.Errorf("current_invoice not overridden: %+v from %s", n.Config, n.Origin)
	}
	if _, ok := reg.Get("mine"); !ok {
		t.Error("project model mine not loaded")
	}
	os.WriteFile(filepath.Join(dir, "models", "broken.sql"), []byte("-- colour: red\nSELECT 1\n"), 0o644)
	if _, err := model.Load(h.Current(), nil, filepath.Join(dir, "project.yaml")); err == nil || !strings.Contains(err.Error(), "broken.sql") {
		t.Errorf("a broken project model: %v", err)
	}
}

// TestDataTestOwners: a current-state model's key not_null test reads the
// raw table and is reported under the raw table's name; its other tests
// are the model's.
func TestDataTestOwners(t *testing.T) {
	p := project(t, "duckdb")
	g, err := p.Compile()
	if err != nil {
		t.Fatal(err)
	}
	for _, dt := range g.Tests(p, []string{"current_invoice"}) {
		raw := strings.Contains(dt.Query, `FROM "metronome"."invoice" `)
		if raw && dt.Model != "invoice" || !raw && dt.Model != "current_invoice" {
			t.Errorf("test %s reading %q is reported under %s", dt.Name, dt.Query, dt.Model)
		}
	}
}

// TestReaders: the models to drop with a table are those reading it and
// every model reading them, dependents first.
func TestReaders(t *testing.T) {
	p := project(t, "duckdb",
		parse(t, "a", `SELECT * FROM {{ ref "current_invoice" }}`),
		parse(t, "b", `SELECT * FROM {{ ref "a" }}`),
		parse(t, "c", `SELECT * FROM {{ ref "current_customer" }}`),
	)
	g, err := p.Compile()
	if err != nil {
		t.Fatal(err)
	}
	got := g.Readers([]string{"invoice"})
	if strings.Join(got, " ") != "b a current_invoice" {
		t.Errorf("Readers(invoice) = %v, want [b a current_invoice]", got)
	}
}
