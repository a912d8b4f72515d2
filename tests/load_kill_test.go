package tests

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/mtxhq/mtx/internal/load"
)

// mtxBinary builds cmd/mtx once per test run: the binary as shipped.
func mtxBinary(t *testing.T) string { return mtxBinaryTB(t) }

// mtxKillBinary builds cmd/mtx with -tags mtxkillpoints, the only build
// whose load obeys MTX_LOAD_TEST_KILL (the kill-and-resume tests).
func mtxKillBinary(t *testing.T) string { return buildMtx(t, "mtxkillpoints") }

// execMtx prepares the mtx binary to run in an empty folder (no project.yaml).
func execMtx(t *testing.T, bin string, args ...string) *exec.Cmd {
	cmd := exec.Command(bin, args...)
	cmd.Dir = t.TempDir()
	return cmd
}

func mtxBinaryTB(t testing.TB) string { return buildMtx(t, "") }

type builtMtx struct {
	once sync.Once
	path string
	err  error
}

var (
	mtxBuildsMu sync.Mutex
	mtxBuilds   = map[string]*builtMtx{} // by build tags
)

// buildMtx builds cmd/mtx with the given build tags once per test run.
func buildMtx(t testing.TB, tags string) string {
	t.Helper()
	mtxBuildsMu.Lock()
	b := mtxBuilds[tags]
	if b == nil {
		b = &builtMtx{}
		mtxBuilds[tags] = b
	}
	mtxBuildsMu.Unlock()
	b.once.Do(func() {
		dir, err := os.MkdirTemp("", "mtx-bin-")
		if err != nil {
			b.err = err
			return
		}
		b.path = filepath.Join(dir, "mtx")
		_, here, _, _ := runtime.Caller(0)
		args := []string{"build", "-o", b.path}
		if tags != "" {
			args = append(args, "-tags", tags)
		}
		cmd := exec.Command("go", append(args, "./cmd/mtx")...)
		cmd.Dir = filepath.Dir(filepath.Dir(here))
		if out, err := cmd.CombinedOutput(); err != nil {
			b.err = fmt.Errorf("go %s: %v\n%s", strings.Join(cmd.Args[1:], " "), err, out)
		}
	})
	if b.err != nil {
		t.Fatal(b.err)
	}
	return b.path
}

// removeMtxBuilds deletes the binaries buildMtx made (TestMain, at the end).
func removeMtxBuilds() {
	mtxBuildsMu.Lock()
	defer mtxBuildsMu.Unlock()
	for _, b := range mtxBuilds {
		if b.path != "" {
			os.RemoveAll(filepath.Dir(b.path))
		}
	}
}

// TestShippedBinaryHasNoKillHook: the kill points are a test backdoor; the
// binary built without -tags mtxkillpoints must not even read their
// variable, and the tagged one must (else the kill tests test nothing).
func TestShippedBinaryHasNoKillHook(t *testing.T) {
	mainProcessOnly(t)
	for _, c := range []struct {
		bin  string
		want bool
	}{{mtxBinary(t), false}, {mtxKillBinary(t), true}} {
		b, err := os.ReadFile(c.bin)
		if err != nil {
			t.Fatal(err)
		}
		if got := bytes.Contains(b, []byte("MTX_LOAD_TEST_KILL")); got != c.want {
			t.Errorf("%s: holds MTX_LOAD_TEST_KILL: %v, want %v", c.bin, got, c.want)
		}
	}
}

