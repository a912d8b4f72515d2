package docsite

import (
	"encoding/json"
	"encoding/xml"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	shipped "github.com/mtxhq/mtx/cookbook"
	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/dialects/all"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/internal/cookbook"
	"github.com/mtxhq/mtx/internal/model"
	"golang.org/x/net/html"
)

// testSite is a project on dialect name without the Plans-era tables, with
// the cookbook views mtx run builds and one model of its own.
func testSite(t *testing.T, name string) Site {
	t.Helper()
	h, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	cat := h.Current()
	selected := func(table string) bool { tb, _ := cat.Table(table); return tb.Group != "legacy_plans" }
	d, err := all.Get(name)
	if err != nil {
		t.Fatal(err)
	}
	o := dialects.DefaultOptions()
	book, err := cookbook.Load(shipped.FS)
	if err != nil {
		t.Fatal(err)
	}
	r, err := cookbook.NewRenderer(d, o, cat)
	if err != nil {
		t.Fatal(err)
	}
	var extra []*model.Node
	for _, e := range book.Entries() {
		rd, err := r.ModelSQL(e)
		if err != nil {
			t.Fatal(err)
		}
		ok := true
		for _, tb := range rd.Tables {
			ok = ok && selected(tb)
		}
		if ok {
			extra = append(extra, &model.Node{Name: cookbook.ViewName(e), Origin: "cookbook " + e.Name, SQL: "SELECT * FROM (" + rd.SQL + ") AS c",
				Config: model.Config{Materialized: model.View, Tags: model.StringList{"cookbook"}, Description: e.Description}})
		}
	}
	own, err := model.Parse("invoice_totals", "models/invoice_totals.sql",
		"-- materialized: table\n-- unique_key: customer_id\n-- description: Totals <per> customer & more\nSELECT customer_id, SUM(total) AS total FROM {{ ref \"current_invoice\" }} GROUP BY customer_id\n")
	if err != nil {
		t.Fatal(err)
	}
	reg, err := model.Load(cat, selected, "", append(extra, own)...)
	if err != nil {
		t.Fatal(err)
	}
	p := &model.Project{Dialect: d, Schema: o.Schema, Catalog: cat, Selected: selected, Models: reg}
	g, err := p.Compile()
	if err != nil {
		t.Fatal(err)
	}
	rels, err := cat.Relations()
	if err != nil {
		t.Fatal(err)
	}
	var ds []dialects.Dialect
	for _, n := range all.Names() {
		dd, _ := all.Get(n)
		ds = append(ds, dd)
	}
	return Site{Name: "test", Dialect: d, Options: o, Catalog: cat, Selected: selected, Relations: rels, Project: p, Graph: g, Book: book, Dialects: ds}
}

func parseHTML(t *testing.T, path string) *html.Node {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := html.Parse(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return doc
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func walk(n *html.Node, fn func(*html.Node)) {
	fn(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, fn)
	}
}

func text(n *html.Node) string {
	var b strings.Builder
	walk(n, func(x *html.Node) {
		if x.Type == html.TextNode {
			b.WriteString(x.Data)
		}
	})
	return b.String()
}

func byID(doc *html.Node, id string) *html.Node {
	var out *html.Node
	walk(doc, func(n *html.Node) {
		if out == nil && n.Type == html.ElementNode && attr(n, "id") == id {
			out = n
		}
	})
	return out
}

// svgXML re-serialises the raw <svg> element of a page (as the generator
// wrote it) and parses it as XML, returning the data-id of its nodes.
func svgNodes(t *testing.T, page, id string) map[string]bool {
	t.Helper()
	data, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	start := strings.Index(string(data), `<svg xmlns="http://www.w3.org/2000/svg" id="`+id+`"`)
	if start < 0 {
		t.Fatalf("%s: no svg %s", page, id)
	}
	end := strings.Index(string(data[start:]), "</svg>")
	dec := xml.NewDecoder(strings.NewReader(string(data[start : start+end+len("</svg>")])))
	nodes := map[string]bool{}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s: svg %s is not well-formed XML: %v", page, id, err)
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "g" {
			for _, a := range se.Attr {
				if a.Name.Local == "data-id" {
					nodes[a.Value] = true
				}
			}
		}
	}
	return nodes
}

