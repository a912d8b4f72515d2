package tests

import (
	"strings"
	"testing"

	"github.com/mtxhq/mtx/dialects/all"
	"github.com/mtxhq/mtx/dialects/enginetest"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/internal/model"
	"github.com/mtxhq/mtx/tests/sqlcheck"
)

// TestModelSQLParses parse-validates with sqlglot every statement `mtx run`
// would execute for the built-in models (each current-state model's full
// build and, for incremental ones, a refresh), in every dialect. Redshift has
// no local engine, so this is what its model SQL gets without a cluster.
func TestModelSQLParses(t *testing.T) {
	h, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range all.Names() {
		t.Run(name, func(t *testing.T) {
			record(parseMatrixName(name), t)
			needSQLGlot(t, parseMatrixName(name))
			d, err := all.Get(name)
			if err != nil {
				t.Fatal(err)
			}
			reg, err := model.Load(h.Current(), nil, "")
			if err != nil {
				t.Fatal(err)
			}
			p := &model.Project{Dialect: d, Schema: "metronome", Catalog: h.Current(), Models: reg}
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
			sts := sqlcheck.SplitScript(script)
			if len(sts) < len(names) {
				t.Fatalf("%d statements for %d models", len(sts), len(names))
			}
			failures, version, err := sqlcheck.Validate(name, sts)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range failures {
				if _, ok := gapFor(name, f.SQL); ok {
					continue
				}
				if renameGap(name) && strings.HasPrefix(f.SQL, "RENAME TABLE ") {
					continue
				}
				t.Errorf("sqlglot %s rejects %s model SQL: %s", version, name, f)
			}
			t.Logf("%d model statements checked by sqlglot %s (%s dialect)", len(sts), version, name)
		})
	}
}

// renameGap: engines documenting RENAME TABLE a TO b (their adapter's
// RenameUnparsed: MySQL, ClickHouse), which sqlglot 30.30 only passes
// through as an opaque command. TestSQLGlotRenameGap proves it and fails
// once sqlglot parses it.
func renameGap(dialect string) bool { return adapterOf(dialect).RenameUnparsed }

func TestSQLGlotRenameGap(t *testing.T) {
	needSQLGlot(t, "sqlglot")
	for _, a := range enginetest.Find(func(a *enginetest.Adapter) bool { return a.RenameUnparsed }) {
		d := a.Name
		failures, version, err := sqlcheck.Validate(d, []sqlcheck.Statement{{Source: "repro", SQL: "RENAME TABLE `s`.`a` TO `s`.`b`"}})
		if err != nil {
			t.Fatal(err)
		}
		if len(failures) == 0 {
			t.Errorf("sqlglot %s now parses RENAME TABLE in %s: drop RenameUnparsed from its test adapter", version, d)
		}
	}
}
