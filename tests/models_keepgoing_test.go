package tests

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mtxhq/mtx/internal/exitcode"
)

// TestRunKeepGoing drives the real CLI as a scheduler would: a failing
// model skips only its descendants, build stops a model's descendants when
// its data test fails, --fail-fast stops everything, and each outcome has
// its documented exit status and run_results.json. The behaviour is
// engine-neutral (the Runner's bookkeeping); it runs on DuckDB and on
// PostgreSQL, whose transactional DDL rolls a failed build back.
func TestRunKeepGoing(t *testing.T) {
	bin := mtxBinary(t)
	forEachEngine(t, func(t *testing.T, e engine) {
		if !e.a.Representative {
			t.Skip("keep-going is engine-neutral: covered on duckdb and postgres")
		}
		schema := "metronome"
		if !e.embedded() {
			// DuckDB's file is fresh per test and admits one process: the
			// CLI's. A server engine gets a fresh schema.
			schema = freshSchema(t, e, e.open(t))
		}
		dir := t.TempDir()
		write := func(name, body string) {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		os.MkdirAll(filepath.Join(dir, "models"), 0o755)
		write("project.yaml", "name: kg\ntables: {include: [invoice, customer]}\n")
		write("models/good.sql", "-- materialized: table\nSELECT customer_id, SUM(total) AS total FROM {{ ref \"current_invoice\" }} GROUP BY customer_id\n")
		write("models/bad.sql", "SELECT no_such_column FROM {{ ref \"current_invoice\" }}\n")
		write("models/bad_child.sql", "SELECT * FROM {{ ref \"bad\" }}\n")
		write("models/dup.sql", "-- materialized: table\n-- unique_key: k\nSELECT 1 AS k UNION ALL SELECT 1 AS k\n")
		write("models/dup_child.sql", "-- unique_key: k\nSELECT * FROM {{ ref \"dup\" }}\n")
		mtx := func(args ...string) (string, string, int) {
			t.Helper()
			cmd := exec.Command(bin, append(args, "--dialect", e.name, "--dsn", e.dsn, "--schema", schema)...)
			cmd.Dir = dir
			var out, errOut bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &errOut
			err := cmd.Run()
			var ee *exec.ExitError
			if err != nil && !errors.As(err, &ee) {
				t.Fatal(err)
			}
			return out.String(), errOut.String(), cmd.ProcessState.ExitCode()
		}
		results := func() map[string]string {
			t.Helper()
			data, err := os.ReadFile(filepath.Join(dir, "target", "run_results.json"))
			if err != nil {
				t.Fatal(err)
			}
			var rr struct {
				Results []struct {
					UniqueID string `json:"unique_id"`
					Status   string `json:"status"`
				} `json:"results"`
			}
			if err := json.Unmarshal(data, &rr); err != nil {
				t.Fatal(err)
			}
			out := map[string]string{}
			for _, r := range rr.Results {
				out[r.UniqueID] = r.Status
			}
			return out
		}
		expect := func(got map[string]string, want map[string]string) {
			t.Helper()
			for id, st := range want {
				if got[id] != st {
					t.Errorf("%s: %q, want %q (all: %v)", id, got[id], st, got)
				}
			}
		}
		if out, errOut, code := mtx("migrate", "up"); code != exitcode.OK {
			t.Fatalf("migrate up: exit %d\n%s%s", code, out, errOut)
		}

		// run keeps going: bad fails, bad_child is skipped, the rest is built.
		out, errOut, code := mtx("run")
		if code != exitcode.Failed || !strings.Contains(out, "built 7 models, 1 failed, 1 skipped") ||
			!strings.Contains(errOut, "mtx: 1 model failed (bad: ") || !strings.Contains(errOut, "SKIP (upstream bad)") {
			t.Errorf("run: exit %d\n%s%s", code, out, errOut)
		}
		expect(results(), map[string]string{"model.kg.good": "success", "model.kg.bad": "error", "model.kg.bad_child": "skipped",
			"model.kg.dup_child": "success", "model.kg.cookbook_monthly_invoice_totals": "success"})
		if _, err := os.Stat(filepath.Join(dir, "target", "manifest.json")); err != nil {
			t.Error(err)
		}

		// --fail-fast stops at bad: the models after it are skipped.
		out, errOut, code = mtx("run", "--fail-fast", "--select", "bad+,good,dup")
		if code != exitcode.Failed {
			t.Errorf("run --fail-fast: exit %d\n%s%s", code, out, errOut)
		}
		got := results()
		if got["model.kg.bad"] != "error" || got["model.kg.bad_child"] != "skipped" || len(got) != 4 {
			t.Errorf("run --fail-fast: %v", got)
		}

		// build: dup's unique test fails, so dup_child is skipped; excluding
		// bad and its children leaves nothing else failing.
		out, errOut, code = mtx("build", "--exclude", "bad+")
		if code != exitcode.Failed || !strings.Contains(out, "data tests passed, 1 failed, 1 skipped") || !strings.Contains(errOut, "FAIL dup unique(k): 1 offending row,") {
			t.Errorf("build: exit %d\n%s%s", code, out, errOut)
		}
		got = results()
		expect(got, map[string]string{"model.kg.dup": "success", "test.kg.unique_dup_k": "fail", "model.kg.dup_child": "skipped",
			"test.kg.unique_current_customer_environment_type__id": "pass", "test.kg.unique_dup_child_k": "skipped",
			"model.kg.good": "success", "test.kg.unique_current_invoice_environment_type__id": "pass"})
		if _, ok := got["model.kg.bad"]; ok {
			t.Errorf("build --exclude bad+ ran bad: %v", got)
		}
		if e.a.CTASRowsAffected {
			// PostgreSQL reports the rows CREATE TABLE … AS wrote.
			data, _ := os.ReadFile(filepath.Join(dir, "target", "run_results.json"))
			if !strings.Contains(string(data), "\"rows_affected\": 2") {
				t.Errorf("no rows_affected 2 for dup in run_results.json:\n%s", data)
			}
		}

		// Success is 0; test's failures are 1 too; JSON output is the run results.
		if out, errOut, code = mtx("run", "--select", "good", "--format", "json"); code != exitcode.OK {
			t.Errorf("run --select good: exit %d\n%s%s", code, out, errOut)
		}
		var rr struct {
			Results []map[string]any `json:"results"`
		}
		if err := json.Unmarshal([]byte(out), &rr); err != nil || len(rr.Results) != 1 || rr.Results[0]["status"] != "success" {
			t.Errorf("run --format json: %v\n%s", err, out)
		}
		if out, errOut, code = mtx("test", "--select", "dup"); code != exitcode.Failed {
			t.Errorf("test on dup: exit %d\n%s%s", code, out, errOut)
		}
		expect(results(), map[string]string{"test.kg.unique_dup_k": "fail"})
		// A bad selector could not run: 2, and nothing was written over.
		if out, errOut, code = mtx("run", "--exclude", "nope"); code != exitcode.CouldNotRun || !strings.Contains(errOut, `--exclude "nope" matches no model`) {
			t.Errorf("run --exclude nope: exit %d\n%s%s", code, out, errOut)
		}
	})
}
