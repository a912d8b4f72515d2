package model

import (
	"fmt"
	"hash/fnv"
	"strings"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/catalog"
)

// Relation kinds a model's name may already have in the database.
const (
	absent  = ""
	asView  = "view"
	asTable = "table"
)

// step is a group of statements; a group of several runs in one
// transaction where the engine allows it.
type step []dialects.Step

// stmt is a statement already rendered for the dialect.
func stmt(sql string) dialects.Step { return dialects.Exec{Statement: sql} }

// dropTable drops the table relation (quoted, qualified).
func dropTable(relation string, ifExists bool) dialects.Step {
	return dialects.DropRelation{Relation: relation, Kind: dialects.Table, IfExists: ifExists}
}

// planned is the full build and, for incremental models, the refresh, as
// the dialect spells them.
type planned struct{ full, refresh []string }

func (p *Project) plan(m dialects.Modeler, c *Compiled) planned {
	var out planned
	for _, s := range p.steps(m, c, absent, false, "") {
		out.full = append(out.full, p.render(s)...)
	}
	if c.Config.Materialized == Incremental && !c.delivered {
		for _, s := range p.steps(m, c, asTable, false, "") {
			out.refresh = append(out.refresh, p.render(s)...)
		}
	}
	return out
}

// render spells a group's statements in the project's dialect.
func (p *Project) render(g step) []string {
	out := make([]string, len(g))
	for i, s := range g {
		out[i] = s.SQL(p.Dialect)
	}
	return out
}

// scratch names a helper table of model name; short, so it fits every
// engine's identifier limit.
func scratch(prefix, name string) string {
	h := fnv.New32a()
	h.Write([]byte(name))
	short := name
	if len(short) > 30 {
		short = short[:30]
	}
	return fmt.Sprintf("_mtx_%s_%s_%08x", prefix, short, h.Sum32())
}

// MergeTable is the scratch table an incremental refresh of model merges
// through; finding it at the start of a run means a refresh was interrupted.
func MergeTable(model string) string { return scratch("merge", model) }

// steps returns the statements building c when its name exists as
// existing (absent, asView, asTable); fullRefresh rebuilds incremental
// models from scratch. They end with c's live view, if any (live.go).
//
// watermark is the literal of the stored watermark for a current-state
// refresh; "" renders a subquery reading it (what compile prints).
func (p *Project) steps(m dialects.Modeler, c *Compiled, existing string, fullRefresh bool, watermark string) []step {
	// A delivered table changes in place (merged by key, no load time):
	// no watermark says which rows changed, so its model is rebuilt.
	fullRefresh = fullRefresh || c.delivered
	return p.withLive(m, c, existing, fullRefresh, watermark, p.modelSteps(m, c, existing, fullRefresh, watermark))
}

