package model

import (
	"fmt"
	"path"
	"sort"
	"strings"
	"text/template"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/internal/discover"
)

// Project is what compiling needs: the target's dialect and schema, the
// export tables, and the models. Compiling connects to nothing.
type Project struct {
	Dialect dialects.Dialect
	// Schema holds the export tables and the models built on them.
	Schema  string
	Catalog *catalog.Catalog
	// Selected says which export tables the project created (nil: all);
	// source() and current_state() refuse the others.
	Selected func(table string) bool
	Models   *Registry
	// Source, when set, is the schema Metronome's sync service delivers
	// the export tables into (source mode): source() and current_state()
	// read the delivered tables there, and a model needing a table it
	// lacks is skipped. Nil: the raw tables mtx loads into Schema.
	Source *discover.Schema
	// Options size the NULL a delivered table's missing column reads as
	// (zero: the defaults).
	Options dialects.Options
}

// Compiled is one node rendered for the project's dialect.
type Compiled struct {
	*Node
	// Relation is the quoted, qualified name the model is built as.
	Relation string
	// SQL is the SELECT a full build runs.
	SQL string
	// IncrementalSQL is the SELECT an incremental run of a user model
	// stages ({{ if is_incremental }} true).
	IncrementalSQL string
	// Deps are the models it refs, sorted.
	Deps []string
	// Current is the export table when the model is {{ current_state "t" }}:
	// incremental runs then merge with the current-state strategy.
	Current *catalog.Table
	// Sources are the export tables it reads.
	Sources []string
	// Missing are the export tables it reads that the source schema lacks
	// (source mode): the model is skipped.
	Missing []string
	// delivered: a current-state model on a delivered table (source
	// mode), rebuilt in full by every run and without a live view.
	delivered bool
	// columns are the output columns of a user incremental model with
	// newest, read by the Runner before building it (nil when compiling:
	// the statements then show a placeholder).
	columns []string
}

// Graph is every compiled node and their dependencies.
type Graph struct {
	Nodes map[string]*Compiled
	// Skipped are the models left out in source mode, by name, each with
	// the reason (the table the source schema lacks, or the skipped model
	// it refs).
	Skipped  map[string]string
	Order    []string // topological: every model after the models it refs
	children map[string][]string
}

func (p *Project) relation(name string) string {
	return p.Dialect.Quote(p.Schema) + "." + p.Dialect.Quote(name)
}

// Compile renders every node and orders them, failing on an unknown ref or
// source and on a cycle (naming it).
func (p *Project) Compile() (*Graph, error) {
	m := p.Dialect
	g := &Graph{Nodes: map[string]*Compiled{}, Skipped: map[string]string{}, children: map[string][]string{}}
	for _, name := range p.Models.Names() {
		n, _ := p.Models.Get(name)
		c, err := p.compile(m, n)
		if err != nil {
			return nil, err
		}
		g.Nodes[name] = c
	}
	g.skipMissing()
	for name := range g.Nodes {
		for _, d := range g.Nodes[name].Deps {
			g.children[d] = append(g.children[d], name)
		}
	}
	var err error
	if g.Order, err = g.topo(); err != nil {
		return nil, err
	}
	if err := g.checkLive(); err != nil {
		return nil, err
	}
	return g, nil
}

