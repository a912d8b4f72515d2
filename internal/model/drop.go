package model

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/mtxhq/mtx/dialects"
)

// Readers returns the models that read any of tables, directly or through
// other models, dependents first: the order to drop them in before the
// tables go (a migration rolling back).
func (g *Graph) Readers(tables []string) []string {
	want := map[string]bool{}
	for _, t := range tables {
		want[t] = true
	}
	picked := map[string]bool{}
	for _, n := range g.Order {
		for _, s := range g.Nodes[n].Sources {
			if want[s] {
				picked[n] = true
				g.walk(n, func(x string) []string { return g.children[x] }, picked)
			}
		}
	}
	var out []string
	for i := len(g.Order) - 1; i >= 0; i-- {
		if picked[g.Order[i]] {
			out = append(out, g.Order[i])
		}
	}
	return out
}

// Dropped is one relation DropModels removed.
type Dropped struct {
	Model, Relation, Kind string // Kind: "view" or "table"
}

// DropModels drops the named models (in the order given: dependents
// first) where they exist, each with its live view and an interrupted
// refresh's merge table. A model that does not exist is skipped.
func (r *Runner) DropModels(ctx context.Context, g *Graph, names []string) ([]Dropped, error) {
	m := r.Project.Dialect
	existing, err := r.relations(ctx, m)
	if err != nil {
		return nil, err
	}
	var out []Dropped
	drop := func(model, name string) error {
		kind := existing[strings.ToLower(name)]
		if kind == absent {
			return nil
		}
		d := dialects.DropRelation{Relation: r.Project.relation(name), Kind: dialects.Table}
		if kind == asView {
			d.Kind = dialects.View
		}
		if err := r.run(ctx, r.DB, d); err != nil {
			return fmt.Errorf("dropping model %s: %w", model, err)
		}
		delete(existing, strings.ToLower(name))
		out = append(out, Dropped{Model: model, Relation: name, Kind: kind})
		return nil
	}
	for _, n := range names {
		for _, rel := range []string{LiveView(n), n, MergeTable(n)} {
			if err := drop(n, rel); err != nil {
				return out, err
			}
		}
	}
	return out, nil
}

// ForeignDependents lists the views, not among models (nor their live
// views), that depend on schema.table on an engine whose views bind to the
// tables they read (dialects.ViewBinder): dropping the table would fail
// there, and mtx does not drop what it did not build. Nil elsewhere.
func (r *Runner) ForeignDependents(ctx context.Context, table string, models []string) ([]string, error) {
	vb, ok := r.Project.Dialect.(dialects.ViewBinder)
	if !ok {
		return nil, nil
	}
	ours := map[string]bool{}
	for _, n := range models {
		ours[strings.ToLower(n)] = true
		ours[strings.ToLower(LiveView(n))] = true
	}
	rows, err := r.DB.QueryContext(ctx, vb.DependentViewsQuery(r.Project.Schema, table))
	if err != nil {
		return nil, fmt.Errorf("listing the views that depend on %s.%s: %w", r.Project.Schema, table, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var schema, name, kind, def string
		if err := rows.Scan(&schema, &name, &kind, &def); err != nil {
			return nil, err
		}
		if strings.EqualFold(schema, r.Project.Schema) && ours[strings.ToLower(name)] {
			continue
		}
		out = append(out, schema+"."+name)
	}
	sort.Strings(out)
	return out, rows.Err()
}