// modelSteps returns the statements building c's own relation (see steps).
func (p *Project) modelSteps(m dialects.Modeler, c *Compiled, existing string, fullRefresh bool, watermark string) []step {
	q := p.Dialect.Quote
	rel := c.Relation
	drop := func() step {
		switch existing {
		case asView:
			return step{dialects.DropRelation{Relation: rel, Kind: dialects.View}}
		case asTable:
			return step{dropTable(rel, false)}
		}
		return nil
	}
	var indexes []step
	if c.Current != nil && p.Source == nil { // mtx never writes into a source schema
		if ix, ok := m.SourceIndex(p.Schema, c.Current.Name, c.Current.Name+"_mtx_key", c.Current.Key); ok {
			indexes = append(indexes, step{stmt(ix)})
		}
	}
	switch c.Config.Materialized {
	case View:
		out := indexes
		if existing == asTable {
			out = append(out, drop())
		}
		return append(out, step(dialects.ReplaceViewSteps(p.Dialect, rel, c.SQL)))
	case Table:
		if r, ok := m.(dialects.TableReplacer); ok {
			return replaceTable(r, c, existing, drop)
		}
		tmp := scratch("build", c.Name)
		out := []step{
			{dropTable(p.relation(tmp), true)},
			{dialects.CreateTableAs{Relation: p.relation(tmp), Query: c.SQL}},
		}
		if d := drop(); d != nil {
			out = append(out, d)
		}
		return append(out, step{dialects.RenameTable{Schema: p.Schema, From: tmp, To: c.Name}})
	}
	// Incremental.
	if c.Current == nil {
		if out, ok := p.userIncremental(m, c, existing, fullRefresh); ok {
			return out
		}
	}
	key := c.Config.UniqueKey
	if c.Current != nil {
		key = c.Current.Key
	}
	if existing != asTable || fullRefresh {
		tmp := scratch("build", c.Name)
		create := dialects.CreateTableAs{Relation: p.relation(tmp), Query: c.SQL}
		if c.Current != nil && !c.delivered {
			// Sorted as the full build returns its rows (dialects.KeyedTabler).
			create.Key = sortGrain(c.Current)
		}
		out := []step{
			{dropTable(p.relation(tmp), true)},
			{create},
		}
		if cp, ok := m.(dialects.Compactor); ok && c.Current != nil && !c.delivered {
			out = append(out, step{stmt(cp.Compact(p.relation(tmp)))})
		}
		if d := drop(); d != nil {
			out = append(out, d)
		}
		out = append(out, step{dialects.RenameTable{Schema: p.Schema, From: tmp, To: c.Name}})
		if r, ok := m.(dialects.TableReplacer); ok {
			out = replaceTable(r, c, existing, drop)
		}
		if ix, ok := m.KeyIndex(p.Schema, c.Name, c.Name+"_key", key); ok {
			out = append(out, step{stmt(ix)})
		}
		if c.Current != nil && !c.delivered {
			if ix, ok := m.KeyIndex(p.Schema, c.Name, c.Name+"_watermark", []string{c.watermark()}); ok {
				out = append(out, step{stmt(ix)})
			}
			if ix, ok := m.SourceIndex(p.Schema, c.Current.Name, c.Current.Name+"_mtx_watermark", []string{c.watermark()}); ok {
				out = append(out, step{stmt(ix)})
			}
		}
		if a, ok := m.Analyze(rel); ok {
			out = append(out, step{stmt(a)})
		}
		return out
	}
	scratchTable := p.scratchTables(m, c)
	// A current-state model: stage the raw rows that arrived since the
	// stored watermark (less the lookback), then rank them together with
	// the stored rows of the same keys, so a re-delivered old version
	// loses to the stored newer one exactly as in a full build.
	t := c.Current
	cols := columnList(q, t)
	wm := c.watermark()
	// The runner rebuilds from scratch when no stored row has a watermark,
	// so the stored maximum is never NULL here.
	stored := watermark
	if stored == "" {
		stored = "(SELECT MAX(" + q(wm) + ") FROM " + rel + ")"
	}
	cs := CurrentStateOf(t, p.relation(t.Name), q)
	merged, createMerged := scratchTable("merge")
	// (Snapshot tables are never incremental; were one, its ranking first
	// keeps the latest snapshot of the candidates, which needs every row.)
	if rid, ok := m.(dialects.RowIDer); ok && cs.Snapshot == nil {
		return rowIDRefresh(p, m, rid, c, cs, stored, merged, createMerged, scratchTable)
	}
	if tr, ok := m.(dialects.TailRanker); ok && tr.RankTailInPlace() {
		return p.inPlaceRefresh(m, c, cs, key, stored, merged, createMerged)
	}
	if mg, ok := m.(dialects.Merger); ok {
		return p.mergeRefresh(m, mg, c, cs, stored)
	}
	stage, createStage := scratchTable("new")
	match := keyMatch(p.Dialect, key, rel, stage)
	newRows := p.tail(m, c, cols, stored)
	cs.Source = fmt.Sprintf("(\n  SELECT %s FROM %s\n  UNION ALL\n  SELECT %s FROM %s WHERE %s\n) AS %s",
		cols, stage, cols, rel, match, q("_mtx_candidates"))
	cs.Where = ""
	return []step{
		{dropTable(stage, true)},
		{dropTable(merged, true)},
		{createStage(newRows)},
		{createMerged(m.CurrentStateSQL(cs))},
		{stmt(deleteKeysIn(p.Dialect, rel, key, stage, match)), stmt("INSERT INTO " + rel + " (" + cols + ")\nSELECT " + cols + " FROM " + merged)},
		{dropTable(stage, false)},
		{dropTable(merged, false)},
	}
}

