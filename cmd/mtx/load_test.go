package main

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mtxhq/mtx/dialects/all"
	"github.com/mtxhq/mtx/dialects/enginetest"
)

// TestLoadCLI runs `mtx load` in process on DuckDB: its errors, a dry
// run, a load and a rerun.
func TestLoadCLI(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.duckdb")
	exp := filepath.Join(dir, "export")
	os.MkdirAll(filepath.Join(exp, "invoice", "dt=2025-01-01"), 0o755)
	os.WriteFile(filepath.Join(exp, "invoice", "dt=2025-01-01", "0_20250101000000.parquet"), []byte("not parquet"), 0o644)
	base := []string{"--dialect", "duckdb", "--dsn", db}
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"bad since", []string{"load", exp, "--since", "01/02/2025"}, `--since "01/02/2025" is not a date`},
		{"unknown table", []string{"load", exp, "--tables", "invoice,invoices"}, `--tables: "invoices" is not an export table`},
		{"missing folder", []string{"load", filepath.Join(dir, "nope")}, "export folder"},
		{"no location", []string{"load"}, "accepts 1 arg"},
		{"not migrated", []string{"load", exp}, "run `mtx migrate up` first"},
	} {
		out, err := run(t, dir, append(tc.args, base...)...)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v (output %q), want one containing %q", tc.name, err, out, tc.want)
		}
	}
	// A dry run works without a reachable target: every file is listed.
	out, err := run(t, dir, "load", exp, "--dry-run", "--dialect", "postgres", "--dsn", "postgres://mtx:secret@127.0.0.1:1/mtx?connect_timeout=2")
	if err != nil || !strings.Contains(out, "1 would be loaded") || !strings.Contains(out, "manifest was not read") || strings.Contains(out, "secret") {
		t.Fatalf("dry run without target: %v\n%s", err, out)
	}
	if out, err := run(t, dir, append([]string{"migrate", "up"}, base...)...); err != nil {
		t.Fatalf("migrate up: %v\n%s", err, out)
	}
	out, err = run(t, dir, append([]string{"load", exp, "--dry-run"}, base...)...)
	if err != nil || !strings.Contains(out, "1 would be loaded") {
		t.Fatalf("dry run: %v\n%s", err, out)
	}
	out, err = run(t, dir, append([]string{"load", exp}, base...)...)
	if err == nil || !strings.Contains(err.Error(), "invoice/dt=2025-01-01/0_20250101000000.parquet: not a readable parquet file") {
		t.Fatalf("corrupt file: %v\n%s", err, out)
	}
	if !strings.Contains(out, "loaded 0 files, skipped 0 already loaded, 1 failed") {
		t.Errorf("summary missing:\n%s", out)
	}
}

// TestLoadCLIEngines runs `mtx load` in process against every server
// engine the environment provides (MTX_TEST_<ENGINE>_DSN; tests/engines/up
// prints them): not migrated yet, a dry run, a corrupt file named in the
// error and the summary, and a dry run after it (the file is still to load).
func TestLoadCLIEngines(t *testing.T) {
	// Every server engine tests/engines/up starts: not embedded, and not
	// one that needs a real cluster (its test adapter says).
	servers := enginetest.Find(func(a *enginetest.Adapter) bool { return a.Embedded == nil && a.NoLocalEngine == "" })
	for _, a := range servers {
		name := a.Name
		t.Run(name, func(t *testing.T) {
			env := a.DSNEnv
			dsn := os.Getenv(env)
			if dsn == "" {
				if requiredEngine(name) {
					t.Fatalf("%s is required (MTX_REQUIRE_ENGINES) but %s is not set", name, env)
				}
				t.Skipf("%s not set: run eval \"$(tests/engines/up)\" to start a local %s", env, name)
			}
			d, err := all.Get(name)
			if err != nil {
				t.Fatal(err)
			}
			b := make([]byte, 4)
			rand.Read(b)
			schema := "mtx_cli_" + hex.EncodeToString(b)
			t.Cleanup(func() {
				db, err := d.Open(dsn)
				if err != nil {
					return
				}
				defer db.Close()
				if _, err := db.Exec(a.DropSchemaSQL(d.Quote(schema))); err != nil {
					t.Logf("dropping %s: %v", schema, err)
				}
			})
			dir := writeProject(t, "name: cli\nschema: "+schema+"\ntables:\n  include: [invoice]\n")
			exp := filepath.Join(dir, "export")
			rel := filepath.Join("invoice", "dt=2025-01-01", "0_20250101000000.parquet")
			os.MkdirAll(filepath.Join(exp, "invoice", "dt=2025-01-01"), 0o755)
			os.WriteFile(filepath.Join(exp, rel), []byte("not parquet"), 0o644)
			base := []string{"--dialect", name, "--dsn", dsn}
			if out, err := run(t, dir, append([]string{"load", exp}, base...)...); err == nil || !strings.Contains(err.Error(), "run `mtx migrate up` first") {
				t.Fatalf("not migrated: %v\n%s", err, out)
			}
			if out, err := run(t, dir, append([]string{"migrate", "up"}, base...)...); err != nil {
				t.Fatalf("migrate up: %v\n%s", err, out)
			}
			out, err := run(t, dir, append([]string{"load", exp}, base...)...)
			if err == nil || !strings.Contains(err.Error(), "invoice/dt=2025-01-01/0_20250101000000.parquet: not a readable parquet file") {
				t.Fatalf("corrupt file: %v\n%s", err, out)
			}
			if !strings.Contains(out, "loaded 0 files, skipped 0 already loaded, 1 failed") {
				t.Errorf("summary missing:\n%s", out)
			}
			out, err = run(t, dir, append([]string{"load", exp, "--dry-run"}, base...)...)
			if err != nil || !strings.Contains(out, "1 would be loaded") {
				t.Fatalf("dry run after a failed file: %v\n%s", err, out)
			}
		})
	}
}

