package tests

import (
	"fmt"
	"testing"
	"time"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/dialects/all"
	"github.com/mtxhq/mtx/dialects/enginetest"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/tests/sqlcheck"
)

// copyStatementer is what a dialect that renders a COPY INTO from a stage
// offers (Snowflake's ObjectLoader).
type copyStatementer interface {
	CopyStatement(t dialects.LoadTable, f dialects.ObjectFile, o dialects.ObjectOptions) (string, error)
}

// TestSnowflakeCopyParses parse-validates with sqlglot the COPY INTO mtx
// renders for every table of the catalog (every column type, provenance
// constants, a column the file lacks, a qualified stage with a path).
func TestSnowflakeCopyParses(t *testing.T) {
	stagers := enginetest.Find(func(a *enginetest.Adapter) bool { return a.StageCopy })
	if len(stagers) == 0 {
		t.Fatal("no engine's test adapter says StageCopy")
	}
	for _, a := range stagers {
		t.Run(a.Name, func(t *testing.T) { testStageCopyParses(t, a.Name) })
	}
}

func testStageCopyParses(t *testing.T, name string) {
	record(parseMatrixName(name), t)
	needSQLGlot(t, parseMatrixName(name))
	d, err := all.Get(name)
	if err != nil {
		t.Fatal(err)
	}
	cs, ok := d.(copyStatementer)
	if !ok {
		t.Fatalf("the %s dialect renders no COPY statement", name)
	}
	h, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	stamp := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	var sts []sqlcheck.Statement
	for _, tbl := range h.Current().Tables() {
		var lt dialects.LoadTable
		lt.Schema, lt.Table = "metronome", tbl.Name
		rel := tbl.Name + "/dt=2025-01-02/0_20250102030405.parquet"
		f := dialects.ObjectFile{URL: "s3://bucket/exports/" + rel, Root: "s3://bucket/exports", Consts: map[string]any{}}
		for i, c := range tbl.Columns {
			lc := dialects.LoadColumn{Name: c.Name, Type: c.Type, Source: c.Name}
			if c.System {
				lc.Source, lc.Const = "", stamp
				if c.Type == catalog.String {
					lc.Const = rel
				}
				f.Consts[c.Name] = lc.Const
			} else if i%5 != 4 { // every fifth column is missing from the file
				oc := dialects.ObjectColumn{Name: c.Name, Type: c.Type}
				if c.Type == catalog.Decimal {
					oc.Precision, oc.Scale = 38, 9
				}
				f.Columns = append(f.Columns, oc)
			}
			lt.Columns = append(lt.Columns, lc)
		}
		for _, stage := range []string{"@mtx_export", `@analytics."Raw".mtx_export/metronome`} {
			sql, err := cs.CopyStatement(lt, f, dialects.ObjectOptions{Stage: stage})
			if err != nil {
				t.Fatal(err)
			}
			sts = append(sts, sqlcheck.Statement{Source: fmt.Sprintf("COPY INTO %s from %s", tbl.Name, stage), SQL: sql})
		}
	}
	failures, version, err := sqlcheck.Validate(name, sts)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range failures {
		t.Errorf("sqlglot %s rejects %s", version, f)
	}
	t.Logf("%d COPY statements checked by sqlglot %s", len(sts), version)
}
