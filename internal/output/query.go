package output

import (
	"context"
	"database/sql"
	"fmt"
)

// Query runs one query on a single connection, after useSchema (the
// dialect's statement making the project's schema the default; "" for
// none), so unqualified names resolve to the project's tables. A pooled
// *sql.DB could run the two on different connections, hence the pin.
func Query(ctx context.Context, db *sql.DB, useSchema, query string) (*Result, error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	if useSchema != "" {
		if _, err := conn.ExecContext(ctx, useSchema); err != nil {
			return nil, fmt.Errorf("setting the default schema (%s): %w; does the schema exist? (mtx migrate up creates it)", useSchema, err)
		}
	}
	rows, err := conn.QueryContext(ctx, query)
	if err != nil {
		return nil, fmt.Errorf("query failed: %w", err)
	}
	defer rows.Close()
	res, err := Read(rows)
	if err != nil {
		return nil, fmt.Errorf("query failed while reading rows: %w", err)
	}
	return res, nil
}