// TestLoadKillAndResume kills `mtx load` with SIGKILL at six points —
// after taking the lock, after a file's rows but before its manifest entry,
// after the manifest entry but before commit, between files (random files
// each run) — and once at a random time, resuming each time, and checks the
// end state equals an uninterrupted load: every row exactly once, every
// file in the manifest once.
func TestLoadKillAndResume(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e engine) {
		bin := mtxKillBinary(t)
		s := newLoadSetup(t, e, loadTables)
		if e.embedded() {
			s.db.Close() // the mtx process needs the file to itself
		}
		dir := t.TempDir()
		files := genExport(t, dir, s.history.Current(), loadTables, 2, 2, loadTestRows(e, 3000))
		want := rowsPerTable(files)
		run := func(kill string, after time.Duration) (killed bool) {
			cmd := exec.Command(bin, "load", dir, "--dialect", e.name, "--dsn", e.dsn, "--schema", s.o.Schema, "--quiet")
			cmd.Dir = t.TempDir()
			cmd.Env = append(os.Environ(), "MTX_LOAD_TEST_KILL="+kill)
			out, err := os.CreateTemp(t.TempDir(), "out")
			if err != nil {
				t.Fatal(err)
			}
			cmd.Stdout, cmd.Stderr = out, out
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			if after > 0 {
				timer := time.AfterFunc(after, func() { cmd.Process.Signal(syscall.SIGKILL) })
				defer timer.Stop()
			}
			err = cmd.Wait()
			if ee, ok := err.(*exec.ExitError); ok {
				if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() && ws.Signal() == syscall.SIGKILL {
					return true
				}
			}
			if err != nil {
				b, _ := os.ReadFile(out.Name())
				t.Fatalf("mtx load (kill %q): %v\n%s", kill, err, b)
			}
			if kill != "" {
				b, _ := os.ReadFile(out.Name())
				t.Logf("mtx load was not killed at %s:\n%s", kill, b)
			}
			return false
		}
		rng := rand.New(rand.NewSource(time.Now().UnixNano()))
		// loaded reads the manifest between runs (nil before it exists).
		loaded := func() map[string]bool {
			db, err := e.d.Open(e.dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close() // a DuckDB file must be free for the next run
			out := map[string]bool{}
			rows, err := db.Query("SELECT " + e.d.Quote("path") + " FROM " + e.d.Quote(s.o.Schema) + "." + e.d.Quote(load.ManifestTable))
			if err != nil {
				return out
			}
			defer rows.Close()
			for rows.Next() {
				var p string
				if err := rows.Scan(&p); err != nil {
					t.Fatal(err)
				}
				out[p] = true
			}
			return out
		}
		// pick is a random file of files[lo:hi] still to load (any file
		// still to load when those are all loaded): engines without
		// transactions record files one by one, those with them by table.
		pick := func(lo, hi int) string {
			done := loaded()
			var cands []string
			for i := lo; i < hi; i++ {
				if !done[files[i].rel] {
					cands = append(cands, files[i].rel)
				}
			}
			if len(cands) == 0 {
				for _, f := range files {
					if !done[f.rel] {
						cands = append(cands, f.rel)
					}
				}
			}
			if len(cands) == 0 {
				return "nothing-left"
			}
			return cands[rng.Intn(len(cands))]
		}
		points := []struct {
			hook  func() string
			after time.Duration
		}{
			// Files are ordered draft_invoice 0-3, invoice 4-7, line_item
			// 8-11; on engines with transactions each table's files commit
			// together. Each point is random within files still to load.
			{hook: func() string { return "locked" }},
			{hook: func() string { return "inserted:" + pick(0, 4) }},
			{hook: func() string { return "manifest:" + pick(0, 4) }},
			{hook: func() string { return fmt.Sprintf("file:%d", 1+rng.Intn(4)) }},
			{hook: func() string { return "inserted:" + pick(4, 8) }},
			{hook: func() string { return "manifest:" + pick(8, 12) }},
			// And at a random time, when the load may be over already.
			{hook: func() string { return "" }, after: time.Duration(100+rng.Intn(700)) * time.Millisecond},
		}
		kills := 0
		for _, p := range points {
			if run(p.hook(), p.after) {
				kills++
			}
		}
		if kills < 6 {
			t.Errorf("only %d of %d runs were killed", kills, len(points))
		}
		if run("", 0) {
			t.Fatal("the final run was killed")
		}
		db := e.open(t)
		s.db = db
		if got := s.counts(t, loadTables); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("after %d kills and a resume: rows %v, want %v", kills, got, want)
		}
		q := e.d.Quote
		for _, tb := range loadTables {
			var distinct int64
			if err := db.QueryRow("SELECT COUNT(DISTINCT " + q("id") + ") FROM " + q(s.o.Schema) + "." + q(tb)).Scan(&distinct); err != nil {
				t.Fatal(err)
			}
			if distinct != want[tb] {
				t.Errorf("%s: %d distinct ids, want %d (a row loaded twice?)", tb, distinct, want[tb])
			}
		}
		if n := s.count(t, load.ManifestTable, ""); n != int64(len(files)) {
			t.Errorf("manifest has %d entries, want %d", n, len(files))
		}
		t.Logf("%s: killed %d times, resumed to %v", e.name, kills, want)
	})
}
