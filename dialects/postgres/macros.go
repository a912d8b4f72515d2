package postgres

import (
	"fmt"
	"time"

	"github.com/mtxhq/mtx/dialects"
)

// Macros are PostgreSQL's spellings of the neutral SQL macros.
type Macros struct{ dialects.CommonMacros }

var _ dialects.SQLMacros = Macros{}

// Macros returns PostgreSQL's SQL macros.
func (Dialect) Macros() dialects.SQLMacros { return Macros{} }

// DateTrunc: date_trunc on TIMESTAMPTZ follows the session TimeZone;
// AT TIME ZONE 'UTC' makes it a naive UTC timestamp first.
func (Macros) DateTrunc(u dialects.Unit, expr string) string {
	return fmt.Sprintf("date_trunc('%s', (%s) AT TIME ZONE 'UTC')", u, expr)
}

// AddInterval: '1 day' on TIMESTAMPTZ follows the session zone's DST, so
// days are added as hours.
func (Macros) AddInterval(expr string, n int, u dialects.Unit) string {
	n, u, _ = dialects.ExactHours(n, u)
	return fmt.Sprintf("((%s) + INTERVAL '%d %s')", expr, n, u)
}

func (Macros) Now() string { return "now()" }
func (Macros) TimestampLiteral(t time.Time) string {
	return "TIMESTAMPTZ '" + dialects.UTCText(t) + "+00'"
}

// StringLiteral: standard_conforming_strings (on since 9.1) makes a
// backslash an ordinary character; only the quote is doubled.
func (Macros) StringLiteral(s string) string { return dialects.StringLiteral(s) }

// JSONText casts to JSONB first, so the macro works on JSON, JSONB and text.
func (Macros) JSONText(expr, key string) string {
	return fmt.Sprintf("(CAST(%s AS JSONB) ->> '%s')", expr, key)
}
func (Macros) CastDecimal(expr string, p, s int) string {
	return fmt.Sprintf("CAST(%s AS NUMERIC(%d,%d))", expr, p, s)
}
func (Macros) CastString(expr string) string { return "CAST(" + expr + " AS TEXT)" }

// UseSchema keeps public after the project's schema, where extensions'
// functions usually live.
func (Macros) UseSchema(schema string) (string, bool) {
	return "SET search_path TO " + Dialect{}.Quote(schema) + ", public", true
}
