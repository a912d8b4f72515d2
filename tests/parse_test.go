package tests

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/dialects/all"
	"github.com/mtxhq/mtx/dialects/enginetest"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/internal/ddl"
	"github.com/mtxhq/mtx/internal/migrate"
	"github.com/mtxhq/mtx/tests/sqlcheck"
)

// knownGaps is SQL an engine accepts and sqlglot wrongly rejects, from
// the engines' test adapters (SQLGlotGaps). Each one carries a minimal
// repro that the test feeds to sqlglot: when sqlglot starts accepting it,
// the test fails so the gap gets removed.
type knownGap struct {
	dialect string
	enginetest.SQLGlotGap
}

func knownGaps() []knownGap {
	var out []knownGap
	for _, a := range enginetest.All() {
		for _, g := range a.SQLGlotGaps {
			out = append(out, knownGap{a.Name, g})
		}
	}
	return out
}

// parseMatrixName is the matrix row of a dialect's parse check: an engine
// without a local engine (Redshift) has its parse check as its engine (CI
// requires redshift-parse); the others' are a second net behind their
// live tests.
func parseMatrixName(dialect string) string { return adapterOf(dialect).ParseMatrixName() }

// renderedStatements is every statement mtx renders for a dialect: each
// schema version up and down, the full schema script, goose's version-table
// queries, mtx's introspection and migration-lock statements.
func renderedStatements(t *testing.T, d dialects.Dialect) []sqlcheck.Statement {
	t.Helper()
	o := dialects.DefaultOptions()
	h, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	r, err := ddl.New(d, o)
	if err != nil {
		t.Fatal(err)
	}
	var out []sqlcheck.Statement
	add := func(source string, sts []ddl.Statement) {
		for i, s := range sts {
			out = append(out, sqlcheck.Statement{Source: fmt.Sprintf("%s #%d (%s %s)", source, i+1, s.Op, s.Table), SQL: s.SQL})
		}
	}
	versions, err := r.Versions(h, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range versions {
		add(fmt.Sprintf("version %d up", v.Version), v.Up)
		add(fmt.Sprintf("version %d down", v.Version), v.Down)
	}
	script, err := r.Script(h.Current(), nil)
	if err != nil {
		t.Fatal(err)
	}
	add("schema script", script)
	for i, q := range gooseStatements(t, d, o.Schema+"."+migrate.VersionTable) {
		// Placeholders are bound before the engine parses the text
		// (ClickHouse's driver binds $1 in the client; sqlglot's ClickHouse
		// tokenizer rejects it): check the statement as executed.
		q = bindParam.ReplaceAllString(q, "1")
		out = append(out, sqlcheck.Statement{Source: fmt.Sprintf("goose version table #%d", i+1), SQL: q})
	}
	out = append(out, sqlcheck.Statement{Source: "introspection", SQL: d.ColumnsQuery(o.Schema)})
	for i, q := range migrate.LockStatements(d, o.Schema) {
		out = append(out, sqlcheck.Statement{Source: fmt.Sprintf("migration lock #%d", i+1), SQL: q})
	}
	return out
}

// bindParam matches the bind parameters goose's queries use: $1 or ?.
var bindParam = regexp.MustCompile(`\$[0-9]+|\?`)

// gooseStatements records the SQL goose's store sends for the version table.
func gooseStatements(t *testing.T, d dialects.Dialect, table string) []string {
	t.Helper()
	got, err := sqlcheck.GooseStatements(d, table)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) < 6 {
		t.Fatalf("recorded %d goose statements, want at least 6", len(got))
	}
	return got
}

// needSQLGlot skips (or, when CI requires the engine, fails) without sqlglot.
func needSQLGlot(t *testing.T, matrixName string) {
	t.Helper()
	if sqlcheck.Python() == "" {
		if required(matrixName) {
			t.Fatalf("%s is required (MTX_REQUIRE_ENGINES) but %s is not set", matrixName, sqlcheck.PythonEnv)
		}
		t.Skipf("%s not set: run eval \"$(tests/engines/up sqlglot)\" to install sqlglot in .build/venv", sqlcheck.PythonEnv)
	}
}

// TestRenderedSQLParses parse-validates with sqlglot every statement mtx
// renders, in every dialect. For Redshift this is the check that runs
// everywhere; with MTX_TEST_REDSHIFT_DSN set the live suite runs on a real
// cluster as well.
func TestRenderedSQLParses(t *testing.T) {
	for _, name := range all.Names() {
		t.Run(name, func(t *testing.T) {
			record(parseMatrixName(name), t)
			needSQLGlot(t, parseMatrixName(name))
			d, err := all.Get(name)
			if err != nil {
				t.Fatal(err)
			}
			sts := renderedStatements(t, d)
			failures, version, err := sqlcheck.Validate(name, sts)
			if err != nil {
				t.Fatal(err)
			}
			excused := map[int]int{}
			for _, f := range failures {
				if i, ok := gapFor(name, f.SQL); ok {
					excused[i]++
					continue
				}
				t.Errorf("sqlglot %s rejects %s", version, f)
			}
			for i, g := range knownGaps() {
				if g.dialect == name && excused[i] == 0 && !g.ModelsOnly {
					t.Errorf("known gap %q excuses no statement any more: remove it from the %s test adapter", g.Match, name)
				}
			}
			n := 0
			for _, c := range excused {
				n += c
			}
			t.Logf("%d statements checked by sqlglot %s (%s dialect), %d excused by known gaps", len(sts), version, name, n)
		})
	}
}

func gapFor(dialect, sql string) (int, bool) {
	for i, g := range knownGaps() {
		if g.dialect == dialect && strings.Contains(sql, g.Match) {
			return i, true
		}
	}
	return 0, false
}

// TestSQLGlotKnownGaps proves each known gap: its minimal repro still fails
// in sqlglot. When sqlglot is fixed this fails, and the gap is removed.
func TestSQLGlotKnownGaps(t *testing.T) {
	needSQLGlot(t, "redshift-parse")
	for _, g := range knownGaps() {
		failures, version, err := sqlcheck.Validate(g.dialect, []sqlcheck.Statement{{Source: "repro", SQL: g.Repro}})
		if err != nil {
			t.Fatal(err)
		}
		if len(failures) == 0 {
			t.Errorf("sqlglot %s now accepts %s repro %q: remove the known gap from its test adapter", version, g.dialect, g.Repro)
			continue
		}
		t.Logf("known gap, %s: sqlglot %s rejects %q (%s); %s", g.dialect, version, g.Repro, failures[0].Error, g.Why)
	}
}

// TestSQLCheckRejects makes sure the check can fail: broken SQL is rejected
// in every dialect, and sqlglot's catch-all command fallback counts as a failure.
func TestSQLCheckRejects(t *testing.T) {
	needSQLGlot(t, "redshift-parse")
	bad := []sqlcheck.Statement{
		{Source: "typo", SQL: "CREAT TABLE t (a INT)"},
		{Source: "unbalanced", SQL: "CREATE TABLE t (a INT"},
		{Source: "two statements", SQL: "SELECT 1; SELECT 2"},
	}
	for _, name := range all.Names() {
		failures, _, err := sqlcheck.Validate(name, bad)
		if err != nil {
			t.Fatal(err)
		}
		if len(failures) != len(bad) {
			t.Errorf("%s: %d of %d broken statements rejected: %v", name, len(failures), len(bad), failures)
		}
	}
}
