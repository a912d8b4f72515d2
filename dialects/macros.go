package dialects

import (
	"fmt"
	"strings"
	"time"
)

// SQLMacros are the few expressions that every engine spells differently,
// so that a dialect-neutral query (a cookbook entry, a model) can say "the
// UTC month of this timestamp" once and run everywhere. Each engine
// implements them in dialects/<engine>/macros.go. Arguments named expr are
// SQL expressions, pasted as they are; every other argument is checked by
// the caller (units, keys) or is a Go value the macro renders safely.
type SQLMacros interface {
	// DateTrunc truncates a timestamp to the start of its UTC unit (one of
	// Units), whatever the session's or client's time zone. The result is a
	// timestamp (naive UTC on engines that have both kinds).
	DateTrunc(unit Unit, expr string) string
	// AddInterval adds n units (negative: subtracts) to a timestamp. Days
	// are exact 24-hour periods, so the result never depends on daylight
	// saving time.
	AddInterval(expr string, n int, unit Unit) string
	// Now is the current instant.
	Now() string
	// TimestampLiteral is the instant t as a literal comparable with the
	// engine's timestamp columns.
	TimestampLiteral(t time.Time) string
	// StringLiteral quotes s so that no value can end the literal, whatever
	// the engine's escaping rules (backslashes included).
	StringLiteral(s string) string
	// BoolLiteral is TRUE or FALSE as the engine writes them.
	BoolLiteral(b bool) string
	// JSONText extracts the text of the top-level key of a JSON column
	// (NULL when absent). key must be a plain identifier.
	JSONText(expr, key string) string
	// CastDecimal casts to an exact decimal of the given size.
	CastDecimal(expr string, precision, scale int) string
	// CastString casts to the engine's unbounded string type.
	CastString(expr string) string
	// Limit is the clause that keeps the first n rows, placed at the end of
	// a query.
	Limit(n int) string
	// UseSchema is the statement that makes schema the session's default,
	// so unqualified names in ad-hoc SQL resolve to the project's tables;
	// ok false when the engine takes the default schema from the
	// connection instead (DefaultSchemaDSNer).
	UseSchema(schema string) (stmt string, ok bool)
}

// Unit is a calendar unit for DateTrunc and AddInterval.
type Unit string

// The units every engine supports. Weeks are left out on purpose: engines
// disagree on the first day of the week.
const (
	Minute Unit = "minute"
	Hour   Unit = "hour"
	Day    Unit = "day"
	Month  Unit = "month"
	Year   Unit = "year"
)

// ParseUnit accepts a unit name in any case.
func ParseUnit(s string) (Unit, error) {
	switch u := Unit(strings.ToLower(s)); u {
	case Minute, Hour, Day, Month, Year:
		return u, nil
	}
	return "", fmt.Errorf("unknown time unit %q (known: minute, hour, day, month, year)", s)
}

// ExactHours converts n units of at most a day into minutes or hours, for
// engines whose interval arithmetic follows the session's calendar (a
// "day" across a DST change is 23 or 25 hours there). Months and years
// have no fixed length; they come back unchanged with ok false.
func ExactHours(n int, u Unit) (int, Unit, bool) {
	switch u {
	case Day:
		return n * 24, Hour, true
	case Hour, Minute:
		return n, u, true
	}
	return n, u, false
}

// EscapeBackslashLiteral quotes s for engines where a backslash escapes
// the next character inside a string literal (MySQL, ClickHouse, BigQuery,
// Snowflake, Redshift): both the backslash and the quote are escaped.
func EscapeBackslashLiteral(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `'`, `\'`)
	return "'" + r.Replace(s) + "'"
}

// UTCText formats t as 'YYYY-MM-DD HH:MM:SS.ffffff' in UTC, the text form
// every engine parses.
func UTCText(t time.Time) string { return t.UTC().Format("2006-01-02 15:04:05.999999") }

// CommonMacros are the SQLMacros most engines spell the standard way;
// a dialect's Macros embeds it and defines only what it spells otherwise.
type CommonMacros struct{}

// BoolLiteral is the standard TRUE or FALSE.
func (CommonMacros) BoolLiteral(b bool) string {
	if b {
		return "TRUE"
	}
	return "FALSE"
}

// Limit is the standard LIMIT clause.
func (CommonMacros) Limit(n int) string { return fmt.Sprintf("LIMIT %d", n) }
