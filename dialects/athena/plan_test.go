package athena

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	shipped "github.com/mtxhq/mtx/cookbook"
	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/internal/cookbook"
	"github.com/mtxhq/mtx/internal/ddl"
	"github.com/mtxhq/mtx/internal/load"
	"github.com/mtxhq/mtx/internal/lock"
	"github.com/mtxhq/mtx/internal/migrate"
	"github.com/mtxhq/mtx/internal/model"
	"github.com/mtxhq/mtx/tests/sqlcheck"
)

// The whole sequence mtx sends through an athena:// DSN, rendered without
// an Athena: what `mtx migrate up` (and down), `mtx load` from s3:// and
// from a local folder, and `mtx run` / `mtx test` / `mtx source check`
// send, phase by phase, in testdata/athena-plan. Every statement is
// checked three ways: the goldens (MTX_UPDATE_GOLDEN=1 rewrites them),
// the rules below (table DDL in backticks, CTAS with Athena's properties,
// no zoned timestamp literal), and sqlglot's athena dialect.

// planStatement is one statement of a phase and where it comes from.
type planStatement struct{ source, sql string }

// athenaPlan renders every phase for Athena's API with fixed CTAS folders
// (testdata/athena-plan/<phase>.sql).
func athenaPlan(t *testing.T) map[string][]planStatement {
	t.Helper()
	d := Dialect{}.ForDSN(apiDSN).(Dialect)
	n := 0
	d.api.unique = func() string { n++; return fmt.Sprintf("%016x", n) }
	o := dialects.DefaultOptions()
	h, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]planStatement{}
	add := func(phase, source string, sqls ...string) {
		for _, s := range sqls {
			out[phase] = append(out[phase], planStatement{source, strings.TrimSpace(s)})
		}
	}
	lockStatements := func(table string) []string {
		name := d.Quote(o.Schema) + "." + d.Quote(table)
		l := &lock.Table{Create: d.LockTableDDL(name), Name: name, Quote: d.Quote, Dialect: d}
		return l.Statements()
	}

	// mtx migrate: the lock, introspection, goose's version table, every
	// version up and down.
	add("migrate", "migration lock", lockStatements(migrate.LockTable)...)
	add("migrate", "introspection", d.ColumnsQuery(o.Schema))
	add("migrate", "goose version table", gooseQueries(t, d, o.Schema+"."+migrate.VersionTable)...)
	r, err := ddl.New(d, o)
	if err != nil {
		t.Fatal(err)
	}
	versions, err := r.Versions(h, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range versions {
		for _, s := range v.Up {
			add("migrate", fmt.Sprintf("version %d up", v.Version), s.SQL)
		}
		for _, s := range v.Down {
			add("migrate", fmt.Sprintf("version %d down", v.Version), s.SQL)
		}
	}

	// mtx load: the lock, the manifest, an s3:// group read by the engine
	// (external tables, one INSERT … SELECT, their drops), a local file's
	// rows streamed as INSERT … VALUES.
	add("load", "load lock", lockStatements(load.LockTable)...)
	transferred := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	loaded := time.Date(2025, 1, 3, 0, 0, 0, 123456000, time.UTC)
	ls, err := load.Statements(d, o, "invoice", "invoice/dt=2025-01-02/0_20250102030405.parquet", transferred, loaded)
	if err != nil {
		t.Fatal(err)
	}
	add("load", "manifest", ls...)
	lt, files := stagingFixture(transferred)
	k := 0
	st, err := d.stagingSQL(lt, files, func() string { k++; return fmt.Sprintf("mtx_scratch_%016x", k) })
	if err != nil {
		t.Fatal(err)
	}
	add("load", "s3:// group", st.create...)
	add("load", "s3:// group", st.insert)
	add("load", "s3:// group", st.drop...)
	rec := sqlcheck.NewRecorder()
	defer rec.DB.Close()
	// The recorder runs nothing: the first INSERT fails once recorded.
	_, _ = d.InsertRows(context.Background(), nil, rec.DB, lt, &rowsOf{rows: [][]any{
		{"in_1", dialects.Decimal("12.500000000"), transferred, nil, "invoice/x.parquet", transferred},
		{"in_2", dialects.Decimal("-0.000000001"), loaded, "it's", "invoice/x.parquet", transferred},
	}})
	add("load", "local file", rec.Statements()...)

	// mtx run: the lock, what exists, every model's full build and
	// refresh (current-state, built-in, the cookbook's views), then
	// mtx test's data tests.
	add("run", "run lock", lockStatements(model.RunLockTable)...)
	add("run", "relations", d.RelationsQuery(o.Schema))
	book, err := cookbook.Load(shipped.FS)
	if err != nil {
		t.Fatal(err)
	}
	cr, err := cookbook.NewRenderer(d, o, h.Current())
	if err != nil {
		t.Fatal(err)
	}
	var views []*model.Node
	for _, e := range book.Entries() {
		rd, err := cr.ModelSQL(e)
		if err != nil {
			t.Fatal(err)
		}
		// As mtx run wraps an entry (cmd/mtx's cookbookNodes).
		views = append(views, &model.Node{Name: cookbook.ViewName(e), Origin: "cookbook " + e.Name,
			SQL: "SELECT * FROM (\n" + rd.SQL + "\n) AS _mtx_cookbook", Config: model.Config{Materialized: model.View}})
	}
	reg, err := model.Load(h.Current(), nil, "", views...)
	if err != nil {
		t.Fatal(err)
	}
	p := &model.Project{Dialect: d, Schema: o.Schema, Catalog: h.Current(), Models: reg}
	g, err := p.Compile()
	if err != nil {
		t.Fatal(err)
	}
	names, err := g.Select(nil)
	if err != nil {
		t.Fatal(err)
	}
	script, err := g.Script(p, names)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sqlcheck.SplitScript(script) {
		add("run", s.Source, s.SQL)
	}
	for _, dt := range g.Tests(p, names) {
		add("test", "test "+dt.Name+" on "+dt.Model, dt.Query, dt.Count)
	}
	return out
}