// inPlaceRefresh is the refresh of an incremental current-state model on a
// dialects.TailRanker: one statement ranks the raw table's tail together
// with the stored rows of its keys into the merge table (the tail read
// twice, for its rows and for its keys), then the stored rows of the merge
// table's keys — exactly the tail's keys, since each of them has a winner —
// are replaced by it. No staging copy of the tail is written.
func (p *Project) inPlaceRefresh(m dialects.Modeler, c *Compiled, cs dialects.CurrentState, key []string, stored, merged string, createMerged func(string) dialects.Step) []step {
	q := p.Dialect.Quote
	rel := c.Relation
	cols := columnList(q, c.Current)
	tailKeys := "(" + p.tail(m, c, quoteList(q, key), stored) + ") AS " + q("_mtx_tail")
	cs.Source = fmt.Sprintf("(\n  %s\n  UNION ALL\n  SELECT %s FROM %s WHERE %s\n) AS %s",
		indent(p.tail(m, c, cols, stored), "  ")[2:], cols, rel, keyMatch(p.Dialect, key, rel, tailKeys), q("_mtx_candidates"))
	cs.Where = ""
	match := keyMatch(p.Dialect, key, rel, merged)
	return []step{
		{dropTable(merged, true)},
		{createMerged(m.CurrentStateSQL(cs))},
		{stmt(deleteKeysIn(p.Dialect, rel, key, merged, match)), stmt("INSERT INTO " + rel + " (" + cols + ")\nSELECT " + cols + " FROM " + merged)},
		{dropTable(merged, false)},
	}
}

// mergeRefresh is the refresh of an incremental current-state model on a
// dialects.Merger: one MERGE whose source ranks the raw table's tail
// together with the stored rows of its keys and keeps only the winners not
// stored already (on a full tie the stored row wins, so a re-read copy of
// itself is not rewritten). No scratch table is created, filled or dropped
// (on a warehouse each statement has a fixed cost of its own; six came
// before the MERGE), and the tail is read in one snapshot.
func (p *Project) mergeRefresh(m dialects.Modeler, mg dialects.Merger, c *Compiled, cs dialects.CurrentState, stored string) []step {
	q := p.Dialect.Quote
	rel := c.Relation
	t := c.Current
	cols := columnList(q, t)
	raw, tail, touched := p.tailAndTouched(m, c, stored)
	cs.Source = fmt.Sprintf("(\n  SELECT %s, 0 AS %s FROM %s WHERE %s\n  UNION ALL\n  SELECT %s, 1 FROM %s WHERE %s\n) AS %s",
		cols, q(storedColumn), raw, tail, cols, rel, touched, q("_mtx_candidates"))
	cs.Where = ""
	cs.Columns = append(append([]string{}, cs.Columns...), storedColumn)
	cs.Newest = append(append([]string{}, cs.Newest...), storedColumn)
	source := fmt.Sprintf("(\nSELECT %s FROM (\n%s\n) AS %s\nWHERE %s = 0\n)", cols, m.CurrentStateSQL(cs), q("_mtx_winners"), q(storedColumn))
	var names []string
	for _, col := range t.Columns {
		names = append(names, col.Name)
	}
	// The winners are unique by grain, so one MERGE replaces or adds them.
	return []step{{stmt(mg.Merge(rel, source, Grain(t), names))}}
}

