package bigquery

import (
	"fmt"
	"strings"
	"time"

	"github.com/mtxhq/mtx/dialects"
)

// Macros are BigQuery's (GoogleSQL) spellings of the neutral SQL macros.
type Macros struct{ dialects.CommonMacros }

var _ dialects.SQLMacros = Macros{}

// Macros returns BigQuery's SQL macros.
func (Dialect) Macros() dialects.SQLMacros { return Macros{} }

// DateTrunc names the zone explicitly; TIMESTAMP_TRUNC would otherwise use
// the default zone of the query.
func (Macros) DateTrunc(u dialects.Unit, expr string) string {
	return fmt.Sprintf("TIMESTAMP_TRUNC(%s, %s, 'UTC')", expr, strings.ToUpper(string(u)))
}

// AddInterval: TIMESTAMP_ADD takes units up to DAY (a day is 24 hours on a
// TIMESTAMP).
func (Macros) AddInterval(expr string, n int, u dialects.Unit) string {
	n, u, _ = dialects.ExactHours(n, u)
	return fmt.Sprintf("TIMESTAMP_ADD(%s, INTERVAL %d %s)", expr, n, strings.ToUpper(string(u)))
}

func (Macros) Now() string { return "CURRENT_TIMESTAMP()" }
func (Macros) TimestampLiteral(t time.Time) string {
	return "TIMESTAMP '" + dialects.UTCText(t) + "+00'"
}

// StringLiteral escapes backslashes too: GoogleSQL reads escape sequences.
func (Macros) StringLiteral(s string) string { return dialects.EscapeBackslashLiteral(s) }
func (Macros) JSONText(expr, key string) string {
	return fmt.Sprintf("JSON_VALUE(%s, '$.%s')", expr, key)
}

// CastDecimal: NUMERIC is (38,9); wider sizes need BIGNUMERIC.
func (Macros) CastDecimal(expr string, p, s int) string {
	if p-s > 29 || s > 9 {
		return fmt.Sprintf("CAST(%s AS BIGNUMERIC(%d, %d))", expr, p, s)
	}
	return fmt.Sprintf("CAST(%s AS NUMERIC(%d, %d))", expr, p, s)
}
func (Macros) CastString(expr string) string { return "CAST(" + expr + " AS STRING)" }

// UseSchema: BigQuery has no session statement for it; the DSN's dataset
// parameter sets each query's default dataset instead (WithDefaultSchema).
func (Macros) UseSchema(string) (string, bool) { return "", false }
