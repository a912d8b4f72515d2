package tests

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/exportfile"
	"github.com/mtxhq/mtx/internal/load"
	"github.com/mtxhq/mtx/internal/lock"
	"github.com/mtxhq/mtx/internal/model"
)

// TestLoadAndRunLockTimeout holds the load lock, then the run lock, on
// engines with named locks (PostgreSQL, MariaDB) and starts `mtx load` and
// `mtx run` with --lock-timeout 1s: each says once that it waits and for
// whom, then gives up after about a second with one clear line and a
// non-zero exit (they used to wait for a year).
func TestLoadAndRunLockTimeout(t *testing.T) {
	bin := buildMTX(t)
	forEachEngine(t, func(t *testing.T, e engine) {
		if _, ok := e.d.(dialects.NamedLocker); !ok {
			t.Logf("%s keeps commands apart with a lock table or its database file, covered by TestMigrateLock", e.name)
			return
		}
		ctx := context.Background()
		s := newSetup(t, e)
		if _, err := s.migrator(t, s.versions).Provider().Up(ctx); err != nil {
			t.Fatal(err)
		}
		schema := s.o.Schema
		dir := t.TempDir()
		inv, _ := s.history.Current().Table("invoice")
		if _, err := exportfile.WriteFile(dir, inv, 0, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), nil); err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			purpose     lock.Purpose
			name, table string
			args        []string
		}{
			{lock.Load, dialects.LoadLockName(schema), load.LockTable, []string{"load", filepath.Join(dir)}},
			{lock.Run, dialects.RunLockName(schema), model.RunLockTable, []string{"run"}},
		} {
			t.Run(c.args[0], func(t *testing.T) {
				conn, err := s.db.Conn(ctx)
				if err != nil {
					t.Fatal(err)
				}
				defer conn.Close()
				unlock, err := lock.Schema{Purpose: c.purpose, Dialect: e.d, DB: s.db, Schema: schema, Name: c.name, Table: c.table, Timeout: time.Second}.Take(ctx, conn)
				if err != nil {
					t.Fatal(err)
				}
				defer unlock()
				start := time.Now()
				res := runMTX(t, bin, 1, append(c.args, "--dialect", e.name, "--dsn", e.dsn, "--schema", schema, "--lock-timeout", "1s")...)[0]
				took := time.Since(start)
				if res.err == nil {
					t.Fatalf("mtx %s ran while another held its lock: %s", c.args[0], res)
				}
				msg := strings.TrimSpace(res.stderr)
				lines := strings.Split(msg, "\n")
				if len(lines) != 2 || !strings.HasPrefix(lines[0], "waiting up to 1s for the "+c.purpose.Lock+" on schema "+schema) || !strings.Contains(lines[0], "(held by ") {
					t.Errorf("want one waiting note naming the holder, then the error; got:\n%s", msg)
				}
				if !strings.HasPrefix(lines[len(lines)-1], "mtx: waited 1s for the "+c.purpose.Lock+" on schema "+schema) || strings.Contains(msg, ":mtx@") || !strings.Contains(msg, "--lock-timeout") {
					t.Errorf("want a one-line waited-for-lock error naming the schema and --lock-timeout, got:\n%s", msg)
				}
				// The binary starts in well under a second; the wait is the rest.
				if took < time.Second || took > 10*time.Second {
					t.Errorf("mtx %s gave up after %s, want about 1s", c.args[0], took)
				}
			})
		}
	})
}
