package migrate

import (
	"context"
	"database/sql"
	"io"
	"time"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/ddl"
	"github.com/mtxhq/mtx/internal/lock"
)

// LockTable is the lock table of engines without advisory locks, created in
// the export schema while a migration runs and dropped after it.
const LockTable = "mtx_migration_lock"

// lockKey names the advisory lock of a schema.
func lockKey(schema string) string { return "mtx migrate " + schema }

// mutex is the dialect's way to lock schema; nil when none is needed
// (an embedded engine's open file is the lock).
func mutex(d dialects.Dialect, db *sql.DB, schema, createSchema string) lock.Mutex {
	switch l := d.(type) {
	case dialects.NamedLocker:
		return lock.NewAdvisory(db, nil, l.NamedLock(lockKey(schema)))
	case dialects.LockTabler:
		name := d.Quote(schema) + "." + d.Quote(LockTable)
		return &lock.Table{DB: db, Prepare: createSchema, Create: l.LockTableDDL(name), Name: name, Quote: d.Quote, Dialect: d}
	}
	return nil
}

// Lock takes the migration lock of o.Schema before anything else touches
// it — even creating the schema races on some engines — waiting at most
// timeout for another run to finish; log hears that it waits. versions are
// the rendered versions (the first creates the schema, where lock tables
// live). Call unlock when done.
func Lock(ctx context.Context, d dialects.Dialect, db *sql.DB, o dialects.Options, versions []ddl.Version, what string, timeout time.Duration, log io.Writer) (unlock func() error, err error) {
	create := ""
	if len(versions) > 0 && len(versions[0].Up) > 0 && versions[0].Up[0].Op == ddl.CreateSchema {
		create = versions[0].Up[0].SQL
	}
	m := mutex(d, db, o.Schema, create)
	if m == nil {
		return func() error { return nil }, nil
	}
	return lock.Hold(ctx, lock.Migration, m, what, timeout, log)
}

// LockStatements are the statements the migration lock sends on a dialect,
// so tests can parse-validate them where no engine runs.
func LockStatements(d dialects.Dialect, schema string) []string {
	switch m := mutex(d, nil, schema, "").(type) {
	case *lock.Advisory:
		return []string{m.Try, m.Release, m.Holder}
	case *lock.Table:
		return m.Statements()
	}
	return nil
}
