package tests

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/export"
	"github.com/mtxhq/mtx/internal/load"
)

// onFileDone is a load progress that calls fn after each file.
type onFileDone struct{ fn func(export.File) }

func (onFileDone) Start(int, int64)                  {}
func (onFileDone) FileStarted(export.File, int64)    {}
func (onFileDone) Rows(int64)                        {}
func (p onFileDone) FileDone(f export.File, _ int64) { p.fn(f) }
func (onFileDone) Fail(error)                        {}
func (onFileDone) Finish()                           {}

// killLoadConnection ends the connection holding a load lock, per engine,
// and says how many it ended.
var killLoadConnection = map[string]func(db *sql.DB, lock string) (int, error){
	// An advisory lock keyed by hashtext(name) (dialects/postgres).
	"postgres": func(db *sql.DB, lock string) (int, error) {
		var n int
		err := db.QueryRow("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 1 AND granted AND ((classid::bigint << 32) | objid::bigint) = hashtext($1)::bigint", lock).Scan(&n)
		return n, err
	},
	// GET_LOCK(name), at most 64 characters (dialects/mysql).
	"mysql": func(db *sql.DB, lock string) (int, error) {
		if len(lock) > 64 {
			lock = lock[:64]
		}
		var id sql.NullInt64
		if err := db.QueryRow("SELECT IS_USED_LOCK(?)", lock).Scan(&id); err != nil || !id.Valid {
			return 0, err
		}
		_, err := db.Exec(fmt.Sprintf("KILL %d", id.Int64))
		return 1, err
	},
}

// TestLoadStopsOnFatalError: the load's connection is terminated after
// its first file (as a server shutting down, or out of disk, ends it).
// The load stops at once with one line naming the engine, instead of
// failing every remaining file with the same error, and a rerun loads
// the rest.
func TestLoadStopsOnFatalError(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e engine) {
		kill, ok := killLoadConnection[e.name]
		if !ok {
			t.Skip("needs a server whose load connection the test can find and terminate: runs on postgres and mysql")
		}
		s := newLoadSetup(t, e, []string{"alert", "contracts_contracts"})
		dir := t.TempDir()
		for rel, src := range map[string]string{
			"alert/dt=2025-03-01/0_20250301000000.parquet":               "good_alert",
			"contracts_contracts/dt=2025-03-01/0_20250301000000.parquet": "int32_into_integer",
			"contracts_contracts/dt=2025-03-02/0_20250302000000.parquet": "int32_into_integer",
		} {
			data, err := os.ReadFile(filepath.Join("testdata", "corpus", "files", src+".parquet"))
			if err != nil {
				t.Fatal(err)
			}
			p := filepath.Join(dir, filepath.FromSlash(rel))
			os.MkdirAll(filepath.Dir(p), 0o755)
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		ctx := context.Background()
		run := func(p load.Progress) (*load.Summary, error) {
			src, err := export.Open(ctx, dir)
			if err != nil {
				t.Fatal(err)
			}
			defer src.Close()
			return load.Run(ctx, load.Options{Dialect: e.d, DB: s.db, Schema: s.o, Catalog: s.history.Current(), Source: src, Progress: p})
		}
		killed := false
		sum, err := run(onFileDone{fn: func(export.File) {
			if killed {
				return
			}
			killed = true
			if n, err := kill(s.db, dialects.LoadLockName(s.o.Schema)); err != nil || n == 0 {
				t.Errorf("terminating the load's connection: %d terminated, %v", n, err)
			}
		}})
		if err == nil || !strings.Contains(err.Error(), "stopped after 1 files: "+e.name+" cannot go on") || strings.Contains(err.Error(), "\n") {
			t.Fatalf("error %v, want one line saying the load stopped after 1 file", err)
		}
		if len(sum.Failed) != 0 {
			t.Errorf("%d files failed one by one (%v), want none: the load stops", len(sum.Failed), sum.Failed)
		}
		sum, err = run(nil)
		if err != nil || sum.Loaded != 2 || sum.Skipped != 1 || len(sum.Failed) != 0 {
			t.Fatalf("rerun: loaded %d, skipped %d, failed %v, error %v; want 2, 1, none", sum.Loaded, sum.Skipped, sum.Failed, err)
		}
		if n := s.count(t, "contracts_contracts", ""); n != 6 {
			t.Errorf("contracts_contracts has %d rows after the rerun, want 6", n)
		}
	})
}
