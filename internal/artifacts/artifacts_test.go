package artifacts

import (
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/dialects/all"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/internal/model"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// input compiles a small DuckDB project: two export tables and one model
// of the project's own on top of them.
func input(t *testing.T) Input {
	t.Helper()
	d, err := all.Get("duckdb")
	if err != nil {
		t.Fatal(err)
	}
	h, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	selected := func(table string) bool { return table == "invoice" || table == "customer" }
	mine, err := model.Parse("invoice_totals", "models/invoice_totals.sql",
		"-- materialized: table\n-- unique_key: customer_id\n-- tags: finance\n-- description: Invoice totals per customer\n"+
			"SELECT customer_id, SUM(total) AS total FROM {{ ref \"current_invoice\" }} GROUP BY customer_id\n")
	if err != nil {
		t.Fatal(err)
	}
	reg := model.NewRegistry()
	if err := reg.Add(append(model.CurrentStateNodes(h.Current(), selected), mine)...); err != nil {
		t.Fatal(err)
	}
	p := &model.Project{Dialect: d, Schema: "metronome", Catalog: h.Current(), Selected: selected, Models: reg}
	g, err := p.Compile()
	if err != nil {
		t.Fatal(err)
	}
	o := dialects.DefaultOptions()
	return Input{
		Project: "billing", Version: "v9.9.9", Adapter: "duckdb", Command: "run", InvocationID: "00000000-0000-0000-0000-000000000000",
		GeneratedAt: time.Date(2026, 12, 5, 15, 0, 0, 0, time.UTC), Models: p, Graph: g,
		PhysicalType: func(t *catalog.Table, c catalog.Column) string { return d.ColumnType(t, c, o) },
	}
}

// TestManifestGolden pins the manifest's shape: keys, unique ids, maps.
func TestManifestGolden(t *testing.T) {
	m := BuildManifest(input(t))
	got, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "manifest.golden.json")
	if *update {
		if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if string(want) != string(got)+"\n" {
		t.Errorf("manifest differs from %s (go test ./internal/artifacts -update rewrites it; review the diff)", golden)
	}
}

// TestManifestGraph checks the maps against each other and the ids dbt
// tooling expects.
func TestManifestGraph(t *testing.T) {
	m := BuildManifest(input(t))
	for _, id := range []string{"model.billing.current_invoice", "model.billing.invoice_totals", "source.billing.metronome.invoice",
		"test.billing.unique_invoice_totals_customer_id", "test.billing.unique_current_invoice_environment_type__id"} {
		if _, ok := m.ParentMap[id]; !ok {
			t.Errorf("no %s in parent_map", id)
		}
	}
	inv := m.Nodes["model.billing.current_invoice"]
	if inv.Columns["total"].Description == "" || inv.Columns["total"].PhysicalType == "" || inv.Config.Materialized == "" || inv.CompiledCode == "" {
		t.Errorf("current_invoice lacks columns, config or SQL: %+v", inv)
	}
	if got := m.ParentMap["model.billing.invoice_totals"]; len(got) != 1 || got[0] != "model.billing.current_invoice" {
		t.Errorf("invoice_totals parents: %v", got)
	}
	for id, parents := range m.ParentMap {
		for _, p := range parents {
			found := false
			for _, c := range m.ChildMap[p] {
				found = found || c == id
			}
			if !found {
				t.Errorf("%s is a parent of %s but child_map does not say so", p, id)
			}
		}
	}
	if len(m.Sources) != 2 {
		t.Errorf("%d sources, want the 2 selected tables", len(m.Sources))
	}
}

func TestRunResults(t *testing.T) {
	in := input(t)
	test := in.Graph.Tests(in.Models, []string{"invoice_totals"})[0]
	rr := BuildRunResults(in, []model.Result{
		{Name: "current_invoice", Status: model.Success, Elapsed: 1500 * time.Millisecond, Rows: 3, RowsKnown: true, Message: "table"},
		{Name: "invoice_totals", Status: model.Error, Err: errors.New("boom"), Message: "boom"},
		{Name: "invoice_totals", Test: &test, Status: model.Fail, Failures: 2, Message: "2 offending rows"},
	}, 2*time.Second, map[string]any{"which": "build"})
	data, _ := json.Marshal(rr)
	var back struct {
		Metadata map[string]any   `json:"metadata"`
		Results  []map[string]any `json:"results"`
		Elapsed  float64          `json:"elapsed_time"`
	}
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if back.Metadata["mtx_schema_version"] != float64(SchemaVersion) || back.Elapsed != 2 || len(back.Results) != 3 {
		t.Fatalf("run_results: %s", data)
	}
	want := []struct{ id, status string }{
		{"model.billing.current_invoice", "success"}, {"model.billing.invoice_totals", "error"}, {"test.billing.unique_invoice_totals_customer_id", "fail"},
	}
	for i, w := range want {
		if back.Results[i]["unique_id"] != w.id || back.Results[i]["status"] != w.status {
			t.Errorf("result %d: %v, want %s %s", i, back.Results[i], w.id, w.status)
		}
	}
	if rows := back.Results[0]["adapter_response"].(map[string]any)["rows_affected"]; rows != float64(3) {
		t.Errorf("rows_affected %v", rows)
	}
	if back.Results[2]["failures"] != float64(2) {
		t.Errorf("failures %v", back.Results[2]["failures"])
	}
}
