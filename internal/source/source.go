// Package source reads the schema the export tables are in — Metronome's
// own delivery (a warehouse or database destination, source_schema) or
// mtx's raw tables filled by mtx load — and matches it to the catalog:
// tables and columns case-insensitively, names kept as stored so they can
// be quoted as found.
package source

import (
	"context"
	"database/sql"
	"sort"
	"strings"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/migrate"
)

// Source says where the export tables are.
type Source struct {
	Dialect dialects.Dialect
	// Schema is the schema read: source_schema when Delivered, else the
	// project's schema.
	Schema string
	// Delivered is true when Metronome writes the tables (source_schema):
	// no provenance columns, its own physical types.
	Delivered bool
}

// New picks the schema to read: sourceSchema when set, else schema.
func New(d dialects.Dialect, schema, sourceSchema string) Source {
	if sourceSchema != "" {
		return Source{Dialect: d, Schema: sourceSchema, Delivered: true}
	}
	return Source{Dialect: d, Schema: schema}
}

// Mode names the source for output: "delivered" or "mtx".
func (s Source) Mode() string {
	if s.Delivered {
		return "delivered"
	}
	return "mtx"
}

// Found is what introspection found in the schema.
type Found struct {
	tables map[string]*Table // by lower-case name
}

// Table is one table (or view) found, with its names as stored.
type Table struct {
	Name    string
	columns map[string]Column // by lower-case name
}

// Column is one column found.
type Column struct {
	Name string
	// Type is the physical type as the dialect's ColumnsQuery reports it.
	Type string
}

// Introspect lists the schema's tables and columns.
func (s Source) Introspect(ctx context.Context, db *sql.DB) (*Found, error) {
	got, err := migrate.IntrospectAsStored(ctx, s.Dialect, db, s.Schema)
	if err != nil {
		return nil, err
	}
	f := &Found{tables: map[string]*Table{}}
	for name, cols := range got {
		t := &Table{Name: name, columns: map[string]Column{}}
		for c, typ := range cols {
			t.columns[strings.ToLower(c)] = Column{Name: c, Type: typ}
		}
		f.tables[strings.ToLower(name)] = t
	}
	return f, nil
}

// Table returns the table named name in any case.
func (f *Found) Table(name string) (*Table, bool) {
	t, ok := f.tables[strings.ToLower(name)]
	return t, ok
}

// Column returns the column named name in any case.
func (t *Table) Column(name string) (Column, bool) {
	c, ok := t.columns[strings.ToLower(name)]
	return c, ok
}

// Columns returns the columns, by lower-case name, sorted.
func (t *Table) Columns() []Column {
	var out []Column
	for _, c := range t.columns {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return strings.ToLower(out[i].Name) < strings.ToLower(out[j].Name) })
	return out
}

// Qualified is the table's name qualified by the schema and quoted as
// found.
func (s Source) Qualified(t *Table) string {
	return s.Dialect.Quote(s.Schema) + "." + dialects.QuoteAsFound(s.Dialect, t.Name)
}

// QuoteColumn quotes a found column's name as stored.
func (s Source) QuoteColumn(c Column) string { return dialects.QuoteAsFound(s.Dialect, c.Name) }
