package docsite

import (
	"sort"
	"strings"

	"github.com/mtxhq/mtx/internal/diagram"
)

// erd draws the selected tables with their keys and the columns that refer
// to other tables, one edge per pair of related tables (parent left). With
// focus set it draws only that table and the tables related to it, for the
// table's page one folder down.
func (s Site) erd(v *view, colour map[string]string, focus string) (string, error) {
	keep := func(string) bool { return true }
	root := ""
	if focus != "" {
		near := map[string]bool{focus: true}
		for _, r := range v.Relations {
			if r.Table == focus || r.To == focus {
				near[r.Table], near[r.To] = true, true
			}
		}
		keep = func(t string) bool { return near[t] }
		root = "../"
	}
	var g diagram.Graph
	fks := map[string]map[string]bool{}
	type pair struct{ from, to string }
	cols := map[pair][]string{}
	var pairs []pair
	for _, r := range v.Relations {
		if !keep(r.Table) || !keep(r.To) || (focus != "" && r.Table != focus && r.To != focus) {
			continue
		}
		if fks[r.Table] == nil {
			fks[r.Table] = map[string]bool{}
		}
		fks[r.Table][r.Column] = true
		p := pair{r.To, r.Table}
		if cols[p] == nil {
			pairs = append(pairs, p)
		}
		cols[p] = append(cols[p], r.Table+"."+r.Column+" → "+r.To+"."+r.ToColumn)
	}
	for _, t := range v.Tables {
		if !keep(t.Name) {
			continue
		}
		n := diagram.Node{ID: t.Name, Title: t.Name, Href: root + t.URL, Fill: colour[t.Group],
			Tooltip: t.Name + " (" + t.Group + ", " + t.Kind + ")"}
		for _, c := range t.Columns {
			switch {
			case c.Key:
				n.Lines = append(n.Lines, "PK "+c.Name)
			case fks[t.Name][c.Name]:
				n.Lines = append(n.Lines, "FK "+c.Name)
			}
		}
		g.Nodes = append(g.Nodes, n)
	}
	for _, p := range pairs {
		g.Edges = append(g.Edges, diagram.Edge{From: p.from, To: p.to, Tooltip: strings.Join(cols[p], "\n")})
	}
	if focus != "" {
		return diagram.Render(g, "erd-"+focus, "Tables related to "+focus)
	}
	return diagram.Render(g, "erd", "Entity-relationship diagram of the export tables")
}

// Lineage colours by node kind.
var lineageColours = map[string]string{
	"export table":  "#e0f2fe",
	"current state": "#dcfce7",
	"cookbook view": "#fef9c3",
	"project model": "#fce7f3",
}

// lineage draws export tables -> models -> models. With focus set it draws
// only focus's ancestors and descendants, for a page one folder down.
func (s Site) lineage(focus string, children map[string][]string) (string, error) {
	keep := map[string]bool{}
	root := ""
	if focus == "" {
		for n := range s.Graph.Nodes {
			keep[n] = true
		}
	} else {
		root = "../"
		var up, down func(string)
		up = func(n string) {
			keep[n] = true
			for _, d := range s.Graph.Nodes[n].Deps {
				if !keep[d] {
					up(d)
				}
			}
		}
		down = func(n string) {
			for _, c := range children[n] {
				if !keep[c] {
					keep[c] = true
					down(c)
				}
			}
		}
		up(focus)
		down(focus)
	}
	var names []string
	for n := range keep {
		names = append(names, n)
	}
	sort.Strings(names)
	var g diagram.Graph
	sources := map[string]bool{}
	for _, n := range names {
		c := s.Graph.Nodes[n]
		kind := modelKind(c)
		node := diagram.Node{ID: "model:" + n, Title: n, Href: root + modelURL(n), Fill: lineageColours[kind],
			Lines: []string{c.Config.Materialized}, Tooltip: n + " (" + kind + ", " + c.Config.Materialized + ")"}
		if n == focus {
			node.Fill = "#fde68a"
		}
		g.Nodes = append(g.Nodes, node)
		for _, d := range c.Deps {
			if !keep[d] {
				continue // a sibling's parent, outside a focused graph
			}
			g.Edges = append(g.Edges, diagram.Edge{From: "model:" + d, To: "model:" + n, Tooltip: d + " → " + n})
		}
		for _, t := range c.Sources {
			sources[t] = true
			g.Edges = append(g.Edges, diagram.Edge{From: "table:" + t, To: "model:" + n, Tooltip: t + " → " + n})
		}
	}
	var tables []string
	for t := range sources {
		tables = append(tables, t)
	}
	sort.Strings(tables)
	for _, t := range tables {
		g.Nodes = append(g.Nodes, diagram.Node{ID: "table:" + t, Title: t, Href: root + tableURL(t), Fill: lineageColours["export table"],
			Lines: []string{"export table"}, Tooltip: t + " (export table)"})
	}
	title := "Lineage of every model"
	id := "lineage"
	if focus != "" {
		title = "Lineage of " + focus
		id = "lineage-" + focus
	}
	return diagram.Render(g, id, title)
}