func (p *Project) compile(m dialects.Modeler, n *Node) (*Compiled, error) {
	c := &Compiled{Node: n, Relation: p.relation(n.Name)}
	deps := map[string]bool{}
	sources := map[string]bool{}
	missing := map[string]bool{}
	render := func(incremental bool) (string, error) {
		var ferr error
		fail := func(format string, args ...any) string {
			if ferr == nil {
				ferr = fmt.Errorf("model %s (%s): "+format, append([]any{n.Name, n.Origin}, args...)...)
			}
			return "NULL"
		}
		table := func(name, fn string) *catalog.Table {
			t, ok := p.Catalog.Table(name)
			if !ok {
				fail("%s %q: no such export table (see mtx catalog)", fn, name)
				return nil
			}
			if p.Selected != nil && !p.Selected(name) {
				fail("%s %q: the table is not in project.yaml's table selection", fn, name)
				return nil
			}
			if p.Source != nil {
				if _, ok := p.Source.Table(name); !ok {
					missing[name] = true
					return nil
				}
			}
			sources[name] = true
			return t
		}
		funcs := template.FuncMap{
			"ref": func(name string) string {
				if _, ok := p.Models.Get(name); !ok {
					return fail("ref %q: no such model", name)
				}
				if name == n.Name {
					return fail("ref %q: a model cannot ref itself (use this)", name)
				}
				deps[name] = true
				return p.relation(name)
			},
			"source": func(name string) string {
				if t := table(name, "source"); t != nil {
					if _, ok := p.Models.Get(name); ok && p.Source != nil && name != n.Name {
						// Source mode: the delivered table's view (SourceViewNodes).
						deps[name] = true
					}
					return p.relation(name)
				}
				return "NULL"
			},
			"delivered_table": func(name string) string {
				if p.Source == nil {
					return fail("delivered_table %q: only in source mode (source_schema)", name)
				}
				if table(name, "delivered_table") == nil {
					return "NULL" // missing: the model is skipped
				}
				ft, _ := p.Source.Table(name)
				return p.deliveredSelect(ft)
			},
			"current_state": func(name string) string {
				t := table(name, "current_state")
				if t == nil {
					return "NULL"
				}
				c.Current = t
				if p.Source != nil {
					ft, _ := p.Source.Table(name)
					c.delivered = true
					return m.CurrentStateSQL(p.DeliveredStateOf(ft))
				}
				return m.CurrentStateSQL(CurrentStateOf(t, p.relation(name), p.Dialect.Quote))
			},
			"this":           func() string { return c.Relation },
			"is_incremental": func() bool { return incremental },
			"quote":          p.Dialect.Quote,
		}
		tmpl, err := template.New(n.Name).Funcs(funcs).Option("missingkey=error").Parse(n.SQL)
		if err != nil {
			return "", fmt.Errorf("model %s (%s): %w", n.Name, n.Origin, err)
		}
		var b strings.Builder
		if err := tmpl.Execute(&b, nil); err != nil {
			if ferr != nil {
				return "", ferr
			}
			return "", fmt.Errorf("model %s (%s): %w", n.Name, n.Origin, err)
		}
		if ferr != nil {
			return "", ferr
		}
		return strings.TrimSpace(b.String()), nil
	}
	var err error
	if c.SQL, err = render(false); err != nil {
		return nil, err
	}
	if n.Config.Materialized == Incremental {
		if c.IncrementalSQL, err = render(true); err != nil {
			return nil, err
		}
		if c.Current != nil && c.Current.Kind == catalog.Snapshot {
			return nil, fmt.Errorf("model %s (%s): materialized incremental needs an incremental table; %s is a snapshot table, replaced by each snapshot (use table)", n.Name, n.Origin, c.Current.Name)
		}
		if c.Current == nil && len(n.Config.UniqueKey) == 0 {
			return nil, fmt.Errorf("model %s (%s): materialized incremental needs unique_key", n.Name, n.Origin)
		}
		if c.Current != nil && len(n.Config.Newest) > 0 {
			return nil, fmt.Errorf("model %s (%s): newest is for user models; a current_state model ranks by its table's version columns", n.Name, n.Origin)
		}
	}
	for d := range deps {
		c.Deps = append(c.Deps, d)
	}
	sort.Strings(c.Deps)
	for s := range sources {
		c.Sources = append(c.Sources, s)
	}
	sort.Strings(c.Sources)
	for s := range missing {
		c.Missing = append(c.Missing, s)
	}
	sort.Strings(c.Missing)
	return c, nil
}

// skipMissing removes the models that read a table the source schema
// lacks, and every model that refs one of them, recording why.
func (g *Graph) skipMissing() {
	for name, c := range g.Nodes {
		if len(c.Missing) > 0 {
			g.Skipped[name] = "source schema lacks table " + strings.Join(c.Missing, ", ")
		}
	}
	for changed := true; changed; {
		changed = false
		for name, c := range g.Nodes {
			if _, done := g.Skipped[name]; done {
				continue
			}
			for _, d := range c.Deps {
				if _, ok := g.Skipped[d]; ok {
					g.Skipped[name] = "needs skipped model " + d
					changed = true
					break
				}
			}
		}
	}
	for name := range g.Skipped {
		delete(g.Nodes, name)
	}
}

// topo orders the nodes so every model follows its deps; a cycle is an
// error naming it (a -> b -> a).
func (g *Graph) topo() ([]string, error) {
	const (
		white = iota
		grey
		black
	)
	color := map[string]int{}
	var order, stack []string
	var visit func(string) error
	visit = func(n string) error {
		switch color[n] {
		case grey:
			i := len(stack) - 1
			for stack[i] != n {
				i--
			}
			cycle := append(append([]string{}, stack[i:]...), n)
			return fmt.Errorf("models form a cycle: %s", strings.Join(cycle, " -> "))
		case black:
			return nil
		}
		color[n] = grey
		stack = append(stack, n)
		for _, d := range g.Nodes[n].Deps {
			if err := visit(d); err != nil {
				return err
			}
		}
		stack = stack[:len(stack)-1]
		color[n] = black
		order = append(order, n)
		return nil
	}
	names := make([]string, 0, len(g.Nodes))
	for n := range g.Nodes {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if err := visit(n); err != nil {
			return nil, err
		}
	}
	return order, nil
}

