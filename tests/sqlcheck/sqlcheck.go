// Package sqlcheck parse-validates SQL with sqlglot (a Python SQL parser
// that knows every dialect mtx renders), for tests. It is the only check
// Redshift's SQL gets without a real cluster, and a second net for the other
// dialects: a statement an engine would reject for its syntax should fail
// here before it reaches a user.
//
// tests/engines/up installs sqlglot in .build/venv and exports
// MTX_TEST_SQLGLOT_PYTHON; tests/sqlparse/validate.py does the parsing.
package sqlcheck

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"

	_ "github.com/mtxhq/mtx/dialects/all/alltest"
	"github.com/mtxhq/mtx/dialects/enginetest"
)

// PythonEnv names the variable holding the virtualenv's Python.
const PythonEnv = "MTX_TEST_SQLGLOT_PYTHON"

// Statement is one SQL statement and where it came from, for messages.
type Statement struct {
	Source string
	SQL    string
}

// Failure is a statement sqlglot rejected, with its reason.
type Failure struct {
	Statement
	Error string
}

func (f Failure) String() string {
	return fmt.Sprintf("%s: %s\n    %s", f.Source, f.Error, oneLine(f.SQL, 300))
}

// Python returns the interpreter with sqlglot, or "" when it is not set up.
func Python() string { return os.Getenv(PythonEnv) }

// script is validate.py next to this package, found from this file's path
// so that tests in any package can call Validate.
func script() (string, error) {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return "", fmt.Errorf("sqlcheck: cannot locate tests/sqlparse/validate.py")
	}
	p := filepath.Join(filepath.Dir(file), "..", "sqlparse", "validate.py")
	if _, err := os.Stat(p); err != nil {
		return "", fmt.Errorf("sqlcheck: %w", err)
	}
	return p, nil
}

// Validate parses every statement in the given mtx dialect with sqlglot and
// returns those it rejects. The error is for the check itself failing
// (no sqlglot, unknown dialect, a crashed script), never for bad SQL.
func Validate(dialect string, sts []Statement) (failures []Failure, version string, err error) {
	py := Python()
	if py == "" {
		return nil, "", fmt.Errorf("%s is not set: run eval \"$(tests/engines/up sqlglot)\"", PythonEnv)
	}
	// sqlglot's name for the dialect is in the engine's test adapter.
	a, err := enginetest.Get(dialect)
	if err != nil {
		return nil, "", fmt.Errorf("sqlcheck: %w", err)
	}
	return validate(py, a.SQLGlot, a.SQLGlotRewrite, sts)
}

// ValidateAs parses every statement with sqlglot's dialect sqlglotDialect
// itself, for SQL an engine's adapter does not check under its usual
// sqlglot name (Athena's own DDL, which its adapter checks as Trino's).
func ValidateAs(sqlglotDialect string, sts []Statement) (failures []Failure, version string, err error) {
	py := Python()
	if py == "" {
		return nil, "", fmt.Errorf("%s is not set: run eval \"$(tests/engines/up sqlglot)\"", PythonEnv)
	}
	return validate(py, sqlglotDialect, nil, sts)
}

func validate(py, sd string, rewrite func(string) (string, error), sts []Statement) (failures []Failure, version string, err error) {
	path, err := script()
	if err != nil {
		return nil, "", err
	}
	sqls := make([]string, len(sts))
	var pre []Failure // statements the harness itself rejects
	for i, s := range sts {
		sqls[i] = s.SQL
		if rewrite != nil {
			stripped, err := rewrite(s.SQL)
			if err != nil {
				pre = append(pre, Failure{Statement: s, Error: err.Error()})
			}
			sqls[i] = stripped
		}
	}
	in, err := json.Marshal(map[string]any{"dialect": sd, "statements": sqls})
	if err != nil {
		return nil, "", err
	}
	cmd := exec.Command(py, path)
	cmd.Stdin = bytes.NewReader(in)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, "", fmt.Errorf("sqlcheck: %s %s: %w: %s", py, path, err, strings.TrimSpace(stderr.String()))
	}
	var out struct {
		Version string `json:"sqlglot"`
		Errors  []struct {
			Index int    `json:"index"`
			Error string `json:"error"`
		} `json:"errors"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		return nil, "", fmt.Errorf("sqlcheck: reading validate.py output: %w", err)
	}
	for _, e := range out.Errors {
		if e.Index < 0 || e.Index >= len(sts) {
			return nil, "", fmt.Errorf("sqlcheck: validate.py reported statement %d of %d", e.Index, len(sts))
		}
		failures = append(failures, Failure{Statement: sts[e.Index], Error: e.Error})
	}
	return append(pre, failures...), out.Version, nil
}

func oneLine(s string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > max {
		s = s[:max] + "…"
	}
	return s
}
