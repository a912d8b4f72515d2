package clickhouse

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/mtxhq/mtx/dialects"
	"github.com/shopspring/decimal"
)

// LoadTransactional: ClickHouse has no transactions. Rows carry
// _mtx_source_file; a file missing from the manifest is first deleted by
// source file (a lightweight DELETE), then inserted again.
func (Dialect) LoadTransactional() bool { return false }

// batchRows is how many rows go in one native insert block.
const batchRows = 50000

// InsertRows uses clickhouse-go's batch insert: under database/sql a
// transaction is a client-side block, sent in the native format on commit
// (plain Exec would bind time.Time as whole seconds). A block's rows are
// read and converted before the batch starts, so a bad value in the file
// fails the file without leaving a half-built batch on the connection.
func (d Dialect) InsertRows(ctx context.Context, conn *sql.Conn, _ dialects.Querier, t dialects.LoadTable, src dialects.RowSource) (int64, error) {
	cols := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		cols[i] = d.Quote(c.Name)
	}
	stmt := "INSERT INTO " + d.Quote(t.Schema) + "." + d.Quote(t.Table) + " (" + strings.Join(cols, ", ") + ")"
	var total int64
	block := make([][]any, 0, 1024)
	for {
		block = block[:0]
		for len(block) < batchRows && src.Next() {
			vals, err := src.Values()
			if err != nil {
				return total, err
			}
			row := make([]any, len(vals))
			for i, v := range vals {
				if x, ok := v.(dialects.Decimal); ok {
					dv, err := decimal.NewFromString(string(x))
					if err != nil {
						return total, fmt.Errorf("decimal %q: %w", string(x), err)
					}
					v = dv
				}
				row[i] = v
			}
			block = append(block, row)
		}
		if err := src.Err(); err != nil {
			return total, err
		}
		if len(block) == 0 {
			return total, nil
		}
		if err := d.send(ctx, conn, stmt, block); err != nil {
			return total, err
		}
		total += int64(len(block))
		if len(block) < batchRows {
			return total, nil
		}
	}
}

// send inserts one block as one batch.
func (d Dialect) send(ctx context.Context, conn *sql.Conn, stmt string, block [][]any) error {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	ps, err := tx.PrepareContext(ctx, stmt)
	if err != nil {
		return err
	}
	defer ps.Close()
	for _, row := range block {
		if _, err := ps.ExecContext(ctx, row...); err != nil {
			return err
		}
	}
	return tx.Commit()
}
