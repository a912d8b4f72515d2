package mysql

import (
	"fmt"
	"time"

	"github.com/mtxhq/mtx/dialects"
)

// Macros are MySQL's (and MariaDB's) spellings of the neutral SQL macros.
type Macros struct{ dialects.CommonMacros }

var _ dialects.SQLMacros = Macros{}

// Macros returns MySQL's SQL macros.
func (Dialect) Macros() dialects.SQLMacros { return Macros{} }

// DateTrunc: instants are DATETIME(6) holding UTC, so truncating the text
// form is the UTC bucket whatever the session's time_zone.
func (Macros) DateTrunc(u dialects.Unit, expr string) string {
	format := map[dialects.Unit]string{
		dialects.Minute: "%Y-%m-%d %H:%i:00",
		dialects.Hour:   "%Y-%m-%d %H:00:00",
		dialects.Day:    "%Y-%m-%d 00:00:00",
		dialects.Month:  "%Y-%m-01 00:00:00",
		dialects.Year:   "%Y-01-01 00:00:00",
	}[u]
	return fmt.Sprintf("CAST(DATE_FORMAT(%s, '%s') AS DATETIME(6))", expr, format)
}

func (Macros) AddInterval(expr string, n int, u dialects.Unit) string {
	return fmt.Sprintf("DATE_ADD(%s, INTERVAL %d %s)", expr, n, map[dialects.Unit]string{
		dialects.Minute: "MINUTE", dialects.Hour: "HOUR", dialects.Day: "DAY", dialects.Month: "MONTH", dialects.Year: "YEAR",
	}[u])
}

// Now is UTC_TIMESTAMP: DATETIME columns hold UTC, and NOW() would be the
// session zone's wall clock.
func (Macros) Now() string { return "UTC_TIMESTAMP(6)" }

// TimestampLiteral is a DATETIME literal in UTC, the zone the columns hold.
func (Macros) TimestampLiteral(t time.Time) string {
	return "CAST('" + dialects.UTCText(t) + "' AS DATETIME(6))"
}

// StringLiteral escapes backslashes too: MySQL treats them as escapes
// unless NO_BACKSLASH_ESCAPES is set.
func (Macros) StringLiteral(s string) string { return dialects.EscapeBackslashLiteral(s) }
func (Macros) JSONText(expr, key string) string {
	return fmt.Sprintf("JSON_UNQUOTE(JSON_EXTRACT(%s, '$.%s'))", expr, key)
}
func (Macros) CastDecimal(expr string, p, s int) string {
	return fmt.Sprintf("CAST(%s AS DECIMAL(%d,%d))", expr, p, s)
}
func (Macros) CastString(expr string) string { return "CAST(" + expr + " AS CHAR)" }
func (Macros) UseSchema(schema string) (string, bool) {
	return "USE " + Dialect{}.Quote(schema), true
}
