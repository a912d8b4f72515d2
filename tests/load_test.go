package tests

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mtxhq/mtx/internal/export"
	"github.com/mtxhq/mtx/internal/load"
)

// loadTables are the tables the load tests export: one of each flavour
// (strings, decimals, timestamps, JSON; incremental and snapshot).
var loadTables = []string{"invoice", "line_item", "draft_invoice"}

// newLoadSetup migrates a fresh schema with the given tables.
func newLoadSetup(t *testing.T, e engine, tables []string) *setup {
	t.Helper()
	s := newSetup(t, e)
	want := map[string]bool{}
	for _, n := range tables {
		want[n] = true
	}
	r := s.renderer(t)
	versions, err := r.Versions(s.history, func(n string) bool { return want[n] })
	if err != nil {
		t.Fatal(err)
	}
	s.versions = versions
	m := s.migrator(t, versions)
	if _, err := m.Provider().Up(context.Background()); err != nil {
		t.Fatal(err)
	}
	return s
}

// runLoad loads dir in process and returns the summary and the warnings.
func (s *setup) runLoad(t *testing.T, dir string) (*load.Summary, []string) {
	t.Helper()
	ctx := context.Background()
	src, err := export.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	var warnings []string
	sum, err := load.Run(ctx, load.Options{
		Dialect: s.e.d, DB: s.db, Schema: s.o, Catalog: s.history.Current(), Source: src,
		Warn: func(m string) { warnings = append(warnings, m) },
	})
	if err != nil {
		t.Fatal(err)
	}
	return sum, warnings
}

func (s *setup) count(t *testing.T, table, where string) int64 {
	t.Helper()
	q := "SELECT COUNT(*) FROM " + s.e.d.Quote(s.o.Schema) + "." + s.e.d.Quote(table)
	if where != "" {
		q += " WHERE " + where
	}
	var n int64
	if err := s.db.QueryRow(q).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

func (s *setup) counts(t *testing.T, tables []string) map[string]int64 {
	out := map[string]int64{}
	for _, tb := range tables {
		out[tb] = s.count(t, tb, "")
	}
	return out
}

func TestLoadExportOnce(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e engine) {
		s := newLoadSetup(t, e, loadTables)
		dir := t.TempDir()
		files := genExport(t, dir, s.history.Current(), loadTables, 2, 2, loadTestRows(e, 300))
		want := rowsPerTable(files)

		sum, warnings := s.runLoad(t, dir)
		if len(sum.Failed) > 0 || len(warnings) > 0 {
			t.Fatalf("failed %v, warnings %v", sum.Failed, warnings)
		}
		if sum.Loaded != len(files) || sum.Skipped != 0 {
			t.Fatalf("loaded %d skipped %d, want %d, 0", sum.Loaded, sum.Skipped, len(files))
		}
		if got := s.counts(t, loadTables); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("rows %v, want %v", got, want)
		}
		if n := s.count(t, load.ManifestTable, ""); n != int64(len(files)) {
			t.Fatalf("manifest has %d entries, want %d", n, len(files))
		}
		s.checkValues(t, files[0])

		// A rerun finds nothing new and adds no row.
		sum, _ = s.runLoad(t, dir)
		if sum.Loaded != 0 || sum.Skipped != len(files) {
			t.Fatalf("rerun loaded %d skipped %d, want 0, %d", sum.Loaded, sum.Skipped, len(files))
		}
		if got := s.counts(t, loadTables); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("after rerun rows %v, want %v", got, want)
		}

		// A new transfer is picked up alone.
		inv, _ := s.history.Current().Table("invoice")
		writeParquet(t, filepath.Join(dir, "invoice", "dt=2025-01-03", "0_20250103000000.parquet"), demoColumns(inv, 99), 10, 0)
		sum, _ = s.runLoad(t, dir)
		if sum.Loaded != 1 || sum.Skipped != len(files) || sum.Rows["invoice"] != 10 {
			t.Fatalf("new transfer: loaded %d (%v rows) skipped %d, want 1 (10 rows), %d", sum.Loaded, sum.Rows, sum.Skipped, len(files))
		}
		if n := s.count(t, "invoice", ""); n != want["invoice"]+10 {
			t.Fatalf("invoice has %d rows after the new transfer, want %d", n, want["invoice"]+10)
		}
	})
}

// checkValues reads back row 0 (29-digit decimal) and a NULL row of one
// invoice file and the provenance columns.
func (s *setup) checkValues(t *testing.T, f exportFile) {
	t.Helper()
	if f.table != "invoice" && f.table != "draft_invoice" {
		return
	}
	q := s.e.d.Quote
	tbl := q(s.o.Schema) + "." + q(f.table)
	var total, src string
	var transferred sql.NullTime
	err := s.db.QueryRow("SELECT CAST("+q("total")+" AS "+s.e.a.TextType+"), "+q("_mtx_source_file")+", "+q("_mtx_transferred_at")+
		" FROM "+tbl+" WHERE "+q("id")+" = '"+fmt.Sprintf("id-%d-0", f.seed)+"'").Scan(&total, &src, &transferred)
	if err != nil {
		t.Fatal(err)
	}
	if total != "12345678901234567890123456789.123456789" {
		t.Errorf("total of row 0 = %s, want 12345678901234567890123456789.123456789 exactly", total)
	}
	if src != f.rel {
		t.Errorf("_mtx_source_file = %q, want %q", src, f.rel)
	}
	if !strings.HasPrefix(transferred.Time.UTC().Format("2006-01-02 15:04:05"), "2025-01-0") || transferred.Time.Minute() != 0 {
		t.Errorf("_mtx_transferred_at = %v, want the path's timestamp", transferred.Time)
	}
	var nulls int64
	if err := s.db.QueryRow("SELECT COUNT(*) FROM " + tbl + " WHERE " + q("total") + " IS NULL AND " + q("_mtx_loaded_at") + " IS NOT NULL").Scan(&nulls); err != nil {
		t.Fatal(err)
	}
	if nulls == 0 {
		t.Errorf("no NULL totals loaded; the generator writes one every 7 rows")
	}
}

// loadTestRows scales the rows per generated file down on the emulators
// whose inserts are slow (fakesnow translates every statement with sqlglot,
// ~100 rows/s; bqemulator takes seconds per DML statement), so the load
// tests still cover them in minutes. The code paths are the same; only the
// files are smaller.
func loadTestRows(e engine, n int) int {
	if e.a.SlowRows {
		return max(n/10, 30)
	}
	return n
}
