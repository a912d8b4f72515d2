package model

import (
	"fmt"
	"strings"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/internal/discover"
)

// MetadataIDColumn is the row id Metronome delivers on a few tables
// (events, credit_type, draft_invoice, draft_line_item): the first
// tie-break between two delivered rows of equal version.
const MetadataIDColumn = "_metronome_metadata_id"

// deliveredRelation is the quoted relation of a delivered table, named
// exactly as found.
func (p *Project) deliveredRelation(t *discover.Table) string {
	return p.Dialect.Quote(p.Source.Name) + "." + dialects.QuoteAsFound(p.Dialect, t.Name)
}

// deliveredColumns is the delivered table seen through the catalog: every
// catalog column under its catalog name (a delivered one renamed from the
// case it was found in and read in the form the models need — Redshift's
// text JSON parsed to SUPER, dialects.ReadDelivered —, a missing one NULL
// of its catalog type), then the
// columns the catalog does not know, under their lower-case names.
func (p *Project) deliveredColumns(ft *discover.Table) (exprs, names []string) {
	q := p.Dialect.Quote
	o := p.Options
	if o.Schema == "" {
		o = dialects.DefaultOptions()
	}
	for _, c := range ft.Catalog.Columns {
		if c.System {
			continue
		}
		names = append(names, c.Name)
		if fc, ok := ft.Columns[c.Name]; ok {
			read := dialects.ReadDelivered(p.Dialect, c, fc.Type, dialects.QuoteAsFound(p.Dialect, fc.Name))
			exprs = append(exprs, read+" AS "+q(c.Name))
		} else {
			exprs = append(exprs, dialects.TypedNull(p.Dialect, ft.Catalog, c, o)+" AS "+q(c.Name))
		}
	}
	for _, c := range ft.Extra {
		name := strings.ToLower(c.Name)
		names = append(names, name)
		exprs = append(exprs, dialects.QuoteAsFound(p.Dialect, c.Name)+" AS "+q(name))
	}
	return exprs, names
}

// DeliveredStateOf is the current-state description of a table Metronome
// delivers into a warehouse itself (source mode), read from its columns
// under their catalog names (deliveredColumns). The rules are those of
// CurrentStateOf without mtx's provenance columns, which delivered tables
// do not have:
//
//   - newest row per grain by the version columns, then, as tie-break,
//     _metronome_metadata_id where the table has it, then every other
//     delivered column except JSON documents in catalog order: a stable
//     order of the row's own values, never the engine's pick;
//   - snapshot tables: the latest snapshot per environment. A time
//     snapshot column orders by its value. snapshot_id is opaque, so its
//     snapshots order by their rows' version column (Metronome documents
//     updated_at on these tables as the time the row was exported), and
//     only two snapshots exported at the same instant by the id itself;
//   - a snapshot table whose snapshot column is not delivered (or is the
//     transfer time, contracts_usage_filter_schedule) cannot tell its
//     snapshots apart: it keeps the newest row per grain, as an
//     incremental table.
func (p *Project) DeliveredStateOf(ft *discover.Table) dialects.CurrentState {
	t := ft.Catalog
	q := p.Dialect.Quote
	exprs, names := p.deliveredColumns(ft)
	cs := dialects.CurrentState{
		Source:  fmt.Sprintf("(\n  SELECT %s\n  FROM %s\n) AS %s", strings.Join(exprs, ", "), p.deliveredRelation(ft), q("_mtx_delivered")),
		Grain:   sortGrain(t),
		Columns: names,
	}
	var notNull []string
	for _, k := range t.Key {
		notNull = append(notNull, q(k)+" IS NOT NULL")
	}
	cs.Where = strings.Join(notNull, " AND ")
	used := map[string]bool{}
	for _, g := range cs.Grain {
		used[g] = true
	}
	add := func(col string) {
		if !used[col] {
			used[col] = true
			cs.Newest = append(cs.Newest, col)
		}
	}
	for _, v := range t.Version {
		add(v)
	}
	snapCol, isSnap := t.Column(t.Snapshot)
	snapshot := t.Kind == catalog.Snapshot && isSnap && !snapCol.System && ft.Has(t.Snapshot)
	if snapshot {
		add(t.Snapshot)
	}
	if ft.Has(MetadataIDColumn) {
		add(MetadataIDColumn)
	}
	for _, c := range t.Columns {
		if !c.System && c.Type != catalog.JSON && ft.Has(c.Name) {
			add(c.Name)
		}
	}
	if snapshot {
		snap := &dialects.LatestSnapshot{Column: t.Snapshot}
		if snapCol.Type == catalog.Timestamp {
			snap.Newest = []string{t.Snapshot}
		} else {
			snap.Newest = append(append([]string{}, t.Version...), t.Snapshot)
		}
		if _, ok := t.Column(EnvironmentColumn); ok {
			snap.Partition = []string{EnvironmentColumn}
		}
		cs.Snapshot = snap
	}
	return cs
}

// sourceTable is the delivered table c's current state reads (source mode).
func (p *Project) sourceTable(c *Compiled) (*discover.Table, bool) {
	if p.Source == nil || c.Current == nil {
		return nil, false
	}
	return p.Source.Table(c.Current.Name)
}

// deliveredSelect is the SELECT of a delivered table as mtx's raw table
// would have it: its columns under their catalog names (deliveredColumns)
// and the provenance columns, which Metronome does not deliver, NULL.
func (p *Project) deliveredSelect(ft *discover.Table) string {
	exprs, _ := p.deliveredColumns(ft)
	o := p.Options
	if o.Schema == "" {
		o = dialects.DefaultOptions()
	}
	for _, c := range ft.Catalog.Columns {
		if c.System {
			exprs = append(exprs, dialects.TypedNull(p.Dialect, ft.Catalog, c, o)+" AS "+p.Dialect.Quote(c.Name))
		}
	}
	return "SELECT " + strings.Join(exprs, ",\n  ") + "\nFROM " + p.deliveredRelation(ft)
}

// SourceViewNodes are, in source mode, one view per selected export table,
// named like the table mtx would have loaded, over the delivered table:
// the delivered table under the catalog's names (missing columns NULL,
// provenance columns NULL). {{ source "t" }} in a model or a cookbook
// entry's raw "t" read it, so queries written for mtx's raw tables run
// unchanged on a delivered schema.
func SourceViewNodes(c *catalog.Catalog, selected func(string) bool) []*Node {
	var out []*Node
	for _, t := range c.Tables() {
		if selected != nil && !selected(t.Name) {
			continue
		}
		out = append(out, &Node{
			Name:   t.Name,
			Origin: "source view of delivered table " + t.Name,
			SQL:    fmt.Sprintf("{{ delivered_table %q }}", t.Name),
			Config: Config{
				Materialized: View,
				Tags:         []string{"source", t.Group},
				Description:  fmt.Sprintf("The delivered table %s under the catalog's column names (mtx's provenance columns NULL).", t.Name),
			},
		})
	}
	return out
}
