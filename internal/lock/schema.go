package lock

import (
	"context"
	"database/sql"
	"io"
	"time"

	"github.com/mtxhq/mtx/dialects"
)

// Run is the lock `mtx run` takes on a schema: two refreshes of one
// incremental model at once would both insert the same winners.
var Run = Purpose{Lock: "run lock", Command: "mtx run"}

// Schema is a lock that keeps two commands of one kind apart on a schema.
type Schema struct {
	Purpose Purpose
	Dialect dialects.Dialect
	DB      *sql.DB
	Schema  string
	// Name is the engine's named lock (dialects.NamedLocker), held by the
	// connection given to Take; Table the lock table, in Schema, of
	// engines without one (dialects.LockTabler).
	Name, Table string
	// Timeout bounds the wait, on every engine (0: DefaultTimeout).
	Timeout time.Duration
	What    string    // the target in messages: "schema x on postgres"
	Log     io.Writer // hears once that the command waits; nil: silent
}

// Take acquires the lock: the engine's session lock where it has one, else
// the lock table, else nothing (an embedded engine's file admits one
// writing process). unlock releases it.
func (s Schema) Take(ctx context.Context, conn *sql.Conn) (unlock func() error, err error) {
	d := s.Dialect
	var m Mutex
	switch l := d.(type) {
	case dialects.NamedLocker:
		m = NewAdvisory(s.DB, conn, l.NamedLock(s.Name))
	case dialects.LockTabler:
		name := d.Quote(s.Schema) + "." + d.Quote(s.Table)
		m = &Table{DB: s.DB, Create: l.LockTableDDL(name), Name: name, Quote: d.Quote, Dialect: d}
	default:
		return func() error { return nil }, nil
	}
	timeout := s.Timeout
	if timeout == 0 {
		timeout = DefaultTimeout
	}
	what := s.What
	if what == "" {
		what = "schema " + s.Schema
	}
	return Hold(ctx, s.Purpose, m, what, timeout, s.Log)
}
