package model

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/catalog"
)

// A live view (<model>_live) goes with every current-state model
// materialized incremental. The model's table is as fresh as the last
// `mtx run`; its live view returns what a full rebuild would return right
// now, raw rows loaded since included, at about the cost of reading the
// table:
//
//	stored rows whose key is not in the tail
//	UNION ALL
//	the winners (CurrentStateSQL) among the tail and the stored rows of its keys
//
// where the tail is exactly what the next refresh would stage: raw rows
// newer than the stored watermark less the lookback. It is a plain view
// (no scratch table), created by `mtx run` after each build or refresh of
// its model, dropped before its model's table is dropped or replaced
// (PostgreSQL refuses to drop a table a view depends on), and printed by
// `mtx compile` with its model. It is not a node: --select picks it with
// its model.

// LiveSuffix names a model's live view: current_events_live.
const LiveSuffix = "_live"

// LiveView is the name of the live view of model name.
func LiveView(name string) string { return name + LiveSuffix }

// hasLive reports whether c gets a live view.
func (c *Compiled) hasLive() bool {
	return c.Current != nil && c.Config.Materialized == Incremental && !c.delivered
}

// tail returns the SELECT of cols (quoted, comma-separated) of the raw rows
// an incremental current-state refresh stages when the stored watermark is
// since (an expression); see tailWhere. The refresh and the live view share it.
func (p *Project) tail(m dialects.Modeler, c *Compiled, cols, since string) string {
	from, where := p.tailWhere(m, c, since)
	return fmt.Sprintf("SELECT %s\nFROM %s\nWHERE %s", cols, from, where)
}

// tailWhere returns the raw relation and the condition of the tail: a
// non-NULL key, and a watermark after since less the lookback (but not
// since itself, when that is safe: mergedAtWatermark), or NULL.
func (p *Project) tailWhere(m dialects.Modeler, c *Compiled, since string) (from, where string) {
	q := p.Dialect.Quote
	raw := c.raw
	if raw == "" {
		raw = p.relation(c.Current.Name)
	}
	cs := CurrentStateOf(c.Current, raw, q)
	wm := q(c.watermark())
	lb, _ := c.lookback()
	newer := fmt.Sprintf("%s > %s", wm, m.MinusSeconds(since, int64(lb.Seconds())))
	if p.mergedAtWatermark(c) {
		newer += fmt.Sprintf(" AND %s <> %s", wm, since)
	}
	return cs.Source, fmt.Sprintf("%s AND (%s OR %s IS NULL)", cs.Where, newer, wm)
}

// mergedAtWatermark reports whether the raw rows whose watermark equals the
// stored one were all merged by the run that stored it, so the tail need
// not read them again: true for mtx's own _mtx_loaded_at on engines where
// mtx load commits each load (one _mtx_loaded_at for all its rows) in one
// transaction — a run saw all of a load's rows or none. Without this, every
// refresh re-read the last load (it always lies inside the lookback).
func (p *Project) mergedAtWatermark(c *Compiled) bool {
	return p.Dialect.LoadTransactional() && c.watermark() == catalog.LoadedAtColumn
}

// beforeAnyLoad stands in for the stored watermark of an empty model
// table, so that the live view's tail is then every raw row.
var beforeAnyLoad = time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)