func requiredEngine(name string) bool {
	for _, e := range strings.Split(os.Getenv("MTX_REQUIRE_ENGINES"), ",") {
		if strings.TrimSpace(e) == name {
			return true
		}
	}
	return false
}

// TestLoadDryRunChangesNothingOnDuckDB: a dry run neither creates a
// missing DuckDB file (it says nothing was loaded yet and lists every
// file) nor writes to an existing one.
func TestLoadDryRunChangesNothingOnDuckDB(t *testing.T) {
	dir := t.TempDir()
	dbDir := filepath.Join(dir, "db")
	os.MkdirAll(dbDir, 0o755)
	db := filepath.Join(dbDir, "x.duckdb")
	exp := filepath.Join(dir, "export")
	os.MkdirAll(filepath.Join(exp, "invoice", "dt=2025-01-01"), 0o755)
	os.WriteFile(filepath.Join(exp, "invoice", "dt=2025-01-01", "0_20250101000000.parquet"), []byte("not parquet"), 0o644)
	base := []string{"--dialect", "duckdb", "--dsn", db}
	out, err := run(t, dir, append([]string{"load", exp, "--dry-run"}, base...)...)
	if err != nil || !strings.Contains(out, "nothing loaded yet") || !strings.Contains(out, "1 would be loaded") {
		t.Fatalf("dry run on a missing DuckDB file: %v\n%s", err, out)
	}
	if entries, _ := os.ReadDir(dbDir); len(entries) != 0 {
		t.Fatalf("the dry run created %v", entries)
	}
	if out, err := run(t, dir, append([]string{"migrate", "up"}, base...)...); err != nil {
		t.Fatalf("migrate up: %v\n%s", err, out)
	}
	snapshot := func() map[string]string {
		m := map[string]string{}
		entries, _ := os.ReadDir(dbDir)
		for _, e := range entries {
			b, _ := os.ReadFile(filepath.Join(dbDir, e.Name()))
			info, _ := e.Info()
			m[e.Name()] = fmt.Sprintf("%x %s", sha256.Sum256(b), info.ModTime())
		}
		return m
	}
	before := snapshot()
	out, err = run(t, dir, append([]string{"load", exp, "--dry-run"}, base...)...)
	if err != nil || !strings.Contains(out, "1 would be loaded") || strings.Contains(out, "nothing loaded yet") {
		t.Fatalf("dry run on a migrated DuckDB file: %v\n%s", err, out)
	}
	if after := snapshot(); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Fatalf("the dry run changed the database folder:\nbefore %v\nafter  %v", before, after)
	}
}

// TestLoadTablesRepeated: --tables may be repeated (like --select), and
// every occurrence counts.
func TestLoadTablesRepeated(t *testing.T) {
	dir := t.TempDir()
	exp := filepath.Join(dir, "export")
	for _, tbl := range []string{"invoice", "line_item", "customer"} {
		os.MkdirAll(filepath.Join(exp, tbl, "dt=2025-01-01"), 0o755)
		os.WriteFile(filepath.Join(exp, tbl, "dt=2025-01-01", "0_20250101000000.parquet"), []byte("x"), 0o644)
	}
	out, err := run(t, dir, "load", exp, "--dry-run", "--tables", "invoice", "--tables", "line_item", "--dialect", "postgres", "--dsn", "postgres://mtx@127.0.0.1:1/mtx?connect_timeout=2")
	if err != nil || !strings.Contains(out, "2 would be loaded") || !strings.Contains(out, "invoice/") || !strings.Contains(out, "line_item/") || strings.Contains(out, "customer/") {
		t.Fatalf("--tables invoice --tables line_item: %v\n%s", err, out)
	}
}
