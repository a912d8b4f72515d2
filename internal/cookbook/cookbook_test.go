package cookbook_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	shipped "github.com/mtxhq/mtx/cookbook"
	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/dialects/all"
	"github.com/mtxhq/mtx/internal/cookbook"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

func book(t *testing.T) *cookbook.Book {
	t.Helper()
	b, err := cookbook.Load(shipped.FS)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestRequiredEntries checks the entries the issue names exist, and that
// every Metronome-derived entry says what was fixed.
func TestRequiredEntries(t *testing.T) {
	b := book(t)
	for _, name := range []string{"active_customers", "events_per_month", "monthly_invoice_totals", "monthly_usage_totals"} {
		if _, err := b.Entry(name); err != nil {
			t.Error(err)
		}
	}
	if n := len(b.Entries()); n < 20 {
		t.Errorf("only %d entries", n)
	}
	for _, e := range b.Entries() {
		if strings.HasPrefix(e.Source, "Metronome") && len(e.Fixed) == 0 {
			t.Errorf("%s comes from Metronome but does not say what was fixed", e.Name)
		}
		if e.Source == "" {
			t.Errorf("%s has no source", e.Name)
		}
	}
}

// TestGolden renders every entry for every dialect and compares with
// testdata/golden/<dialect>/<entry>.sql (go test -update rewrites them).
func TestGolden(t *testing.T) {
	b := book(t)
	for _, name := range all.Names() {
		d, _ := all.Get(name)
		r, err := cookbook.NewRenderer(d, dialects.DefaultOptions(), nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range b.Entries() {
			rd, err := r.Render(e, nil)
			if err != nil {
				t.Fatalf("%s/%s: %v", name, e.Name, err)
			}
			if len(rd.Tables) == 0 {
				t.Errorf("%s reads no export table", e.Name)
			}
			path := filepath.Join("testdata", "golden", name, e.Name+".sql")
			got := rd.SQL + ";\n"
			if *update {
				os.MkdirAll(filepath.Dir(path), 0o755)
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/cookbook -update)", err)
			}
			if string(want) != got {
				t.Errorf("%s differs from the golden file; review and run with -update:\n%s", path, got)
			}
		}
	}
}

func TestParamValidation(t *testing.T) {
	b := book(t)
	d, _ := all.Get("postgres")
	r, err := cookbook.NewRenderer(d, dialects.DefaultOptions(), nil)
	if err != nil {
		t.Fatal(err)
	}
	e, _ := b.Entry("contract_recent_overrides")
	for _, tc := range []struct {
		params map[string]string
		errHas string
	}{
		{map[string]string{"envirnment": "SANDBOX"}, `no parameter "envirnment"`},
		{map[string]string{"environment": "prod"}, `not one of PRODUCTION, SANDBOX`},
		{map[string]string{"limit": "ten"}, `parameter limit: value "ten" is not a whole number`},
		{map[string]string{"limit": "-1"}, `parameter limit`},
		{map[string]string{"contract_id": "a\x00b"}, `parameter contract_id: value is not valid text`},
	} {
		_, err := r.Render(e, tc.params)
		if err == nil || !strings.Contains(err.Error(), tc.errHas) {
			t.Errorf("%v: error %v, want one containing %q", tc.params, err, tc.errHas)
		}
	}
	rd, err := r.Render(e, map[string]string{"contract_id": "x' OR '1'='1", "limit": "3"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(rd.SQL, `o.contract_id = 'x'' OR ''1''=''1'`) || !strings.Contains(rd.SQL, "LIMIT 3") {
		t.Errorf("hostile value not quoted as a literal:\n%s", rd.SQL)
	}
	a, _ := b.Entry("alert_triggers_per_day")
	if _, err := r.Render(a, map[string]string{"as_of": "yesterday"}); err == nil || !strings.Contains(err.Error(), "as_of") {
		t.Errorf("bad timestamp: %v", err)
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ file, text, errHas string }{
		{"x.sql", "-- name: y\n-- description: d\nSELECT 1", `header name "y" differs`},
		{"x.sql", "-- name: x\nSELECT 1", "no description"},
		{"x.sql", "-- name: x\n-- description: d\n-- colour: red\nSELECT 1", "colour"},
		{"x.sql", "-- name: x\n-- description: d\nSELECT {{ nope }}", "nope"},
		{"x.sql", "-- name: x\n-- description: d\n-- params:\n--   - name: n\n--     type: integer\n--     default: many\nSELECT 1", "default of parameter n"},
	} {
		_, err := cookbook.Parse(tc.file, []byte(tc.text))
		if err == nil || !strings.Contains(err.Error(), tc.errHas) {
			t.Errorf("%q: error %v, want one containing %q", tc.text, err, tc.errHas)
		}
	}
	// An unknown export table is an error naming it.
	e, err := cookbook.Parse("x.sql", []byte("-- name: x\n-- description: d\nSELECT * FROM {{ current \"invoices\" }}"))
	if err != nil {
		t.Fatal(err)
	}
	d, _ := all.Get("duckdb")
	r, _ := cookbook.NewRenderer(d, dialects.DefaultOptions(), nil)
	if _, err := r.Render(e, nil); err == nil || !strings.Contains(err.Error(), `unknown export table "invoices"`) {
		t.Errorf("unknown table: %v", err)
	}
}

func TestViewStatements(t *testing.T) {
	b := book(t)
	d, _ := all.Get("mysql")
	r, _ := cookbook.NewRenderer(d, dialects.Options{Schema: "billing", DecimalPrecision: 38, DecimalScale: 9}, nil)
	e, _ := b.Entry("active_customers")
	st, err := r.ViewStatements([]*cookbook.Entry{e})
	if err != nil {
		t.Fatal(err)
	}
	if len(st) != 2 || st[0] != "DROP VIEW IF EXISTS `billing`.`cookbook_active_customers`" ||
		!strings.HasPrefix(st[1], "CREATE VIEW `billing`.`cookbook_active_customers` AS\nSELECT") ||
		!strings.Contains(st[1], "`billing`.`current_customer`") {
		t.Errorf("view statements: %q", st)
	}
}

// docsRow is an entry's row in docs/cookbook.md's table: what it answers,
// its source, parameters and what differs from the published version.
func docsRow(e *cookbook.Entry) string {
	var params []string
	for _, p := range e.Params {
		params = append(params, fmt.Sprintf("`%s`=%q", p.Name, p.Default))
	}
	fixed := strings.Join(e.Fixed, "; ")
	if fixed == "" {
		fixed = "—"
	}
	return fmt.Sprintf("| `%s` | %s | %s | %s | %s |", e.Name, strings.TrimSpace(e.Description), e.Source, strings.Join(params, ", "), fixed)
}

// TestDocsListEveryEntry keeps docs/cookbook.md's table in step with the
// shipped entries: each row says exactly what the entry's header says.
func TestDocsListEveryEntry(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "cookbook.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range book(t).Entries() {
		if row := docsRow(e); !strings.Contains(string(doc), row+"\n") {
			t.Errorf("docs/cookbook.md has no row for %s equal to its header:\n%s", e.Name, row)
		}
	}
}

func TestOutputColumns(t *testing.T) {
	for _, tc := range []struct {
		sql    string
		want   string // the names joined by ",", or the error's text
		errors bool
	}{
		{"SELECT a, b.c AS c, SUM(x) AS \"total\", `d` AS `e` FROM t", "a,c,total,e", false},
		{"WITH w AS (SELECT li.x FROM t li) SELECT DISTINCT w.x AS x, CAST(y AS DECIMAL(38,9)) AS y FROM w", "x,y", false},
		{"SELECT 'a, b FROM c' AS s, (SELECT MAX(v) FROM u) AS m -- , z\nFROM t", "s,m", false},
		{"SELECT li.credit_type_name FROM t li", "item 1 (li.credit_type_name) is neither aliased nor a bare column", true},
		{"SELECT a AS n, SUM(b) FROM t", "item 2 (SUM(b))", true},
		{"SELECT CAST(x AS DECIMAL(38,9)) FROM t", "item 1", true},
		{"SELECT * FROM t", "item 1 (*)", true},
		{"SELECT a AS x, b AS X FROM t", "column name X is used twice", true},
	} {
		got, err := cookbook.OutputColumns(tc.sql)
		switch {
		case tc.errors && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%q: got %v, %v; want an error containing %q", tc.sql, got, err, tc.want)
		case !tc.errors && (err != nil || strings.Join(got, ",") != tc.want):
			t.Errorf("%q: got %v, %v; want %s", tc.sql, got, err, tc.want)
		}
	}
}

// TestEveryEntryNamesItsColumns: every select-list item of every entry is
// aliased or a bare column, in every dialect's rendering, and the names are
// the same in every dialect — so a new entry cannot answer with a column
// named li.credit_type_name on ClickHouse and credit_type_name elsewhere.
func TestEveryEntryNamesItsColumns(t *testing.T) {
	b := book(t)
	for _, e := range b.Entries() {
		var first []string
		for _, name := range all.Names() {
			d, _ := all.Get(name)
			r, err := cookbook.NewRenderer(d, dialects.DefaultOptions(), nil)
			if err != nil {
				t.Fatal(err)
			}
			rd, err := r.Render(e, nil)
			if err != nil {
				t.Fatal(err)
			}
			cols, err := cookbook.OutputColumns(rd.SQL)
			if err != nil {
				t.Errorf("%s (%s): %v", e.Name, name, err)
				continue
			}
			if first == nil {
				first = cols
			} else if strings.Join(cols, ",") != strings.Join(first, ",") {
				t.Errorf("%s: columns %v on %s, %v on another dialect", e.Name, cols, name, first)
			}
		}
	}
}
