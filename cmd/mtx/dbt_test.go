package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mtxhq/mtx/internal/dbtexport"
	"github.com/mtxhq/mtx/internal/exitcode"
	"github.com/mtxhq/mtx/internal/redact"
)

// TestDBTExportBadInput: one line naming the problem, exit status 2, and
// nothing written.
func TestDBTExportBadInput(t *testing.T) {
	names := dbtexport.AdapterNames(allDialects())
	first, other := names[0], names[1]
	dir := t.TempDir()
	full := filepath.Join(dir, "full")
	os.MkdirAll(full, 0o755)
	os.WriteFile(filepath.Join(full, "keep.txt"), []byte("x"), 0o644)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown adapter", []string{"dbt", "export", filepath.Join(dir, "a"), "--adapter", "oracle"}, `unknown dbt adapter "oracle" (known: ` + strings.Join(names, ", ") + ")"},
		{"no adapter", []string{"dbt", "export", filepath.Join(dir, "b")}, `required flag(s) "adapter" not set`},
		{"no folder", []string{"dbt", "export", "--adapter", first}, "takes one folder"},
		{"folder not empty", []string{"dbt", "export", full, "--adapter", first}, full + " is not empty (pass --force"},
		{"dialect differs", []string{"dbt", "export", filepath.Join(dir, "c"), "--adapter", first, "--dialect", other}, "--dialect " + other + " differs from --adapter " + first + "'s dialect " + first},
		{"source mode", []string{"dbt", "export", filepath.Join(dir, "e"), "--adapter", first, "--source-schema", "billing"}, "source_schema billing (tables Metronome delivers) is not exported yet"},
		{"bad name", []string{"dbt", "export", filepath.Join(dir, "d"), "--adapter", first, "--name", "My Project"}, `dbt project name "My Project" must be`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := execute(context.Background(), &redact.Redactor{}, tc.args, &out, &errb)
			if code != exitcode.CouldNotRun {
				t.Errorf("exit status %d, want %d", code, exitcode.CouldNotRun)
			}
			msg := errb.String()
			if strings.Count(strings.TrimSpace(msg), "\n") != 0 || !strings.Contains(msg, tc.want) {
				t.Errorf("stderr %q, want one line with %q", msg, tc.want)
			}
		})
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("bad input wrote something: %v", entries)
	}
	if data, _ := os.ReadFile(filepath.Join(full, "keep.txt")); string(data) != "x" {
		t.Errorf("the non-empty folder was changed")
	}
}

func TestDBTExportWrites(t *testing.T) {
	first := dbtexport.AdapterNames(allDialects())[0]
	dir := filepath.Join(t.TempDir(), "proj")
	out, err := run(t, t.TempDir(), "dbt", "export", dir, "--adapter", first)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "43 current-state models, 22 cookbook models") {
		t.Errorf("output %q", out)
	}
	for _, f := range []string{"dbt_project.yml", "models/sources.yml", "models/current_state/current_invoice.sql", "models/cookbook/cookbook_monthly_invoice_totals.sql", "macros/mtx.sql"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Error(err)
		}
	}
	sql, _ := os.ReadFile(filepath.Join(dir, "models/current_state/current_invoice.sql"))
	a, _ := dbtexport.LookupAdapter(allDialects(), first)
	if !strings.Contains(string(sql), "{{ source('metronome', 'invoice') }}") || !strings.Contains(string(sql), a.Dialect.Quote("customer_id")) {
		t.Errorf("current_invoice is not %s's current-state SQL over the source:\n%s", first, sql)
	}
}
