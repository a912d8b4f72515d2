package duckdb

import (
	"strings"

	"github.com/mtxhq/mtx/dialects"
)

var _ dialects.FatalClassifier = Dialect{}

// Fatal: DuckDB invalidates the database after a fatal error (a write that
// failed for a full disk, a failed checkpoint): every later statement
// fails with "database has been invalidated". DuckDB's Go driver gives no
// error codes, so its message is what there is.
func (Dialect) Fatal(err error) bool {
	msg := err.Error()
	for _, s := range []string{"database has been invalidated", "FATAL Error", "No space left on device", "Out of Memory Error"} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}
