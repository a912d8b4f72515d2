package tests

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestLoadS3ThroughEngine loads an s3:// export on the engines that read
// S3 themselves with no setting (the engine's own credentials): the
// summary says the engine read every file, the rows equal a streamed
// load's (--stream) value for value, a load killed after the engine's
// INSERT and before the manifest entries leaves rows that the rerun
// replaces exactly once, and a rerun loads nothing.
func TestLoadS3ThroughEngine(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e engine) {
		if ok, why := objectLoadable(e, "s3://bucket/exports/metronome"); !ok {
			if why == "" {
				why = "it streams every file"
			}
			t.Skipf("%s does not read s3:// itself without settings (%s); its own tests cover its object loads", e.name, why)
		}
		dir := t.TempDir()
		s := newLoadSetup(t, e, loadTables)
		files := genExport(t, dir, s.history.Current(), loadTables, 2, 2, loadTestRows(e, 200))
		loc := s3Export(t, dir)
		streamed := newLoadSetup(t, e, loadTables)
		bin := mtxKillBinary(t)
		run := func(schema string, fail bool, env []string, args ...string) string {
			t.Helper()
			cmd := execMtx(t, bin, append([]string{"load", loc, "--dialect", e.name, "--dsn", e.dsn, "--schema", schema}, args...)...)
			cmd.Env = append(os.Environ(), env...)
			out, err := cmd.CombinedOutput()
			if (err != nil) != fail {
				t.Fatalf("mtx load %s: error %v, want failure %v\n%s", strings.Join(args, " "), err, fail, out)
			}
			return string(out)
		}
		// Killed after the engine inserted the first invoice files and
		// before their manifest entries.
		killed := "invoice/dt=2025-01-01/0_20250101000000.parquet"
		run(s.o.Schema, true, []string{"MTX_LOAD_TEST_KILL=inserted:" + killed}, "--tables", "invoice")
		if n := s.count(t, "invoice", ""); n == 0 {
			t.Fatalf("the killed load left no rows: the kill point was not reached")
		}
		n := len(files)
		out := run(s.o.Schema, false, nil)
		if !strings.Contains(out, fmt.Sprintf("loaded %d files", n)) || !strings.Contains(out, fmt.Sprintf("%d of %d files read by the engine from object storage", n, n)) {
			t.Fatalf("the load did not read every file through the engine:\n%s", out)
		}
		out = run(streamed.o.Schema, false, nil, "--stream")
		if !strings.Contains(out, fmt.Sprintf("loaded %d files", n)) || strings.Contains(out, "read by the engine") {
			t.Fatalf("--stream load:\n%s", out)
		}
		if got, want := s.counts(t, loadTables), rowsPerTable(files); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("rows %v, want %v", got, want)
		}
		for _, tb := range loadTables {
			a, b := dumpTable(t, s, tb), dumpTable(t, streamed, tb)
			if strings.Join(a, "\n") != strings.Join(b, "\n") {
				t.Errorf("%s: the engine and streaming loaded different rows:\nengine:   %v\nstreamed: %v", tb, first(a, 3), first(b, 3))
			}
		}
		s.checkValues(t, files[0])
		if out := run(s.o.Schema, false, nil); !strings.Contains(out, fmt.Sprintf("loaded 0 files, skipped %d already loaded", n)) {
			t.Fatalf("rerun:\n%s", out)
		}
	})
}