// liveSQL is the SELECT of c's live view. stored is the literal of the
// stored watermark; "" reads it with a subquery (COALESCE: an empty table
// makes the tail every raw row).
func (p *Project) liveSQL(m dialects.Modeler, c *Compiled, stored string) string {
	q := p.Dialect.Quote
	t := c.Current
	cols := columnList(q, t)
	alias := q("_mtx_stored")
	since := stored
	if since == "" {
		since = fmt.Sprintf("COALESCE((SELECT MAX(%s) FROM %s), %s)", q(c.watermark()), c.Relation, m.TimestampLiteral(beforeAnyLoad))
	}
	tailKeys := indent(p.tail(m, c, quoteList(q, t.Key), since), "    ")

	// The stored rows the tail does not touch. A composite key (no
	// incremental export table has one today) takes the correlated form,
	// which BigQuery accepts and tuple NOT IN it does not.
	untouched := dialects.NotInKeys(q, t.Key, tailKeys)
	if len(t.Key) > 1 {
		untouched = dialects.NotExistsKeys(q, t.Key, alias, tailKeys)
	}
	if ex, ok := m.(dialects.KeySetExcluder); ok {
		untouched = ex.ExcludeKeys(t.Key, alias, tailKeys)
	}
	kept := fmt.Sprintf("SELECT %s\nFROM %s AS %s\nWHERE %s", cols, c.Relation, alias, untouched)
	if sp, ok := m.(dialects.EmptyTailSplitter); ok && sp.SplitOnEmptyTail() {
		// Nothing pending: every stored row, no anti-join. Otherwise the
		// anti-join, and the first arm stops after its first rows.
		kept = fmt.Sprintf("SELECT %s\nFROM %s AS %s\nWHERE NOT EXISTS (\n%s\n)\nUNION ALL\nSELECT %s\nFROM %s AS %s\nWHERE EXISTS (\n%s\n) AND %s",
			cols, c.Relation, alias, tailKeys, cols, c.Relation, alias, tailKeys, untouched)
	}
	return fmt.Sprintf("%s\nUNION ALL\nSELECT %s\nFROM (\n%s\n) AS %s",
		kept, cols, indent(p.winners(m, c, since), "  "), q("_mtx_winners"))
}

// winners is the SELECT of the current-state winners among the tail (raw
// rows newer than since less the lookback) and the stored rows of the
// tail's keys: what a refresh writes for those keys, and the second half
// of the live view.
func (p *Project) winners(m dialects.Modeler, c *Compiled, since string) string {
	q := p.Dialect.Quote
	t := c.Current
	cols := columnList(q, t)
	alias := q("_mtx_stored")
	tailKeys := indent(p.tail(m, c, quoteList(q, t.Key), since), "    ")
	touched := tailHas(q, t.Key, tailKeys, alias)
	if len(t.Key) == 1 {
		touched = keyMatch(p.Dialect, t.Key, alias, "(\n"+tailKeys+"\n  ) AS "+q("_mtx_tail"))
	}
	storedRows := fmt.Sprintf("SELECT %s FROM %s AS %s\n  WHERE %s", cols, c.Relation, alias, touched)
	if kl, ok := m.(dialects.KeyLookuper); ok {
		var names []string
		for _, col := range t.Columns {
			names = append(names, col.Name)
		}
		storedRows = indent(kl.RowsWithKeys(names, c.Relation, alias, t.Key, tailKeys), "  ")[2:]
	}
	cs := CurrentStateOf(t, "", q)
	cs.Source = fmt.Sprintf("(\n%s\n  UNION ALL\n  %s\n) AS %s",
		indent(p.tail(m, c, cols, since), "  "), storedRows, q("_mtx_candidates"))
	cs.Where = ""
	return m.CurrentStateSQL(cs)
}

// CurrentStateRefresh renders, for a tool that runs the refresh itself
// (the dbt export, whose delete+insert replaces the stored rows of each
// returned grain), the SELECT of the rows an incremental refresh of
// table t's current-state model writes: the winners among the raw rows
// newer than stored's newest _mtx_loaded_at less the default lookback
// (every raw row when stored is empty) and the stored rows of their keys,
// in the current-state order. raw and stored are the raw table and the
// model's own table, in any spelling the tool resolves (a placeholder).
func CurrentStateRefresh(d dialects.Dialect, t *catalog.Table, raw, stored string) (string, error) {
	m := d
	p := &Project{Dialect: d}
	c := &Compiled{Node: &Node{Name: "current_" + t.Name, Config: Config{Materialized: Incremental}}, Relation: stored, Current: t, raw: raw}
	since := fmt.Sprintf("COALESCE((SELECT MAX(%s) FROM %s), %s)", d.Quote(c.watermark()), stored, m.TimestampLiteral(beforeAnyLoad))
	return p.winners(m, c, since), nil
}

