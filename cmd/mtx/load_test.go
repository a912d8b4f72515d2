package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
