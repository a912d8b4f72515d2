package sqlcheck

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"sync"
)

// errRecorded ends every statement sent to a Recorder: nothing runs.
var errRecorded = errors.New("sqlcheck: recorded, not executed")

// Recorder is a *sql.DB that runs nothing and remembers the SQL text sent to
// it, to collect the statements a library builds internally (goose's
// version-table queries) so they can be parse-validated. It is a capture of
// text, not a stand-in engine: every call fails.
type Recorder struct {
	DB *sql.DB

	mu  sync.Mutex
	sql []string
}

// NewRecorder returns a recorder; Close its DB when done.
func NewRecorder() *Recorder {
	r := &Recorder{}
	r.DB = sql.OpenDB(connector{r})
	return r
}

// Statements returns the recorded SQL in the order it was sent.
func (r *Recorder) Statements() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.sql...)
}

type connector struct{ r *Recorder }

func (c connector) Connect(context.Context) (driver.Conn, error) { return conn(c), nil }
func (c connector) Driver() driver.Driver                        { return nil }

type conn struct{ r *Recorder }

// Prepare is where database/sql sends every statement of a driver that has
// no Exec or Query of its own.
func (c conn) Prepare(query string) (driver.Stmt, error) {
	c.r.mu.Lock()
	c.r.sql = append(c.r.sql, query)
	c.r.mu.Unlock()
	return nil, errRecorded
}
func (c conn) Close() error              { return nil }
func (c conn) Begin() (driver.Tx, error) { return tx{}, nil }

type tx struct{}

func (tx) Commit() error   { return nil }
func (tx) Rollback() error { return nil }
