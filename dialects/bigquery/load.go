package bigquery

import (
	"context"
	"database/sql"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/catalog"
)

var _ dialects.Loader = Dialect{}

// LoadTransactional is false: BigQuery's DML is not a database/sql
// transaction; rows carry _mtx_source_file and a file missing from the
// manifest is deleted by source file, then loaded again.
func (Dialect) LoadTransactional() bool { return false }

// InsertRows sends multi-row INSERT batches with positional parameters,
// casting decimals from their exact text and parsing JSON. A load job from
// the bucket (parquet) would be faster; see docs/loading.md.
func (d Dialect) InsertRows(ctx context.Context, _ *sql.Conn, q dialects.Querier, t dialects.LoadTable, src dialects.RowSource) (int64, error) {
	return dialects.BatchInsert(ctx, d, q, t, src, dialects.BatchOptions{
		MaxParams: 10000,
		Convert:   dialects.DecimalAsString,
		Placeholder: func(_ int, c dialects.LoadColumn) string {
			switch c.Type {
			case catalog.Decimal:
				return "CAST(? AS BIGNUMERIC)"
			case catalog.JSON:
				return "PARSE_JSON(?)"
			}
			return "?"
		},
	})
}
