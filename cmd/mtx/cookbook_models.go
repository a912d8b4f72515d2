package main

import (
	"github.com/mtxhq/mtx/internal/cookbook"
	"github.com/mtxhq/mtx/internal/model"
)

// cookbookModels turns every cookbook entry (shipped, plus the project's
// cookbook/ folder) into a view model cookbook_<name> with the parameters'
// defaults, so `mtx run` builds them after the current-state models they
// read. Entries reading a table outside the project's selection are left
// out: their current-state models do not exist.
func cookbookModels(g *globalFlags, e *env) ([]*model.Node, error) {
	book, err := g.loadBook()
	if err != nil {
		return nil, err
	}
	return cookbookNodes(book, e)
}

// cookbookNodes are the view models of book's entries for e's target.
func cookbookNodes(book *cookbook.Book, e *env) ([]*model.Node, error) {
	r, err := cookbook.NewRenderer(e.Dialect, e.Options, e.history.Current())
	if err != nil {
		return nil, err
	}
	var nodes []*model.Node
	for _, entry := range book.Entries() {
		rd, err := r.ModelSQL(entry)
		if err != nil {
			return nil, err
		}
		selected := true
		for _, t := range rd.Tables {
			if e.selected != nil && !e.selected(t) {
				selected = false
			}
		}
		if !selected {
			continue
		}
		nodes = append(nodes, &model.Node{
			Name:   cookbook.ViewName(entry),
			Origin: "cookbook " + entry.Name,
			SQL:    viewBody(rd.SQL),
			Config: model.Config{Materialized: model.View, Tags: model.StringList{"cookbook"}, Description: entry.Description},
		})
	}
	return nodes, nil
}

// viewBody wraps an entry's query in a derived table. A view is an
// unordered set, and an entry's ORDER BY by position breaks a mergeable
// view on MariaDB: it merges the view into the outer query and reads
// "ORDER BY 2" against that query's columns (SELECT COUNT(*) FROM the view
// fails with "Unknown column '2' in 'ORDER BY'"). Inside a derived table
// the positions keep referring to the entry's own columns, on every engine.
func viewBody(sql string) string {
	return "SELECT * FROM (\n" + sql + "\n) AS _mtx_cookbook"
}
