package clickhouse

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/mtxhq/mtx/dialects"
	"github.com/shopspring/decimal"
)

var _ dialects.Loader = Dialect{}

// LoadTransactional: ClickHouse has no transactions. Rows carry
// _mtx_source_file; a file missing from the manifest is first deleted by
// source file (a lightweight DELETE), then inserted again.
func (Dialect) LoadTransactional() bool { return false }

// batchRows is how many rows go in one native insert block.
const batchRows = 100000

// InsertRows uses clickhouse-go's batch insert: under database/sql a
// transaction is a client-side block, sent in the native protocol on commit.
func (d Dialect) InsertRows(ctx context.Context, conn *sql.Conn, _ dialects.Querier, t dialects.LoadTable, src dialects.RowSource) (int64, error) {
	cols := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		cols[i] = d.Quote(c.Name)
	}
	stmt := "INSERT INTO " + d.Quote(t.Schema) + "." + d.Quote(t.Table) + " (" + strings.Join(cols, ", ") + ")"
	var total int64
	for {
		n, more, err := d.block(ctx, conn, stmt, src)
		total += n
		if err != nil || !more {
			return total, err
		}
	}
}

func (d Dialect) block(ctx context.Context, conn *sql.Conn, stmt string, src dialects.RowSource) (int64, bool, error) {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return 0, false, err
	}
	defer tx.Rollback()
	ps, err := tx.PrepareContext(ctx, stmt)
	if err != nil {
		return 0, false, err
	}
	defer ps.Close()
	var n int64
	args := []any{}
	for n < batchRows {
		if !src.Next() {
			if err := src.Err(); err != nil {
				return 0, false, err
			}
			if n == 0 {
				return 0, false, nil
			}
			return n, false, tx.Commit()
		}
		vals, err := src.Values()
		if err != nil {
			return 0, false, err
		}
		args = args[:0]
		for _, v := range vals {
			if x, ok := v.(dialects.Decimal); ok {
				dv, err := decimal.NewFromString(string(x))
				if err != nil {
					return 0, false, fmt.Errorf("decimal %q: %w", string(x), err)
				}
				v = dv
			}
			args = append(args, v)
		}
		if _, err := ps.ExecContext(ctx, args...); err != nil {
			return 0, false, err
		}
		n++
	}
	return n, true, tx.Commit()
}
