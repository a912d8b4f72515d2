package tests

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/mtxhq/mtx/dialects/all"
	"github.com/mtxhq/mtx/tests/sqlcheck"
)

// TestCookbookParsesOnEveryDialect parse-validates every golden cookbook
// rendering with sqlglot (tests/sqlcheck), in the dialect it was rendered
// for: each file must be exactly one statement sqlglot understands and can
// write back in that dialect. It is the only check Redshift's cookbook gets
// without a cluster, and a second net behind the live runs elsewhere.
func TestCookbookParsesOnEveryDialect(t *testing.T) {
	for _, d := range all.Names() {
		t.Run(d, func(t *testing.T) {
			record(parseMatrixName(d), t)
			needSQLGlot(t, parseMatrixName(d))
			files, _ := filepath.Glob(filepath.Join("..", "internal", "cookbook", "testdata", "golden", d, "*.sql"))
			if len(files) < 20 {
				t.Fatalf("only %d golden cookbook files for %s", len(files), d)
			}
			var sts []sqlcheck.Statement
			for _, f := range files {
				b, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				sts = append(sts, sqlcheck.Statement{Source: filepath.Base(f), SQL: string(b)})
			}
			failures, version, err := sqlcheck.Validate(d, sts)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range failures {
				t.Errorf("sqlglot %s rejects %s cookbook %s", version, d, f)
			}
			t.Logf("%d cookbook entries checked by sqlglot %s (%s dialect)", len(sts), version, d)
		})
	}
}
