package postgres

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/mtxhq/mtx/dialects"
)

// LoadTransactional: rows and manifest entry commit together.
func (Dialect) LoadTransactional() bool { return true }

// InsertRows streams the rows with COPY FROM STDIN (binary), through pgx's
// own connection under database/sql. COPY runs on the connection holding
// the load's transaction, so it commits with the manifest entry.
func (Dialect) InsertRows(ctx context.Context, conn *sql.Conn, _ dialects.Querier, t dialects.LoadTable, src dialects.RowSource) (int64, error) {
	cols := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		cols[i] = c.Name
	}
	var n int64
	err := conn.Raw(func(dc any) error {
		c, ok := dc.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("internal error: %T is not a pgx connection", dc)
		}
		c.Conn().TypeMap().RegisterType(&pgtype.Type{Name: "numeric", OID: pgtype.NumericOID, Codec: fastNumeric{}})
		var err error
		n, err = c.Conn().CopyFrom(ctx, pgx.Identifier{t.Schema, t.Table}, cols, src)
		return err
	})
	return n, err
}

// Numeric converts an exact decimal for pgx, which encodes NUMERIC from
// pgtype.Numeric but not from text.
func Numeric(d dialects.Decimal) (pgtype.Numeric, error) {
	var num pgtype.Numeric
	if err := num.Scan(string(d)); err != nil {
		return num, fmt.Errorf("decimal %q: %w", string(d), err)
	}
	return num, nil
}