// gooseQueries records what goose's store sends for the version table.
func gooseQueries(t *testing.T, d Dialect, table string) []string {
	t.Helper()
	sts, err := sqlcheck.GooseStatements(d, table)
	if err != nil {
		t.Fatal(err)
	}
	return sts
}

// stagingFixture is a load of two files of one folder into invoice.
func stagingFixture(transferred time.Time) (dialects.LoadTable, []dialects.ObjectFile) {
	lt := dialects.LoadTable{Schema: "metronome", Table: "invoice", Columns: []dialects.LoadColumn{
		{Name: "id", Type: catalog.String, Source: "id"},
		{Name: "total", Type: catalog.Decimal, Source: "total"},
		{Name: "issued_at", Type: catalog.Timestamp, Source: "issued_at"},
		{Name: "memo", Type: catalog.String, Source: "memo"},
		{Name: catalog.SourceFileColumn, Type: catalog.String, Const: "?"},
		{Name: "_mtx_transferred_at", Type: catalog.Timestamp, Const: time.Time{}},
	}}
	cols := []dialects.ObjectColumn{{Name: "id", Type: catalog.String}, {Name: "total", Type: catalog.Decimal, Precision: 38, Scale: 9},
		{Name: "issued_at", Type: catalog.Timestamp}, {Name: "memo", Type: catalog.String}}
	var files []dialects.ObjectFile
	for _, f := range []string{"0_20250102030405.parquet", "1_20250102030405.parquet"} {
		rel := "invoice/dt=2025-01-02/" + f
		files = append(files, dialects.ObjectFile{URL: "s3://export/mtx/" + rel, Root: "s3://export/mtx", Columns: cols,
			Consts: map[string]any{catalog.SourceFileColumn: rel, "_mtx_transferred_at": transferred}})
	}
	return lt, files
}

// rowsOf is a RowSource over fixed rows.
type rowsOf struct {
	rows [][]any
	i    int
}

func (r *rowsOf) Next() bool             { r.i++; return r.i <= len(r.rows) }
func (r *rowsOf) Values() ([]any, error) { return r.rows[r.i-1], nil }
func (r *rowsOf) Err() error             { return nil }

// planFile is a phase as its golden file holds it.
func planFile(sts []planStatement) string {
	var b strings.Builder
	for _, s := range sts {
		fmt.Fprintf(&b, "-- %s\n%s;\n\n", s.source, s.sql)
	}
	return b.String()
}

func TestAthenaPlanGolden(t *testing.T) {
	plan := athenaPlan(t)
	phases := make([]string, 0, len(plan))
	for p := range plan {
		phases = append(phases, p)
	}
	sort.Strings(phases)
	if strings.Join(phases, ",") != "load,migrate,run,test" {
		t.Fatalf("phases %v", phases)
	}
	for _, phase := range phases {
		path := filepath.Join("testdata", "athena-plan", phase+".sql")
		got := planFile(plan[phase])
		if os.Getenv("MTX_UPDATE_GOLDEN") != "" {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (MTX_UPDATE_GOLDEN=1 go test ./dialects/athena -run TestAthenaPlanGolden writes it)", err)
		}
		if got != string(want) {
			t.Errorf("%s differs from what mtx sends through athena:// (MTX_UPDATE_GOLDEN=1 rewrites it; review the diff)", path)
		}
	}
}

// Statements Athena runs on its Hive DDL engine: table DDL without a
// query (sqlglot's athena dialect routes them the same way).
var hiveDDL = regexp.MustCompile(`^(CREATE (EXTERNAL )?TABLE|CREATE DATABASE|ALTER TABLE|DROP TABLE)\b`)

