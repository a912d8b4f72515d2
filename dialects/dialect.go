package dialects

import (
	"database/sql"
	"fmt"
	"io/fs"

	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/database/dialect"
)

// Dialect is one engine's adapter: the contract every engine fulfils in
// full, checked at compile time (dialects/all's registry and a
// `var _ dialects.Dialect` line in each engine's folder). What only some
// engines can do is an optional interface, listed in doc.go.
type Dialect interface {
	// Loader bulk-loads rows (dialects/<engine>/load.go).
	Loader
	// Modeler builds current-state models (dialects/<engine>/model.go).
	Modeler
	// TypeDescriber reads the engine's physical types (types.go).
	TypeDescriber
	// Macros are the engine's spellings of the cookbook's expressions
	// (macros.go).
	Macros() SQLMacros

	// Name is the name users type: --dialect NAME.
	Name() string
	// Quote quotes one identifier, always, so reserved words such as
	// "timestamp" or "type" are safe as column names.
	Quote(ident string) string
	// ColumnType maps a column of a table to this engine's physical type.
	ColumnType(t *catalog.Table, c catalog.Column, o Options) string
	// TransactionalDDL reports whether DDL runs inside a transaction that a
	// failure rolls back. Where it does not, mtx makes every statement
	// idempotent so a rerun finishes a half-applied version.
	TransactionalDDL() bool
	// Templates returns the dialect's template overrides, by file name
	// (create_table.sql.tmpl, ...); files it lacks use the defaults.
	Templates() fs.FS

	// ValidateDSN parses a DSN without connecting.
	ValidateDSN(dsn string) error
	// DSNSecrets are the secrets a DSN holds (passwords, tokens), as this
	// engine's own DSN parser reads them and as written, including from a
	// DSN it refuses: the CLI hides each of them in everything it prints.
	DSNSecrets(dsn string) []string
	// RedactDSN returns the DSN with its DSNSecrets replaced by xxxxx,
	// keeping the user and host: safe for output.
	RedactDSN(dsn string) string
	// Open connects (lazily, as database/sql does) and prepares the session
	// (UTC time zone and the like).
	Open(dsn string) (*sql.DB, error)

	// Goose says how goose keeps its version table on this engine: either one
	// of goose's own dialects, or goose.DialectCustom with a Querier.
	Goose() (goose.Dialect, dialect.Querier)
	// Limits are the engine's size limits that a project's settings must
	// fit, checked when a target is resolved.
	Limits() Limits

	// ColumnsQuery returns a query listing (table_name, column_name,
	// data_type) of every table and view in schema, for introspection:
	// names as the engine stores them, and the type with its size where it
	// has one ("numeric(18,0)", "varchar(256)"), which DescribeType reads.
	ColumnsQuery(schema string) string
}

// AsFoundQuoter is implemented by dialects whose Quote changes a name's
// case (Snowflake upper-cases): QuoteAsFound quotes a name exactly as
// introspection (ColumnsQuery, which reports names as stored) found it —
// tables another tool created, such as Metronome's sync service, may have
// names in either case.
type AsFoundQuoter interface {
	QuoteAsFound(ident string) string
}

// QuoteAsFound quotes a name found in the database so that it names that
// same object.
func QuoteAsFound(d Dialect, ident string) string {
	if q, ok := d.(AsFoundQuoter); ok {
		return q.QuoteAsFound(ident)
	}
	return d.Quote(ident)
}

// TemplateFuncer is implemented by dialects whose templates need functions
// of their own (ClickHouse's version expression, say).
type TemplateFuncer interface {
	TemplateFuncs(o Options) map[string]any
}

// Options are the user-configurable parts of the physical schema.
type Options struct {
	// Schema is the schema (BigQuery: dataset; MySQL, ClickHouse: database)
	// holding the export tables.
	Schema string
	// DecimalPrecision and DecimalScale size every decimal column. Bare
	// DECIMAL/NUMBER defaults round or truncate on several engines, so mtx
	// always spells both out.
	DecimalPrecision int
	DecimalScale     int
}

// Limits are an engine's limits on names and decimal sizes.
type Limits struct {
	// Identifier is the longest schema or table name in bytes (0: no
	// limit that matters).
	Identifier int
	// DecimalPrecision and DecimalScale bound decimal(p,s).
	DecimalPrecision, DecimalScale int
}

