package discover

import (
	"context"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/catalog"
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

// NewSource picks the schema to read: sourceSchema when set, else schema.
func NewSource(d dialects.Dialect, schema, sourceSchema string) Source {
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

// Read introspects the source's schema and matches it to the selected
// tables of cat: Discover for a delivered schema, MatchRaw's rules for
// mtx's own.
func (s Source) Read(ctx context.Context, q Querier, cat *catalog.Catalog, selected func(string) bool) (*Schema, error) {
	found, err := Introspect(ctx, s.Dialect, q, s.Schema)
	if err != nil {
		return nil, err
	}
	if s.Delivered {
		return Match(s.Schema, found, cat, selected), nil
	}
	return MatchRaw(s.Schema, found, cat, selected), nil
}

// Qualified is a found table's name qualified by the schema and quoted as
// found.
func (s Source) Qualified(t *Table) string {
	return s.Dialect.Quote(s.Schema) + "." + dialects.QuoteAsFound(s.Dialect, t.Name)
}

// QuoteColumn quotes a found column's name as stored.
func (s Source) QuoteColumn(c Column) string { return dialects.QuoteAsFound(s.Dialect, c.Name) }
