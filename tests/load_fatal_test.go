package tests

import (
	"context"
	"fmt"
	"os"
	"os/exec"
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

// TestLoadStopsOnFatalError: the load's connection is terminated after
// its first file (as a server shutting down, or out of disk, ends it).
// The load stops at once with one line naming the engine, instead of
// failing every remaining file with the same error, and a rerun loads
// the rest.
func TestLoadStopsOnFatalError(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e engine) {
		kill := e.a.KillLockHolder
		if kill == nil {
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

// TestLoadStopsWhenTheDiskIsFull: a DuckDB file on a small tmpfs runs out
// of space part-way through a load. DuckDB invalidates the database; the
// load stops at the first such error, in one line, instead of failing
// every remaining file with "database has been invalidated"; with space
// again, a rerun loads the rest. Mounting the tmpfs needs root (CI runs as
// root); elsewhere the test skips.
func TestLoadStopsWhenTheDiskIsFull(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e engine) {
		if !e.embedded() {
			t.Skip("fills the disk under an embedded database file: runs on duckdb")
		}
		disk := filepath.Join(t.TempDir(), "disk")
		os.MkdirAll(disk, 0o755)
		if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=6M", "tmpfs", disk).CombinedOutput(); err != nil {
			t.Skipf("cannot mount a small tmpfs (needs root): %v %s", err, out)
		}
		t.Cleanup(func() { exec.Command("umount", "-l", disk).Run() })
		e.dsn = filepath.Join(disk, "full.duckdb")
		s := newLoadSetup(t, e, []string{"invoice", "line_item"})
		cat := s.history.Current()
		inv, _ := cat.Table("invoice")
		li, _ := cat.Table("line_item")
		dir := t.TempDir()
		// invoice loads first (a small group), then line_item fills the disk.
		for i := 0; i < 2; i++ {
			writeParquet(t, filepath.Join(dir, "invoice", "dt=2025-01-01", fmt.Sprintf("%02d_20250101000000.parquet", i)), demoColumns(inv, i), 100, 0)
		}
		const files, rows = 40, 4000
		for i := 0; i < files; i++ {
			writeParquet(t, filepath.Join(dir, "line_item", "dt=2025-01-01", fmt.Sprintf("%02d_20250101000000.parquet", i)), demoColumns(li, i), rows, 0)
		}
		run := func() (*load.Summary, error) {
			src, err := export.Open(context.Background(), dir)
			if err != nil {
				t.Fatal(err)
			}
			defer src.Close()
			return load.Run(context.Background(), load.Options{Dialect: e.d, DB: s.db, Schema: s.o, Catalog: cat, Source: src})
		}
		sum, err := run()
		if err == nil {
			t.Fatalf("no error: loaded %d files, %d failed one by one (%.200v); want the load to stop when the 6 MB disk is full", sum.Loaded, len(sum.Failed), sum.Failed)
		}
		if !strings.Contains(err.Error(), "stopped after 2 files: duckdb cannot go on") || strings.Contains(err.Error(), "\n") {
			t.Errorf("error %q, want one line saying duckdb cannot go on after the 2 invoice files", err)
		}
		if len(sum.Failed) != 0 {
			t.Errorf("%d files failed one by one after the disk filled (first: %v), want none", len(sum.Failed), sum.Failed[0])
		}
		// Space again: a new process (a new database handle) resumes.
		if out, err := exec.Command("mount", "-o", "remount,size=512M", disk).CombinedOutput(); err != nil {
			t.Fatalf("growing the tmpfs: %v %s", err, out)
		}
		s.db.Close()
		s.db = e.open(t)
		sum, err = run()
		if err != nil || sum.Loaded != files || sum.Skipped != 2 || len(sum.Failed) != 0 {
			t.Fatalf("rerun: loaded %d, skipped %d, failed %v, error %v; want %d, 2, none", sum.Loaded, sum.Skipped, sum.Failed, err, files)
		}
		if n := s.count(t, "line_item", ""); n != files*rows {
			t.Errorf("line_item has %d rows after the rerun, want %d", n, files*rows)
		}
		if n := s.count(t, "invoice", ""); n != 200 {
			t.Errorf("invoice has %d rows after the rerun, want 200", n)
		}
	})
}
