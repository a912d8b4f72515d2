package bigquery

import (
	"context"
	"database/sql"
	"fmt"
	"math/big"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/catalog"
)

// LoadTransactional is false: BigQuery's DML is not a database/sql
// transaction; rows carry _mtx_source_file and a file missing from the
// manifest is deleted by source file, then loaded again.
func (Dialect) LoadTransactional() bool { return false }

// InsertRows sends multi-row INSERT batches with positional parameters.
// Decimals are bound as *big.Rat, i.e. NUMERIC parameters, which BigQuery
// inserts exactly (a STRING parameter is not coerced to NUMERIC, and a
// CAST from text is rounded by the emulator); JSON is parsed from text.
// BigQuery allows 10,000 parameters a statement and its DML is slow per
// statement, so batches are as large as that allows. A load job from the
// bucket (parquet) would be faster; see docs/loading.md.
func (d Dialect) InsertRows(ctx context.Context, _ *sql.Conn, q dialects.Querier, t dialects.LoadTable, src dialects.RowSource) (int64, error) {
	var convErr error
	n, err := dialects.BatchInsert(ctx, d, q, t, src, dialects.BatchOptions{
		MaxParams: 10000,
		Convert: func(v any, c dialects.LoadColumn) any {
			if x, ok := v.(dialects.Decimal); ok {
				r, ok := new(big.Rat).SetString(string(x))
				if !ok {
					if convErr == nil {
						convErr = fmt.Errorf("column %s: %q is not a decimal number", c.Name, string(x))
					}
					return string(x)
				}
				return r
			}
			return v
		},
		Placeholder: func(_ int, c dialects.LoadColumn) string {
			if c.Type == catalog.JSON {
				return "PARSE_JSON(?)"
			}
			return "?"
		},
	})
	if convErr != nil {
		return n, convErr
	}
	return n, err
}
