package tests

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/internal/load"
	"gocloud.dev/blob"
)

// snowStage is an s3:// export in the local S3 server and a Snowflake
// external stage over it, in a fresh schema of the emulator.
type snowStage struct {
	loc   string // what mtx load is given (with mtx's own endpoint settings)
	root  string // the stage's URL
	stage string // --stage
}

// snowflakeS3Stage uploads dir to a fresh bucket and creates the stage
// MTX_EXPORT over it in s's schema. fakesnow reads the bucket through
// DuckDB's httpfs, pointed at the local S3 server by
// tests/engines/py/fakesnow_harness.py; real Snowflake would read it with
// the stage's credentials or storage integration.
func snowflakeS3Stage(t *testing.T, s *setup, dir string) snowStage {
	t.Helper()
	loc := s3Export(t, dir)
	u, err := url.Parse(loc)
	if err != nil {
		t.Fatal(err)
	}
	root := "s3://" + u.Host + u.Path
	q := s.e.d.Quote
	if _, err := s.db.Exec("CREATE STAGE " + q(s.o.Schema) + "." + q("mtx_export") + " URL = '" + root + "/'"); err != nil {
		t.Fatal(err)
	}
	return snowStage{loc: loc, root: root, stage: "@" + strings.ToUpper(s.o.Schema) + ".MTX_EXPORT"}
}

// putS3 writes one object below the export's folder.
func putS3(t *testing.T, loc, rel string, data []byte) {
	t.Helper()
	u, err := url.Parse(loc)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	b, err := blob.OpenBucket(ctx, "s3://"+u.Host+"?"+u.RawQuery)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if err := b.WriteAll(ctx, strings.TrimPrefix(u.Path, "/")+"/"+rel, data, nil); err != nil {
		t.Fatal(err)
	}
}

