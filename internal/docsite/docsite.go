// Package docsite writes the data dictionary: a static HTML site of the
// export tables, the models and the cookbook, with an entity-relationship
// diagram, lineage graphs and client-side search. Every page works from
// file:// with no network: CSS and JavaScript are files the site carries,
// the diagrams are inline SVG (internal/diagram), the search index a script.
package docsite

import (
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/internal/cookbook"
	"github.com/mtxhq/mtx/internal/model"
)

// Site is what the dictionary documents. Nothing here connects to a database.
type Site struct {
	// Name is the project's name, shown in the title.
	Name string
	// Dialect and Options are the target's: physical types and compiled SQL
	// are shown for it.
	Dialect dialects.Dialect
	Options dialects.Options
	Catalog *catalog.Catalog
	// Selected says which tables the project selects (nil: all).
	Selected  func(table string) bool
	Relations []catalog.Relation
	// Project and Graph are the models compiled for Dialect.
	Project *model.Project
	Graph   *model.Graph
	Book    *cookbook.Book
	// Dialects are the engines each cookbook entry's SQL is shown for.
	Dialects []dialects.Dialect
}

// Summary counts what Generate wrote.
type Summary struct {
	Tables, Models, Entries, Files int
}

// Marker is the file that marks a folder as a site mtx generated: only such
// a folder (or an empty one) is replaced by the next generate.
const Marker = ".mtx-docs"

//go:embed templates/*.html
var templateFS embed.FS

//go:embed assets/*
var assetFS embed.FS

// Generate writes the site into dir. It builds the whole site in a new
// folder next to dir and then swaps it in, so a failure leaves dir as it
// was, and pages of models that no longer exist do not linger.
func Generate(s Site, dir string) (Summary, error) {
	dir = filepath.Clean(dir)
	if err := replaceable(dir); err != nil {
		return Summary{}, err
	}
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return Summary{}, fmt.Errorf("creating %s: %w", parent, err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".tmp-")
	if err != nil {
		return Summary{}, fmt.Errorf("creating a folder next to %s: %w", dir, err)
	}
	defer os.RemoveAll(tmp)
	sum, err := s.write(tmp)
	if err != nil {
		return Summary{}, err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return Summary{}, err
	}
	if err := os.RemoveAll(dir); err != nil {
		return Summary{}, fmt.Errorf("replacing %s: %w", dir, err)
	}
	if err := os.Rename(tmp, dir); err != nil {
		return Summary{}, fmt.Errorf("moving the site into %s: %w", dir, err)
	}
	return sum, nil
}

// replaceable refuses to replace a folder that holds anything but a site
// mtx generated: --out . must never delete a project.
func replaceable(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("--out %s: %w", dir, err)
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(dir, Marker)); err != nil {
		return fmt.Errorf("--out %s is not empty and not a site mtx generated (no %s file); choose another folder", dir, Marker)
	}
	return nil
}

// page is what every template gets.
type page struct {
	Title string
	// Root is the relative path back to the site's root ("" or "../").
	Root string
	// Section highlights the navigation entry.
	Section string
	Site    *siteHead
	Data    any
}

type siteHead struct {
	Name, Dialect, Schema string
}

func (s Site) write(dir string) (Summary, error) {
	v, err := s.view()
	if err != nil {
		return Summary{}, err
	}
	tmpls, err := parseTemplates()
	if err != nil {
		return Summary{}, err
	}
	head := &siteHead{Name: s.Name, Dialect: s.Dialect.Name(), Schema: s.Options.Schema}
	files := 0
	render := func(rel, tmpl, title, section string, data any) error {
		root := strings.Repeat("../", strings.Count(rel, "/"))
		path := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		f, err := os.Create(path)
		if err != nil {
			return err
		}
		err = tmpls[tmpl].ExecuteTemplate(f, "layout", page{Title: title, Root: root, Section: section, Site: head, Data: data})
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("writing %s: %w", rel, err)
		}
		files++
		return nil
	}
	if err := render("index.html", "index", "Overview", "index", v); err != nil {
		return Summary{}, err
	}
	if err := render("erd.html", "erd", "Entity-relationship diagram", "erd", v); err != nil {
		return Summary{}, err
	}
	if err := render("lineage.html", "lineage", "Lineage", "lineage", v); err != nil {
		return Summary{}, err
	}
	for _, t := range v.Tables {
		if err := render(t.URL, "table", t.Name, "tables", t); err != nil {
			return Summary{}, err
		}
	}
	for _, m := range v.Models {
		if err := render(m.URL, "model", m.Name, "models", m); err != nil {
			return Summary{}, err
		}
	}
	for _, e := range v.Entries {
		if err := render(e.URL, "entry", e.Name, "cookbook", e); err != nil {
			return Summary{}, err
		}
	}
	assets, err := fs.Sub(assetFS, "assets")
	if err != nil {
		return Summary{}, err
	}
	if err := os.MkdirAll(filepath.Join(dir, "assets"), 0o755); err != nil {
		return Summary{}, err
	}
	names, _ := fs.Glob(assets, "*")
	for _, n := range names {
		data, err := fs.ReadFile(assets, n)
		if err != nil {
			return Summary{}, err
		}
		if err := os.WriteFile(filepath.Join(dir, "assets", n), data, 0o644); err != nil {
			return Summary{}, err
		}
		files++
	}
	index, err := searchIndex(v)
	if err != nil {
		return Summary{}, err
	}
	if err := os.WriteFile(filepath.Join(dir, "assets", "search-index.js"), index, 0o644); err != nil {
		return Summary{}, err
	}
	files++
	marker := "This folder was generated by `mtx docs generate`; the next run replaces it.\n"
	if err := os.WriteFile(filepath.Join(dir, Marker), []byte(marker), 0o644); err != nil {
		return Summary{}, err
	}
	return Summary{Tables: len(v.Tables), Models: len(v.Models), Entries: len(v.Entries), Files: files}, nil
}

var funcs = template.FuncMap{
	"join": strings.Join,
	"svg":  func(s string) template.HTML { return template.HTML(s) }, // drawn by internal/diagram, which escapes every text
	"dict": func(kv ...any) map[string]any {
		m := map[string]any{}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i].(string)] = kv[i+1]
		}
		return m
	},
}

// parseTemplates returns one template set per page kind, each the layout
// plus the page's own file.
func parseTemplates() (map[string]*template.Template, error) {
	base, err := template.New("").Funcs(funcs).ParseFS(templateFS, "templates/layout.html")
	if err != nil {
		return nil, err
	}
	out := map[string]*template.Template{}
	names, _ := fs.Glob(templateFS, "templates/*.html")
	sort.Strings(names)
	for _, n := range names {
		name := strings.TrimSuffix(filepath.Base(n), ".html")
		if name == "layout" {
			continue
		}
		t, err := template.Must(base.Clone()).ParseFS(templateFS, n)
		if err != nil {
			return nil, err
		}
		out[name] = t
	}
	return out, nil
}
