package databricks

import (
	"context"
	"database/sql"

	"github.com/mtxhq/mtx/dialects"
)

var (
	_ dialects.Loader          = Dialect{}
	_ dialects.UnlistedDeleter = Dialect{}
)

// DeleteUnlisted: Delta's DELETE takes no subquery, its MERGE does: the
// rows whose value is not listed are matched and deleted.
func (d Dialect) DeleteUnlisted(table, column, list string) string {
	s := d.Quote("_mtx_s")
	return "MERGE INTO " + table + " AS " + d.Quote("_mtx_t") + "\nUSING (SELECT DISTINCT " + column + " FROM " + table +
		" WHERE " + column + " IS NOT NULL AND " + column + " NOT IN (" + list + ")) AS " + s +
		"\nON " + d.Quote("_mtx_t") + "." + column + " = " + s + "." + column + "\nWHEN MATCHED THEN DELETE"
}

// LoadTransactional is false: no multi-statement transactions; rows carry
// _mtx_source_file and a file missing from the manifest is deleted by
// source file, then loaded again.
func (Dialect) LoadTransactional() bool { return false }

// InsertRows sends multi-row INSERT batches; the connection writes the
// values in as literals (decimals as exact BD literals), since each
// statement costs a Spark job, batches are large.
func (d Dialect) InsertRows(ctx context.Context, _ *sql.Conn, q dialects.Querier, t dialects.LoadTable, src dialects.RowSource) (int64, error) {
	return dialects.BatchInsert(ctx, d, q, t, src, dialects.BatchOptions{MaxParams: 20000})
}