func TestGenerate(t *testing.T) {
	s := testSite(t, "snowflake")
	dir := filepath.Join(t.TempDir(), "docs")
	sum, err := Generate(s, dir)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Tables != 34 || sum.Entries != len(s.Book.Entries()) || sum.Models != len(s.Graph.Nodes) {
		t.Errorf("summary %+v, want 34 tables, %d models, %d entries", sum, len(s.Graph.Nodes), len(s.Book.Entries()))
	}

	// A page per selected table, model and entry; none for unselected tables.
	for _, tb := range s.Catalog.Tables() {
		_, err := os.Stat(filepath.Join(dir, "tables", tb.Name+".html"))
		if s.selected(tb.Name) != (err == nil) {
			t.Errorf("table %s (selected %v): page exists %v", tb.Name, s.selected(tb.Name), err == nil)
		}
	}
	for name := range s.Graph.Nodes {
		if _, err := os.Stat(filepath.Join(dir, "models", name+".html")); err != nil {
			t.Errorf("model %s: %v", name, err)
		}
	}
	for _, e := range s.Book.Entries() {
		if _, err := os.Stat(filepath.Join(dir, "cookbook", e.Name+".html")); err != nil {
			t.Errorf("cookbook entry %s: %v", e.Name, err)
		}
	}

	// Every link and script resolves to a file of the site (and a fragment
	// to an element of it); nothing points at the network.
	pages, _ := filepath.Glob(filepath.Join(dir, "*.html"))
	more, _ := filepath.Glob(filepath.Join(dir, "*", "*.html"))
	pages = append(pages, more...)
	if len(pages) != 3+sum.Tables+sum.Models+sum.Entries {
		t.Errorf("%d pages", len(pages))
	}
	links := 0
	docs := map[string]*html.Node{}
	doc := func(path string) *html.Node {
		if docs[path] == nil {
			docs[path] = parseHTML(t, path)
		}
		return docs[path]
	}
	for _, p := range pages {
		if data, _ := os.ReadFile(p); strings.Contains(string(data), "ZgotmplZ") {
			t.Errorf("%s: html/template rejected a value (ZgotmplZ)", p)
		}
		walk(doc(p), func(n *html.Node) {
			if n.Type != html.ElementNode {
				return
			}
			ref := attr(n, "href")
			if n.Data == "script" || n.Data == "img" {
				ref = attr(n, "src")
			}
			if ref == "" {
				return
			}
			links++
			u, err := url.Parse(ref)
			if err != nil || u.Scheme != "" || u.Host != "" {
				t.Errorf("%s: link %q is not relative", p, ref)
				return
			}
			target := p
			if u.Path != "" {
				target = filepath.Join(filepath.Dir(p), filepath.FromSlash(u.Path))
			}
			if _, err := os.Stat(target); err != nil {
				t.Errorf("%s: link %q: %v", p, ref, err)
				return
			}
			if u.Fragment != "" && strings.HasSuffix(target, ".html") && byID(doc(target), u.Fragment) == nil {
				t.Errorf("%s: link %q: no element with id %s", p, ref, u.Fragment)
			}
		})
	}
	if links < 10*len(pages) { // the navigation alone has 8 per page
		t.Errorf("only %d links checked", links)
	}

	// The ERD has a node per selected table and an edge for the chains the
	// docs describe; the lineage a node per model and per table read.
	erd := svgNodes(t, filepath.Join(dir, "erd.html"), "erd")
	for _, tb := range s.Catalog.Tables() {
		if erd[tb.Name] != s.selected(tb.Name) {
			t.Errorf("ERD node %s: %v", tb.Name, erd[tb.Name])
		}
	}
	erdPage, _ := os.ReadFile(filepath.Join(dir, "erd.html"))
	for _, e := range []string{`data-from="customer" data-to="contracts_contracts"`, `data-from="contracts_contracts" data-to="contracts_commits"`,
		`data-from="invoice" data-to="line_item"`, `data-from="line_item" data-to="breakdowns_line_items"`, `data-from="breakdowns_invoices" data-to="breakdowns_line_items"`} {
		if !strings.Contains(string(erdPage), e) {
			t.Errorf("ERD has no edge %s", e)
		}
	}
	if strings.Contains(string(erdPage), `data-from="plan"`) {
		t.Error("ERD draws a relation of an unselected table")
	}
	lin := svgNodes(t, filepath.Join(dir, "lineage.html"), "lineage")
	for name, c := range s.Graph.Nodes {
		if !lin["model:"+name] {
			t.Errorf("lineage has no node for model %s", name)
		}
		for _, tb := range c.Sources {
			if !lin["table:"+tb] {
				t.Errorf("lineage has no node for table %s", tb)
			}
		}
	}
	own := svgNodes(t, filepath.Join(dir, "models", "invoice_totals.html"), "lineage-invoice_totals")
	if len(own) != 3 || !own["table:invoice"] || !own["model:current_invoice"] || !own["model:invoice_totals"] {
		t.Errorf("lineage of invoice_totals: %v", own)
	}

	near := svgNodes(t, filepath.Join(dir, "tables", "invoice.html"), "erd-invoice")
	for _, want := range []string{"invoice", "customer", "line_item", "contracts_contracts", "breakdowns_invoices", "credit_type"} {
		if !near[want] {
			t.Errorf("invoice.html's diagram lacks %s: %v", want, near)
		}
	}
	if near["alert"] || near["plan"] {
		t.Errorf("invoice.html's diagram draws unrelated or unselected tables: %v", near)
	}

	// A table page: every column in the columns table with its Snowflake
	// type, the decision notes, the relations.
	invoice := doc(filepath.Join(dir, "tables", "invoice.html"))
	cols := byID(invoice, "columns-table")
	if cols == nil {
		t.Fatal("invoice.html has no columns table")
	}
	tb, _ := s.Catalog.Table("invoice")
	for _, c := range tb.Columns {
		row := byID(cols, "col-"+c.Name)
		if row == nil {
			t.Errorf("invoice.html: no row for column %s", c.Name)
			continue
		}
		txt := text(row)
		if !strings.Contains(txt, s.Dialect.ColumnType(tb, c, s.Options)) || !strings.Contains(txt, string(c.Type)) || (c.Note != "" && !strings.Contains(txt, c.Note)) {
			t.Errorf("invoice.html row %s: %q", c.Name, txt)
		}
	}
	if txt := text(byID(cols, "col-customer_id")); !strings.Contains(txt, "customer.id") {
		t.Errorf("invoice.customer_id does not link its table: %q", txt)
	}

	// A model page: config, tests, compiled SQL; escaping holds.
	m := doc(filepath.Join(dir, "models", "current_invoice.html"))
	for _, want := range []string{"unique_key", "environment_type, id", "unique(environment_type, id)", "not_null(total)", `"METRONOME"."CURRENT_INVOICE"`, "QUALIFY ROW_NUMBER()"} {
		if !strings.Contains(text(m), want) {
			t.Errorf("current_invoice.html lacks %q", want)
		}
	}
	if !strings.Contains(text(doc(filepath.Join(dir, "models", "invoice_totals.html"))), "Totals <per> customer & more") {
		t.Error("invoice_totals.html lost its description")
	}

	// A cookbook page: the SQL of every dialect, the target's first, open.
	entry := doc(filepath.Join(dir, "cookbook", "monthly_invoice_totals.html"))
	for _, d := range s.Dialects {
		sec := byID(entry, "sql-"+d.Name())
		if sec == nil {
			t.Errorf("monthly_invoice_totals.html: no SQL for %s", d.Name())
			continue
		}
		open := false
		for _, a := range sec.Attr {
			open = open || a.Key == "open"
		}
		if open != (d.Name() == "snowflake") || !strings.Contains(text(sec), "SELECT") {
			t.Errorf("SQL for %s: open=%v, %q", d.Name(), open, text(sec))
		}
	}
	if txt := text(entry); !strings.Contains(txt, "VOID invoices are left out") || !strings.Contains(txt, "environment") {
		t.Errorf("monthly_invoice_totals.html lacks its fixes or parameters")
	}

	// The search index names every table, column and model.
	data, err := os.ReadFile(filepath.Join(dir, "assets", "search-index.js"))
	if err != nil {
		t.Fatal(err)
	}
	js := string(data)
	js = js[strings.Index(js, "= ")+2 : strings.LastIndex(js, ";")]
	var items []searchItem
	if err := json.Unmarshal([]byte(js), &items); err != nil {
		t.Fatalf("search index: %v", err)
	}
	have := map[string]bool{}
	for _, it := range items {
		have[it.Kind+" "+it.Title] = true
	}
	for name := range s.Graph.Nodes {
		if !have["model "+name] {
			t.Errorf("search index lacks model %s", name)
		}
	}
	if !have["table invoice"] || !have["column invoice.customer_id"] || !have["cookbook monthly_invoice_totals"] || have["table plan"] {
		t.Error("search index lacks tables, columns or entries, or has an unselected table")
	}
}

func TestGenerateReplacesOnlyItsOwnSite(t *testing.T) {
	s := testSite(t, "duckdb")
	dir := filepath.Join(t.TempDir(), "docs")
	if _, err := Generate(s, dir); err != nil {
		t.Fatal(err)
	}
	stale := filepath.Join(dir, "models", "gone.html")
	os.WriteFile(stale, []byte("old"), 0o644)
	if _, err := Generate(s, dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("a page of an earlier run lingers")
	}
	// A folder holding anything else is never replaced.
	other := t.TempDir()
	keep := filepath.Join(other, "project.yaml")
	os.WriteFile(keep, []byte("name: x\n"), 0o644)
	if _, err := Generate(s, other); err == nil || !strings.Contains(err.Error(), "not a site mtx generated") {
		t.Errorf("generating into a project folder: %v", err)
	}
	if _, err := os.Stat(keep); err != nil {
		t.Errorf("the folder was touched: %v", err)
	}
	entries, _ := os.ReadDir(filepath.Dir(dir))
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temporary folder %s left behind", e.Name())
		}
	}
}
