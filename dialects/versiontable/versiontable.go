// Package versiontable is a goose Querier for engines goose has no dialect
// for (DuckDB, Snowflake, BigQuery): the version table and its five queries,
// parameterised by the engine's column types and bind-parameter style.
package versiontable

import (
	"fmt"

	"github.com/pressly/goose/v3/database/dialect"
)

// Querier implements goose's dialect.Querier.
type Querier struct {
	// BigInt, Bool and Timestamp are the engine's type names.
	BigInt, Bool, Timestamp string
	// Now is the engine's current-timestamp expression.
	Now string
	// Param returns the n-th (1-based) bind parameter.
	Param func(n int) string
}

var _ dialect.Querier = Querier{}

// Dollar is the $1, $2 bind style.
func Dollar(n int) string { return fmt.Sprintf("$%d", n) }

// Question is the ?, ? bind style.
func Question(int) string { return "?" }

// CreateTable creates the version table. There is no identity column on these
// engines, so the insertion time orders rows.
func (q Querier) CreateTable(table string) string {
	return fmt.Sprintf("CREATE TABLE %s (version_id %s NOT NULL, is_applied %s NOT NULL, tstamp %s NOT NULL)",
		table, q.BigInt, q.Bool, q.Timestamp)
}

// InsertVersion records a version.
func (q Querier) InsertVersion(table string) string {
	return fmt.Sprintf("INSERT INTO %s (version_id, is_applied, tstamp) VALUES (%s, %s, %s)", table, q.Param(1), q.Param(2), q.Now)
}

// DeleteVersion forgets a version.
func (q Querier) DeleteVersion(table string) string {
	return fmt.Sprintf("DELETE FROM %s WHERE version_id = %s", table, q.Param(1))
}

// GetMigrationByVersion returns one version's record.
func (q Querier) GetMigrationByVersion(table string) string {
	return fmt.Sprintf("SELECT tstamp, is_applied FROM %s WHERE version_id = %s ORDER BY tstamp DESC LIMIT 1", table, q.Param(1))
}

// ListMigrations lists versions, newest first.
func (q Querier) ListMigrations(table string) string {
	return fmt.Sprintf("SELECT version_id, is_applied FROM %s ORDER BY tstamp DESC, version_id DESC", table)
}

// GetLatestVersion returns the highest version.
func (q Querier) GetLatestVersion(table string) string {
	return fmt.Sprintf("SELECT MAX(version_id) FROM %s", table)
}
