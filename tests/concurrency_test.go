package tests

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/internal/ddl"
	"github.com/mtxhq/mtx/internal/migrate"
)

// lockWaitMessage is the one failure a queued `mtx migrate` may report.
const lockWaitMessage = "for the migration lock on schema"

// buildMTX builds cmd/mtx into a directory of t's.
func buildMTX(t *testing.T) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	bin := filepath.Join(t.TempDir(), "mtx")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/mtx")
	cmd.Dir = filepath.Join(filepath.Dir(file), "..")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/mtx: %v\n%s", err, out)
	}
	return bin
}

// mtxResult is one finished mtx process.
type mtxResult struct {
	args           []string
	err            error
	stdout, stderr string
}

func (r mtxResult) String() string {
	return fmt.Sprintf("mtx %s: %v\nstdout:\n%sstderr:\n%s", strings.Join(r.args, " "), r.err, r.stdout, r.stderr)
}

// runMTX starts n identical mtx processes at once and waits for all.
func runMTX(t *testing.T, bin string, n int, args ...string) []mtxResult {
	t.Helper()
	dir := t.TempDir() // no project.yaml there: flags say everything
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	cmds := make([]*exec.Cmd, n)
	outs := make([][2]*bytes.Buffer, n)
	for i := range cmds {
		cmds[i] = exec.CommandContext(ctx, bin, args...)
		cmds[i].Dir = dir
		outs[i] = [2]*bytes.Buffer{{}, {}}
		cmds[i].Stdout, cmds[i].Stderr = outs[i][0], outs[i][1]
	}
	for i, c := range cmds {
		if err := c.Start(); err != nil {
			t.Fatalf("starting mtx #%d: %v", i, err)
		}
	}
	res := make([]mtxResult, n)
	for i, c := range cmds {
		err := c.Wait()
		res[i] = mtxResult{args: args, err: err, stdout: outs[i][0].String(), stderr: outs[i][1].String()}
	}
	return res
}

func randomSchema() string {
	b := make([]byte, 4)
	rand.Read(b)
	return "mtx_test_" + hex.EncodeToString(b)
}

// TestMigrateLock runs the mtx binary (built once) as separate processes
// against every live engine.
func TestMigrateLock(t *testing.T) {
	mainProcessOnly(t)
	bin := buildMTX(t)
	t.Run("concurrent_up", func(t *testing.T) { testConcurrentMigrateUp(t, bin) })
	t.Run("lock_timeout", func(t *testing.T) { testMigrateLockTimeout(t, bin) })
}

// testConcurrentMigrateUp starts four `mtx migrate up` at the same moment
// on one empty schema: they must queue on the migration lock, so every one
// ends well (or says it waited too long for the lock), each version is
// recorded exactly once, and the schema is complete.
func testConcurrentMigrateUp(t *testing.T, bin string) {
	forEachEngine(t, func(t *testing.T, e engine) {
		schema := randomSchema()
		_, singleProcess := e.d.(dialects.SingleProcess)
		if !singleProcess {
			// The test's own session would hold an embedded engine's file.
			schema = freshSchema(t, e, e.open(t))
		}
		res := runMTX(t, bin, 4, "migrate", "up", "--dialect", e.name, "--dsn", e.dsn, "--schema", schema, "--lock-timeout", "5m")
		applied, waited := 0, 0
		for i, r := range res {
			if strings.Contains(r.stderr, "waiting up to") {
				waited++
			}
			switch {
			case r.err == nil:
				applied += strings.Count(r.stdout, "OK     up")
			case strings.Contains(r.stderr, lockWaitMessage):
				t.Logf("mtx #%d gave up waiting for the lock (allowed): %s", i, strings.TrimSpace(r.stderr))
			default:
				t.Errorf("mtx #%d failed: %s", i, r)
			}
		}

		t.Logf("%d of %d runs waited for the lock", waited, len(res))

		db := e.open(t)
		o := dialects.DefaultOptions()
		o.Schema = schema
		h, err := catalog.Embedded()
		if err != nil {
			t.Fatal(err)
		}
		r, err := ddl.New(e.d, o)
		if err != nil {
			t.Fatal(err)
		}
		versions, err := r.Versions(h, nil)
		if err != nil {
			t.Fatal(err)
		}
		if applied != len(versions) {
			t.Errorf("the four runs applied %d versions between them, want %d (each once)", applied, len(versions))
		}
		q := fmt.Sprintf("SELECT version_id, COUNT(*) FROM %s.%s WHERE version_id > 0 GROUP BY version_id ORDER BY version_id",
			e.d.Quote(schema), e.d.Quote(migrate.VersionTable))
		rows, err := db.Query(q)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		got := map[int64]int{}
		for rows.Next() {
			var v int64
			var n int
			if err := rows.Scan(&v, &n); err != nil {
				t.Fatal(err)
			}
			got[v] = n
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		rows.Close()
		for _, v := range versions {
			if got[v.Version] != 1 {
				t.Errorf("version %d recorded %d times in %s, want exactly once", v.Version, got[v.Version], migrate.VersionTable)
			}
		}
		if len(got) != len(versions) {
			t.Errorf("%s holds versions %v, want %d versions", migrate.VersionTable, got, len(versions))
		}
		s := &setup{e: e, db: db, o: o, history: h, versions: versions}
		have := s.introspect(t)
		delete(have, migrate.LockTable)
		s.checkCatalog(t, have, h.Current())
		if _, ok := s.introspect(t)[migrate.LockTable]; ok {
			t.Errorf("lock table %s left behind after every run ended", migrate.LockTable)
		}
	})
}

// testMigrateLockTimeout holds the migration lock in the test and runs one
// `mtx migrate up` with a short --lock-timeout: it must fail with the
// one-line waited-for-lock error and change nothing.
func testMigrateLockTimeout(t *testing.T, bin string) {
	forEachEngine(t, func(t *testing.T, e engine) {
		s := newSetup(t, e)
		unlock, err := migrate.Lock(context.Background(), e.d, s.db, s.o, s.versions, "schema "+s.o.Schema, time.Minute, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer unlock()
		res := runMTX(t, bin, 1, "migrate", "up", "--dialect", e.name, "--dsn", e.dsn, "--schema", s.o.Schema, "--lock-timeout", "1s")[0]
		if res.err == nil {
			t.Fatalf("mtx migrate up ran although the lock was held: %s", res)
		}
		msg := strings.TrimSpace(res.stderr)
		if !strings.Contains(msg, "waited 1s "+lockWaitMessage+" "+s.o.Schema) || !strings.Contains(msg, "--lock-timeout") {
			t.Errorf("want a waited-for-lock error naming the schema and --lock-timeout, got: %s", res)
		}
		if n := strings.Count(msg, "\n"); n > 1 {
			t.Errorf("want the waiting note and one error line on stderr, got %d lines: %s", n+1, msg)
		}
		have := s.introspect(t)
		delete(have, migrate.LockTable)
		if len(have) != 0 {
			t.Errorf("a run that never got the lock created %d tables", len(have))
		}
	})
}
