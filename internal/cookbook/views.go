package cookbook

import (
	"context"
	"database/sql"
	"fmt"
)

// CreateViews (re)creates the cookbook_<name> view of every entry of b in
// the project's schema, for `mtx run`: analysts and BI tools can then
// select from the cookbook directly. Entries that read tables outside
// selected (nil: all) are skipped, since their current_* models do not
// exist; it returns the names of the views it created.
func CreateViews(ctx context.Context, db *sql.DB, r *Renderer, b *Book, selected func(table string) bool) ([]string, error) {
	var created []string
	for _, e := range b.Entries() {
		rd, err := r.Render(e, nil)
		if err != nil {
			return created, err
		}
		ok := true
		for _, t := range rd.Tables {
			if selected != nil && !selected(t) {
				ok = false
			}
		}
		if !ok {
			continue
		}
		stmts, err := r.ViewStatements([]*Entry{e})
		if err != nil {
			return created, err
		}
		for _, s := range stmts {
			if _, err := db.ExecContext(ctx, s); err != nil {
				return created, fmt.Errorf("creating view %s: %w", ViewName(e), err)
			}
		}
		created = append(created, ViewName(e))
	}
	return created, nil
}
