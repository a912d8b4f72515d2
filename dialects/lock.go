package dialects

import (
	"database/sql"
	"errors"
)

// The ways an engine can keep two `mtx migrate` (or `mtx load`, or `mtx
// run`) on one schema apart. Every dialect implements exactly one (tests
// check it); internal/lock does the waiting, the same for all: it tries,
// says once that it waits, and gives up after --lock-timeout.

// NamedLocker is implemented by engines with session-scoped named locks
// (PostgreSQL, MySQL/MariaDB), released by the engine when a session dies.
type NamedLocker interface {
	// NamedLock returns the statements of the lock named name.
	NamedLock(name string) NamedLock
}

// NamedLock are the statements of one named lock, all run on the session
// that holds it.
type NamedLock struct {
	// Try takes the lock without waiting, answering true or 1 when it did
	// and false or 0 when another session holds it.
	Try string
	// Release frees it.
	Release string
	// Holder answers one string naming the session holding it ("" when
	// the engine cannot tell), for the waiting message.
	Holder string
}

// LockTabler is implemented by engines without advisory locks (ClickHouse,
// Snowflake, BigQuery, Redshift): a CREATE TABLE without IF NOT EXISTS is
// the mutex, since exactly one concurrent create succeeds.
type LockTabler interface {
	// LockTableDDL creates table (qualified and quoted) with a string column
	// "owner" and an integer column "beat", failing when it exists.
	LockTableDDL(table string) string
}

// SingleProcess is implemented by embedded engines whose database file one
// process at a time can open (DuckDB): opening it is taking the lock.
type SingleProcess interface {
	// Busy reports whether an error from opening or pinging means another
	// process has the database open.
	Busy(err error) bool
}

// ReadOnlyOpener is implemented by engines whose Open creates the database
// when it is missing (DuckDB's file). A command that must change nothing
// (mtx load --dry-run) opens through it instead.
type ReadOnlyOpener interface {
	// OpenReadOnly opens an existing database without writing to it; when
	// there is none yet it returns an error wrapping ErrNoDatabase.
	OpenReadOnly(dsn string) (*sql.DB, error)
}

// ErrNoDatabase says the database a ReadOnlyOpener was asked for does not
// exist yet.
var ErrNoDatabase = errors.New("the database does not exist yet")
