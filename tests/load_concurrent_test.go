package tests

import (
	"fmt"
	"strings"
	"sync"
	"testing"
)

// TestLoadConcurrentRuns starts two `mtx load` of the same export on the
// same schema at once: both succeed and no file is loaded twice.
// PostgreSQL and MySQL queue the second run behind a session lock;
// ClickHouse, Snowflake and BigQuery behind the lock table; a DuckDB file
// admits one writing process, so the second run waits to open it.
func TestLoadConcurrentRuns(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e engine) {
		bin := mtxBinary(t)
		s := newLoadSetup(t, e, loadTables)
		if e.embedded() {
			s.db.Close()
		}
		dir := t.TempDir()
		files := genExport(t, dir, s.history.Current(), loadTables, 2, 2, loadTestRows(e, 2000))
		var wg sync.WaitGroup
		outs := make([]string, 2)
		errs := make([]error, 2)
		for i := range 2 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				out, err := execMtx(t, bin, "load", dir, "--dialect", e.name, "--dsn", e.dsn, "--schema", s.o.Schema).CombinedOutput()
				outs[i], errs[i] = string(out), err
			}()
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Fatalf("run %d: %v\n%s", i, err, outs[i])
			}
		}
		if waited := strings.Contains(outs[0]+outs[1], "waiting up to"); waited {
			t.Logf("one run waited for the other: %s", firstLine(outs[0]+outs[1], "waiting up to"))
		}
		db := e.open(t)
		s.db = db
		if got, want := s.counts(t, loadTables), rowsPerTable(files); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("rows %v, want %v\nrun 1: %s\nrun 2: %s", got, want, outs[0], outs[1])
		}
		if n := s.count(t, "_mtx_load_manifest", ""); n != int64(len(files)) {
			t.Fatalf("manifest has %d entries, want %d", n, len(files))
		}
	})
}

// firstLine is the first line of s containing sub.
func firstLine(s, sub string) string {
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			return l
		}
	}
	return ""
}