// Select returns the models the selectors pick, in build order. A selector
// is a model name or glob (current_*), tag:NAME, with + before (and every
// model it depends on) and/or after (and every model depending on it).
// Selectors are separated by spaces or commas; their union is selected. No
// selector selects everything.
func (g *Graph) Select(selectors []string) ([]string, error) {
	return g.SelectExclude(selectors, nil)
}

// SelectExclude is Select less the models the exclude selectors pick
// (same syntax); an exclude selector matching no model is an error too.
func (g *Graph) SelectExclude(selectors, exclude []string) ([]string, error) {
	picked, err := g.pick("--select", selectors)
	if err != nil {
		return nil, err
	}
	dropped := map[string]bool{}
	if len(splitSelectors(exclude)) > 0 {
		if dropped, err = g.pick("--exclude", exclude); err != nil {
			return nil, err
		}
	}
	var out []string
	for _, n := range g.Order {
		if (picked == nil || picked[n]) && !dropped[n] {
			out = append(out, n)
		}
	}
	return out, nil
}

func splitSelectors(selectors []string) []string {
	var sels []string
	for _, s := range selectors {
		sels = append(sels, strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' })...)
	}
	return sels
}

// pick returns the models the selectors pick; nil (all) when there are none.
func (g *Graph) pick(flag string, selectors []string) (map[string]bool, error) {
	sels := splitSelectors(selectors)
	if len(sels) == 0 {
		return nil, nil
	}
	picked := map[string]bool{}
	for _, sel := range sels {
		up := strings.HasPrefix(sel, "+")
		down := strings.HasSuffix(sel, "+")
		base := strings.TrimSuffix(strings.TrimPrefix(sel, "+"), "+")
		var matched []string
		if tag, ok := strings.CutPrefix(base, "tag:"); ok {
			for _, n := range g.Order {
				for _, t := range g.Nodes[n].Config.Tags {
					if t == tag {
						matched = append(matched, n)
						break
					}
				}
			}
		} else {
			if _, err := path.Match(base, ""); err != nil {
				return nil, fmt.Errorf("%s %q: bad pattern", flag, sel)
			}
			for _, n := range g.Order {
				if ok, _ := path.Match(base, n); ok {
					matched = append(matched, n)
				}
			}
		}
		if len(matched) == 0 {
			if why, ok := g.Skipped[base]; ok {
				return nil, fmt.Errorf("%s %q: model %s is skipped (%s)", flag, sel, base, why)
			}
			return nil, fmt.Errorf("%s %q matches no model%s", flag, sel, g.liveHint(sel))
		}
		for _, n := range matched {
			picked[n] = true
			if up {
				g.walk(n, func(x string) []string { return g.Nodes[x].Deps }, picked)
			}
			if down {
				g.walk(n, func(x string) []string { return g.children[x] }, picked)
			}
		}
	}
	return picked, nil
}

// Children returns the models that ref name, sorted.
func (g *Graph) Children(name string) []string {
	out := append([]string(nil), g.children[name]...)
	sort.Strings(out)
	return out
}

func (g *Graph) walk(n string, next func(string) []string, seen map[string]bool) {
	for _, m := range next(n) {
		if !seen[m] {
			seen[m] = true
			g.walk(m, next, seen)
		}
	}
}

// Script renders the statements building the selected models as one SQL
// script, as `mtx compile` prints it: every model's full build, and for
// incremental models the statements of a refresh too.
func (g *Graph) Script(p *Project, names []string) (string, error) {
	m := p.Dialect
	var b strings.Builder
	for _, name := range names {
		c := g.Nodes[name]
		fmt.Fprintf(&b, "-- model %s (%s, %s)\n", name, c.Config.Materialized, c.Origin)
		if c.Config.Description != "" {
			fmt.Fprintf(&b, "-- %s\n", c.Config.Description)
		}
		plan := p.plan(m, c)
		for _, st := range plan.full {
			b.WriteString(st + ";\n\n")
		}
		if len(plan.refresh) > 0 {
			fmt.Fprintf(&b, "-- refresh of %s when it exists:\n", name)
			for _, st := range plan.refresh {
				b.WriteString(st + ";\n\n")
			}
		}
	}
	return b.String(), nil
}
