package tests

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/internal/load"
	"github.com/parquet-go/parquet-go"
)

// TestLoadBigQueryLoadJobs loads a gs:// export on BigQuery through load
// jobs (the engine reads the files; mtx reads footers): the summary says
// the engine read every file, the rows equal a streamed load's (--stream)
// value for value, a rerun loads nothing, the drift warning is still
// printed, and a corrupt file (bad footer, or bad pages only the engine
// sees) fails naming the file and leaves no row.
func TestLoadBigQueryLoadJobs(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e engine) {
		if !e.a.LoadJobs {
			t.Skip("gs:// load jobs are BigQuery's; Snowflake and Redshift have their own tests")
		}
		bqGCSRoot(t, e)
		bin := mtxKillBinary(t) // the run below is killed at a kill point
		tables := []string{"invoice", "line_item"}
		s := newLoadSetup(t, e, tables)
		streamed := newLoadSetup(t, e, tables)
		inv, _ := s.history.Current().Table("invoice")
		dir := t.TempDir()
		files := genExport(t, dir, s.history.Current(), tables, 1, 2, loadTestRows(e, 300))
		// Drift: a column mtx does not know.
		drift := "invoice/dt=2025-01-02/0_20250102000000.parquet"
		writeParquet(t, filepath.Join(dir, filepath.FromSlash(drift)), append(demoColumns(inv, 50), genColumn{name: "brand_new_col", node: parquet.String(),
			value: func(int) parquet.Value { return parquet.ByteArrayValue([]byte("x")) }}), 20, 0)
		loc := gcsExport(t, dir)
		want := rowsPerTable(files)
		want["invoice"] += 20

		run := func(schema string, fail bool, args ...string) string {
			t.Helper()
			cmd := execMtx(t, bin, append([]string{"load", loc, "--dialect", e.name, "--dsn", e.dsn, "--schema", schema}, args...)...)
			out, err := cmd.CombinedOutput()
			if (err != nil) != fail {
				t.Fatalf("mtx load %s: error %v, want failure %v\n%s", strings.Join(args, " "), err, fail, out)
			}
			return string(out)
		}
		n := len(files) + 1
		out := run(s.o.Schema, false)
		if !strings.Contains(out, fmt.Sprintf("loaded %d files", n)) || !strings.Contains(out, fmt.Sprintf("%d of %d files read by the engine from object storage", n, n)) {
			t.Fatalf("load-job load did not read every file through the engine:\n%s", out)
		}
		if !strings.Contains(out, "table invoice: column brand_new_col in the export is not in mtx's catalog") {
			t.Errorf("no drift warning:\n%s", out)
		}
		out = run(streamed.o.Schema, false, "--stream")
		if !strings.Contains(out, fmt.Sprintf("loaded %d files", n)) || strings.Contains(out, "read by the engine") {
			t.Fatalf("--stream load:\n%s", out)
		}
		if got := s.counts(t, tables); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("rows %v, want %v", got, want)
		}
		for _, tb := range tables {
			a, b := dumpTable(t, s, tb), dumpTable(t, streamed, tb)
			if strings.Join(a, "\n") != strings.Join(b, "\n") {
				t.Errorf("%s: load jobs and streaming loaded different rows:\nload job: %v\nstreamed: %v", tb, first(a, 3), first(b, 3))
			}
		}
		s.checkValues(t, files[0])

		out = run(s.o.Schema, false)
		if !strings.Contains(out, fmt.Sprintf("loaded 0 files, skipped %d already loaded", n)) {
			t.Fatalf("rerun:\n%s", out)
		}

		// Killed after a file's load job and INSERT, before its manifest
		// entry: the rerun deletes its rows and loads it again, once.
		killed := "invoice/dt=2025-01-03/0_20250103000000.parquet"
		kp := filepath.Join(t.TempDir(), "k.parquet")
		writeParquet(t, kp, demoColumns(inv, 70), 20, 0)
		kdata, _ := os.ReadFile(kp)
		putGCS(t, loc, killed, kdata)
		cmd := execMtx(t, bin, "load", loc, "--dialect", e.name, "--dsn", e.dsn, "--schema", s.o.Schema)
		cmd.Env = append(os.Environ(), "MTX_LOAD_TEST_KILL=inserted:"+killed)
		if out, err := cmd.CombinedOutput(); err == nil {
			t.Fatalf("the load was not killed:\n%s", out)
		}
		if n := s.count(t, "invoice", e.d.Quote(catalog.SourceFileColumn)+" = '"+killed+"'"); n != 20 {
			t.Fatalf("the killed load left %d rows of %s, want its 20 (inserted, not recorded)", n, killed)
		}
		out = run(s.o.Schema, false)
		if !strings.Contains(out, "loaded 1 file,") || !strings.Contains(out, "1 of 1 file read by the engine") {
			t.Fatalf("load after the kill:\n%s", out)
		}
		want["invoice"] += 20

		// Corrupt files: a truncated one (mtx sees its footer is gone) and
		// one with a sound footer but garbage pages (only the engine sees it).
		good := filepath.Join(t.TempDir(), "x.parquet")
		writeParquet(t, good, demoColumns(inv, 60), 20, 0)
		data, _ := os.ReadFile(good)
		trunc := "invoice/dt=2025-01-04/0_20250104000000.parquet"
		putGCS(t, loc, trunc, data[:len(data)/2])
		garbled := append([]byte(nil), data...)
		for i := 4; i < len(garbled)/2; i++ {
			garbled[i] = 0xff
		}
		bad := "invoice/dt=2025-01-04/1_20250104000000.parquet"
		putGCS(t, loc, bad, garbled)
		out = run(s.o.Schema, true)
		for _, f := range []string{trunc, bad} {
			if !strings.Contains(out, f) {
				t.Errorf("the error does not name %s:\n%s", f, out)
			}
			where := e.d.Quote(catalog.SourceFileColumn) + " = '" + f + "'"
			if n := s.count(t, "invoice", where); n != 0 {
				t.Errorf("%s failed but left %d rows", f, n)
			}
			if n := s.count(t, load.ManifestTable, e.d.Quote("path")+" = '"+f+"'"); n != 0 {
				t.Errorf("%s failed but is in the manifest", f)
			}
		}
		if got := s.counts(t, tables); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("after the corrupt files rows %v, want %v", got, want)
		}
		var scratch int64
		if err := s.db.QueryRow("SELECT COUNT(*) FROM " + e.d.Quote(s.o.Schema) + ".INFORMATION_SCHEMA.COLUMNS WHERE STARTS_WITH(table_name, '_mtx_scratch_')").Scan(&scratch); err != nil {
			t.Fatal(err)
		}
		if scratch != 0 {
			t.Errorf("scratch tables left behind (%d columns)", scratch)
		}
	})
}