// copyLoads is how many files COPY INTO loaded into the schema's tables,
// from INFORMATION_SCHEMA.LOAD_HISTORY (Snowflake's record of COPY loads,
// which streamed INSERTs never reach).
func copyLoads(t *testing.T, s *setup) int64 {
	t.Helper()
	var n int64
	if err := s.db.QueryRow("SELECT COUNT(*) FROM INFORMATION_SCHEMA.LOAD_HISTORY WHERE SCHEMA_NAME = '" + strings.ToUpper(s.o.Schema) + "'").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestLoadSnowflakeCopyInto loads an s3:// export on Snowflake with
// --stage: every file goes through COPY INTO (the summary and the load
// history say so), the rows equal a streamed load's (--stream) value for
// value, decimals exact to 38 digits, a file lacking a column loads it as
// NULL, a rerun loads nothing, and a file whose pages are garbage (only
// the engine reads them) fails naming the file and leaves nothing.
func TestLoadSnowflakeCopyInto(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e engine) {
		if !e.a.StageCopy {
			t.Skip("COPY INTO from a stage is Snowflake's")
		}
		bin := mtxBinary(t)
		s := newLoadSetup(t, e, loadTables)
		streamed := newLoadSetup(t, e, loadTables)
		inv, _ := s.history.Current().Table("invoice")
		dir := t.TempDir()
		files := genExport(t, dir, s.history.Current(), loadTables, 1, 2, loadTestRows(e, 300))
		// A file of the same group without the total column.
		var cols []genColumn
		for _, c := range demoColumns(inv, 90) {
			if c.name != "total" {
				cols = append(cols, c)
			}
		}
		lacking := "invoice/dt=2025-01-01/9_20250101000000.parquet"
		writeParquet(t, filepath.Join(dir, filepath.FromSlash(lacking)), cols, 20, 0)
		want := rowsPerTable(files)
		want["invoice"] += 20
		n := len(files) + 1
		st := snowflakeS3Stage(t, s, dir)

		run := func(schema string, fail bool, args ...string) string {
			t.Helper()
			cmd := execMtx(t, bin, append([]string{"load", st.loc, "--dialect", e.name, "--dsn", e.dsn, "--schema", schema}, args...)...)
			start := time.Now()
			out, err := cmd.CombinedOutput()
			if (err != nil) != fail {
				t.Fatalf("mtx load %s: error %v, want failure %v\n%s", strings.Join(args, " "), err, fail, out)
			}
			t.Logf("mtx load %s: %s\n%s", strings.Join(args, " "), time.Since(start).Round(time.Millisecond), out)
			return string(out)
		}
		// A stage over another folder finds none of the files: every file
		// fails, named, and nothing is loaded.
		if _, err := s.db.Exec("CREATE STAGE " + e.d.Quote(s.o.Schema) + "." + e.d.Quote("elsewhere") + " URL = '" + st.root + "/elsewhere/'"); err != nil {
			t.Fatal(err)
		}
		out := run(s.o.Schema, true, "--stage", "@"+strings.ToUpper(s.o.Schema)+".ELSEWHERE")
		if !strings.Contains(out, files[0].rel) || !strings.Contains(out, "COPY INTO") {
			t.Errorf("a stage over another folder: the error does not name %s:\n%s", files[0].rel, out)
		}
		if got := s.counts(t, loadTables); got["invoice"]+got["line_item"]+got["draft_invoice"] != 0 {
			t.Fatalf("a stage over another folder loaded rows: %v", got)
		}
		out = run(s.o.Schema, false, "--stage", st.stage)
		if !strings.Contains(out, fmt.Sprintf("loaded %d files", n)) || !strings.Contains(out, fmt.Sprintf("%d of %d files read by the engine from object storage", n, n)) {
			t.Fatalf("--stage load did not COPY every file:\n%s", out)
		}
		if got := copyLoads(t, s); got != int64(n) {
			t.Errorf("load history has %d COPY loads, want %d", got, n)
		}
		out = run(streamed.o.Schema, false)
		if !strings.Contains(out, "set --stage") || strings.Contains(out, "read by the engine") {
			t.Errorf("a load without --stage should stream and say how to COPY:\n%s", out)
		}
		if got := copyLoads(t, streamed); got != 0 {
			t.Errorf("the streamed load went through COPY (%d loads)", got)
		}
		if got := s.counts(t, loadTables); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("rows %v, want %v", got, want)
		}
		for _, tb := range loadTables {
			a, b := dumpTable(t, s, tb), dumpTable(t, streamed, tb)
			if strings.Join(a, "\n") != strings.Join(b, "\n") {
				t.Errorf("%s: COPY INTO and streaming loaded different rows:\nCOPY:     %v\nstreamed: %v", tb, a[:min(3, len(a))], b[:min(3, len(b))])
			}
		}
		for _, f := range files {
			if f.table == "invoice" {
				s.checkValues(t, f)
				break
			}
		}
		q := e.d.Quote
		if got := s.count(t, "invoice", q(catalog.SourceFileColumn)+" = '"+lacking+"' AND "+q("total")+" IS NULL AND "+q("id")+" IS NOT NULL"); got != 20 {
			t.Errorf("%s lacks total: %d rows with a NULL total, want 20", lacking, got)
		}

		out = run(s.o.Schema, false, "--stage", st.stage)
		if !strings.Contains(out, fmt.Sprintf("loaded 0 files, skipped %d already loaded", n)) {
			t.Fatalf("rerun:\n%s", out)
		}
		if got := s.counts(t, loadTables); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("after the rerun rows %v, want %v", got, want)
		}

		// A sound footer over garbage pages: mtx reads only the footer, so
		// the engine is the one to fail, and the error must name the file.
		good := filepath.Join(t.TempDir(), "x.parquet")
		writeParquet(t, good, demoColumns(inv, 60), 20, 0)
		data, _ := os.ReadFile(good)
		for i := 4; i < len(data)/2; i++ {
			data[i] = 0xff
		}
		bad := "invoice/dt=2025-01-03/0_20250103000000.parquet"
		putS3(t, st.loc, bad, data)
		out = run(s.o.Schema, true, "--stage", st.stage)
		if !strings.Contains(out, bad) {
			t.Errorf("the error does not name %s:\n%s", bad, out)
		}
		if got := s.count(t, "invoice", q(catalog.SourceFileColumn)+" = '"+bad+"'"); got != 0 {
			t.Errorf("%s failed but left %d rows", bad, got)
		}
		if got := s.count(t, load.ManifestTable, q("path")+" = '"+bad+"'"); got != 0 {
			t.Errorf("%s failed but is in the manifest", bad)
		}
		if got := s.counts(t, loadTables); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("after the corrupt file rows %v, want %v", got, want)
		}
	})
}

