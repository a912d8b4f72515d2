package snowflake

import (
	"context"
	"database/sql"
	"strconv"
	"time"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/catalog"
)

// LoadTransactional: Snowflake's DML is transactional, so a file's rows and
// its manifest entry commit together. The delete-and-reload way of engines
// without transactions is not safe here: an INSERT sent by a client that was
// killed keeps running on the server and can land after the next run's
// clean-up (seen on the emulator as a file loaded twice).
func (Dialect) LoadTransactional() bool { return true }

// InsertRows sends multi-row INSERT … SELECT … FROM (VALUES …) batches:
// VALUES takes only constants, so PARSE_JSON and the conversions run in the
// SELECT. Every value but integers, booleans and strings travels as text:
// gosnowflake binds float64 at float32 precision (TO_DOUBLE of the
// shortest exact text instead), decimals stay exact text cast by the
// insert, timestamps are UTC text with an offset, cast to TIMESTAMP_TZ. COPY INTO from
// a stage would be faster for files already in cloud storage; see
// docs/loading.md.
func (d Dialect) InsertRows(ctx context.Context, _ *sql.Conn, q dialects.Querier, t dialects.LoadTable, src dialects.RowSource) (int64, error) {
	return dialects.BatchInsert(ctx, d, q, t, src, dialects.BatchOptions{
		MaxParams: 16000,
		Convert: func(v any, _ dialects.LoadColumn) any {
			switch x := v.(type) {
			case dialects.Decimal:
				return string(x)
			case float64:
				return strconv.FormatFloat(x, 'g', -1, 64)
			case time.Time:
				return x.UTC().Format("2006-01-02 15:04:05.999999999+00:00")
			}
			return v
		},
		SelectFrom: func(ref string, c dialects.LoadColumn) string {
			switch c.Type {
			case catalog.JSON:
				return "PARSE_JSON(" + ref + ")"
			case catalog.Timestamp:
				return "CAST(" + ref + " AS TIMESTAMP_TZ)"
			case catalog.Float:
				return "TO_DOUBLE(" + ref + ")"
			}
			return ref
		},
	})
}