func first(s []string, n int) []string { return s[:min(n, len(s))] }

// dumpTable reads every column of a table but _mtx_loaded_at (when each
// load ran), one line per row, sorted.
func dumpTable(t *testing.T, s *setup, table string) []string {
	t.Helper()
	tbl, _ := s.history.Current().Table(table)
	var cols []string
	for _, c := range tbl.Columns {
		if c.Name != catalog.LoadedAtColumn {
			cols = append(cols, s.e.d.Quote(c.Name))
		}
	}
	rows, err := s.db.Query("SELECT " + strings.Join(cols, ", ") + " FROM " + s.e.d.Quote(s.o.Schema) + "." + s.e.d.Quote(table))
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		parts := make([]string, len(vals))
		for i, v := range vals {
			switch x := v.(type) {
			case time.Time:
				parts[i] = x.UTC().Format(time.RFC3339Nano)
			case nil:
				parts[i] = "NULL"
			case string:
				// JSON as the engine prints it may differ in spacing only.
				var b bytes.Buffer
				if strings.HasPrefix(x, "{") && json.Compact(&b, []byte(x)) == nil {
					x = b.String()
				}
				parts[i] = x
			default:
				parts[i] = fmt.Sprint(x)
			}
		}
		out = append(out, strings.Join(parts, " | "))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}
