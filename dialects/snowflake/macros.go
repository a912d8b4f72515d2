package snowflake

import (
	"fmt"
	"strings"
	"time"

	"github.com/mtxhq/mtx/dialects"
)

// Macros are Snowflake's spellings of the neutral SQL macros.
type Macros struct{ dialects.CommonMacros }

var _ dialects.SQLMacros = Macros{}

// Macros returns Snowflake's SQL macros.
func (Dialect) Macros() dialects.SQLMacros { return Macros{} }

// DateTrunc: a TIMESTAMP_TZ keeps the offset it was written with, and
// DATE_TRUNC truncates in that offset; converting to UTC first and
// dropping the zone gives the UTC bucket.
func (Macros) DateTrunc(u dialects.Unit, expr string) string {
	return fmt.Sprintf("DATE_TRUNC('%s', CONVERT_TIMEZONE('UTC', %s)::TIMESTAMP_NTZ)", strings.ToUpper(string(u)), expr)
}

func (Macros) AddInterval(expr string, n int, u dialects.Unit) string {
	n, u, _ = dialects.ExactHours(n, u)
	return fmt.Sprintf("DATEADD(%s, %d, %s)", strings.ToUpper(string(u)), n, expr)
}

func (Macros) Now() string { return "CURRENT_TIMESTAMP()" }
func (Macros) TimestampLiteral(t time.Time) string {
	return "'" + dialects.UTCText(t) + " +00:00'::TIMESTAMP_TZ"
}

// StringLiteral escapes backslashes too: Snowflake reads escape sequences
// inside single-quoted literals.
func (Macros) StringLiteral(s string) string { return dialects.EscapeBackslashLiteral(s) }

// JSONText: JSON_EXTRACT_PATH_TEXT takes a VARIANT or JSON text alike and
// returns the value as text (a string without its JSON quotes), NULL when
// the key is absent. GET(expr, key) would need a VARIANT: on text it finds
// nothing.
func (Macros) JSONText(expr, key string) string {
	return fmt.Sprintf("JSON_EXTRACT_PATH_TEXT(%s, '%s')", expr, key)
}
func (Macros) CastDecimal(expr string, p, s int) string {
	return fmt.Sprintf("CAST(%s AS NUMBER(%d,%d))", expr, p, s)
}
func (Macros) CastString(expr string) string { return "CAST(" + expr + " AS VARCHAR)" }
func (Macros) UseSchema(schema string) (string, bool) {
	return "USE SCHEMA " + Dialect{}.Quote(schema), true
}
