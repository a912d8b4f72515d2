package demo

import (
	"fmt"
	"strings"
	"time"

	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/internal/exportfile"
)

type row = exportfile.Row

const (
	production = "PRODUCTION"
	sandbox    = "SANDBOX"
)

// gen records every version of every row while it builds the world, then
// files() turns the record into transfers.
type gen struct {
	cat   *catalog.Catalog
	opt   Options
	r     rng
	start time.Time // first day of the export
	days  int       // day index of the last transfer day
	asOf  time.Time

	incr    map[string][]timed
	snap    map[string]*snapSource
	current map[string]int
	known   Known

	envs      []*envWorld
	customers []*customer
	invoices  []*invRecord
	info      map[string]*colInfo
	perEnv    map[string]int // customers so far per environment
	drafts    map[int64][]draft
}

// snapSource produces the rows of one snapshot table at a snapshot time:
// from entities with versions (most tables) or from a function (drafts,
// whose content changes every day).
type snapSource struct {
	dailyOnly bool
	ents      []*snapEnt
	fn        func(t time.Time) []row
}

// snapEnt is one row of a snapshot table over time: it appears with its
// first version and disappears at removed.
type snapEnt struct {
	versions []timed
	removed  time.Time
}

func (s *snapSource) at(t time.Time) []row {
	if s.fn != nil {
		return s.fn(t)
	}
	var out []row
	for _, e := range s.ents {
		if e.versions[0].at.After(t) || (!e.removed.IsZero() && !e.removed.After(t)) {
			continue
		}
		v := e.versions[0]
		for _, w := range e.versions[1:] {
			if !w.at.After(t) {
				v = w
			}
		}
		out = append(out, v.row)
	}
	return out
}

func copyRow(r row) row {
	c := make(row, len(r))
	for k, v := range r {
		c[k] = v
	}
	return c
}

func newGen(cat *catalog.Catalog, o Options) (*gen, error) {
	g := &gen{cat: cat, opt: o, r: newRNG(o.Seed, 1), start: o.Start,
		incr: map[string][]timed{}, snap: map[string]*snapSource{}, current: map[string]int{}, info: map[string]*colInfo{}, perEnv: map[string]int{}, drafts: map[int64][]draft{}}
	last := o.Start.AddDate(0, o.Months-1, 19)
	g.days = int(last.Sub(o.Start) / (24 * time.Hour))
	g.asOf = last.Add(8 * time.Hour)
	g.known = Known{AsOf: g.asOf, Customers: map[string]int{}, Events: map[string]int{}}
	for _, t := range cat.Tables() {
		if t.Kind == catalog.Snapshot {
			g.snap[t.Name] = &snapSource{}
		}
	}
	for _, name := range []string{"breakdowns_draft_invoices", "breakdowns_draft_line_items"} {
		if s, ok := g.snap[name]; ok {
			s.dailyOnly = true
		}
	}
	return g, nil
}

// dayAt returns midnight of day index d.
func (g *gen) dayAt(d int) time.Time { return g.start.AddDate(0, 0, d) }

func (g *gen) monthStart(m int) time.Time { return g.start.AddDate(0, m, 0) }

// end is the first moment with no activity: midnight of the last day.
func (g *gen) end() time.Time { return g.dayAt(g.days) }

// fill completes r for table: documented NOT NULL columns that the
// generator left empty get a plausible value, so data tests on them pass.
func (g *gen) fill(table string, r row, at time.Time) row {
	info := g.tableInfo(table)
	for _, c := range info.notNull {
		if _, set := r[c.Name]; set {
			continue
		}
		switch c.Type {
		case catalog.String:
			r[c.Name] = hashID(c.Name+"_", table, r["id"])
		case catalog.JSON:
			r[c.Name] = "{}"
		case catalog.Decimal:
			r[c.Name] = "0"
		case catalog.Boolean:
			r[c.Name] = false
		case catalog.Timestamp:
			r[c.Name] = at
		case catalog.Integer:
			r[c.Name] = int64(0)
		case catalog.Float:
			r[c.Name] = 0.0
		}
	}
	for k := range r {
		if !info.has[k] {
			panic(fmt.Sprintf("demo: table %s has no column %s", table, k))
		}
	}
	return r
}

// colInfo caches what fill needs about a table's columns.
type colInfo struct {
	table   *catalog.Table
	notNull []catalog.Column
	has     map[string]bool
}

func (g *gen) tableInfo(table string) *colInfo {
	if info, ok := g.info[table]; ok {
		return info
	}
	t, ok := g.cat.Table(table)
	if !ok {
		panic("demo: unknown table " + table)
	}
	info := &colInfo{table: t, has: map[string]bool{}}
	for _, c := range exportfile.Columns(t) {
		info.has[c.Name] = true
		if c.DocumentedNotNull() {
			info.notNull = append(info.notNull, c)
		}
	}
	g.info[table] = info
	return info
}

// emit records a version of a row of an incremental table, changed at at.
// Versions from before the export started arrive in its first transfer.
// Its key is read from the table's key columns.
func (g *gen) emit(table string, at time.Time, r row) {
	t, ok := g.cat.Table(table)
	if !ok {
		return // a table the catalog does not have (yet): nothing to write
	}
	if at.Before(g.start) {
		at = g.start.Add(-time.Hour)
	}
	var key []string
	for _, k := range t.Key {
		key = append(key, fmt.Sprint(r[k]))
	}
	g.incr[table] = append(g.incr[table], timed{at: at, key: strings.Join(key, "\x00"), row: g.fill(table, r, at)})
}

// entity starts a row of a snapshot table, present from at.
func (g *gen) entity(table string, at time.Time, r row) *snapEnt {
	e := &snapEnt{versions: []timed{{at: at, row: g.fill(table, r, at)}}}
	if s, ok := g.snap[table]; ok {
		s.ents = append(s.ents, e)
	}
	return e
}

// update records a new version of a snapshot row from at: the previous
// version with changes applied.
func (e *snapEnt) update(at time.Time, changes row) {
	next := copyRow(e.versions[len(e.versions)-1].row)
	for k, v := range changes {
		next[k] = v
	}
	next["updated_at"] = at
	e.versions = append(e.versions, timed{at: at, row: next})
}
