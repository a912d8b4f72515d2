package dialects

import (
	"fmt"
	"strconv"
	"strings"
)

// TypeClass is the kind of value a physical column holds, as far as
// checking a schema against the catalog goes.
type TypeClass string

// The classes. Engines' type names map onto these in each adapter.
const (
	ClassText      TypeClass = "text"
	ClassDecimal   TypeClass = "decimal"
	ClassInteger   TypeClass = "integer"
	ClassFloat     TypeClass = "float"
	ClassBoolean   TypeClass = "boolean"
	ClassTimestamp TypeClass = "timestamp"
	ClassDate      TypeClass = "date"
	ClassJSON      TypeClass = "json"
	ClassOther     TypeClass = "other"
)

// PhysicalType says what a physical column type can hold.
type PhysicalType struct {
	Class TypeClass
	// Precision and Scale size a decimal. Precision 0 is an unconstrained
	// decimal (PostgreSQL's bare numeric holds any value exactly).
	Precision, Scale int
	// Length caps a text column, in the engine's unit (characters, or bytes
	// on BigQuery and Redshift); 0 is unbounded (or the engine's maximum).
	Length int
	// NoTimeZone marks a timestamp stored as wall-clock time with neither a
	// zone nor an offset (TIMESTAMP WITHOUT TIME ZONE, TIMESTAMP_NTZ,
	// DATETIME): right only when whoever wrote it wrote UTC.
	NoTimeZone bool
}

// TypeDescriber is part of the required contract (Dialect): it reads a physical type
// as its ColumnsQuery reports it (and as its ColumnType renders it), so
// that a neutral check can tell a lossy decimal or a capped string without
// knowing any engine's type names.
type TypeDescriber interface {
	DescribeType(physical string) PhysicalType
}

// TypeName is a physical type split the way every engine spells one:
// a name, optional arguments in parentheses, and words after them —
// "character varying(256)", "Decimal(38, 9)", "timestamp(3) with time zone",
// "Nullable(DateTime64(6, 'UTC'))", "bigint(20) unsigned".
type TypeName struct {
	// Name is upper case, inner spaces collapsed: "CHARACTER VARYING".
	Name string
	// Args are the top-level arguments, trimmed: nested types ("Decimal(38, 9)")
	// and quoted strings ("'UTC'") are kept whole.
	Args []string
	// Suffix is what follows the closing parenthesis, upper case and
	// collapsed: "WITH TIME ZONE", "UNSIGNED".
	Suffix string
}

// ParseType splits a physical type into its name, arguments and suffix. It
// never fails: text it cannot split becomes the name.
func ParseType(s string) TypeName {
	s = strings.TrimSpace(s)
	open := strings.IndexByte(s, '(')
	if open < 0 {
		return TypeName{Name: collapse(s)}
	}
	depth, quote, end := 0, byte(0), -1
	var args []string
	start := open + 1
	for i := open; i < len(s) && end < 0; i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '(':
			depth++
		case c == ')':
			depth--
			if depth == 0 {
				args = append(args, strings.TrimSpace(s[start:i]))
				end = i
			}
		case c == ',' && depth == 1:
			args = append(args, strings.TrimSpace(s[start:i]))
			start = i + 1
		}
	}
	if end < 0 { // unbalanced: keep it whole
		return TypeName{Name: collapse(s)}
	}
	if len(args) == 1 && args[0] == "" {
		args = nil
	}
	return TypeName{Name: collapse(s[:open]), Args: args, Suffix: collapse(s[end+1:])}
}

func collapse(s string) string { return strings.ToUpper(strings.Join(strings.Fields(s), " ")) }

// Int returns argument i as an integer, or 0 when it is absent or not one.
func (t TypeName) Int(i int) int {
	if i >= len(t.Args) {
		return 0
	}
	n, err := strconv.Atoi(t.Args[i])
	if err != nil {
		return 0
	}
	return n
}

// Decimal describes a decimal type from its (precision, scale) arguments,
// with the engine's defaults where they are left out.
func (t TypeName) Decimal(defaultPrecision, defaultScale int) PhysicalType {
	p := PhysicalType{Class: ClassDecimal, Precision: defaultPrecision, Scale: defaultScale}
	if len(t.Args) > 0 {
		p.Precision, p.Scale = t.Int(0), 0
	}
	if len(t.Args) > 1 {
		p.Scale = t.Int(1)
	}
	return p
}

// Text describes a string type capped at its first argument (0: none);
// lengths of at least unbounded count as no cap, the engine's maximum.
func (t TypeName) Text(unbounded int) PhysicalType {
	n := t.Int(0)
	if unbounded > 0 && n >= unbounded {
		n = 0
	}
	return PhysicalType{Class: ClassText, Length: n}
}

// String renders the type in a short, engine-neutral way for messages.
func (p PhysicalType) String() string {
	switch p.Class {
	case ClassDecimal:
		if p.Precision == 0 {
			return "decimal (unconstrained)"
		}
		return fmt.Sprintf("decimal(%d,%d)", p.Precision, p.Scale)
	case ClassText:
		if p.Length > 0 {
			return fmt.Sprintf("text(%d)", p.Length)
		}
	case ClassTimestamp:
		if p.NoTimeZone {
			return "timestamp without time zone"
		}
	}
	return string(p.Class)
}