// tailAndTouched returns the raw relation and condition of c's tail (see
// tailWhere) and the condition "a stored row of model c has a key the
// tail holds": IN for one key column, EXISTS for several.
func (p *Project) tailAndTouched(m dialects.Modeler, c *Compiled, stored string) (raw, tail, touched string) {
	q := p.Dialect.Quote
	key := c.Current.Key
	raw, tail = p.tailWhere(m, c, stored)
	tailKeys := fmt.Sprintf("SELECT %s FROM %s WHERE %s", quoteList(q, key), raw, tail)
	if len(key) == 1 {
		return raw, tail, keyMatch(p.Dialect, key, c.Relation, "("+tailKeys+") AS "+q("_mtx_tail"))
	}
	return raw, tail, tailHas(q, key, tailKeys, c.Relation)
}

// Helper columns of a row-id refresh's candidates.
const (
	storedColumn = "_mtx_stored"
	rowColumn    = "_mtx_row"
)

// rowIDRefresh is the refresh of an incremental (not snapshot) current-state
// model on an engine with row ids. The candidates are the tail's raw rows and
// the stored rows with their keys, but only the columns ranking reads (grain
// and version), each with its row id and whether it is stored. Ranking them
// picks one winner per grain; a stored row that still wins (on a full tie
// too, as a re-read copy of itself does) stays untouched, a stored row that
// lost is deleted by its id, and the raw winners are inserted straight from
// the raw table by their ids (the refresh is one transaction, so the ids
// hold). Nothing but the narrow candidates is copied, the model table's key
// is searched once, and a refresh that re-reads rows it already merged (the
// lookback) rewrites nothing.
func rowIDRefresh(p *Project, m dialects.Modeler, rid dialects.RowIDer, c *Compiled, cs dialects.CurrentState,
	stored string, merged string, createMerged func(string) dialects.Step,
	scratchTable func(string) (string, func(string) dialects.Step)) []step {
	q := p.Dialect.Quote
	rel := c.Relation
	t := c.Current
	var ranked []string
	seen := map[string]bool{}
	for _, col := range append(append([]string{}, cs.Grain...), cs.Newest...) {
		if !seen[col] {
			seen[col] = true
			ranked = append(ranked, q(col))
		}
	}
	narrow := strings.Join(ranked, ", ")
	cand, createCand := scratchTable("cand")
	raw, tail, touched := p.tailAndTouched(m, c, stored)
	candidates := fmt.Sprintf("SELECT %s, 0 AS %s, %s AS %s FROM %s WHERE %s\nUNION ALL\nSELECT %s, 1, %s FROM %s WHERE %s",
		narrow, q(storedColumn), rid.RowID(), q(rowColumn), raw, tail,
		narrow, rid.RowID(), rel, touched)
	cs.Where = ""
	cs.Columns = []string{storedColumn, rowColumn}
	cs.Newest = append(append([]string{}, cs.Newest...), storedColumn)
	cols := columnList(q, t)
	// The new winners, straight from the raw table (the tail's condition
	// lets the engine skip old raw rows before matching ids).
	insert := "INSERT INTO " + rel + " (" + cols + ")\nSELECT " + cols + " FROM " + raw + " WHERE " + tail + " AND " +
		rid.RowIDIn(fmt.Sprintf("SELECT %s FROM %s WHERE %s = 0", q(rowColumn), merged, q(storedColumn)))
	if cr, ok := m.(dialects.ChangeRanker); ok {
		// One pass keeps just the changes: stored losers and new winners.
		cs.Source = "(\n" + candidates + "\n) AS " + q("_mtx_candidates")
		return []step{
			{dropTable(merged, true)},
			{createMerged(cr.RankChanges(cs, storedColumn))},
			{
				stmt("DELETE FROM " + rel + " WHERE " + rid.RowIDIn(fmt.Sprintf("SELECT %s FROM %s WHERE %s = 1", q(rowColumn), merged, q(storedColumn)))),
				stmt(insert),
			},
			{dropTable(merged, false)},
		}
	}
	cs.Source = cand
	return []step{
		{dropTable(cand, true)},
		{dropTable(merged, true)},
		{createCand(candidates)},
		{createMerged(m.CurrentStateSQL(cs))},
		{
			stmt("DELETE FROM " + rel + " WHERE " + rid.RowIDIn(fmt.Sprintf("SELECT %s FROM %s WHERE %s = 1 EXCEPT SELECT %s FROM %s WHERE %s = 1",
				q(rowColumn), cand, q(storedColumn), q(rowColumn), merged, q(storedColumn)))),
			stmt(insert),
		},
		{dropTable(cand, false)},
		{dropTable(merged, false)},
	}
}

