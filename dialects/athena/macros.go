package athena

import (
	"fmt"
	"time"

	"github.com/mtxhq/mtx/dialects"
)

// Macros are Athena's (Trino's) spellings of the neutral SQL macros.
type Macros struct{ dialects.CommonMacros }

var _ dialects.SQLMacros = Macros{}

// Macros returns Athena's SQL macros.
func (Dialect) Macros() dialects.SQLMacros { return Macros{} }

// DateTrunc: date_trunc on a timestamp with time zone follows the value's
// zone, so the value is moved to UTC first. The result keeps its zone (UTC):
// trino-go-client reads a naive timestamp in the session's zone, which
// would move every bucket by the session's offset.
func (Macros) DateTrunc(u dialects.Unit, expr string) string {
	return fmt.Sprintf("date_trunc('%s', (%s) AT TIME ZONE 'UTC')", u, expr)
}

// AddInterval: date_add on a UTC value; days are added as hours so that no
// zone's daylight saving time can enter.
func (Macros) AddInterval(expr string, n int, u dialects.Unit) string {
	n, u, _ = dialects.ExactHours(n, u)
	return fmt.Sprintf("date_add('%s', %d, %s)", u, n, expr)
}

func (Macros) Now() string { return "current_timestamp" }

func (Macros) TimestampLiteral(t time.Time) string {
	return "TIMESTAMP '" + dialects.UTCText(t) + " UTC'"
}

// StringLiteral: a backslash is an ordinary character in Trino's strings;
// only the quote is doubled.
func (Macros) StringLiteral(s string) string { return dialects.StringLiteral(s) }

// JSONText: JSON is kept as varchar; json_extract_scalar parses it and
// gives NULL for a missing key.
func (Macros) JSONText(expr, key string) string {
	return fmt.Sprintf("json_extract_scalar(%s, '$.%s')", expr, key)
}
func (Macros) CastDecimal(expr string, p, s int) string {
	return fmt.Sprintf("CAST(%s AS decimal(%d, %d))", expr, p, s)
}
func (Macros) CastString(expr string) string { return "CAST(" + expr + " AS varchar)" }

// UseSchema: none; the HTTP protocol has no session for USE to outlive its
// request, so the schema goes in the DSN instead (WithDefaultSchema).
func (Macros) UseSchema(string) (string, bool) { return "", false }
