package main

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/duckdb/duckdb-go/v2"
)

// TestModelCommands runs migrate, run, test and compile on an embedded
// DuckDB project with a model of its own, as a user would.
func TestModelCommands(t *testing.T) {
	dir := writeProject(t, "default_target: local\ntargets:\n  local: {dialect: duckdb, dsn: m.duckdb}\ntables: {exclude_groups: [legacy_plans]}\n")
	os.MkdirAll(filepath.Join(dir, "models"), 0o755)
	os.WriteFile(filepath.Join(dir, "models", "invoice_totals.sql"), []byte(
		"-- materialized: table\n-- unique_key: customer_id\n-- tags: finance\nSELECT customer_id, SUM(total) AS total FROM {{ ref \"current_invoice\" }} GROUP BY customer_id\n"), 0o644)
	// Before migrate up (the database exists, the export tables do not):
	// one line saying what to do, not the engine's error on a model.
	empty, err := sql.Open("duckdb", filepath.Join(dir, "m.duckdb"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := empty.Exec("CREATE SCHEMA metronome"); err != nil {
		t.Fatal(err)
	}
	empty.Close()
	if out, err := run(t, dir, "run"); err == nil || !strings.Contains(err.Error(), "schema metronome has no export tables on duckdb at") || !strings.Contains(err.Error(), "run `mtx migrate up` first") {
		t.Errorf("run before migrate up: %v\n%s", err, out)
	}
	if out, err := run(t, dir, "migrate", "up"); err != nil {
		t.Fatalf("migrate up: %v\n%s", err, out)
	}
	out, err := run(t, dir, "run")
	if err != nil {
		t.Fatalf("run: %v\n%s", err, out)
	}
	// 34 current-state models (legacy plans excluded), the project's own
	// model, and the 17 cookbook views whose tables are selected.
	if !strings.Contains(out, "invoice_totals") || !strings.Contains(out, "cookbook_monthly_invoice_totals") || !strings.Contains(out, "built 52 models") {
		t.Errorf("run printed:\n%s", out)
	}
	out, err = run(t, dir, "run", "--select", "tag:finance")
	if err != nil || !strings.Contains(out, "built 1 model ") {
		t.Errorf("run --select tag:finance: %v\n%s", err, out)
	}
	if out, err = run(t, dir, "test"); err != nil || !strings.Contains(out, "data tests passed") {
		t.Errorf("test on empty tables: %v\n%s", err, out)
	}
	// A bad row makes mtx test fail, naming model, test and key.
	db, err := sql.Open("duckdb", filepath.Join(dir, "m.duckdb"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO metronome.invoice (id, environment_type, total, updated_at) VALUES ('inv_1', 'STAGING', 1.5, now())`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	out, err = run(t, dir, "test", "--select", "current_invoice")
	if err == nil || !strings.Contains(err.Error(), "data tests failed") ||
		!strings.Contains(out, "FAIL current_invoice accepted_values(environment_type: SANDBOX, PRODUCTION): 1 offending row, e.g. environment_type=STAGING id=inv_1") {
		t.Errorf("test with a bad row: %v\n%s", err, out)
	}
	// compile connects to nothing: a DSN that cannot work does not matter.
	out, err = run(t, dir, "compile", "--dialect", "snowflake", "--select", "current_invoice+")
	if err != nil || !strings.Contains(out, `CREATE OR REPLACE VIEW "METRONOME"."CURRENT_INVOICE"`) || !strings.Contains(out, "QUALIFY ROW_NUMBER()") ||
		!strings.Contains(out, "-- model invoice_totals (table") {
		t.Errorf("compile: %v\n%s", err, out)
	}
	if _, err := run(t, dir, "run", "--select", "nope"); err == nil || err.Error() != `--select "nope" matches no model` {
		t.Errorf("unknown selector: %v", err)
	}
	os.WriteFile(filepath.Join(dir, "models", "a.sql"), []byte("SELECT * FROM {{ ref \"b\" }}"), 0o644)
	os.WriteFile(filepath.Join(dir, "models", "b.sql"), []byte("SELECT * FROM {{ ref \"a\" }}"), 0o644)
	if _, err := run(t, dir, "compile"); err == nil || err.Error() != "models form a cycle: a -> b -> a" {
		t.Errorf("cycle: %v", err)
	}
}
