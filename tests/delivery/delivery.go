// Package delivery simulates Metronome's sync service for the tests: from
// the raw tables mtx loaded from an export, the statements that build the
// tables the service would have delivered into a warehouse schema —
// incremental tables merged by key (the newest version wins, one row per
// key), snapshot tables accumulating every snapshot (a row that vanished
// stays with its old snapshot), the destination's own types, no
// provenance columns, and a filled _transfer_status. Everything an engine
// does differently comes from its test adapter (dialects/<engine>/
// testadapter: Sim, TableSuffix, DeliveredTypes), so an engine adds the
// simulation there. Test support only.
package delivery

import (
	"fmt"
	"strings"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/dialects/enginetest"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/internal/model"
)

// SQL is the simulation's own SQL on one engine.
type SQL struct {
	CreateSchema, TableSuffix, Timestamp, TimestampType, Varchar, Day string
	// Update renders UPDATE table SET set WHERE where; key is a column
	// whose rows the where clause takes or leaves together.
	Update func(table, key, set, where string) string
}

// For is the common SQL with what the engine's test adapter says differs
// (its Sim, and TableSuffix after CREATE TABLE).
func For(a *enginetest.Adapter) SQL {
	s := SQL{CreateSchema: "CREATE SCHEMA", TableSuffix: a.TableSuffix, Timestamp: "TIMESTAMP '%s'", TimestampType: "TIMESTAMP",
		Varchar: "VARCHAR(255)", Day: "INTERVAL '1' DAY",
		Update: func(table, _, set, where string) string { return "UPDATE " + table + " SET " + set + " WHERE " + where }}
	sim := a.Sim
	for _, f := range []struct {
		to   *string
		from string
	}{
		{&s.CreateSchema, sim.CreateSchema}, {&s.Timestamp, sim.Timestamp}, {&s.TimestampType, sim.TimestampType},
		{&s.Varchar, sim.Varchar}, {&s.Day, sim.Day},
	} {
		if f.from != "" {
			*f.to = f.from
		}
	}
	if sim.Update != nil {
		s.Update = sim.Update
	}
	return s
}

// Options shape a delivery unlike a complete one.
type Options struct {
	Skip  map[string]bool // tables left out
	Drop  map[string]bool // columns left out, as table.column
	Extra string          // a column the catalog does not know, added to customer ('drift')
}

// Statements create schema to and, in it, one table per catalog table
// (CREATE TABLE … AS SELECT from the raw table in schema from: one
// statement per table) and _transfer_status (two statements): Steps one
// after another.
func Statements(a *enginetest.Adapter, d dialects.Dialect, cat *catalog.Catalog, from, to string, o Options) []string {
	var out []string
	for _, step := range Steps(a, d, cat, from, to, o) {
		out = append(out, step...)
	}
	return out
}

// Steps are Statements in the order they must run; the statements of one
// step are independent of each other (one table each), so they may run at
// once: the schema, then its tables, then _transfer_status's rows.
func Steps(a *enginetest.Adapter, d dialects.Dialect, cat *catalog.Catalog, from, to string, o Options) [][]string {
	q := d.Quote
	s := For(a)
	var tables, status []string
	for _, tbl := range cat.Tables() {
		if o.Skip[tbl.Name] {
			continue
		}
		tables = append(tables, Table(a, d, tbl, from, to, o))
		status = append(status, fmt.Sprintf("('%s', "+s.Timestamp+")", tbl.Name, "2026-03-01 00:00:00"))
	}
	tables = append(tables,
		"CREATE TABLE "+q(to)+"."+q("_transfer_status")+" (data_model_name "+s.Varchar+", transfer_last_updated_at "+s.TimestampType+")"+s.TableSuffix)
	return [][]string{
		{s.CreateSchema + " " + q(to)},
		tables,
		{"INSERT INTO " + q(to) + "." + q("_transfer_status") + " VALUES " + strings.Join(status, ", ")},
	}
}

// Table creates tbl in schema to as the service delivers it, from the raw
// table in schema from, in one statement: incremental tables merged by key
// (the newest version wins), snapshot tables with every snapshot.
func Table(a *enginetest.Adapter, d dialects.Dialect, tbl *catalog.Table, from, to string, o Options) string {
	q := d.Quote
	var cols []string
	for _, c := range tbl.Columns {
		if c.System || o.Drop[tbl.Name+"."+c.Name] {
			continue
		}
		expr := q(c.Name)
		if typ, ok := a.DeliveredTypes[c.Type]; ok {
			expr = fmt.Sprintf(typ, expr)
		}
		cols = append(cols, expr+" AS "+q(c.Name))
	}
	if o.Extra != "" && tbl.Name == "customer" {
		cols = append(cols, "'drift' AS "+q(o.Extra))
	}
	raw := q(from) + "." + q(tbl.Name)
	var sel string
	snap, _ := tbl.Column(tbl.Snapshot)
	if tbl.Kind == catalog.Snapshot && !snap.System {
		// Every snapshot accumulates; a retried file is merged.
		sel = "SELECT DISTINCT " + strings.Join(cols, ", ") + " FROM " + raw
	} else {
		// Merged by key: the newest delivered version wins.
		var order []string
		for _, v := range append(append([]string{}, tbl.Version...), catalog.TransferredAtColumn, catalog.SourceFileColumn, catalog.LoadedAtColumn) {
			order = append(order, fmt.Sprintf("CASE WHEN %s IS NULL THEN 1 ELSE 0 END, %s DESC", q(v), q(v)))
		}
		var grain []string
		for _, g := range model.Grain(tbl) {
			grain = append(grain, q(g))
		}
		sel = fmt.Sprintf("SELECT %s FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY %s ORDER BY %s) AS %s FROM %s) AS %s WHERE %s = 1",
			strings.Join(cols, ", "), strings.Join(grain, ", "), strings.Join(order, ", "), q("_rn"), raw, q("_r"), q("_rn"))
	}
	return "CREATE TABLE " + q(to) + "." + q(tbl.Name) + For(a).TableSuffix + " AS " + sel
}
