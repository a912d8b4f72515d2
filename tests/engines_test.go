// Package tests holds the cross-dialect integration tests: every schema
// version applied to real engines. Engines come from MTX_TEST_<ENGINE>_DSN
// (tests/engines/up prints them); DuckDB is embedded and always runs.
package tests

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/dialects/all"
)

// engine is one real database a test runs against.
type engine struct {
	name string
	d    dialects.Dialect
	dsn  string
}

// liveEngines are the engines this live suite covers.
var liveEngines = []string{"duckdb", "postgres", "mysql", "snowflake", "bigquery"}

// required lists the engines CI demands: a missing one fails, never skips.
func required(name string) bool {
	for _, e := range strings.Split(os.Getenv("MTX_REQUIRE_ENGINES"), ",") {
		if strings.TrimSpace(e) == name {
			return true
		}
	}
	return false
}

// forEachEngine runs fn once per live engine, as a subtest named after it.
func forEachEngine(t *testing.T, fn func(t *testing.T, e engine)) {
	for _, name := range liveEngines {
		t.Run(name, func(t *testing.T) {
			d, err := all.Get(name)
			if err != nil {
				t.Fatal(err)
			}
			e := engine{name: name, d: d}
			if name == "duckdb" {
				e.dsn = filepath.Join(t.TempDir(), "test.duckdb")
			} else {
				env := "MTX_TEST_" + strings.ToUpper(name) + "_DSN"
				e.dsn = os.Getenv(env)
				if e.dsn == "" {
					if required(name) {
						t.Fatalf("%s is required (MTX_REQUIRE_ENGINES) but %s is not set", name, env)
					}
					t.Skipf("%s not set: run eval \"$(tests/engines/up)\" to start a local %s", env, name)
				}
			}
			record(name, t)
			fn(t, e)
		})
	}
}

// open connects and fails the test (never skips) when the engine does not answer.
func (e engine) open(t *testing.T) *sql.DB {
	t.Helper()
	db, err := e.d.Open(e.dsn)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.PingContext(context.Background()); err != nil {
		t.Fatalf("%s at %s does not answer: %v", e.name, e.d.RedactDSN(e.dsn), err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// freshSchema returns a schema name no other test run uses, dropped at the end.
func freshSchema(t *testing.T, e engine, db *sql.DB) string {
	b := make([]byte, 4)
	rand.Read(b)
	schema := "mtx_test_" + hex.EncodeToString(b)
	t.Cleanup(func() {
		drop := "DROP SCHEMA IF EXISTS " + e.d.Quote(schema)
		if e.name != "mysql" {
			drop += " CASCADE"
		}
		if _, err := db.Exec(drop); err != nil {
			t.Logf("dropping %s: %v", schema, err)
		}
	})
	return schema
}

// The engine matrix printed at the end of the run: tests per engine.
var (
	matrixMu sync.Mutex
	matrix   = map[string][]*testing.T{}
)

func record(engine string, t *testing.T) {
	matrixMu.Lock()
	defer matrixMu.Unlock()
	matrix[engine] = append(matrix[engine], t)
}

func TestMain(m *testing.M) {
	code := m.Run()
	matrixMu.Lock()
	names := make([]string, 0, len(matrix))
	for n := range matrix {
		names = append(names, n)
	}
	sort.Strings(names)
	fmt.Println("engine matrix:")
	for _, n := range names {
		var passed, skipped, failed int
		for _, t := range matrix[n] {
			switch {
			case t.Skipped():
				skipped++
			case t.Failed():
				failed++
			default:
				passed++
			}
		}
		fmt.Printf("  %-10s run %d, passed %d, failed %d, skipped %d\n", n, len(matrix[n]), passed, failed, skipped)
	}
	matrixMu.Unlock()
	os.Exit(code)
}
