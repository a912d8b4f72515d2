package tests

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	shipped "github.com/mtxhq/mtx/cookbook"
	"github.com/mtxhq/mtx/internal/cookbook"
)

// TestModelsRunAndDataTestCLI is `mtx run` then `mtx test` end to end, as a user runs
// them, on every engine: a migrated schema with the known-answer fixture
// (rows without their key left out, so every data test must pass), every
// current-state model and every cookbook view built, each one queried, and
// a second `mtx run` (the incremental models refresh, the views are
// replaced in place).
func TestModelsRunAndDataTestCLI(t *testing.T) {
	book, err := cookbook.Load(shipped.FS)
	if err != nil {
		t.Fatal(err)
	}
	forEachEngine(t, func(t *testing.T, e engine) {
		bin := mtxBinary(t)
		s := newSetup(t, e)
		if _, err := s.migrator(t, s.versions).Provider().Up(context.Background()); err != nil {
			t.Fatal(err)
		}
		c := s.history.Current()
		for _, tbl := range c.Tables() {
			var rows []fxRow
			for _, r := range fixtureRows(tbl) {
				if r.key != "" {
					rows = append(rows, r)
				}
			}
			insertRows(t, e, s.db, s.o.Schema, tbl, rows)
		}
		db := s.db
		if e.embedded() {
			// One process at a time holds a DuckDB file: hand it to mtx.
			s.db.Close()
			db = nil
		}
		dsn := e.dsn
		if f := e.a.SessionSchema; f != nil {
			dsn = f(dsn, s.o.Schema)
		}
		mtx := func(args ...string) (string, string, error) {
			cmd := execMtx(t, bin, append(args, "--dialect", e.name, "--dsn", dsn, "--schema", s.o.Schema)...)
			var out, errOut bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &errOut
			err := cmd.Run()
			return out.String(), errOut.String(), err
		}
		var models []string
		for _, tbl := range c.Tables() {
			models = append(models, "current_"+tbl.Name)
		}
		for _, entry := range book.Entries() {
			models = append(models, cookbook.ViewName(entry))
		}
		for run := 1; run <= 2; run++ {
			out, log, err := mtx("run")
			if err != nil {
				t.Fatalf("mtx run (%d): %v\n%s%s", run, err, out, log)
			}
			if want := fmt.Sprintf("built %d models", len(models)); !strings.Contains(out, want) {
				t.Errorf("mtx run (%d) printed %q, want %q", run, out, want)
			}
		}
		q := e.d.Quote
		if db == nil {
			db = e.open(t)
		}
		for _, name := range models {
			var n int64
			if err := db.QueryRow("SELECT COUNT(*) FROM " + q(s.o.Schema) + "." + q(name)).Scan(&n); err != nil {
				t.Errorf("%s: %v", name, err)
			}
		}
		if e.embedded() {
			db.Close()
		}
		out, log, err := mtx("test")
		if err != nil || !strings.Contains(out, "data tests passed") {
			t.Errorf("mtx test: %v\n%s%s", err, out, log)
		}
	})
}
