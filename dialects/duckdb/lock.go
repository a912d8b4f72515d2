package duckdb

import "strings"

// Busy: DuckDB lets one process at a time open a database file for writing;
// another gets "Could not set lock on file ... Conflicting lock is held".
func (Dialect) Busy(err error) bool {
	return err != nil && strings.Contains(err.Error(), "Could not set lock on file")
}
