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
	return QueryAll(ctx, db, useSchema, []string{query})
}

// QueryAll runs statements in order on one session and returns the last
// one's rows (mtx query --allow-multiple).
func QueryAll(ctx context.Context, db *sql.DB, useSchema string, statements []string) (*Result, error) {
	return QuerySession(ctx, db, useSchema, nil, statements)
}

// QuerySession is QueryAll on a session first tuned by settings (the
// dialect's ReadSession statements), run after useSchema.
func QuerySession(ctx context.Context, db *sql.DB, useSchema string, settings, statements []string) (*Result, error) {
	if len(statements) == 0 {
		return nil, fmt.Errorf("no SQL statement to run")
	}
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
	for _, s := range settings {
		if _, err := conn.ExecContext(ctx, s); err != nil {
			return nil, fmt.Errorf("preparing the session (%s): %w", s, err)
		}
	}
	last := len(statements) - 1
	for i, s := range statements[:last] {
		if _, err := conn.ExecContext(ctx, s); err != nil {
			return nil, fmt.Errorf("statement %d of %d failed: %w", i+1, len(statements), err)
		}
	}
	rows, err := conn.QueryContext(ctx, statements[last])
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