// TestLoadSnowflakeCopyKillAndResume kills `mtx load --stage` with SIGKILL
// after a COPY but before its manifest entry, after the manifest entry but
// before commit, and between files, resuming each time: COPY's own load
// history must not skip a file whose load was rolled back (FORCE = TRUE),
// and the end state is every row exactly once.
func TestLoadSnowflakeCopyKillAndResume(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e engine) {
		if !e.a.StageCopy {
			t.Skip("COPY INTO from a stage is Snowflake's")
		}
		bin := mtxKillBinary(t)
		s := newLoadSetup(t, e, loadTables)
		dir := t.TempDir()
		files := genExport(t, dir, s.history.Current(), loadTables, 1, 2, loadTestRows(e, 300))
		want := rowsPerTable(files)
		st := snowflakeS3Stage(t, s, dir)
		run := func(kill string) (killed bool, out string) {
			cmd := exec.Command(bin, "load", st.loc, "--dialect", e.name, "--dsn", e.dsn, "--schema", s.o.Schema, "--stage", st.stage)
			cmd.Dir = t.TempDir()
			cmd.Env = append(os.Environ(), "MTX_LOAD_TEST_KILL="+kill)
			b, err := cmd.CombinedOutput()
			if ee, ok := err.(*exec.ExitError); ok {
				if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() && ws.Signal() == syscall.SIGKILL {
					return true, string(b)
				}
			}
			if err != nil {
				t.Fatalf("mtx load (kill %q): %v\n%s", kill, err, b)
			}
			return false, string(b)
		}
		// Files are ordered draft_invoice 0-1, invoice 2-3, line_item 4-5;
		// each table's files are one group, one transaction.
		kills := 0
		for _, k := range []string{
			"inserted:" + files[1].rel, // draft_invoice's COPYs ran, nothing recorded
			"manifest:" + files[0].rel, // one manifest entry, uncommitted
			"file:2",                   // draft_invoice committed
			"inserted:" + files[3].rel,
			"manifest:" + files[5].rel,
		} {
			killed, out := run(k)
			if !killed {
				t.Errorf("mtx load was not killed at %s:\n%s", k, out)
			}
			kills++
		}
		killed, out := run("")
		if killed {
			t.Fatal("the final run was killed")
		}
		if !strings.Contains(out, "read by the engine from object storage") {
			t.Errorf("the resumed load did not COPY:\n%s", out)
		}
		if got := s.counts(t, loadTables); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("after %d kills and a resume: rows %v, want %v", kills, got, want)
		}
		q := e.d.Quote
		for _, tb := range loadTables {
			var distinct int64
			if err := s.db.QueryRow("SELECT COUNT(DISTINCT " + q("id") + ") FROM " + q(s.o.Schema) + "." + q(tb)).Scan(&distinct); err != nil {
				t.Fatal(err)
			}
			if distinct != want[tb] {
				t.Errorf("%s: %d distinct ids, want %d (a row loaded twice?)", tb, distinct, want[tb])
			}
		}
		if n := s.count(t, load.ManifestTable, ""); n != int64(len(files)) {
			t.Errorf("manifest has %d entries, want %d", n, len(files))
		}
	})
}

// TestSnowflakeCopySpeed measures `mtx load` of an s3:// export with
// --stage (COPY INTO) against the same load streamed (INSERT batches), in
// the same run, and prints rows/s and the ratio. It is a measurement, not
// a check, so it runs only when MTX_BENCH_ROWS is set (line_item rows, in
// 5 files):
//
//	MTX_BENCH_ROWS=20000 go test ./tests -run TestSnowflakeCopySpeed -v
//
// On fakesnow both paths end in DuckDB, so the figures say little about a
// real warehouse.
func TestSnowflakeCopySpeed(t *testing.T) {
	rows := 0
	fmt.Sscan(os.Getenv("MTX_BENCH_ROWS"), &rows)
	if rows <= 0 {
		t.Skip("a measurement: set MTX_BENCH_ROWS (e.g. 20000) to run it")
	}
	forEachEngine(t, func(t *testing.T, e engine) {
		if !e.a.StageCopy {
			t.Skip("COPY INTO from a stage is Snowflake's")
		}
		bin := mtxBinary(t)
		tables := []string{"line_item"}
		copied := newLoadSetup(t, e, tables)
		streamed := newLoadSetup(t, e, tables)
		tbl, _ := copied.history.Current().Table("line_item")
		dir := t.TempDir()
		const files = 5
		for i := 0; i < files; i++ {
			writeParquet(t, filepath.Join(dir, "line_item", "dt=2025-01-01", fmt.Sprintf("%d_20250101000000.parquet", i)), demoColumns(tbl, i+1), rows/files, 0)
		}
		st := snowflakeS3Stage(t, copied, dir)
		timed := func(schema string, args ...string) float64 {
			cmd := execMtx(t, bin, append([]string{"load", st.loc, "--dialect", e.name, "--dsn", e.dsn, "--schema", schema, "--quiet"}, args...)...)
			start := time.Now()
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("mtx load %v: %v\n%s", args, err, out)
			}
			return float64(rows/files*files) / time.Since(start).Seconds()
		}
		c := timed(copied.o.Schema, "--stage", st.stage)
		s := timed(streamed.o.Schema)
		if n := copied.count(t, "line_item", ""); n != int64(rows/files*files) {
			t.Fatalf("COPY loaded %d rows, want %d", n, rows/files*files)
		}
		t.Logf("%d rows of line_item in %d files: COPY INTO %.0f rows/s, streamed %.0f rows/s, COPY/streamed %.2f", rows/files*files, files, c, s, c/s)
	})
}
