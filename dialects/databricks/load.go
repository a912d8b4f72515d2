package databricks

import (
	"context"
	"database/sql"

	"github.com/mtxhq/mtx/dialects"
)

var _ dialects.Loader = Dialect{}

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
