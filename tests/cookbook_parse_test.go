package tests

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// sqlglotPython returns a Python with sqlglot: MTX_TEST_SQLGLOT_PYTHON, or
// the test virtualenv .build/venv. Missing, the test skips (fails when
// MTX_REQUIRE_ENGINES lists sqlglot).
func sqlglotPython(t *testing.T) string {
	py := os.Getenv("MTX_TEST_SQLGLOT_PYTHON")
	if py == "" {
		py, _ = filepath.Abs(filepath.Join("..", ".build", "venv", "bin", "python"))
	}
	if err := exec.Command(py, "-c", "import sqlglot").Run(); err != nil {
		msg := "sqlglot not found (" + py + "): run python3 -m venv .build/venv && .build/venv/bin/pip install sqlglot==30.30.0"
		if required("sqlglot") {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return py
}

// TestCookbookParsesOnEveryDialect parse-validates every golden cookbook
// rendering with sqlglot, in the dialect it was rendered for: the only
// check Redshift gets without a cluster, and a first one for the engines
// not yet in the live matrix.
func TestCookbookParsesOnEveryDialect(t *testing.T) {
	py := sqlglotPython(t)
	for _, d := range []string{"bigquery", "clickhouse", "duckdb", "mysql", "postgres", "redshift", "snowflake"} {
		t.Run(d, func(t *testing.T) {
			files, _ := filepath.Glob(filepath.Join("..", "internal", "cookbook", "testdata", "golden", d, "*.sql"))
			if len(files) < 20 {
				t.Fatalf("only %d golden files for %s", len(files), d)
			}
			out, err := exec.Command(py, append([]string{"sqlparse.py", d}, files...)...).CombinedOutput()
			if err != nil {
				t.Errorf("sqlglot rejects %s SQL: %v\n%s", d, err, out)
			}
		})
	}
}
