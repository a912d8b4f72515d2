package duckdb

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/catalog"
)

var _ dialects.ParquetLoader = Dialect{}

// LoadTransactional: DuckDB commits a file's rows and its manifest entry
// together. Only one process can open a DuckDB file for writing, which is
// also what keeps two loads apart.
func (Dialect) LoadTransactional() bool { return true }

// InsertParquet lets DuckDB read the parquet files itself (same process,
// vectorized, files in parallel): INSERT … SELECT … FROM read_parquet([…])
// joined to each file's provenance values. DuckDB casts each file column to
// the table's type on insert, exactly for decimals; union_by_name gives NULL
// where a file lacks a column.
func (d Dialect) InsertParquet(ctx context.Context, q dialects.Querier, t dialects.LoadTable, files []dialects.ParquetFile) (int64, error) {
	const fileCol = "_mtx_parquet_file"
	cols := make([]string, len(t.Columns))
	sel := make([]string, len(t.Columns))
	var consts []string
	for i, c := range t.Columns {
		cols[i] = d.Quote(c.Name)
		switch {
		case c.Const != nil:
			sel[i] = "m." + d.Quote(c.Name)
			consts = append(consts, c.Name)
		case c.Source != "" && c.Type == catalog.Timestamp:
			// DuckDB reads an out-of-range instant (int64 max) as
			// infinity; mtx refuses it, as on every engine.
			v := "p." + d.Quote(c.Source)
			sel[i] = "CASE WHEN " + v + " IS NULL OR (" + v + " >= " + literal(dialects.MinTimestamp) + " AND " + v + " < " + literal(dialects.MaxTimestamp) +
				") THEN " + v + " ELSE error(" + dialects.StringLiteral("column "+c.Name+": a timestamp outside the years 1 to 9999") + ") END"
		case c.Source != "":
			sel[i] = "p." + d.Quote(c.Source)
		default:
			sel[i] = "NULL"
		}
	}
	paths := make([]string, len(files))
	rows := make([]string, len(files))
	mcols := []string{d.Quote(fileCol)}
	for _, c := range consts {
		mcols = append(mcols, d.Quote(c))
	}
	for i, f := range files {
		paths[i] = dialects.StringLiteral(f.Path)
		vals := []string{dialects.StringLiteral(f.Path)}
		for _, c := range consts {
			vals = append(vals, literal(f.Consts[c]))
		}
		rows[i] = "(" + strings.Join(vals, ", ") + ")"
	}
	stmt := "INSERT INTO " + d.Quote(t.Schema) + "." + d.Quote(t.Table) + " (" + strings.Join(cols, ", ") + ") SELECT " +
		strings.Join(sel, ", ") + " FROM read_parquet([" + strings.Join(paths, ", ") + "], filename = " + dialects.StringLiteral(fileCol) +
		", union_by_name = true) AS p JOIN (VALUES " + strings.Join(rows, ", ") + ") AS m(" + strings.Join(mcols, ", ") + ") ON p." +
		d.Quote(fileCol) + " = m." + d.Quote(fileCol)
	// Row order within a load does not matter, and keeping it makes DuckDB
	// buffer far more of a parallel insert in memory.
	if _, err := q.ExecContext(ctx, "SET preserve_insertion_order = false; SET memory_limit = '256MB'"); err != nil {
		return 0, err
	}
	res, err := q.ExecContext(ctx, stmt)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

func literal(v any) string {
	switch x := v.(type) {
	case string:
		return dialects.StringLiteral(x)
	case time.Time:
		return "TIMESTAMPTZ " + dialects.StringLiteral(x.UTC().Format("2006-01-02 15:04:05.999999+00"))
	}
	return dialects.StringLiteral(fmt.Sprint(v))
}

// InsertRows is the row-stream path (used when no local file exists):
// parameterized multi-row INSERTs.
func (d Dialect) InsertRows(ctx context.Context, _ *sql.Conn, q dialects.Querier, t dialects.LoadTable, src dialects.RowSource) (int64, error) {
	return dialects.BatchInsert(ctx, d, q, t, src, dialects.BatchOptions{MaxParams: 20000, Convert: dialects.DecimalAsString})
}
