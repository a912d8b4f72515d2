package redshift

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/dialects/postgres"
	"github.com/mtxhq/mtx/internal/catalog"
)

// LoadTransactional: Redshift commits a file's rows and manifest entry together.
func (Dialect) LoadTransactional() bool { return true }

// InsertRows sends multi-row INSERT batches (Redshift has no COPY FROM
// STDIN). COPY FROM 's3://…' FORMAT PARQUET would be faster for S3
// exports; see docs/loading.md.
func (d Dialect) InsertRows(ctx context.Context, _ *sql.Conn, q dialects.Querier, t dialects.LoadTable, src dialects.RowSource) (int64, error) {
	return dialects.BatchInsert(ctx, d, q, t, src, dialects.BatchOptions{
		MaxParams: 30000,
		Convert: func(v any, _ dialects.LoadColumn) any {
			if x, ok := v.(dialects.Decimal); ok {
				if n, err := postgres.Numeric(x); err == nil {
					return n
				}
			}
			return v
		},
		Placeholder: func(i int, c dialects.LoadColumn) string {
			switch c.Type {
			case catalog.JSON:
				return fmt.Sprintf("JSON_PARSE($%d)", i+1)
			}
			return fmt.Sprintf("$%d", i+1)
		},
	})
}
