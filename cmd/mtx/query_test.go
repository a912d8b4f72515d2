package main

import (
	"github.com/mtxhq/mtx/internal/exitcode"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mtxhq/mtx/dialects/all"
)

const exact = "12345678901234567890.123456789"

// duckdbWithData creates a DuckDB file with schema metronome holding an
// amounts table and a current_customer table.
func duckdbWithData(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "q.duckdb")
	d, _ := all.Get("duckdb")
	db, err := d.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, st := range []string{
		`CREATE SCHEMA metronome`,
		`CREATE TABLE metronome.amounts (total DECIMAL(38,9), "at" TIMESTAMPTZ, note VARCHAR)`,
		`INSERT INTO metronome.amounts VALUES ('` + exact + `', TIMESTAMPTZ '2024-02-29 23:59:59.5+00', 'a,b'), (NULL, NULL, NULL)`,
		`CREATE TABLE metronome.current_customer (id VARCHAR, environment_type VARCHAR, archived_at TIMESTAMPTZ)`,
		`INSERT INTO metronome.current_customer VALUES ('c1', 'PRODUCTION', NULL), ('c2', 'SANDBOX', NULL), ('c3', 'SANDBOX', NULL), ('c4', 'SANDBOX', now())`,
	} {
		if _, err := db.Exec(st); err != nil {
			t.Fatalf("%s: %v", st, err)
		}
	}
	return path
}

func TestQueryFormats(t *testing.T) {
	path := duckdbWithData(t)
	dir := t.TempDir()
	q := `SELECT total, "at", note FROM amounts ORDER BY total NULLS LAST`
	for _, tc := range []struct{ format, want string }{
		{"csv", "total,at,note\n" + exact + ",2024-02-29T23:59:59.5Z,\"a,b\"\n,,\n"},
		{"json", "[\n  {\"total\": " + exact + ", \"at\": \"2024-02-29T23:59:59.5Z\", \"note\": \"a,b\"},\n  {\"total\": null, \"at\": null, \"note\": null}\n]\n"},
	} {
		out, err := run(t, dir, "query", q, "--dialect", "duckdb", "--dsn", path, "--format", tc.format)
		if err != nil {
			t.Fatal(err)
		}
		if out != tc.want {
			t.Errorf("%s:\n%s\nwant:\n%s", tc.format, out, tc.want)
		}
	}
	out, err := run(t, dir, "query", q, "--dialect", "duckdb", "--dsn", path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, exact) || !strings.Contains(out, "NULL") || !strings.HasPrefix(out, "total") || !strings.HasSuffix(out, "(2 rows)\n") {
		t.Errorf("table:\n%s", out)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"query", "SELEC 1", "--dialect", "duckdb", "--dsn", path}, "query failed"},
		{[]string{"query", "SELECT * FROM no_such_table", "--dialect", "duckdb", "--dsn", path}, "no_such_table"},
		{[]string{"query", "SELECT 1", "--dialect", "duckdb", "--dsn", path, "--format", "xml"}, `unknown output format "xml"`},
		{[]string{"query", "SELECT 1", "--dialect", "duckdb", "--dsn", path, "--schema", "nope"}, "setting the default schema"},
	} {
		_, err := run(t, dir, tc.args...)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: error %v, want one containing %q", tc.args, err, tc.want)
		}
	}
}

func TestCookbookCommands(t *testing.T) {
	path := duckdbWithData(t)
	dir := t.TempDir()
	out, err := run(t, dir, "cookbook", "list")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"active_customers", "events_per_month", "monthly_invoice_totals", "monthly_usage_totals", "environment=PRODUCTION"} {
		if !strings.Contains(out, name) {
			t.Errorf("list lacks %s:\n%s", name, out)
		}
	}
	out, err = run(t, dir, "cookbook", "show", "monthly_invoice_totals", "--dialect", "bigquery")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "TIMESTAMP_TRUNC(i.end_timestamp, MONTH, 'UTC')") || !strings.Contains(out, "-- fixed: VOID invoices") || !strings.Contains(out, "`metronome`.`current_invoice`") {
		t.Errorf("show:\n%s", out)
	}
	out, err = run(t, dir, "cookbook", "run", "active_customers", "--param", "environment=SANDBOX", "--format", "csv", "--dialect", "duckdb", "--dsn", path)
	if err != nil {
		t.Fatal(err)
	}
	if out != "active_customers\n2\n" {
		t.Errorf("run: %q", out)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"cookbook", "run", "active_customers", "--param", "envirnment=SANDBOX", "--dialect", "duckdb", "--dsn", path}, `no parameter "envirnment"`},
		{[]string{"cookbook", "run", "active_customers", "--param", "environment", "--dialect", "duckdb", "--dsn", path}, "use --param name=value"},
		{[]string{"cookbook", "show", "no_such_entry", "--dialect", "duckdb"}, `unknown cookbook entry "no_such_entry"`},
		{[]string{"cookbook", "run", "monthly_invoice_totals", "--dialect", "duckdb", "--dsn", path}, "current_invoice"},
	} {
		_, err := run(t, dir, tc.args...)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: error %v, want one containing %q", tc.args, err, tc.want)
		}
	}
}

