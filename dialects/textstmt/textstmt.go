// Package textstmt is the prepared statement of a database/sql driver
// whose engine has none (BigQuery; Databricks as mtx drives it): it keeps
// the statement's text and runs it on its connection each time.
package textstmt

import (
	"context"
	"database/sql/driver"
)

// Conn is the connection a Stmt runs on.
type Conn interface {
	driver.ExecerContext
	driver.QueryerContext
}

// Stmt is a "prepared" statement that only keeps its text.
type Stmt struct {
	Conn Conn
	Text string
}

var (
	_ driver.Stmt             = (*Stmt)(nil)
	_ driver.StmtExecContext  = (*Stmt)(nil)
	_ driver.StmtQueryContext = (*Stmt)(nil)
)

func (s *Stmt) Close() error  { return nil }
func (s *Stmt) NumInput() int { return -1 }

func (s *Stmt) Exec(args []driver.Value) (driver.Result, error) {
	return s.Conn.ExecContext(context.Background(), s.Text, named(args))
}

func (s *Stmt) Query(args []driver.Value) (driver.Rows, error) {
	return s.Conn.QueryContext(context.Background(), s.Text, named(args))
}

func (s *Stmt) ExecContext(ctx context.Context, args []driver.NamedValue) (driver.Result, error) {
	return s.Conn.ExecContext(ctx, s.Text, args)
}

func (s *Stmt) QueryContext(ctx context.Context, args []driver.NamedValue) (driver.Rows, error) {
	return s.Conn.QueryContext(ctx, s.Text, args)
}

// named numbers positional arguments from 1, as database/sql does.
func named(args []driver.Value) []driver.NamedValue {
	out := make([]driver.NamedValue, len(args))
	for i, a := range args {
		out[i] = driver.NamedValue{Ordinal: i + 1, Value: a}
	}
	return out
}