// DefaultOptions are the documented defaults: schema metronome, DECIMAL(38,9),
// which holds 29 integer and 9 fractional digits and is BigQuery's NUMERIC.
func DefaultOptions() Options {
	return Options{Schema: "metronome", DecimalPrecision: 38, DecimalScale: 9}
}

// IsKeyColumn reports whether c identifies rows or snapshots of t, for
// engines that can index only bounded strings.
func IsKeyColumn(t *catalog.Table, c catalog.Column) bool {
	if c.Name == t.Snapshot {
		return true
	}
	for _, k := range t.Key {
		if k == c.Name {
			return true
		}
	}
	return false
}

// QuoteWith doubles every quote character inside ident and wraps it: the
// standard way to quote an identifier on every engine mtx knows.
func QuoteWith(open, close string, ident string) string {
	out := make([]byte, 0, len(ident)+2)
	out = append(out, open...)
	for i := 0; i < len(ident); i++ {
		if string(ident[i]) == close {
			out = append(out, close...)
		}
		out = append(out, ident[i])
	}
	return string(append(out, close...))
}

// StringLiteral quotes s as a standard SQL string literal.
func StringLiteral(s string) string { return QuoteWith("'", "'", s) }

// InformationSchemaColumns is the standard introspection query, which most
// engines answer.
func InformationSchemaColumns(schema string) string {
	return "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = " +
		StringLiteral(schema) + " ORDER BY table_name, ordinal_position"
}

// InformationSchemaTypedColumns is the standard introspection query with
// each type's size spelled out from information_schema's precision, scale
// and length columns, for engines whose data_type is the bare name
// ("numeric", "character varying", Snowflake's "NUMBER"). schemaLiteral is
// the table_schema value as an SQL literal.
func InformationSchemaTypedColumns(schemaLiteral string) string {
	return "SELECT table_name, column_name, CASE" +
		" WHEN UPPER(data_type) IN ('NUMERIC', 'DECIMAL', 'NUMBER') AND numeric_precision IS NOT NULL" +
		" THEN data_type || '(' || CAST(numeric_precision AS VARCHAR(10)) || ',' || CAST(COALESCE(numeric_scale, 0) AS VARCHAR(10)) || ')'" +
		" WHEN character_maximum_length IS NOT NULL" +
		" THEN data_type || '(' || CAST(character_maximum_length AS VARCHAR(10)) || ')'" +
		" ELSE data_type END" +
		" FROM information_schema.columns WHERE table_schema = " + schemaLiteral +
		" ORDER BY table_name, ordinal_position"
}

// TypeMap is a dialect's physical type for each logical type: its type
// facts kept as data. The Decimal entry is a format taking precision and
// scale, e.g. "NUMERIC(%d,%d)".
type TypeMap map[catalog.LogicalType]string

// Of returns the physical type of a logical type.
func (m TypeMap) Of(t catalog.LogicalType, o Options) string {
	if t == catalog.Decimal {
		return fmt.Sprintf(m[t], o.DecimalPrecision, o.DecimalScale)
	}
	return m[t]
}

// TypedNuller is implemented by dialects whose CAST does not take every
// column type (MySQL casts only to CHAR, DECIMAL, DATETIME, SIGNED, …): a
// column a delivered table lacks reads as NULL of its catalog type.
type TypedNuller interface {
	TypedNull(t *catalog.Table, c catalog.Column, o Options) string
}

// TypedNull is NULL of column c's type on d.
func TypedNull(d Dialect, t *catalog.Table, c catalog.Column, o Options) string {
	if n, ok := d.(TypedNuller); ok {
		return n.TypedNull(t, c, o)
	}
	return "CAST(NULL AS " + d.ColumnType(t, c, o) + ")"
}

// DeliveredReader is implemented by dialects whose models need a delivered
// column in another form than the one Metronome's sync service stored it
// in: Redshift's JSON macros navigate SUPER, but the service may deliver
// JSON as VARCHAR. physical is the column's type as introspected ("" when
// nothing was introspected: mtx compile); expr is the quoted column.
type DeliveredReader interface {
	ReadDelivered(c catalog.Column, physical string, expr string) string
}

// ReadDelivered is the expression the models read delivered column c
// (introspected type physical) through: expr itself on most engines.
func ReadDelivered(d Dialect, c catalog.Column, physical, expr string) string {
	if r, ok := d.(DeliveredReader); ok {
		return r.ReadDelivered(c, physical, expr)
	}
	return expr
}