// TestProjectCookbookOverride: a cookbook/ folder next to project.yaml adds
// entries and replaces shipped ones.
func TestProjectCookbookOverride(t *testing.T) {
	dir := writeProject(t, "default_target: local\ntargets:\n  local: {dialect: duckdb, dsn: x.duckdb}\n")
	os.Mkdir(filepath.Join(dir, "cookbook"), 0o755)
	os.WriteFile(filepath.Join(dir, "cookbook", "my_count.sql"), []byte("-- name: my_count\n-- description: Mine.\n-- source: project\nSELECT COUNT(*) FROM {{ current \"customer\" }}\n"), 0o644)
	out, err := run(t, dir, "cookbook", "show", "my_count")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, `SELECT COUNT(*) FROM "metronome"."current_customer"`) {
		t.Errorf("show:\n%s", out)
	}
}

// TestExitCodes runs the real binary: an error is one line on standard
// error, and the exit status says which kind (internal/exitcode): 2 for
// what could not run (bad SQL, flags, config, an unreachable database).
// Status 1 (ran, but a model or test failed) is TestRunKeepGoing's, on
// engines.
func TestExitCodes(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	path := duckdbWithData(t)
	bin := filepath.Join(t.TempDir(), "mtx")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		prefix string
	}{
		{"sql error", []string{"query", "SELECT nope FROM amounts", "--dialect", "duckdb", "--dsn", path}, exitcode.CouldNotRun, "mtx: query failed"},
		{"unknown flag", []string{"run", "--no-such-flag"}, exitcode.CouldNotRun, "mtx: unknown flag: --no-such-flag"},
		{"bad format", []string{"test", "--format", "xml", "--dialect", "duckdb"}, exitcode.CouldNotRun, `mtx: --format "xml" is not table or json`},
		{"unreachable database", []string{"run", "--dialect", "postgres", "--dsn", "postgres://mtx:secret@127.0.0.1:1/mtx?connect_timeout=2"}, exitcode.CouldNotRun, "mtx: cannot reach postgres"},
		{"success", []string{"ls", "--dialect", "duckdb", "--select", "current_invoice", "--resource-type", "model"}, exitcode.OK, "model    current_invoice"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cmd := exec.Command(bin, tc.args...)
			cmd.Dir = t.TempDir()
			var stdout, stderr strings.Builder
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			cmd.Run()
			if got := cmd.ProcessState.ExitCode(); got != tc.code {
				t.Errorf("exit %d, want %d\n%s%s", got, tc.code, stdout.String(), stderr.String())
			}
			msg := stderr.String()
			if tc.code == exitcode.OK {
				msg = stdout.String()
			} else if strings.Count(msg, "\n") != 1 || strings.Contains(msg, "secret") {
				t.Errorf("stderr is not one redacted line: %q", msg)
			}
			if !strings.HasPrefix(msg, tc.prefix) {
				t.Errorf("output %q, want it to start with %q", msg, tc.prefix)
			}
		})
	}
}

// TestCookbookAndSelection: show names the models an entry reads; an entry
// needing a table group the project leaves out is marked by list, and run
// names the group instead of blaming mtx run.
func TestCookbookAndSelection(t *testing.T) {
	dir := writeProject(t, "default_target: l\ntargets:\n  l: {dialect: duckdb, dsn: x.duckdb}\ntables: {exclude_groups: [legacy_plans]}\n")
	out, err := run(t, dir, "cookbook", "show", "monthly_invoice_totals")
	if err != nil || !strings.Contains(out, "-- reads: current_invoice\n") {
		t.Errorf("cookbook show: %v\n%s", err, out)
	}
	out, err = run(t, dir, "cookbook", "list")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(out, "\n") {
		marked := strings.Contains(line, "[needs table group legacy_plans")
		if strings.HasPrefix(line, "plan_charges ") && !marked || strings.HasPrefix(line, "monthly_invoice_totals ") && marked {
			t.Errorf("cookbook list: %s", line)
		}
	}
	_, err = run(t, dir, "cookbook", "run", "plan_charges")
	if err == nil || !strings.Contains(err.Error(), "select the table group legacy_plans") || strings.Contains(err.Error(), "mtx run)") {
		t.Errorf("cookbook run plan_charges: %v", err)
	}
}

// TestQueryOneStatement: mtx query runs one statement; a second one (a
// DROP after a SELECT) is refused before anything runs, unless the user
// passes --allow-multiple (issue 13).
func TestQueryOneStatement(t *testing.T) {
	path := duckdbWithData(t)
	dir := t.TempDir()
	base := []string{"--dialect", "duckdb", "--dsn", path}
	for _, q := range []string{"SELECT 1 AS a; DROP TABLE amounts", "SELECT 'x'; DROP TABLE amounts; --", `SELECT 'a\'; DROP TABLE amounts; --'`} {
		out, err := run(t, dir, append([]string{"query", q}, base...)...)
		if err == nil || !strings.Contains(err.Error(), "mtx query runs one; pass --allow-multiple") {
			t.Errorf("%s: want the one-statement error, got %v\n%s", q, err, out)
		}
	}
	if out, err := run(t, dir, append([]string{"query", "SELECT COUNT(*) AS n FROM amounts", "--format", "csv"}, base...)...); err != nil || out != "n\n2\n" {
		t.Fatalf("the table must survive: %v\n%s", err, out)
	}
	if out, err := run(t, dir, append([]string{"query", "SELECT ';' AS s;", "--format", "csv"}, base...)...); err != nil || out != "s\n;\n" {
		t.Errorf("a semicolon in a string is no second statement: %v\n%s", err, out)
	}
	out, err := run(t, dir, append([]string{"query", "--allow-multiple", "CREATE TEMP TABLE x AS SELECT 7 AS a; SELECT a FROM x", "--format", "csv"}, base...)...)
	if err != nil || out != "a\n7\n" {
		t.Errorf("--allow-multiple runs them in order on one session: %v\n%s", err, out)
	}
}
