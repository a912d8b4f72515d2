package snowflake

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/catalog"
)

var _ dialects.Loader = Dialect{}

// LoadTransactional is false: mtx loads Snowflake the idempotent way (rows
// carry _mtx_source_file; a file missing from the manifest is deleted by
// source file and loaded again), which also holds on emulators.
func (Dialect) LoadTransactional() bool { return false }

// InsertRows sends multi-row INSERT … SELECT … FROM VALUES batches (VALUES
// cannot hold PARSE_JSON). COPY INTO from a stage would be faster for
// files already in cloud storage; see docs/loading.md.
func (d Dialect) InsertRows(ctx context.Context, _ *sql.Conn, q dialects.Querier, t dialects.LoadTable, src dialects.RowSource) (int64, error) {
	return dialects.BatchInsert(ctx, d, q, t, src, dialects.BatchOptions{
		MaxParams: 16000,
		Convert: func(v any, _ dialects.LoadColumn) any {
			switch x := v.(type) {
			case dialects.Decimal:
				return string(x)
			case time.Time:
				return x.UTC().Format("2006-01-02 15:04:05.999999999 +00:00")
			}
			return v
		},
		SelectFrom: func(i int, c dialects.LoadColumn) string {
			col := fmt.Sprintf("$%d", i+1)
			switch c.Type {
			case catalog.JSON:
				return "PARSE_JSON(" + col + ")"
			case catalog.Timestamp:
				return "TO_TIMESTAMP_TZ(" + col + ")"
			}
			return col
		},
	})
}
