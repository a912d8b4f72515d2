package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/migrate"
)

// Opening a DuckDB file creates it. A command that only reads (query,
// cookbook run, migrate status and version, run and test before anything
// was migrated) must not leave an empty database behind a typo in a path:
// it checks first.

// errNotMigrated is the one line a read on a missing database gets.
func (e *env) errNotMigrated() error {
	return fmt.Errorf("%s does not exist yet: run `mtx migrate up` first (it creates it)", where(e))
}

// databaseMissing reports whether the target's database is a file that
// does not exist yet (dialects.ReadOnlyOpener). Engines with servers
// always answer false.
func (e *env) databaseMissing() (bool, error) {
	ro, ok := e.Dialect.(dialects.ReadOnlyOpener)
	if !ok || e.DSN == "" {
		return false, nil
	}
	db, err := ro.OpenReadOnly(e.DSN)
	if errors.Is(err, dialects.ErrNoDatabase) {
		return true, nil
	}
	if err == nil {
		db.Close()
	}
	// Any other trouble is connect's to report, with its context.
	return false, nil
}

// requireDatabase fails, creating nothing, when the database file is missing.
func (e *env) requireDatabase() error {
	missing, err := e.databaseMissing()
	if err != nil {
		return err
	}
	if missing {
		return e.errNotMigrated()
	}
	return nil
}

// requireMigrated fails with one line when the schema holds no export
// table (mtx run or test before mtx migrate up), instead of the engine's
// error on the first model.
func (e *env) requireMigrated(ctx context.Context, db *sql.DB) error {
	have, err := migrate.Introspect(ctx, e.Dialect, db, e.Options.Schema)
	if err != nil {
		return err
	}
	for t := range have {
		if _, ok := e.history.Current().Table(t); ok {
			return nil
		}
	}
	return fmt.Errorf("schema %s has no export tables on %s: run `mtx migrate up` first", e.Options.Schema, where(e))
}
