package tests

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/mtxhq/mtx/internal/load"
)

// TestLoadQuotedPath loads files whose names hold a quote and backslashes
// (escape characters on MySQL, ClickHouse, Snowflake, BigQuery): the path
// must round-trip through _mtx_source_file and the manifest unchanged, and
// a load killed after inserting such a file's rows must resume with every
// row once (the delete by source file must match the path exactly).
func TestLoadQuotedPath(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e engine) {
		bin := mtxKillBinary(t)
		s := newLoadSetup(t, e, []string{"invoice"})
		if e.embedded() {
			s.db.Close() // the mtx process needs the file to itself
		}
		inv, _ := s.history.Current().Table("invoice")
		dir := t.TempDir()
		const rows = 20
		rels := []string{
			`invoice/dt=2025-03-01/it's_20250301000000.parquet`,
			`invoice/dt=2025-03-01/back\slash\'quote"\\n_20250301010000.parquet`,
		}
		for i, rel := range rels {
			writeParquet(t, filepath.Join(dir, filepath.FromSlash(rel)), demoColumns(inv, 10+i), rows, 0)
		}
		run := func(kill string) string {
			cmd := execMtx(t, bin, "load", dir, "--dialect", e.name, "--dsn", e.dsn, "--schema", s.o.Schema)
			cmd.Env = append(os.Environ(), "MTX_LOAD_TEST_KILL="+kill)
			out, err := cmd.CombinedOutput()
			if kill == "" && err != nil {
				t.Fatalf("mtx load: %v\n%s", err, out)
			}
			if kill != "" && err == nil {
				t.Fatalf("mtx load was not killed at %s:\n%s", kill, out)
			}
			return string(out)
		}
		run("inserted:" + rels[1])
		run("")
		db := e.open(t)
		s.db = db
		if n := s.count(t, "invoice", ""); n != 2*rows {
			t.Errorf("invoice has %d rows after a kill and a resume, want %d", n, 2*rows)
		}
		q := e.d.Quote
		strs := func(query string) []string {
			r, err := db.Query(query)
			if err != nil {
				t.Fatalf("%s: %v", query, err)
			}
			defer r.Close()
			var out []string
			for r.Next() {
				var v string
				if err := r.Scan(&v); err != nil {
					t.Fatal(err)
				}
				out = append(out, v)
			}
			sort.Strings(out)
			return out
		}
		want := append([]string(nil), rels...)
		sort.Strings(want)
		tbl := q(s.o.Schema) + "."
		if got := strs("SELECT DISTINCT " + q("_mtx_source_file") + " FROM " + tbl + q("invoice")); strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("_mtx_source_file values %q, want %q", got, want)
		}
		if got := strs("SELECT " + q("path") + " FROM " + tbl + q(load.ManifestTable)); strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("manifest paths %q, want %q", got, want)
		}
		sum, _ := s.runLoad(t, dir)
		if sum.Loaded != 0 || sum.Skipped != 2 {
			t.Errorf("rerun loaded %d, skipped %d; want 0, 2 (the manifest paths must match the files')", sum.Loaded, sum.Skipped)
		}
	})
}
