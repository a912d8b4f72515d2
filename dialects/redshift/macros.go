package redshift

import (
	"fmt"
	"strings"
	"time"

	"github.com/mtxhq/mtx/dialects"
)

// Macros are Redshift's spellings of the neutral SQL macros.
type Macros struct{ dialects.CommonMacros }

var _ dialects.SQLMacros = Macros{}

// Macros returns Redshift's SQL macros.
func (Dialect) Macros() dialects.SQLMacros { return Macros{} }

// DateTrunc: TIMESTAMPTZ AT TIME ZONE 'UTC' is the naive UTC timestamp,
// independent of the session's timezone setting.
func (Macros) DateTrunc(u dialects.Unit, expr string) string {
	return fmt.Sprintf("DATE_TRUNC('%s', (%s) AT TIME ZONE 'UTC')", u, expr)
}

func (Macros) AddInterval(expr string, n int, u dialects.Unit) string {
	n, u, _ = dialects.ExactHours(n, u)
	return fmt.Sprintf("DATEADD(%s, %d, %s)", u, n, expr)
}

// Now: GETDATE() is the current UTC time (without zone).
func (Macros) Now() string { return "GETDATE()" }
func (Macros) TimestampLiteral(t time.Time) string {
	return "CAST('" + dialects.UTCText(t) + "+00' AS TIMESTAMPTZ)"
}

// StringLiteral doubles quotes and backslashes: Redshift reads a backslash
// as an escape inside a literal.
func (Macros) StringLiteral(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `''`).Replace(s) + "'"
}

// JSONText navigates the SUPER value and casts the scalar to text.
func (Macros) JSONText(expr, key string) string {
	return fmt.Sprintf("JSON_EXTRACT_PATH_TEXT(JSON_SERIALIZE(%s), '%s')", expr, key)
}
func (Macros) CastDecimal(expr string, p, s int) string {
	return fmt.Sprintf("CAST(%s AS DECIMAL(%d,%d))", expr, p, s)
}
func (Macros) CastString(expr string) string { return "CAST(" + expr + " AS VARCHAR(65535))" }

// UseSchema keeps public after the project's schema, where extensions'
// functions usually live.
func (Macros) UseSchema(schema string) (string, bool) {
	return "SET search_path TO " + Dialect{}.Quote(schema) + ", public", true
}
