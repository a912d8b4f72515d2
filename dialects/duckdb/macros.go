package duckdb

import (
	"fmt"
	"time"

	"github.com/mtxhq/mtx/dialects"
)

// Macros are DuckDB's spellings of the neutral SQL macros.
type Macros struct{ dialects.CommonMacros }

var _ dialects.SQLMacros = Macros{}

// Macros returns DuckDB's SQL macros.
func (Dialect) Macros() dialects.SQLMacros { return Macros{} }

// DateTrunc converts to naive UTC first: date_trunc on a TIMESTAMPTZ
// follows the session's TimeZone, which defaults to the machine's zone.
func (Macros) DateTrunc(u dialects.Unit, expr string) string {
	return fmt.Sprintf("date_trunc('%s', (%s) AT TIME ZONE 'UTC')", u, expr)
}

// AddInterval: calendar units on TIMESTAMPTZ follow the session zone, so
// days are added as hours.
func (Macros) AddInterval(expr string, n int, u dialects.Unit) string {
	n, u, _ = dialects.ExactHours(n, u)
	return fmt.Sprintf("((%s) + INTERVAL '%d %s')", expr, n, u)
}

func (Macros) Now() string { return "current_timestamp" }
func (Macros) TimestampLiteral(t time.Time) string {
	return "TIMESTAMPTZ '" + dialects.UTCText(t) + "+00'"
}
func (Macros) StringLiteral(s string) string { return dialects.StringLiteral(s) }
func (Macros) JSONText(expr, key string) string {
	return fmt.Sprintf("json_extract_string(%s, '$.%s')", expr, key)
}
func (Macros) CastDecimal(expr string, p, s int) string {
	return fmt.Sprintf("CAST(%s AS DECIMAL(%d,%d))", expr, p, s)
}
func (Macros) CastString(expr string) string { return "CAST(" + expr + " AS VARCHAR)" }
func (Macros) UseSchema(schema string) (string, bool) {
	return "USE " + Dialect{}.Quote(schema), true
}
