package main

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"time"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/ddl"
	"github.com/mtxhq/mtx/internal/lock"
	"github.com/mtxhq/mtx/internal/migrate"
)

// writes are the migrate actions that change the schema, and so queue
// behind another run on the same schema.
var writes = map[string]bool{"up": true, "up-to": true, "down": true, "down-to": true, "redo": true, "reset": true}

// connectLocked connects and, for actions that change the schema, takes the
// migration lock, waiting at most timeout for another run; release undoes
// both. An embedded engine whose file admits one process is waited for at
// the connection itself.
func (e *env) connectLocked(ctx context.Context, action string, versions []ddl.Version, timeout time.Duration, log io.Writer) (db *sql.DB, release func(), err error) {
	what := fmt.Sprintf("schema %s on %s", e.Options.Schema, where(e))
	if sp, ok := e.Dialect.(dialects.SingleProcess); ok {
		db, err = lock.WaitOpen(ctx, func() (*sql.DB, error) { return e.connect(ctx) }, sp.Busy, what, timeout, log)
	} else {
		db, err = e.connect(ctx)
	}
	if err != nil {
		return nil, nil, err
	}
	if !writes[action] {
		return db, func() { db.Close() }, nil
	}
	unlock, err := migrate.Lock(ctx, e.Dialect, db, e.Options, versions, what, timeout, log)
	if err != nil {
		db.Close()
		return nil, nil, err
	}
	return db, func() {
		if err := unlock(); err != nil {
			fmt.Fprintf(log, "mtx: releasing the migration lock on %s: %v\n", what, err)
		}
		db.Close()
	}, nil
}

// lockWait checks --lock-timeout: negative is an error; 0 means try once
// and do not wait (the lock packages read a zero as their default).
func lockWait(d time.Duration) (time.Duration, error) {
	switch {
	case d < 0:
		return 0, fmt.Errorf("--lock-timeout %s is negative: give how long to wait for the lock (0: do not wait)", d)
	case d == 0:
		return time.Nanosecond, nil
	}
	return d, nil
}
