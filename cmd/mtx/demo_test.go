package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/mtxhq/mtx/internal/demo"
)

func TestDemoGenerateCommand(t *testing.T) {
	dir := t.TempDir()
	out, err := run(t, dir, "demo", "generate", "export", "--customers", "15", "--months", "2", "--seed", "2", "--start", "2025-03-01", "--manifest", "manifest.json")
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	for _, want := range []string{"Generated", "draft_invoice", "PRODUCTION", "SANDBOX", "manifest.json"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	data, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m demo.Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	if m.Options.Start.Format("2006-01-02") != "2025-03-01" || m.Options.Customers != 15 || len(m.Files) == 0 {
		t.Fatalf("manifest options %+v, %d files", m.Options, len(m.Files))
	}
	cat, _ := currentCatalog()
	for _, tb := range cat.Tables() {
		if _, err := os.Stat(filepath.Join(dir, "export", tb.Name)); err != nil {
			t.Errorf("no folder for table %s: %v", tb.Name, err)
		}
	}
}

func TestDemoErrors(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "full"), 0o755)
	os.WriteFile(filepath.Join(dir, "full", "x"), nil, 0o644)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"demo", "generate", "out", "--start", "yesterday"}, `--start "yesterday" is not a date`},
		{[]string{"demo", "generate", "out", "--customers", "0"}, "--customers must be between"},
		{[]string{"demo", "generate", "full"}, "is not empty"},
		{[]string{"demo", "generate"}, "accepts 1 arg"},
		{[]string{"demo", "--months", "0"}, "--months must be between"},
		{[]string{"demo", "--dialect", "postgres"}, "mtx demo does not use --dialect"},
		{[]string{"demo", "--export", "full"}, "--export full is not empty"},
	} {
		out, err := run(t, dir, c.args...)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: error %v, want %q\n%s", c.args, err, c.want, out)
		}
	}
}

// TestDemoCommand runs the bare demo where a broken project.yaml lies
// (the demo must not read it), twice (the database is rebuilt).
func TestDemoCommand(t *testing.T) {
	dir := writeProject(t, "this: is not a valid project\n")
	for i := 0; i < 2; i++ {
		out, err := run(t, dir, "demo", "--customers", "20", "--months", "2")
		if err != nil {
			t.Fatalf("run %d: %v\n%s", i, err, out)
		}
		for _, want := range []string{"==> generate", "==> migrate", "OK     up   00002_contracts_era", "44 tables in schema metronome", "demo done"} {
			if !strings.Contains(out, want) {
				t.Errorf("output lacks %q:\n%s", want, out)
			}
		}
		checkDemoAnswers(t, out)
	}
	db, err := sql.Open("duckdb", filepath.Join(dir, DefaultDemoDB))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM information_schema.tables WHERE table_schema = 'metronome' AND table_type = 'BASE TABLE' AND table_name NOT IN ('goose_db_version', '_mtx_load_manifest') AND table_name NOT LIKE 'current\_%' ESCAPE '\'`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	cat, _ := currentCatalog()
	if n != len(cat.Tables()) {
		t.Errorf("%d export tables in the demo database, want %d", n, len(cat.Tables()))
	}
}

// TestDemoStepsSeam: a step added to the pipeline sees the generated
// export and the migrated DuckDB target, as load/run/cookbook will.
func TestDemoStepsSeam(t *testing.T) {
	dir := t.TempDir()
	exportDir := filepath.Join(dir, "export")
	db := filepath.Join(dir, "demo.duckdb")
	var seen struct {
		files  int
		tables int
	}
	probe := demoStep{"probe", func(ctx context.Context, d *demoRun) error {
		for _, f := range d.manifest.Files {
			if _, err := os.Stat(filepath.Join(d.exportDir, filepath.FromSlash(f.Path))); err != nil {
				return err
			}
			seen.files++
		}
		conn, err := d.env.connect(ctx)
		if err != nil {
			return err
		}
		defer conn.Close()
		return conn.QueryRowContext(ctx, `SELECT count(*) FROM information_schema.tables WHERE table_schema = ?`, d.env.Options.Schema).Scan(&seen.tables)
	}}
	steps := append(demoSteps()[:2], probe)
	o := demo.Options{Customers: 12, Months: 2, Seed: 1}
	if err := runDemo(context.Background(), io.Discard, o, db, exportDir, steps); err != nil {
		t.Fatal(err)
	}
	if seen.files == 0 || seen.tables == 0 {
		t.Fatalf("probe saw %d files, %d tables", seen.files, seen.tables)
	}
	if _, err := os.Stat(exportDir); err != nil {
		t.Errorf("--export folder not kept: %v", err)
	}
}

// answerRE matches one printed cookbook answer: its command line, then the
// table up to its "(N rows)" footer.
var answerRE = regexp.MustCompile(`(?s)\n    mtx cookbook run ([a-z_]+)[^\n]*\n.*?\n    \((\d+) rows?\)\n`)

// checkDemoAnswers: the demo prints every answer of demoAnswers, and each
// has rows on the demo's own data.
func checkDemoAnswers(t *testing.T, out string) {
	t.Helper()
	printed := map[string]bool{}
	for _, m := range answerRE.FindAllStringSubmatch(out, -1) {
		printed[m[1]] = true
		if m[2] == "0" {
			t.Errorf("the demo prints %s with no rows", m[1])
		}
	}
	for _, a := range demoAnswers {
		if !printed[a.name] {
			t.Errorf("the demo does not print %s:\n%s", a.name, out)
		}
	}
	if len(printed) != len(demoAnswers) {
		t.Errorf("printed answers %v, want %d", printed, len(demoAnswers))
	}
}