// tailHas is the condition "the tail has target's key": a correlated
// EXISTS over the tail's keys.
func tailHas(q func(string) string, key []string, tailKeys, target string) string {
	var eq []string
	for _, k := range key {
		eq = append(eq, fmt.Sprintf("%s.%s = %s.%s", q("_mtx_s"), q(k), target, q(k)))
	}
	return fmt.Sprintf("EXISTS (\n  SELECT 1 FROM (\n%s\n  ) AS %s\n  WHERE %s\n)", tailKeys, q("_mtx_s"), strings.Join(eq, " AND "))
}

func indent(sql, by string) string {
	return by + strings.ReplaceAll(sql, "\n", "\n"+by)
}

// withLive adds c's live view to the steps building c: dropped first when
// the table it reads is about to be dropped or replaced (and for good when
// the model is no longer incremental), created again last. A refresh run
// with the stored watermark known (watermark != "") leaves the view alone:
// it stays exact through the refresh (the tail only shrinks) and pinLive
// replaces it right after, so creating it here too was one more statement
// per refresh; compile (watermark "") still prints it.
func (p *Project) withLive(m dialects.Modeler, c *Compiled, existing string, fullRefresh bool, watermark string, steps []step) []step {
	if c.Current == nil {
		return steps
	}
	live := p.relation(LiveView(c.Name))
	refresh := c.hasLive() && existing == asTable && !fullRefresh
	if existing == asTable && !refresh {
		steps = append([]step{{dialects.DropRelation{Relation: live, Kind: dialects.View, IfExists: true}}}, steps...)
	}
	if c.hasLive() && !(refresh && watermark != "") {
		steps = append(steps, step(dialects.ReplaceViewSteps(p.Dialect, live, p.liveSQL(m, c, ""))))
	}
	return steps
}

// pinLive replaces c's live view, after a build or refresh, by one that
// has the stored watermark as a constant instead of a subquery: planners
// then prune the raw table's old rows up front (DuckDB's zone maps skip
// their row groups; with the subquery DuckDB scans every raw row and
// joins). A constant at or below the stored maximum gives the same rows
// (the tail only grows), and only a build raises the maximum, so the view
// stays exact until the next build pins it again. An empty table keeps
// the subquery.
func (r *Runner) pinLive(ctx context.Context, m dialects.Modeler, c *Compiled) error {
	if !c.hasLive() {
		return nil
	}
	p := r.Project
	var wm sql.NullTime
	if err := r.DB.QueryRowContext(ctx, "SELECT MAX("+p.Dialect.Quote(c.watermark())+") FROM "+c.Relation).Scan(&wm); err != nil {
		return fmt.Errorf("reading the watermark of %s: %w", c.Relation, err)
	}
	if !wm.Valid {
		return nil
	}
	for _, st := range dialects.ReplaceViewSteps(p.Dialect, p.relation(LiveView(c.Name)), p.liveSQL(m, c, m.TimestampLiteral(wm.Time))) {
		if err := r.run(ctx, r.DB, st); err != nil {
			return err
		}
	}
	return nil
}

// checkLive refuses a model named like another model's live view, and a
// live view name too long for an identifier.
func (g *Graph) checkLive() error {
	for _, name := range g.Order {
		c := g.Nodes[name]
		if !c.hasLive() {
			continue
		}
		live := LiveView(name)
		if other, ok := g.Nodes[live]; ok {
			return fmt.Errorf("model %s (%s): the name is taken by the live view of incremental model %s (rename the model)", live, other.Origin, name)
		}
		if !nameRE.MatchString(live) {
			return fmt.Errorf("model %s (%s): its live view name %s is longer than 63 characters (shorten the model name)", name, c.Origin, live)
		}
	}
	return nil
}

// liveHint explains a --select naming a live view, which follows its model.
func (g *Graph) liveHint(sel string) string {
	base := strings.TrimSuffix(strings.Trim(sel, "+"), LiveSuffix)
	if c, ok := g.Nodes[base]; ok && c.hasLive() && base != strings.Trim(sel, "+") {
		return fmt.Sprintf(" (%s is the live view of %s, built with it: select %s)", strings.Trim(sel, "+"), base, base)
	}
	return ""
}
