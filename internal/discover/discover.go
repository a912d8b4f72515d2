// Package discover reads the schema the export tables are in — the tables
// Metronome's sync service delivers into a warehouse or database schema
// (every destination but object storage), or mtx's own raw tables filled
// by mtx load — and matches it to the catalog: which tables are there,
// under which exact name, and which columns are there (with their
// physical types), missing or unknown. It is the one reader of that
// schema: the models, source check and freshness all read through it.
//
// mtx only reads a delivered schema. Matching is case-insensitive
// (Snowflake tables created unquoted have upper-case names), and every
// name is kept as found, so it can be quoted exactly.
package discover

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/catalog"
)

// TransferStatusTable is the table the sync service keeps in each
// destination schema: (data_model_name, transfer_last_updated_at).
const TransferStatusTable = "_transfer_status"

// Column is one delivered column.
type Column struct {
	// Name is the column's name as the engine stores it.
	Name string
	// Type is its physical type as the engine reports it.
	Type string
}

// Table is one catalog table as found.
type Table struct {
	// Catalog is the catalog table; nil for _transfer_status.
	Catalog *catalog.Table
	// Name is the table's name as the engine stores it.
	Name string
	// Columns are the found columns of catalog columns, by catalog name
	// (for _transfer_status: every column, by lower-case name).
	Columns map[string]Column
	// Missing are the catalog columns the table lacks, in catalog order.
	Missing []string
	// Extra are delivered columns the catalog does not know, in the
	// engine's order (drift: a column Metronome added).
	Extra []Column
}

// Has reports whether catalog column name was delivered.
func (t *Table) Has(name string) bool {
	_, ok := t.Columns[name]
	return ok
}

// Column returns the found column of catalog column name, in any case.
func (t *Table) Column(name string) (Column, bool) {
	c, ok := t.Columns[strings.ToLower(name)]
	return c, ok
}

// Schema is a delivered schema matched to the catalog.
type Schema struct {
	// Name is the schema (BigQuery: dataset; MySQL, ClickHouse: database).
	Name string
	// Tables are the delivered catalog tables, by catalog name.
	Tables map[string]*Table
	// Missing are the selected catalog tables the schema lacks, in
	// catalog order.
	Missing []string
	// TransferStatus is the sync service's _transfer_status table as
	// found (its columns by lower-case name), nil when the schema has none.
	TransferStatus *Table
}

// Table returns the delivered table of catalog table name.
func (s *Schema) Table(name string) (*Table, bool) {
	t, ok := s.Tables[name]
	return t, ok
}

// Querier runs a query: a *sql.DB, *sql.Conn or *sql.Tx.
type Querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// Found maps each table found in a schema, by name as stored, to its
// columns in the engine's order.
type Found map[string][]Column

// Introspect lists the tables and columns of schema with their names as
// the engine stores them. An empty or missing schema gives no tables.
func Introspect(ctx context.Context, d dialects.Dialect, q Querier, schema string) (Found, error) {
	rows, err := q.QueryContext(ctx, d.ColumnsQuery(schema))
	if err != nil {
		return nil, fmt.Errorf("introspecting schema %s: %w", schema, err)
	}
	defer rows.Close()
	out := Found{}
	for rows.Next() {
		var t, c string
		var typ sql.NullString
		if err := rows.Scan(&t, &c, &typ); err != nil {
			return nil, fmt.Errorf("introspecting schema %s: %w", schema, err)
		}
		out[t] = append(out[t], Column{Name: c, Type: typ.String})
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("introspecting schema %s: %w", schema, err)
	}
	return out, nil
}

// Discover introspects a delivered schema and matches it to the selected
// tables of cat (selected nil: all).
func Discover(ctx context.Context, d dialects.Dialect, q Querier, schema string, cat *catalog.Catalog, selected func(string) bool) (*Schema, error) {
	found, err := Introspect(ctx, d, q, schema)
	if err != nil {
		return nil, err
	}
	return Match(schema, found, cat, selected), nil
}

// Match matches the tables found in a delivered schema to the selected
// tables of cat, names compared case-insensitively. mtx's provenance
// columns are never delivered: a column of that name is neither matched
// nor reported. Where two found names differ only in case, the one in the
// catalog's (lower) case wins, else the first in sort order, so the choice
// never depends on the engine's listing order.
func Match(schema string, found Found, cat *catalog.Catalog, selected func(string) bool) *Schema {
	return match(schema, found, cat, selected, false)
}

