// Package ddl renders the neutral change sets as one dialect's SQL: the
// statements of each schema version (up and down) and the full current
// schema as one script. The statements come from text/template files: a
// default set here, overridden per file by the dialect's own folder.
package ddl

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"text/template"

	"github.com/Masterminds/sprig/v3"
	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/catalog"
)

//go:embed defaults/*.sql.tmpl
var defaults embed.FS

// Op is what a statement does, so the runner can tell whether its effect is
// already present (a half-applied version on an engine without
// transactional DDL) and skip it.
type Op string

// The kinds of statement.
const (
	CreateSchema Op = "create_schema"
	CreateTable  Op = "create_table"
	AddColumn    Op = "add_column"
	DropTable    Op = "drop_table"
	DropColumn   Op = "drop_column"
	AlterVersion Op = "alter_version"
)

// Statement is one SQL statement and what it changes.
type Statement struct {
	Op     Op
	Table  string
	Column string
	SQL    string
}

// Version is one schema version rendered for a dialect.
type Version struct {
	Version     int64
	Name        string
	Description string
	Up, Down    []Statement
}

// Selection says which tables a project uses; nil selects every table.
type Selection func(table string) bool

// Renderer renders statements for one dialect and set of options.
type Renderer struct {
	d    dialects.Dialect
	o    dialects.Options
	tmpl *template.Template
}

// New builds a renderer: the default templates, then the dialect's overrides.
func New(d dialects.Dialect, o dialects.Options) (*Renderer, error) {
	r := &Renderer{d: d, o: o}
	funcs := sprig.TxtFuncMap()
	funcs["q"] = d.Quote
	funcs["qualify"] = func(name string) string { return d.Quote(o.Schema) + "." + d.Quote(name) }
	funcs["coltype"] = func(t *catalog.Table, c catalog.Column) string { return d.ColumnType(t, c, o) }
	if f, ok := d.(dialects.TemplateFuncer); ok {
		for name, fn := range f.TemplateFuncs(o) {
			funcs[name] = fn
		}
	}
	t := template.New(d.Name()).Funcs(funcs).Option("missingkey=error")
	var err error
	if t, err = t.ParseFS(defaults, "defaults/*.sql.tmpl"); err != nil {
		return nil, fmt.Errorf("default templates: %w", err)
	}
	if own := d.Templates(); own != nil {
		names, err := fs.Glob(own, "*.sql.tmpl")
		if err != nil {
			return nil, err
		}
		if len(names) > 0 {
			if t, err = t.ParseFS(own, names...); err != nil {
				return nil, fmt.Errorf("%s templates: %w", d.Name(), err)
			}
		}
	}
	r.tmpl = t
	return r, nil
}

type data struct {
	Schema string
	Table  *catalog.Table
	Before *catalog.Table
	Column catalog.Column
}

func (r *Renderer) stmt(op Op, tmpl string, d data) (Statement, bool, error) {
	var buf bytes.Buffer
	if err := r.tmpl.ExecuteTemplate(&buf, tmpl+".sql.tmpl", d); err != nil {
		var ee template.ExecError
		if errors.As(err, &ee) {
			if own := errors.Unwrap(ee.Err); own != nil {
				// A dialect's template function refused (bad input, such as
				// a DSN lacking a parameter): its own line says it best.
				return Statement{}, false, fmt.Errorf("%s: %w", r.d.Name(), own)
			}
		}
		return Statement{}, false, fmt.Errorf("%s %s: %w", r.d.Name(), tmpl, err)
	}
	sql := strings.TrimSpace(buf.String())
	st := Statement{Op: op, SQL: sql, Column: d.Column.Name}
	if d.Table != nil {
		st.Table = d.Table.Name
	}
	return st, sql != "", nil
}

// Versions renders every change set of h, up and down, for the selected tables.
func (r *Renderer) Versions(h *catalog.History, sel Selection) ([]Version, error) {
	if sel == nil {
		sel = func(string) bool { return true }
	}
	var out []Version
	for i, cs := range h.Changesets {
		v := Version{Version: cs.Version, Name: cs.Name, Description: cs.Description}
		if i == 0 {
			st, _, err := r.stmt(CreateSchema, "create_schema", data{Schema: r.o.Schema})
			if err != nil {
				return nil, err
			}
			v.Up = append(v.Up, st)
		}
		cur := h.Before(i)
		var downs [][]Statement // per operation, reversed at the end
		for _, op := range cs.Operations {
			next, err := cur.Step(op)
			if err != nil {
				return nil, fmt.Errorf("change set %s: %w", cs.File, err)
			}
			up, down, err := r.operation(op, cur, next, sel)
			if err != nil {
				return nil, err
			}
			v.Up = append(v.Up, up...)
			downs = append(downs, down)
			cur = next
		}
		for j := len(downs) - 1; j >= 0; j-- {
			v.Down = append(v.Down, downs[j]...)
		}
		out = append(out, v)
	}
	return out, nil
}