// TestDemoSummariesAgree: `mtx demo generate`'s known invoice totals and
// the cookbook's monthly_invoice_totals count every invoice under the same
// month (of end_timestamp), with the same counts and totals.
func TestDemoSummariesAgree(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.duckdb")
	var known demo.Known
	var rows [][]string
	probe := demoStep{"probe", func(ctx context.Context, d *demoRun) error {
		known = d.manifest.Known
		conn, err := d.env.connect(ctx)
		if err != nil {
			return err
		}
		defer conn.Close()
		rs, err := conn.QueryContext(ctx, `SELECT strftime(month, '%Y-%m'), sum(invoice_count)::VARCHAR, sum(invoice_total)::VARCHAR FROM metronome.cookbook_monthly_invoice_totals GROUP BY 1 ORDER BY 1`)
		if err != nil {
			return err
		}
		defer rs.Close()
		for rs.Next() {
			var m, n, total string
			if err := rs.Scan(&m, &n, &total); err != nil {
				return err
			}
			rows = append(rows, []string{m, n, total})
		}
		return rs.Err()
	}}
	steps := append(demoSteps()[:4], probe) // generate, migrate, load, run
	if err := runDemo(context.Background(), io.Discard, demo.Options{Customers: 12, Months: 3, Seed: 1}, db, "", steps); err != nil {
		t.Fatal(err)
	}
	var want [][]string
	for _, it := range known.InvoiceTotals {
		if it.Environment == "PRODUCTION" && it.Status == "FINALIZED" {
			want = append(want, []string{it.Month, fmt.Sprint(it.Invoices), it.Total})
		}
	}
	if len(want) == 0 {
		t.Fatal("the generator reports no PRODUCTION invoices")
	}
	if len(rows) != len(want) {
		t.Fatalf("cookbook months %v, generator months %v", rows, want)
	}
	for i := range want {
		g, _ := new(big.Rat).SetString(rows[i][2])
		w, _ := new(big.Rat).SetString(want[i][2])
		if rows[i][0] != want[i][0] || rows[i][1] != want[i][1] || g == nil || w == nil || g.Cmp(w) != 0 {
			t.Errorf("month %d: cookbook %v, generator %v", i+1, rows[i], want[i])
		}
	}
}

// TestDemoNextCommands: the commands the demo prints at its end work as
// printed, from the folder it ran in, even where a project.yaml points
// elsewhere (another DuckDB file, another schema); and a read-only command
// on the project's own missing database creates no file.
func TestDemoNextCommands(t *testing.T) {
	dir := writeProject(t, "default_target: local\ntargets:\n  local: {dialect: duckdb, dsn: mtx.duckdb}\nschema: billing\n")
	out, err := run(t, dir, "demo", "--customers", "12", "--months", "2")
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	wd, _ := os.Getwd()
	os.Chdir(dir)
	next := demoNext(DefaultDemoDB, "metronome")
	os.Chdir(wd)
	for _, args := range next {
		if !strings.Contains(out, shellLine(args)) {
			t.Errorf("the demo did not print %q:\n%s", shellLine(args), out)
		}
		got, err := run(t, dir, args...)
		if err != nil || strings.Contains(got, "(0 rows)") {
			t.Errorf("%s: %v\n%s", shellLine(args), err, got)
		}
	}
	// The project's own target was never migrated: reading it says so and
	// leaves no file behind.
	for _, args := range [][]string{{"query", "SELECT 1"}, {"cookbook", "run", "monthly_invoice_totals"}, {"run"}, {"test"}} {
		if got, err := run(t, dir, args...); err == nil || !strings.Contains(err.Error(), "run `mtx migrate up` first") {
			t.Errorf("%v on a missing database: %v\n%s", args, err, got)
		}
	}
	for _, args := range [][]string{{"migrate", "status"}, {"migrate", "version"}} {
		if got, err := run(t, dir, args...); err != nil {
			t.Errorf("%v on a missing database: %v\n%s", args, err, got)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "mtx.duckdb")); !os.IsNotExist(err) {
		t.Errorf("a read-only command created mtx.duckdb (%v)", err)
	}
}

// TestRelativeDuckDBPath: a relative DuckDB path in project.yaml is next to
// project.yaml wherever mtx runs; --dsn stays relative to the current
// directory.
func TestRelativeDuckDBPath(t *testing.T) {
	dir := writeProject(t, "default_target: local\ntargets:\n  local: {dialect: duckdb, dsn: mtx.duckdb}\ntables: {include: [invoice]}\n")
	sub := filepath.Join(dir, "docs")
	os.MkdirAll(sub, 0o755)
	if out, err := run(t, sub, "migrate", "up", "--project", "../project.yaml"); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if _, err := os.Stat(filepath.Join(dir, "mtx.duckdb")); err != nil {
		t.Errorf("migrate up from docs/ did not create the project's mtx.duckdb: %v", err)
	}
	if _, err := os.Stat(filepath.Join(sub, "mtx.duckdb")); !os.IsNotExist(err) {
		t.Errorf("migrate up from docs/ created docs/mtx.duckdb (%v)", err)
	}
	if out, err := run(t, sub, "migrate", "up", "--project", "../project.yaml", "--dsn", "here.duckdb"); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if _, err := os.Stat(filepath.Join(sub, "here.duckdb")); err != nil {
		t.Errorf("--dsn here.duckdb from docs/ is not docs/here.duckdb: %v", err)
	}
}