// MatchRaw is Match for mtx's own raw tables, whose provenance columns
// are matched (and missing when absent) like every other column.
func MatchRaw(schema string, found Found, cat *catalog.Catalog, selected func(string) bool) *Schema {
	return match(schema, found, cat, selected, true)
}

func match(schema string, found Found, cat *catalog.Catalog, selected func(string) bool, provenance bool) *Schema {
	s := &Schema{Name: schema, Tables: map[string]*Table{}}
	byLower := map[string]string{}
	names := make([]string, 0, len(found))
	for n := range found {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		l := strings.ToLower(n)
		if prev, ok := byLower[l]; !ok || (prev != l && n == l) {
			byLower[l] = n
		}
	}
	if n, ok := byLower[TransferStatusTable]; ok {
		s.TransferStatus = &Table{Name: n, Columns: map[string]Column{}}
		for l, c := range byLowerColumn(found[n]) {
			s.TransferStatus.Columns[l] = c
		}
	}
	for _, ct := range cat.Tables() {
		if selected != nil && !selected(ct.Name) {
			continue
		}
		name, ok := byLower[ct.Name]
		if !ok {
			s.Missing = append(s.Missing, ct.Name)
			continue
		}
		s.Tables[ct.Name] = matchTable(ct, name, found[name], provenance)
	}
	return s
}

// byLowerColumn indexes columns by lower-case name; of two differing only
// in case, the lower-case one wins, else the first.
func byLowerColumn(cols []Column) map[string]Column {
	byLower := map[string]Column{}
	for _, c := range cols {
		l := strings.ToLower(c.Name)
		if prev, ok := byLower[l]; !ok || (prev.Name != l && c.Name == l) {
			byLower[l] = c
		}
	}
	return byLower
}

func matchTable(ct *catalog.Table, name string, cols []Column, provenance bool) *Table {
	t := &Table{Catalog: ct, Name: name, Columns: map[string]Column{}}
	byLower := byLowerColumn(cols)
	known := map[string]bool{}
	for _, c := range ct.Columns {
		if c.System && !provenance {
			continue // mtx's provenance columns: never delivered
		}
		known[c.Name] = true
		if fc, ok := byLower[c.Name]; ok {
			t.Columns[c.Name] = fc
		} else {
			t.Missing = append(t.Missing, c.Name)
		}
	}
	seen := map[string]bool{}
	for _, c := range cols {
		l := strings.ToLower(c.Name)
		if known[l] || seen[l] || (!provenance && isSystem(ct, l)) {
			continue
		}
		seen[l] = true
		t.Extra = append(t.Extra, byLower[l])
	}
	return t
}

func isSystem(t *catalog.Table, name string) bool {
	c, ok := t.Column(name)
	return ok && c.System
}

// Assume is the schema as if every selected table and column were
// delivered under its catalog name: what `mtx compile`, which connects to
// nothing, renders.
func Assume(schema string, cat *catalog.Catalog, selected func(string) bool) *Schema {
	found := Found{}
	for _, t := range cat.Tables() {
		for _, c := range t.Columns {
			if !c.System {
				found[t.Name] = append(found[t.Name], Column{Name: c.Name})
			}
		}
	}
	return Match(schema, found, cat, selected)
}

// Report lists, one line each, what differs from the catalog: missing
// tables, then per table its missing and unknown columns.
func (s *Schema) Report() []string {
	var out []string
	if len(s.Missing) > 0 {
		out = append(out, fmt.Sprintf("source schema %s lacks %d export tables (no model for them): %s", s.Name, len(s.Missing), strings.Join(s.Missing, ", ")))
	}
	var names []string
	for n := range s.Tables {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		t := s.Tables[n]
		if len(t.Missing) > 0 {
			out = append(out, fmt.Sprintf("source table %s.%s lacks columns %s (NULL in the models)", s.Name, t.Name, strings.Join(t.Missing, ", ")))
		}
		if len(t.Extra) > 0 {
			var extra []string
			for _, c := range t.Extra {
				extra = append(extra, c.Name)
			}
			out = append(out, fmt.Sprintf("source table %s.%s has columns the catalog does not know (drift; passed through in current_%s): %s", s.Name, t.Name, n, strings.Join(extra, ", ")))
		}
	}
	return out
}
