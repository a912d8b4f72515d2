package databricks

import (
	"fmt"
	"strings"
	"time"

	"github.com/mtxhq/mtx/dialects"
)

// Macros are Databricks' (and Spark SQL's) spellings of the neutral SQL macros.
type Macros struct{ dialects.CommonMacros }

var _ dialects.SQLMacros = Macros{}

// Macros returns Databricks' SQL macros.
func (Dialect) Macros() dialects.SQLMacros { return Macros{} }

// DateTrunc buckets by UTC in any session time zone (mtx's sessions are
// in UTC, driver.go; a user's SET TIME ZONE may change that): date_trunc
// works on the session's wall clock, so the instant goes in shifted to
// where that wall clock reads its UTC time, and the bucket comes back
// shifted the other way (the identity in a UTC session).
func (Macros) DateTrunc(u dialects.Unit, expr string) string {
	return fmt.Sprintf("from_utc_timestamp(date_trunc('%s', to_utc_timestamp(%s, current_timezone())), current_timezone())", strings.ToUpper(string(u)), expr)
}

// AddInterval: timestampadd, in exact hours for days.
func (Macros) AddInterval(expr string, n int, u dialects.Unit) string {
	n, u, _ = dialects.ExactHours(n, u)
	return fmt.Sprintf("timestampadd(%s, %d, %s)", strings.ToUpper(string(u)), n, expr)
}

func (Macros) Now() string                         { return "current_timestamp()" }
func (Macros) TimestampLiteral(t time.Time) string { return timestampLiteral(t) }

// StringLiteral escapes backslashes too: Spark SQL reads escape sequences
// inside string literals.
func (Macros) StringLiteral(s string) string { return dialects.EscapeBackslashLiteral(s) }

// JSONText: get_json_object, which both Databricks and Spark have (the
// col:key path syntax is Databricks-only).
func (Macros) JSONText(expr, key string) string {
	return fmt.Sprintf("get_json_object(%s, '$.%s')", expr, key)
}
func (Macros) CastDecimal(expr string, p, s int) string {
	return fmt.Sprintf("CAST(%s AS DECIMAL(%d,%d))", expr, p, s)
}
func (Macros) CastString(expr string) string { return "CAST(" + expr + " AS STRING)" }
func (Macros) UseSchema(schema string) (string, bool) {
	return "USE " + Dialect{}.Quote(schema), true
}
