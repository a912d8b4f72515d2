package clickhouse

import (
	"fmt"
	"time"

	"github.com/mtxhq/mtx/dialects"
)

// Macros are ClickHouse's spellings of the neutral SQL macros.
type Macros struct{ dialects.CommonMacros }

var _ dialects.SQLMacros = Macros{}

// Macros returns ClickHouse's SQL macros.
func (Dialect) Macros() dialects.SQLMacros { return Macros{} }

// DateTrunc: the toStartOf* functions take the zone as an argument; the
// result is a DateTime in UTC for every unit (months and years would be a
// Date otherwise).
func (Macros) DateTrunc(u dialects.Unit, expr string) string {
	fn := map[dialects.Unit]string{
		dialects.Minute: "toStartOfMinute", dialects.Hour: "toStartOfHour", dialects.Day: "toStartOfDay",
		dialects.Month: "toStartOfMonth", dialects.Year: "toStartOfYear",
	}[u]
	return fmt.Sprintf("toDateTime(%s(%s, 'UTC'), 'UTC')", fn, expr)
}

func (Macros) AddInterval(expr string, n int, u dialects.Unit) string {
	n, u, _ = dialects.ExactHours(n, u)
	fn := map[dialects.Unit]string{dialects.Minute: "toIntervalMinute", dialects.Hour: "toIntervalHour", dialects.Month: "toIntervalMonth", dialects.Year: "toIntervalYear"}[u]
	return fmt.Sprintf("(%s + %s(%d))", expr, fn, n)
}

func (Macros) Now() string { return "now64(6, 'UTC')" }
func (Macros) TimestampLiteral(t time.Time) string {
	return "toDateTime64('" + dialects.UTCText(t) + "', 6, 'UTC')"
}

// StringLiteral escapes backslashes too: ClickHouse reads escape sequences.
func (Macros) StringLiteral(s string) string { return dialects.EscapeBackslashLiteral(s) }
func (Macros) BoolLiteral(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// JSONText: JSON is kept verbatim in a String; a missing key gives NULL
// rather than JSONExtractString's empty string, as on other engines.
func (Macros) JSONText(expr, key string) string {
	return fmt.Sprintf("if(JSONHas(%s, '%s'), JSONExtractString(%s, '%s'), NULL)", expr, key, expr, key)
}
func (Macros) CastDecimal(expr string, p, s int) string {
	return fmt.Sprintf("CAST(%s AS Decimal(%d, %d))", expr, p, s)
}
func (Macros) CastString(expr string) string { return "toString(" + expr + ")" }

// UseSchema is "": `USE` lasts one request over the HTTP interface (it has
// no session), so the database goes in the DSN instead (WithDefaultSchema).
func (Macros) UseSchema(string) (string, bool) { return "", false }
