package tests

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/stdlib"
	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/dialects/all"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/internal/ddl"
	"github.com/mtxhq/mtx/internal/migrate"
)

// BenchmarkLoad loads the same parquet export (MTX_BENCH_ROWS rows of
// line_item, default 1,000,000, in 10 files written like the demo
// generator) with the `mtx load` binary and with the engine's own bulk
// path, and reports rows/s of each, their ratio and mtx's peak RSS:
//
//	DuckDB:   INSERT INTO … SELECT * FROM read_parquet('…/*.parquet')
//	Postgres: COPY … FROM STDIN (FORMAT csv) of the same rows
//
// Run: go test ./tests -run '^$' -bench BenchmarkLoad -benchtime 1x
func BenchmarkLoad(b *testing.B) {
	rows := 1_000_000
	if v := os.Getenv("MTX_BENCH_ROWS"); v != "" {
		rows, _ = strconv.Atoi(v)
	}
	const files = 10
	h, err := catalog.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	cat := h.Current()
	tbl, _ := cat.Table("line_item")
	dir := b.TempDir()
	start := time.Now()
	for i := 0; i < files; i++ {
		rel := fmt.Sprintf("line_item/dt=2025-01-01/%d_20250101000000.parquet", i)
		writeParquet(b, filepath.Join(dir, filepath.FromSlash(rel)), demoColumns(tbl, i+1), rows/files, 100_000)
	}
	b.Logf("generated %d rows in %d files in %s", rows, files, time.Since(start).Round(time.Millisecond))
	bin := mtxBinaryTB(b)

	for _, name := range []string{"duckdb", "postgres"} {
		b.Run(name, func(b *testing.B) {
			d, _ := all.Get(name)
			dsn := os.Getenv("MTX_TEST_" + strings.ToUpper(name) + "_DSN")
			if name == "duckdb" {
				dsn = filepath.Join(b.TempDir(), "bench.duckdb")
			} else if dsn == "" {
				b.Skipf("MTX_TEST_%s_DSN not set: run eval \"$(tests/engines/up)\"", strings.ToUpper(name))
			}
			for it := 0; it < b.N; it++ {
				mtxSchema := benchSchema(b, d, dsn, tbl)
				nativeSchema := benchSchema(b, d, dsn, tbl)

				cmd := exec.Command(bin, "load", dir, "--dialect", name, "--dsn", dsn, "--schema", mtxSchema, "--quiet")
				cmd.Dir = b.TempDir()
				t0 := time.Now()
				if out, err := cmd.CombinedOutput(); err != nil {
					b.Fatalf("mtx load: %v\n%s", err, out)
				}
				mtxTime := time.Since(t0)
				rss := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss // KiB on Linux

				db, err := d.Open(dsn)
				if err != nil {
					b.Fatal(err)
				}
				var n int64
				db.QueryRow("SELECT COUNT(*) FROM " + d.Quote(mtxSchema) + "." + d.Quote("line_item")).Scan(&n)
				if n != int64(rows/files*files) {
					b.Fatalf("mtx loaded %d rows, want %d", n, rows)
				}
				nativeTime := native(b, name, d, db, dir, nativeSchema, tbl)
				db.QueryRow("SELECT COUNT(*) FROM " + d.Quote(nativeSchema) + "." + d.Quote("line_item")).Scan(&n)
				if n != int64(rows/files*files) {
					b.Fatalf("native path loaded %d rows, want %d", n, rows)
				}
				db.Close()
				mtxRate := float64(n) / mtxTime.Seconds()
				nativeRate := float64(n) / nativeTime.Seconds()
				b.ReportMetric(mtxRate, "mtx_rows/s")
				b.ReportMetric(nativeRate, "native_rows/s")
				b.ReportMetric(mtxRate/nativeRate, "ratio")
				b.ReportMetric(float64(rss)/1024, "peak_rss_MB")
				fmt.Printf("%s: %d rows: mtx load %s (%.0f rows/s), native %s (%.0f rows/s), ratio %.2f, mtx peak RSS %.0f MB\n",
					name, n, mtxTime.Round(time.Millisecond), mtxRate, nativeTime.Round(time.Millisecond), nativeRate, mtxRate/nativeRate, float64(rss)/1024)
			}
		})
	}
}

// native loads the same files with the engine's own bulk path and returns
// the time it took (preparation such as writing CSV excluded).
func native(b *testing.B, name string, d dialects.Dialect, db *sql.DB, dir, schema string, tbl *catalog.Table) time.Duration {
	q := d.Quote
	var cols []string
	for _, c := range tbl.Columns {
		if !c.System {
			cols = append(cols, q(c.Name))
		}
	}
	target := q(schema) + "." + q(tbl.Name) + " (" + strings.Join(cols, ", ") + ")"
	glob := filepath.Join(dir, "line_item", "*", "*.parquet")
	switch name {
	case "duckdb":
		t0 := time.Now()
		if _, err := db.Exec("INSERT INTO " + target + " SELECT " + strings.Join(cols, ", ") + " FROM read_parquet(" + dialects.StringLiteral(glob) + ")"); err != nil {
			b.Fatal(err)
		}
		return time.Since(t0)
	case "postgres":
		// The same rows as CSV, written by DuckDB beforehand (not timed).
		csv := filepath.Join(b.TempDir(), "rows.csv")
		duck, err := sql.Open("duckdb", "")
		if err != nil {
			b.Fatal(err)
		}
		if _, err := duck.Exec("COPY (SELECT " + strings.Join(cols, ", ") + " FROM read_parquet(" + dialects.StringLiteral(glob) + ")) TO " + dialects.StringLiteral(csv) + " (FORMAT csv, HEADER false)"); err != nil {
			b.Fatal(err)
		}
		duck.Close()
		f, err := os.Open(csv)
		if err != nil {
			b.Fatal(err)
		}
		defer f.Close()
		conn, err := db.Conn(context.Background())
		if err != nil {
			b.Fatal(err)
		}
		defer conn.Close()
		t0 := time.Now()
		err = conn.Raw(func(dc any) error {
			_, err := dc.(*stdlib.Conn).Conn().PgConn().CopyFrom(context.Background(), f, "COPY "+target+" FROM STDIN (FORMAT csv)")
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
		return time.Since(t0)
	}
	b.Fatalf("no native path for %s", name)
	return 0
}

// benchSchema creates a fresh schema holding line_item, dropped at the end.
func benchSchema(b *testing.B, d dialects.Dialect, dsn string, tbl *catalog.Table) string {
	db, err := d.Open(dsn)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	r := make([]byte, 4)
	rand.Read(r)
	o := dialects.DefaultOptions()
	o.Schema = "mtx_bench_" + hex.EncodeToString(r)
	h, _ := catalog.Embedded()
	rd, err := ddl.New(d, o)
	if err != nil {
		b.Fatal(err)
	}
	versions, err := rd.Versions(h, func(n string) bool { return n == tbl.Name })
	if err != nil {
		b.Fatal(err)
	}
	m, err := migrate.New(context.Background(), d, db, o, versions)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := m.Provider().Up(context.Background()); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() {
		db, err := d.Open(dsn)
		if err != nil {
			return
		}
		defer db.Close()
		db.Exec("DROP SCHEMA IF EXISTS " + d.Quote(o.Schema) + " CASCADE")
	})
	return o.Schema
}