// zonedLiteral is a timestamp literal with a zone, which Athena's
// zoneless Iceberg columns do not hold.
var zonedLiteral = regexp.MustCompile(`TIMESTAMP '[0-9-]+ [0-9:.]+ UTC'`)

// TestAthenaPlanRules: what Athena needs, whatever the goldens say.
func TestAthenaPlanRules(t *testing.T) {
	counts := map[string]int{}
	for phase, sts := range athenaPlan(t) {
		for _, s := range sts {
			where := phase + ": " + s.source + ": " + firstLine(s.sql)
			ctas := strings.HasPrefix(s.sql, "CREATE TABLE ") && strings.Contains(s.sql, ") AS\n")
			switch {
			case ctas:
				counts["ctas"]++
				for _, want := range []string{"table_type = 'ICEBERG'", "is_external = false", "location = 's3://lake/mtx/metronome/"} {
					if !strings.Contains(s.sql, want) {
						t.Errorf("%s: CTAS without %s", where, want)
					}
				}
			case hiveDDL.MatchString(s.sql):
				counts["hive"]++
				if strings.Contains(s.sql, `"`) {
					t.Errorf("%s: double quotes in Athena's Hive DDL", where)
				}
				if !strings.Contains(s.sql, "`") {
					t.Errorf("%s: no backticks in Athena's Hive DDL", where)
				}
			case strings.HasPrefix(s.sql, "ALTER") || strings.HasPrefix(s.sql, "DROP TABLE"):
				t.Errorf("%s: table DDL not in Hive's form", where)
			default:
				counts["trino"]++
				if strings.Contains(s.sql, "`") {
					t.Errorf("%s: backticks in a statement Athena's Trino engine runs", where)
				}
			}
			if strings.HasPrefix(s.sql, "ALTER TABLE") && strings.Contains(s.sql, " RENAME TO ") {
				counts["rename"]++
			}
			if strings.HasPrefix(s.sql, "MERGE INTO ") {
				counts["merge"]++
			}
			if strings.HasPrefix(s.sql, "CREATE OR REPLACE VIEW ") {
				counts["view"]++
			}
			if zonedLiteral.MatchString(s.sql) {
				t.Errorf("%s: a timestamp literal with a zone", where)
			}
			if strings.Contains(s.sql, "with time zone") {
				t.Errorf("%s: Trino's zoned type", where)
			}
		}
	}
	// The plan holds each kind of statement (a rule nothing reaches
	// proves nothing).
	for _, kind := range []string{"ctas", "hive", "trino", "rename", "merge", "view"} {
		if counts[kind] == 0 {
			t.Errorf("no %s statement in the plan", kind)
		}
	}
	t.Logf("statements: %v", counts)
}

// TestAthenaPlanParses: sqlglot's athena dialect, which routes each
// statement to Hive's or Trino's grammar as Athena does, parses every
// statement of the plan.
func TestAthenaPlanParses(t *testing.T) {
	needSQLGlot(t)
	var sts []sqlcheck.Statement
	for phase, ps := range athenaPlan(t) {
		for _, s := range ps {
			sts = append(sts, sqlcheck.Statement{Source: phase + ": " + s.source, SQL: s.sql})
		}
	}
	failures, version, err := sqlcheck.ValidateAs("athena", sts)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range failures {
		t.Errorf("sqlglot %s rejects %s", version, f)
	}
	t.Logf("sqlglot %s parses %d statements of the athena:// plan", version, len(sts))
}

// TestCTASFoldersDiffer: two CTAS of one table get folders of their own.
func TestCTASFoldersDiffer(t *testing.T) {
	d := Dialect{}.ForDSN(apiDSN).(Dialect)
	a, b := d.CreateTableAs(`"m"."t"`, "SELECT 1 AS x"), d.CreateTableAs(`"m"."t"`, "SELECT 1 AS x")
	if a == b || !strings.Contains(a, "location = 's3://lake/mtx/m/t/") {
		t.Errorf("two CTAS of one table:\n%s\n%s", a, b)
	}
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// needSQLGlot skips without sqlglot, or fails where CI requires it.
func needSQLGlot(t *testing.T) {
	t.Helper()
	if sqlcheck.Python() != "" {
		return
	}
	for _, e := range strings.Split(os.Getenv("MTX_REQUIRE_ENGINES"), ",") {
		if strings.TrimSpace(e) == "sqlglot" {
			t.Fatalf("sqlglot is required (MTX_REQUIRE_ENGINES) but %s is not set", sqlcheck.PythonEnv)
		}
	}
	t.Skipf("%s not set: run eval \"$(tests/engines/up sqlglot)\" to install sqlglot in .build/venv", sqlcheck.PythonEnv)
}
