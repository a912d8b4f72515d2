// Package catalog is the neutral model of the Metronome export schema: tables,
// columns and logical types, built by folding the versioned change sets in
// migrations/ in order. Dialects turn this model into SQL; nothing here knows
// any engine.
package catalog

import "fmt"

// LogicalType is a column type as Metronome documents it, before any engine
// maps it to a physical type.
type LogicalType string

// The logical types used by the export documentation.
const (
	String    LogicalType = "string"
	Decimal   LogicalType = "decimal"
	Float     LogicalType = "float"
	Integer   LogicalType = "integer"
	Boolean   LogicalType = "boolean"
	Timestamp LogicalType = "timestamp"
	JSON      LogicalType = "json"
)

// LogicalTypes lists every valid logical type, in a stable order.
var LogicalTypes = []LogicalType{String, Decimal, Float, Integer, Boolean, Timestamp, JSON}

func (t LogicalType) valid() bool {
	for _, v := range LogicalTypes {
		if t == v {
			return true
		}
	}
	return false
}

// Kind says how Metronome exports a table.
type Kind string

const (
	// Incremental tables receive only changed rows; current state is the
	// newest version per key.
	Incremental Kind = "incremental"
	// Snapshot tables receive a full picture each transfer; current state is
	// the rows of the latest snapshot.
	Snapshot Kind = "snapshot"
)

// Column is one column of an export table.
type Column struct {
	Name string      `yaml:"name"`
	Type LogicalType `yaml:"type"`
	// Nullable is the documented nullability (seed 001's Nullable flag); nil
	// when the docs say nothing. Every column is nullable in DDL regardless:
	// documented NOT NULLs become data tests.
	Nullable    *bool  `yaml:"nullable"`
	Deprecated  bool   `yaml:"deprecated"`
	Description string `yaml:"description"`
	// Note records a decision taken where the docs were wrong or silent.
	Note string `yaml:"note"`
	// System marks the columns mtx itself adds to every table (provenance).
	System bool `yaml:"-"`
}

// DocumentedNotNull reports whether the docs promise a value in this column.
func (c Column) DocumentedNotNull() bool { return c.Nullable != nil && !*c.Nullable }

// Table is one export table.
type Table struct {
	Name  string `yaml:"name"`
	Group string `yaml:"group"`
	Kind  Kind   `yaml:"kind"`
	// Key identifies a row: across versions for incremental tables, within one
	// snapshot for snapshot tables.
	Key []string `yaml:"key"`
	// Version lists the columns that order versions of a row, most
	// significant first (updated_at, or the creation time where there is none).
	Version []string `yaml:"version"`
	// Snapshot names the column identifying a snapshot (snapshot tables only).
	Snapshot string   `yaml:"snapshot"`
	Note     string   `yaml:"note"`
	Columns  []Column `yaml:"columns"`
}

// Column returns the named column, or false.
func (t *Table) Column(name string) (Column, bool) {
	for _, c := range t.Columns {
		if c.Name == name {
			return c, true
		}
	}
	return Column{}, false
}

// clone returns a deep copy so folding a change set never mutates an earlier state.
func (t *Table) clone() *Table {
	c := *t
	c.Key = append([]string(nil), t.Key...)
	c.Version = append([]string(nil), t.Version...)
	c.Columns = append([]Column(nil), t.Columns...)
	return &c
}

// System columns mtx adds to every export table: where each row came from.
// The loader fills them; current-state models use the transfer timestamp to
// order snapshots and break ties between identical versions.
const (
	SourceFileColumn    = "_mtx_source_file"
	TransferredAtColumn = "_mtx_transferred_at"
	LoadedAtColumn      = "_mtx_loaded_at"
)

// SystemColumns returns the provenance columns appended to every table.
func SystemColumns() []Column {
	return []Column{
		{Name: SourceFileColumn, Type: String, System: true, Description: "Object-storage path of the file this row was loaded from"},
		{Name: TransferredAtColumn, Type: Timestamp, System: true, Description: "Transfer timestamp (UTC) parsed from the file path"},
		{Name: LoadedAtColumn, Type: Timestamp, System: true, Description: "When mtx loaded the row (UTC)"},
	}
}

func (t *Table) String() string { return fmt.Sprintf("table %s", t.Name) }
