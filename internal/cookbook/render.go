package cookbook

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"text/template"
	"time"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/catalog"
)

// CurrentPrefix names the current-state model of an export table.
const CurrentPrefix = "current_"

// ViewPrefix names the view `mtx run` creates for each entry.
const ViewPrefix = "cookbook_"

// Renderer renders entries for one dialect and project.
type Renderer struct {
	d       dialects.Dialect
	m       dialects.SQLMacros
	o       dialects.Options
	catalog *catalog.Catalog
	// asModel renders table references as model-layer refs (see ModelSQL).
	asModel bool
}

// NewRenderer returns a renderer for d; cat checks the tables entries
// name (nil: the embedded catalog).
func NewRenderer(d dialects.Dialect, o dialects.Options, cat *catalog.Catalog) (*Renderer, error) {
	m := d.Macros()
	if cat == nil {
		h, err := catalog.Embedded()
		if err != nil {
			return nil, err
		}
		cat = h.Current()
	}
	return &Renderer{d: d, m: m, o: o, catalog: cat}, nil
}

// Rendered is an entry rendered for one dialect.
type Rendered struct {
	SQL string
	// Tables are the export tables the query reads (through their
	// current-state model or raw), sorted.
	Tables []string
	// Reads are the relations the query names: current-state models
	// (current_invoice) and, for history, raw tables; sorted.
	Reads []string
	// Values are the parameter values used.
	Values map[string]any
}

var keyRE = regexp.MustCompile(`^[a-z_][a-z0-9_]*$`)

// funcs are the template functions. r is nil when a template is only
// parsed (the functions are never called then).
func (r *Renderer) funcs(values map[string]any, tables, reads map[string]bool) template.FuncMap {
	table := func(name string) (*catalog.Table, error) {
		t, ok := r.catalog.Table(name)
		if !ok {
			return nil, fmt.Errorf("unknown export table %q", name)
		}
		tables[name] = true
		return t, nil
	}
	qualify := func(name string) string { return r.d.Quote(r.o.Schema) + "." + r.d.Quote(name) }
	value := func(name string) (any, error) {
		v, ok := values[name]
		if !ok {
			return nil, fmt.Errorf("parameter %q is not declared in the header", name)
		}
		return v, nil
	}
	unit := func(s string) (dialects.Unit, error) { return dialects.ParseUnit(s) }
	return template.FuncMap{
		// current "invoice" is the current-state model of the invoice table.
		"current": func(name string) (string, error) {
			if _, err := table(name); err != nil {
				return "", err
			}
			reads[CurrentPrefix+name] = true
			if r.asModel {
				return `{{ ref "` + CurrentPrefix + name + `" }}`, nil
			}
			return qualify(CurrentPrefix + name), nil
		},
		// raw "draft_invoice" is the export table itself, every version and
		// snapshot, for questions about history.
		"raw": func(name string) (string, error) {
			if _, err := table(name); err != nil {
				return "", err
			}
			reads[name] = true
			if r.asModel {
				return `{{ source "` + name + `" }}`, nil
			}
			return qualify(name), nil
		},
		"q": func(ident string) string { return r.d.Quote(ident) },
		// col "e" "timestamp" is e."timestamp": a column by alias, quoted.
		"col": func(alias, ident string) string { return alias + "." + r.d.Quote(ident) },
		// param is the value as a literal of the dialect (an empty
		// timestamp is now()).
		"param": func(name string) (string, error) {
			v, err := value(name)
			if err != nil {
				return "", err
			}
			switch v := v.(type) {
			case string:
				return r.m.StringLiteral(v), nil
			case int:
				return strconv.Itoa(v), nil
			case time.Time:
				if v.IsZero() {
					return r.m.Now(), nil
				}
				return r.m.TimestampLiteral(v), nil
			}
			return "", fmt.Errorf("parameter %s has an unexpected type %T", name, v)
		},
		// set reports whether a parameter has a non-empty value.
		"set": func(name string) (bool, error) {
			v, err := value(name)
			if err != nil {
				return false, err
			}
			switch v := v.(type) {
			case string:
				return v != "", nil
			case int:
				return v != 0, nil
			case time.Time:
				return !v.IsZero(), nil
			}
			return false, nil
		},
		"int_param": func(name string) (int, error) {
			v, err := value(name)
			if err != nil {
				return 0, err
			}
			n, ok := v.(int)
			if !ok {
				return 0, fmt.Errorf("parameter %s is not an integer", name)
			}
			return n, nil
		},
		"neg": func(n int) int { return -n },
		"date_trunc": func(u, expr string) (string, error) {
			un, err := unit(u)
			if err != nil {
				return "", err
			}
			return r.m.DateTrunc(un, expr), nil
		},
		"add_interval": func(expr string, n int, u string) (string, error) {
			un, err := unit(u)
			if err != nil {
				return "", err
			}
			return r.m.AddInterval(expr, n, un), nil
		},
		"now": func() string { return r.m.Now() },
		"json_text": func(expr, key string) (string, error) {
			if !keyRE.MatchString(key) {
				return "", fmt.Errorf("json_text: key %q must be a plain identifier", key)
			}
			return r.m.JSONText(expr, key), nil
		},
		"decimal": func(expr string) string { return r.m.CastDecimal(expr, r.o.DecimalPrecision, r.o.DecimalScale) },
		"text":    func(expr string) string { return r.m.CastString(expr) },
		"bool":    func(b bool) string { return r.m.BoolLiteral(b) },
		"str":     func(s string) string { return r.m.StringLiteral(s) },
		"limit":   func(n int) string { return r.m.Limit(n) },
	}
}