// operation renders one change-set operation; before and after are the
// catalog around it.
func (r *Renderer) operation(op catalog.Operation, before, after *catalog.Catalog, sel Selection) (up, down []Statement, err error) {
	add := func(list *[]Statement, op Op, tmpl string, d data) {
		if err != nil {
			return
		}
		d.Schema = r.o.Schema
		st, ok, e := r.stmt(op, tmpl, d)
		if e != nil {
			err = e
		} else if ok {
			*list = append(*list, st)
		}
	}
	switch {
	case op.CreateTable != nil:
		if !sel(op.CreateTable.Name) {
			return nil, nil, nil
		}
		t, _ := after.Table(op.CreateTable.Name)
		add(&up, CreateTable, "create_table", data{Table: t})
		add(&down, DropTable, "drop_table", data{Table: t})
	case op.AddColumn != nil:
		if !sel(op.AddColumn.Table) {
			return nil, nil, nil
		}
		t, _ := after.Table(op.AddColumn.Table)
		c, _ := t.Column(op.AddColumn.Column.Name)
		add(&up, AddColumn, "add_column", data{Table: t, Column: c})
		add(&down, DropColumn, "drop_column", data{Table: t, Column: c})
	case op.AlterTable != nil:
		if !sel(op.AlterTable.Name) {
			return nil, nil, nil
		}
		t0, _ := before.Table(op.AlterTable.Name)
		t1, _ := after.Table(op.AlterTable.Name)
		add(&up, AlterVersion, "alter_version", data{Table: t1, Before: t0})
		add(&down, AlterVersion, "alter_version", data{Table: t0, Before: t1})
	}
	return up, down, err
}

// Script renders the full schema of c as one script: what applying every
// version produces.
func (r *Renderer) Script(c *catalog.Catalog, sel Selection) ([]Statement, error) {
	st, _, err := r.stmt(CreateSchema, "create_schema", data{Schema: r.o.Schema})
	if err != nil {
		return nil, err
	}
	out := []Statement{st}
	for _, t := range c.Tables() {
		if sel != nil && !sel(t.Name) {
			continue
		}
		st, _, err := r.stmt(CreateTable, "create_table", data{Schema: r.o.Schema, Table: t})
		if err != nil {
			return nil, err
		}
		out = append(out, st)
	}
	return out, nil
}

// Join formats statements as a script, one per paragraph.
func Join(sts []Statement) string {
	var b strings.Builder
	for _, s := range sts {
		b.WriteString(s.SQL)
		b.WriteString(";\n\n")
	}
	return b.String()
}

// GooseFile formats a version as a plain goose .sql migration that the stock
// goose CLI can apply.
func GooseFile(d dialects.Dialect, v Version) string {
	var b strings.Builder
	fmt.Fprintf(&b, "-- Generated by mtx for %s: schema version %d (%s). Do not edit; regenerate with mtx render migrations.\n", d.Name(), v.Version, v.Name)
	if v.Description != "" {
		fmt.Fprintf(&b, "-- %s\n", v.Description)
	}
	if !d.TransactionalDDL() {
		// DDL commits as it goes on this engine: say so, as goose expects.
		b.WriteString("\n-- +goose NO TRANSACTION")
	}
	b.WriteString("\n-- +goose Up\n")
	b.WriteString(Join(v.Up))
	b.WriteString("-- +goose Down\n")
	b.WriteString(Join(v.Down))
	return b.String()
}

// FileName is the goose file name of a version.
func FileName(v Version) string { return fmt.Sprintf("%05d_%s.sql", v.Version, v.Name) }

// CreateSchema renders the statement that creates the schema (a database
// on ClickHouse and MySQL, a dataset on BigQuery) if it does not exist.
func (r *Renderer) CreateSchema() (Statement, error) {
	st, _, err := r.stmt(CreateSchema, "create_schema", data{Schema: r.o.Schema})
	return st, err
}

// CreateTable renders create_table for a table that is not part of the
// export catalog, such as the loader's manifest.
func (r *Renderer) CreateTable(t *catalog.Table) (Statement, error) {
	st, _, err := r.stmt(CreateTable, "create_table", data{Schema: r.o.Schema, Table: t})
	return st, err
}
