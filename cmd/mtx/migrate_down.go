package main

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/mtxhq/mtx/internal/ddl"
	"github.com/mtxhq/mtx/internal/load"
	"github.com/mtxhq/mtx/internal/migrate"
	"github.com/mtxhq/mtx/internal/model"
)

// A rollback that drops export tables (or their columns) first drops mtx's
// own models reading them — PostgreSQL refuses to drop a table a view
// reads, and a model left over a re-created table would serve stale rows —
// and afterwards forgets the dropped tables' files in the load manifest,
// so `mtx migrate up` and `mtx load` load them again. Views mtx did not
// build are never dropped: the rollback refuses, naming them.

// rollbackTarget is the version a rolling-back action ends at, from the
// database's current version.
func rollbackTarget(action string, n, current int64, versions []ddl.Version) int64 {
	switch action {
	case "down-to":
		return n
	case "reset":
		return 0
	}
	prev := int64(0) // down, redo: the version before current
	for _, v := range versions {
		if v.Version < current && v.Version > prev {
			prev = v.Version
		}
	}
	return prev
}

// rollbackChanges lists the export tables the versions in (to, from] drop
// on the way down, and the tables they drop columns of (table -> columns).
func rollbackChanges(versions []ddl.Version, from, to int64) (tables []string, columns map[string][]string) {
	dropped := map[string]bool{}
	columns = map[string][]string{}
	for _, v := range versions {
		if v.Version <= to || v.Version > from {
			continue
		}
		for _, st := range v.Down {
			switch st.Op {
			case ddl.DropTable:
				dropped[st.Table] = true
			case ddl.DropColumn:
				columns[st.Table] = append(columns[st.Table], st.Column)
			}
		}
	}
	for t := range dropped {
		tables = append(tables, t)
		delete(columns, t)
	}
	sort.Strings(tables)
	return tables, columns
}

// compileModels compiles the project's models (for a rollback to find the
// ones reading the tables it drops).
type compileModels func() (*model.Project, *model.Graph, error)

// beforeRollback drops the models reading the tables (or columns) the
// rollback removes, one line each, after checking that no view mtx did not
// build depends on them. It returns the tables whose manifest entries are
// to be forgotten once they are gone.
func beforeRollback(ctx context.Context, out io.Writer, e *env, db *sql.DB, models compileModels, action string, n int64, versions []ddl.Version, current int64) ([]string, error) {
	to := rollbackTarget(action, n, current, versions)
	tables, columns := rollbackChanges(versions, current, to)
	have, err := migrate.Introspect(ctx, e.Dialect, db, e.Options.Schema)
	if err != nil {
		return nil, err
	}
	var affected []string // present tables the rollback drops or alters
	for _, t := range tables {
		if have[t] != nil {
			affected = append(affected, t)
		}
	}
	for t := range columns {
		if have[t] != nil {
			affected = append(affected, t)
		}
	}
	sort.Strings(affected)
	if len(affected) == 0 || models == nil {
		return tables, nil
	}
	p, gr, err := models()
	if err != nil {
		return nil, fmt.Errorf("migrate %s drops tables, so mtx drops its models on them first, but the models do not compile: %w", action, err)
	}
	readers := gr.Readers(affected)
	r := &model.Runner{Project: p, DB: db}
	for _, t := range affected {
		foreign, err := r.ForeignDependents(ctx, t, readers)
		if err != nil {
			return nil, err
		}
		if len(foreign) > 0 {
			return nil, fmt.Errorf("migrate %s: table %s.%s cannot be dropped: %s %s %s on it, and mtx drops only what it built; drop %s first (nothing was changed)",
				action, e.Options.Schema, t, plural(len(foreign), "view", "views"), strings.Join(foreign, ", "), plural(len(foreign), "depends", "depend"), plural(len(foreign), "it", "them"))
		}
	}
	dropped, err := r.DropModels(ctx, gr, readers)
	for _, d := range dropped {
		fmt.Fprintf(out, "dropped %-5s %s (model %s reads tables this rollback drops; `mtx run` builds it again)\n", d.Kind, d.Relation, d.Model)
	}
	if err != nil {
		return nil, err
	}
	return tables, nil
}

// afterRollback forgets the load manifest's entries of the tables that are
// gone now, one line per table. It runs even when the rollback failed part
// way on an engine without transactional DDL: whatever was dropped is
// forgotten, whatever still stands keeps its entries.
func afterRollback(ctx context.Context, out io.Writer, e *env, db *sql.DB, tables []string) error {
	if len(tables) == 0 {
		return nil
	}
	have, err := migrate.Introspect(ctx, e.Dialect, db, e.Options.Schema)
	if err != nil {
		return err
	}
	var gone []string
	for _, t := range tables {
		if have[t] == nil {
			gone = append(gone, t)
		}
	}
	forgot, err := load.ForgetTables(ctx, e.Dialect, db, e.Options.Schema, gone)
	for _, t := range gone {
		if n := forgot[t]; n > 0 {
			fmt.Fprintf(out, "forgot %d loaded %s of %s in %s (the table is dropped; after `mtx migrate up`, `mtx load` loads %s again)\n",
				n, plural(int(n), "file", "files"), t, load.ManifestTable, plural(int(n), "it", "them"))
		}
	}
	return err
}

// count is "1 file", "2 files".
func count(n int, one, many string) string { return fmt.Sprintf("%d %s", n, plural(n, one, many)) }

// plural picks the singular form for n == 1.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
