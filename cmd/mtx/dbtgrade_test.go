package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/mtxhq/mtx/dialects/all/alltest"
	"github.com/mtxhq/mtx/dialects/enginetest"
)

// completions asks cobra's hidden __complete command, as the shell
// scripts of `mtx completion` do, and returns the candidates.
func completions(t *testing.T, dir string, args ...string) []string {
	t.Helper()
	out, err := run(t, dir, append([]string{"__complete"}, args...)...)
	if err != nil {
		t.Fatalf("__complete %v: %v\n%s", args, err, out)
	}
	var got []string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if l == "" || strings.HasPrefix(l, ":") || strings.HasPrefix(l, "Completion ended") {
			continue
		}
		name, _, _ := strings.Cut(l, "\t")
		got = append(got, name)
	}
	return got
}

func TestCompletion(t *testing.T) {
	dir := writeProject(t, "default_target: local\ntargets:\n  local: {dialect: duckdb, dsn: m.duckdb}\n  prod: {dialect: postgres, dsn: \"postgres://x@h/db\"}\ntables: {include: [invoice]}\n")
	os.MkdirAll(filepath.Join(dir, "models"), 0o755)
	os.WriteFile(filepath.Join(dir, "models", "invoice_totals.sql"), []byte("SELECT 1 AS x FROM {{ ref \"current_invoice\" }}\n"), 0o644)
	has := func(got []string, want ...string) bool {
		for _, w := range want {
			found := false
			for _, g := range got {
				found = found || g == w
			}
			if !found {
				return false
			}
		}
		return true
	}
	for _, tc := range []struct {
		name string
		args []string
		want []string
	}{
		{"migrate subcommands", []string{"migrate", ""}, []string{"up", "up-to", "down-to", "status", "reset"}},
		// Every engine the tests know (their test adapters) completes.
		{"dialects", []string{"run", "--dialect", ""}, enginetest.Names()},
		{"targets", []string{"run", "--target", ""}, []string{"local", "prod"}},
		{"models", []string{"run", "--select", ""}, []string{"current_invoice", "invoice_totals", "cookbook_monthly_invoice_totals"}},
		{"models with +", []string{"build", "--exclude", "+"}, []string{"+current_invoice", "+invoice_totals"}},
		{"cookbook entries", []string{"cookbook", "show", ""}, []string{"monthly_invoice_totals"}},
		{"tables", []string{"catalog", ""}, []string{"invoice", "customer"}},
		{"commands", []string{""}, []string{"build", "ls", "completion", "run", "test"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := completions(t, dir, tc.args...); !has(got, tc.want...) {
				t.Errorf("completing %v gave %v, want at least %v", tc.args, got, tc.want)
			}
		})
	}
	// The scripts themselves come from cobra.
	for _, sh := range []string{"bash", "zsh", "fish", "powershell"} {
		if out, err := run(t, dir, "completion", sh); err != nil || !strings.Contains(out, "__complete") {
			t.Errorf("completion %s: %v (%d bytes)", sh, err, len(out))
		}
	}
}

// TestLsAndArtifacts: ls lists a selection (text and JSON lines); compile
// writes the manifest where --target-path says, relative to project.yaml.
func TestLsAndArtifacts(t *testing.T) {
	dir := writeProject(t, "name: billing\ndefault_target: local\ntargets:\n  local: {dialect: duckdb, dsn: m.duckdb}\ntables: {include: [invoice, customer]}\n")
	os.MkdirAll(filepath.Join(dir, "models"), 0o755)
	os.WriteFile(filepath.Join(dir, "models", "invoice_totals.sql"), []byte("-- unique_key: customer_id\nSELECT customer_id FROM {{ ref \"current_invoice\" }}\n"), 0o644)
	out, err := run(t, dir, "ls", "--select", "+invoice_totals", "--exclude", "current_customer")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"model    invoice_totals\n", "model    current_invoice\n", "test     unique_invoice_totals_customer_id\n", "source   metronome.invoice\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("ls lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "customer\n") {
		t.Errorf("ls lists what the selection does not pick:\n%s", out)
	}
	out, err = run(t, dir, "ls", "--resource-type", "cookbook", "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	var first map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &first); err != nil || first["resource_type"] != "cookbook" || first["unique_id"] == "" {
		t.Errorf("ls --format json: %v\n%s", err, out)
	}
	if _, err := run(t, dir, "ls", "--resource-type", "macro"); err == nil || !strings.Contains(err.Error(), `--resource-type "macro"`) {
		t.Errorf("bad resource type: %v", err)
	}
	if _, err := run(t, dir, "ls", "--format", "yaml"); err == nil || err.Error() != `--format "yaml" is not table or json` {
		t.Errorf("bad format: %v", err)
	}
	// compile writes the manifest, from any working directory, next to project.yaml.
	if _, err := run(t, t.TempDir(), "compile", "--project", filepath.Join(dir, "project.yaml"), "--target-path", "out/artifacts"); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "out", "artifacts", "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Metadata map[string]any            `json:"metadata"`
		Nodes    map[string]map[string]any `json:"nodes"`
	}
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	if m.Metadata["command"] != "compile" || m.Nodes["model.billing.invoice_totals"]["compiled_code"] == "" {
		t.Errorf("manifest: %v", m.Metadata)
	}
}