// scratchTables returns, for helper tables of c's refresh, a table's
// relation and how to create it from a query: temporary where the whole
// refresh is one transaction, ordinary (and visible to the next run if
// this one stops) elsewhere.
func (p *Project) scratchTables(m dialects.Modeler, c *Compiled) func(prefix string) (rel string, create func(query string) dialects.Step) {
	_, temp := m.CreateTempTableAs("t", "SELECT 1")
	temp = temp && p.Dialect.TransactionalDDL()
	return func(prefix string) (string, func(string) dialects.Step) {
		name := scratch(prefix, c.Name)
		if temp {
			return p.Dialect.Quote(name), func(query string) dialects.Step {
				st, _ := m.CreateTempTableAs(name, query)
				return stmt(st)
			}
		}
		return p.relation(name), func(query string) dialects.Step {
			return dialects.CreateTableAs{Relation: p.relation(name), Query: query}
		}
	}
}

// replaceTable builds c in one CREATE OR REPLACE TABLE (after dropping a
// view of the same name).
func replaceTable(r dialects.TableReplacer, c *Compiled, existing string, drop func() step) []step {
	var out []step
	if existing == asView {
		out = append(out, drop())
	}
	return append(out, step{stmt(r.ReplaceTableAs(c.Relation, c.SQL))})
}

// watermark is the column an incremental current-state refresh compares.
func (c *Compiled) watermark() string {
	if c.Config.Watermark != "" {
		return c.Config.Watermark
	}
	return catalog.LoadedAtColumn
}

func columnList(q func(string) string, t *catalog.Table) string {
	var cols []string
	for _, c := range t.Columns {
		cols = append(cols, q(c.Name))
	}
	return strings.Join(cols, ", ")
}

// deleteKeysIn deletes target's rows whose key is in stage: "DELETE FROM
// target WHERE match", or the dialect's own statement where that form
// cannot use the target's key index (dialects.KeyDeleter).
func deleteKeysIn(d dialects.Dialect, target string, key []string, stage, match string) string {
	if kd, ok := d.(dialects.KeyDeleter); ok {
		return kd.DeleteKeysIn(target, key, stage)
	}
	return "DELETE FROM " + target + " WHERE " + match
}

// keyMatch is the condition "target's row has a key present in stage":
// IN for one column, EXISTS for several.
func keyMatch(d dialects.Dialect, key []string, target, stage string) string {
	q := d.Quote
	if len(key) == 1 {
		if km, ok := d.(dialects.KeySetMatcher); ok {
			return km.InKeys(key[0], stage)
		}
		return fmt.Sprintf("%s IN (SELECT %s FROM %s)", q(key[0]), q(key[0]), stage)
	}
	var eq []string
	for _, k := range key {
		eq = append(eq, fmt.Sprintf("%s.%s = %s.%s", q("_mtx_s"), q(k), target, q(k)))
	}
	return fmt.Sprintf("EXISTS (SELECT 1 FROM %s AS %s WHERE %s)", stage, q("_mtx_s"), strings.Join(eq, " AND "))
}