func parseTemplate(e *Entry) (*template.Template, error) {
	var r *Renderer
	return template.New(e.Name).Option("missingkey=error").Funcs(r.funcs(nil, nil, nil)).Parse(e.Body)
}

// Render renders e with the given parameter values (defaults for the
// rest).
func (r *Renderer) Render(e *Entry, params map[string]string) (*Rendered, error) {
	values, err := e.Values(params)
	if err != nil {
		return nil, err
	}
	tables, reads := map[string]bool{}, map[string]bool{}
	t, err := template.New(e.Name).Option("missingkey=error").Funcs(r.funcs(values, tables, reads)).Parse(e.Body)
	if err != nil {
		return nil, fmt.Errorf("cookbook entry %s: %w", e.Name, err)
	}
	return r.execute(t, e, values, tables, reads)
}

// execute runs a parsed entry; the template's functions fill tables and
// reads as they run.
func (r *Renderer) execute(t *template.Template, e *Entry, values map[string]any, tables, reads map[string]bool) (*Rendered, error) {
	var buf bytes.Buffer
	if err := t.Execute(&buf, nil); err != nil {
		return nil, fmt.Errorf("cookbook entry %s (%s): %w", e.Name, r.d.Name(), err)
	}
	out := &Rendered{SQL: tidy(buf.String()), Values: values}
	for n := range tables {
		out.Tables = append(out.Tables, n)
	}
	sort.Strings(out.Tables)
	for n := range reads {
		out.Reads = append(out.Reads, n)
	}
	sort.Strings(out.Reads)
	return out, nil
}

// tidy drops the blank lines template actions leave and trailing spaces.
func tidy(s string) string {
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimRight(l, " \t")
		if strings.TrimSpace(l) != "" {
			lines = append(lines, l)
		}
	}
	return strings.TrimSuffix(strings.Join(lines, "\n"), ";")
}

// ModelSQL renders e with its parameters' defaults as a model-layer
// template: current-state models become {{ ref "current_<table>" }} and raw
// tables {{ source "<table>" }}, so `mtx run` orders the cookbook views
// after the models they read and `--select +cookbook_x` finds them.
func (r *Renderer) ModelSQL(e *Entry) (*Rendered, error) {
	m := *r
	m.asModel = true
	return m.Render(e, nil)
}

// ViewName is the view `mtx run` creates for an entry.
func ViewName(e *Entry) string { return ViewPrefix + e.Name }

// ViewStatements are the statements that (re)create the cookbook_<name>
// view of every entry in the project's schema, with the parameters'
// defaults: a DROP VIEW IF EXISTS then a CREATE VIEW per entry (CREATE OR
// REPLACE cannot change a view's columns on PostgreSQL). A view whose
// timestamp parameter defaults to now evaluates now when it is queried.
func (r *Renderer) ViewStatements(entries []*Entry) ([]string, error) {
	var out []string
	for _, e := range entries {
		rd, err := r.Render(e, nil)
		if err != nil {
			return nil, err
		}
		name := r.d.Quote(r.o.Schema) + "." + r.d.Quote(ViewName(e))
		out = append(out, "DROP VIEW IF EXISTS "+name, "CREATE VIEW "+name+" AS\n"+rd.SQL)
	}
	return out, nil
}
