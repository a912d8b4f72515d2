package docsite

import (
	"fmt"
	"sort"
	"strings"

	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/internal/cookbook"
	"github.com/mtxhq/mtx/internal/model"
)

// view is the whole site's content, built once and rendered page by page.
type view struct {
	Groups    []groupView
	Tables    []*tableView
	Models    []*modelView
	Entries   []*entryView
	Relations []relationView
	ERD       string // inline SVG
	Lineage   string // inline SVG
	GroupKey  []groupColour
}

type groupView struct {
	Name   string
	Colour string
	Tables []*tableView
}

type groupColour struct{ Name, Colour string }

type tableView struct {
	Name, URL, Group, Kind, Snapshot, Note string
	Key, Version                           []string
	Columns                                []columnView
	Refers, ReferredBy                     []relationView
	Models                                 []link // models reading the raw table
	Entries                                []link // cookbook entries reading it
	ERD                                    string // inline SVG of it and its related tables
}

type columnView struct {
	Name, Type, Physical, Documented, Description, Note string
	Key, System, Deprecated                             bool
	// Refers is the table this column refers to, if any.
	Refers *link
}

type relationView struct {
	Table, Column, To, ToColumn, Note string
	TableURL, ToURL                   string
	Derived                           bool
}

type link struct{ Name, URL string }

type modelView struct {
	Name, URL, Kind, Origin, Description, Relation string
	Config                                         []kv
	Sources, Deps, Children                        []link
	Tests                                          []model.DataTest
	SQL, IncrementalSQL, Script                    string
	Lineage                                        string // inline SVG of its ancestors and descendants
	Entry                                          *link  // the cookbook entry a cookbook_ view shows
}

type kv struct{ Key, Value string }

type entryView struct {
	Name, URL, Description, Source string
	Fixed                          []string
	Params                         []cookbook.Param
	Tables                         []link
	SQL                            []dialectSQL
	View                           *link // its cookbook_ model, when the project builds it
	Excluded                       string
}

type dialectSQL struct {
	Dialect, SQL string
	Target       bool
}

// groupColours are the ERD's box colours, assigned to groups in name order.
var groupColours = []string{"#dbeafe", "#dcfce7", "#fef3c7", "#fce7f3", "#ede9fe", "#ccfbf1", "#fee2e2", "#e0e7ff", "#f5f5f4", "#ecfccb", "#ffedd5", "#cffafe", "#fae8ff"}

func tableURL(name string) string { return "tables/" + name + ".html" }
func modelURL(name string) string { return "models/" + name + ".html" }
func entryURL(name string) string { return "cookbook/" + name + ".html" }

func (s Site) selected(table string) bool { return s.Selected == nil || s.Selected(table) }

