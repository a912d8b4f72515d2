package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/internal/demo"
)

// runSplit is run with standard output and standard error apart.
func runSplit(t *testing.T, dir string, args ...string) (string, string, error) {
	t.Helper()
	wd, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	root := newRoot()
	var out, errOut bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&errOut)
	root.SetArgs(args)
	err := root.ExecuteContext(context.Background())
	return out.String(), errOut.String(), err
}

// TestMachineOutput: --format json on load (events and summary as JSON
// lines), migrate status and catalog; --quiet folds load's per-file
// warnings into one line.
func TestMachineOutput(t *testing.T) {
	dir := t.TempDir()
	exp := filepath.Join(dir, "export")
	h, _ := catalog.Embedded()
	if _, err := demo.Generate(exp, h.Current(), demo.Options{Customers: 3, Months: 2, Seed: 1, Start: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	// Three files outside the layout: three per-file warnings.
	for _, name := range []string{"a.txt", "b.txt", "c.txt"} {
		os.WriteFile(filepath.Join(exp, "invoice", name), []byte("x"), 0o644)
	}
	base := []string{"--dialect", "duckdb", "--dsn", filepath.Join(dir, "x.duckdb")}
	if _, _, err := runSplit(t, dir, append([]string{"migrate", "up"}, base...)...); err != nil {
		t.Fatal(err)
	}
	out, errOut, err := runSplit(t, dir, append([]string{"migrate", "status", "--format", "json"}, base...)...)
	var st migrateStatus
	if err != nil || json.Unmarshal([]byte(out), &st) != nil || st.Current != st.Latest || st.Current == 0 || st.Versions[0].State != "applied" {
		t.Errorf("migrate status --format json: %v\n%s%s", err, out, errOut)
	}
	out, errOut, err = runSplit(t, dir, append([]string{"load", exp, "--tables", "invoice,customer", "--format", "json", "--quiet"}, base...)...)
	if err != nil {
		t.Fatalf("load: %v\n%s", err, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	loaded := 0
	var sum loadSummary
	for i, l := range lines {
		var ev map[string]any
		if err := json.Unmarshal([]byte(l), &ev); err != nil {
			t.Fatalf("line %d is not JSON: %q", i+1, l)
		}
		switch ev["event"] {
		case "file_loaded":
			loaded++
			if ev["path"] == "" || ev["rows"] == nil {
				t.Errorf("file event: %s", l)
			}
		case "summary":
			if i != len(lines)-1 {
				t.Errorf("summary is not the last line")
			}
			json.Unmarshal([]byte(l), &sum)
		}
	}
	if loaded == 0 || sum.Loaded != loaded || sum.Rows["invoice"] == 0 || sum.Warnings < 3 {
		t.Errorf("load --format json: %d file events, summary %+v\n%s", loaded, sum, out)
	}
	if strings.Contains(errOut, "a.txt") || !strings.Contains(errOut, "warning: ") || strings.Count(errOut, "warning:") != 1 {
		t.Errorf("--quiet printed per-file warnings, or no summary of them:\n%s", errOut)
	}
	// Without --quiet each warning is its own line.
	_, errOut, _ = runSplit(t, dir, append([]string{"load", exp, "--tables", "invoice"}, base...)...)
	if !strings.Contains(errOut, "a.txt") || !strings.Contains(errOut, "c.txt") {
		t.Errorf("warnings without --quiet:\n%s", errOut)
	}
	out, _, err = runSplit(t, dir, "catalog", "invoice", "--format", "json", "--dialect", "postgres")
	var tab catalogTable
	if err != nil || json.Unmarshal([]byte(out), &tab) != nil || tab.Name != "invoice" || len(tab.Columns) == 0 || tab.Columns[0].Physical == "" {
		t.Errorf("catalog invoice --format json: %v\n%s", err, out)
	}
	out, _, err = runSplit(t, dir, "catalog", "--format", "json", "--dialect", "postgres")
	var tabs []catalogTable
	if err != nil || json.Unmarshal([]byte(out), &tabs) != nil || len(tabs) != len(h.Current().Tables()) {
		t.Errorf("catalog --format json: %v (%d tables)", err, len(tabs))
	}
	if _, _, err := runSplit(t, dir, append([]string{"migrate", "up", "--format", "json"}, base...)...); err == nil || err.Error() != "--format json is for migrate status" {
		t.Errorf("migrate up --format json: %v", err)
	}
}