func (s Site) view() (*view, error) {
	v := &view{}
	byName := map[string]*tableView{}
	colour := map[string]string{}
	for i, g := range s.Catalog.Groups() {
		colour[g] = groupColours[i%len(groupColours)]
	}
	// Relations between selected tables only: the others have no page.
	var rels []relationView
	for _, r := range s.Relations {
		if s.selected(r.Table) && s.selected(r.To) {
			rels = append(rels, relationView{Table: r.Table, Column: r.Column, To: r.To, ToColumn: r.ToColumn, Note: r.Note, Derived: r.Derived,
				TableURL: tableURL(r.Table), ToURL: tableURL(r.To) + "#col-" + r.ToColumn})
		}
	}
	v.Relations = rels
	for _, t := range s.Catalog.Tables() {
		if !s.selected(t.Name) {
			continue
		}
		tv := &tableView{Name: t.Name, URL: tableURL(t.Name), Group: t.Group, Kind: string(t.Kind), Snapshot: t.Snapshot, Note: t.Note, Key: t.Key, Version: t.Version}
		refers := map[string]relationView{}
		for _, r := range rels {
			if r.Table == t.Name {
				tv.Refers = append(tv.Refers, r)
				refers[r.Column] = r
			}
			if r.To == t.Name {
				tv.ReferredBy = append(tv.ReferredBy, r)
			}
		}
		for _, c := range t.Columns {
			cv := columnView{Name: c.Name, Type: string(c.Type), Physical: s.Dialect.ColumnType(t, c, s.Options), Description: c.Description, Note: c.Note,
				System: c.System, Deprecated: c.Deprecated, Documented: documented(c)}
			for _, k := range t.Key {
				cv.Key = cv.Key || k == c.Name
			}
			if r, ok := refers[c.Name]; ok {
				cv.Refers = &link{Name: r.To + "." + r.ToColumn, URL: r.ToURL}
			}
			tv.Columns = append(tv.Columns, cv)
		}
		v.Tables = append(v.Tables, tv)
		byName[t.Name] = tv
	}
	for _, g := range s.Catalog.Groups() {
		gv := groupView{Name: g, Colour: colour[g]}
		for _, t := range v.Tables {
			if t.Group == g {
				gv.Tables = append(gv.Tables, t)
			}
		}
		if len(gv.Tables) > 0 {
			v.Groups = append(v.Groups, gv)
			v.GroupKey = append(v.GroupKey, groupColour{g, colour[g]})
		}
	}

	// Cookbook entries, rendered for every dialect.
	entryOf := map[string]string{} // cookbook_ view -> entry
	for _, e := range s.Book.Entries() {
		ev := &entryView{Name: e.Name, URL: entryURL(e.Name), Description: e.Description, Source: e.Source, Fixed: e.Fixed, Params: e.Params}
		var tables []string
		for _, d := range s.Dialects {
			r, err := cookbook.NewRenderer(d, s.Options, s.Catalog)
			if err != nil {
				return nil, err
			}
			rd, err := r.Render(e, nil)
			if err != nil {
				return nil, fmt.Errorf("cookbook %s for %s: %w", e.Name, d.Name(), err)
			}
			tables = rd.Tables
			ev.SQL = append(ev.SQL, dialectSQL{Dialect: d.Name(), SQL: rd.SQL, Target: d.Name() == s.Dialect.Name()})
		}
		sort.SliceStable(ev.SQL, func(i, j int) bool { return ev.SQL[i].Target && !ev.SQL[j].Target })
		var outside []string
		for _, t := range tables {
			if tv, ok := byName[t]; ok {
				ev.Tables = append(ev.Tables, link{t, tv.URL})
				tv.Entries = append(tv.Entries, link{e.Name, ev.URL})
			} else {
				ev.Tables = append(ev.Tables, link{Name: t})
				outside = append(outside, t)
			}
		}
		vn := cookbook.ViewName(e)
		if _, ok := s.Graph.Nodes[vn]; ok {
			ev.View = &link{vn, modelURL(vn)}
			entryOf[vn] = e.Name
		} else if len(outside) > 0 {
			ev.Excluded = "reads " + strings.Join(outside, ", ") + ", outside the project's table selection: mtx run does not build its view"
		}
		v.Entries = append(v.Entries, ev)
	}

	// Models, compiled for the target's dialect.
	children := map[string][]string{}
	for _, name := range s.Graph.Order {
		for _, d := range s.Graph.Nodes[name].Deps {
			children[d] = append(children[d], name)
		}
	}
	names := append([]string{}, s.Graph.Order...)
	sort.Strings(names)
	for _, name := range names {
		c := s.Graph.Nodes[name]
		mv := &modelView{Name: name, URL: modelURL(name), Kind: modelKind(c), Origin: c.Origin, Description: c.Config.Description,
			Relation: c.Relation, Config: config(c.Config), SQL: c.SQL, IncrementalSQL: c.IncrementalSQL}
		for _, t := range c.Sources {
			mv.Sources = append(mv.Sources, link{t, tableURL(t)})
			if tv, ok := byName[t]; ok {
				tv.Models = append(tv.Models, link{name, mv.URL})
			}
		}
		for _, d := range c.Deps {
			mv.Deps = append(mv.Deps, link{d, modelURL(d)})
		}
		kids := append([]string{}, children[name]...)
		sort.Strings(kids)
		for _, k := range kids {
			mv.Children = append(mv.Children, link{k, modelURL(k)})
		}
		if e, ok := entryOf[name]; ok {
			mv.Entry = &link{e, entryURL(e)}
		}
		mv.Tests = s.Graph.Tests(s.Project, []string{name})
		script, err := s.Graph.Script(s.Project, []string{name})
		if err != nil {
			return nil, err
		}
		mv.Script = script
		svg, err := s.lineage(name, children)
		if err != nil {
			return nil, err
		}
		mv.Lineage = svg
		v.Models = append(v.Models, mv)
	}
	var err error
	if v.ERD, err = s.erd(v, colour, ""); err != nil {
		return nil, err
	}
	for _, t := range v.Tables {
		if len(t.Refers)+len(t.ReferredBy) > 0 {
			if t.ERD, err = s.erd(v, colour, t.Name); err != nil {
				return nil, err
			}
		}
	}
	if v.Lineage, err = s.lineage("", children); err != nil {
		return nil, err
	}
	return v, nil
}

func documented(c catalog.Column) string {
	doc := "undocumented"
	switch {
	case c.System:
		doc = "added by mtx"
	case c.DocumentedNotNull():
		doc = "NOT NULL"
	case c.Nullable != nil:
		doc = "nullable"
	}
	return doc
}

// modelKind says where a model comes from, for colours and the overview.
func modelKind(c *model.Compiled) string {
	for _, t := range c.Config.Tags {
		switch t {
		case "current_state":
			return "current state"
		case "cookbook":
			return "cookbook view"
		}
	}
	return "project model"
}

func config(c model.Config) []kv {
	var out []kv
	add := func(k, v string) {
		if v != "" {
			out = append(out, kv{k, v})
		}
	}
	add("materialized", c.Materialized)
	add("unique_key", strings.Join(c.UniqueKey, ", "))
	add("tags", strings.Join(c.Tags, ", "))
	add("watermark", c.Watermark)
	add("newest", strings.Join(c.Newest, ", "))
	if c.Materialized == model.Incremental {
		lb := c.Lookback
		if lb == "" {
			lb = model.DefaultLookback.String() + " (default)"
		}
		add("lookback", lb)
	}
	add("not_null", strings.Join(c.NotNull, ", "))
	var acc []string
	for col := range c.AcceptedValues {
		acc = append(acc, col)
	}
	sort.Strings(acc)
	for _, col := range acc {
		add("accepted_values", col+": "+strings.Join(c.AcceptedValues[col], ", "))
	}
	return out
}
