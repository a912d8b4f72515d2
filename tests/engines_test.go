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

// liveEngines are the engines the live suite covers. Redshift has no local
// engine: it runs only against a real cluster (MTX_TEST_REDSHIFT_DSN) and
// otherwise skips; its SQL is parse-validated everywhere (redshift-parse).
var liveEngines = []string{"duckdb", "postgres", "mysql", "clickhouse", "snowflake", "bigquery", "redshift", "athena"}

// verifiedOn lists, for an engine still being brought up, the live tests
// that pass on it; every other live test is a known gap there and skips
// saying so (in CI too). Athena (Trino 476, Iceberg): each statement is a
// distributed query of 0.1-1 s, and the tests not listed have not been run
// on it yet.
var verifiedOn = map[string][]string{
	"athena": {"TestMigrateUpDownUp", "TestLoadExportOnce"},
}

// gapReasons say why a live test known to fail on an engine does.
var gapReasons = map[string]map[string]string{
	"athena": {
		"TestLockTable": "its 200 ms heartbeat is shorter than one Iceberg INSERT on Trino (0.3-1 s), so every beat times out " +
			"and the live holder looks dead; mtx's own heartbeat (10 s, stale after 2 m) is unaffected",
	},
}

// unverified says why test cannot run on engine yet ("" when it can).
func unverified(engine, test string) string {
	tests, ok := verifiedOn[engine]
	if !ok {
		return ""
	}
	top, _, _ := strings.Cut(test, "/")
	if why, ok := gapReasons[engine][top]; ok {
		return top + " on " + engine + ": " + why
	}
	for _, v := range tests {
		if v == top {
			return ""
		}
	}
	return top + " has not been verified on " + engine + " yet (tests/engines_test.go verifiedOn)"
}

// noLocalEngine says how to provide an engine tests/engines/up cannot start.
var noLocalEngine = map[string]string{
	"redshift": "set it to a Redshift cluster's DSN (postgres://user:pass@cluster:5439/db) to run the live suite there; redshift-parse checks its SQL without one",
}

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
			record(name, t)
			if why := unverified(name, t.Name()); why != "" {
				t.Skip("known gap: " + why)
			}
			if name == "duckdb" {
				e.dsn = filepath.Join(t.TempDir(), "test.duckdb")
			} else {
				env := "MTX_TEST_" + strings.ToUpper(name) + "_DSN"
				e.dsn = os.Getenv(env)
				if e.dsn == "" {
					// An explicit DSN wins; else a container where Docker runs.
					dsn, err := containerDSN(name)
					if err != nil {
						t.Fatal(err)
					}
					e.dsn = dsn
				}
				if e.dsn == "" {
					if required(name) {
						t.Fatalf("%s is required (MTX_REQUIRE_ENGINES) but %s is not set", name, env)
					}
					if how, ok := noLocalEngine[name]; ok {
						t.Skipf("%s not set: %s", env, how)
					}
					orDocker := ""
					if _, ok := containerImages[name]; ok {
						orDocker = ", or make a Docker engine reachable for a container"
					}
					t.Skipf("%s not set: run eval \"$(tests/engines/up)\" to start a local %s%s", env, name, orDocker)
				}
			}
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
		drop := fmt.Sprintf("DROP SCHEMA IF EXISTS %s CASCADE", e.d.Quote(schema))
		if f, ok := dropSchema[e.name]; ok {
			drop = fmt.Sprintf(f, e.d.Quote(schema))
		}
		if _, err := db.Exec(drop); err != nil {
			t.Logf("dropping %s: %v", schema, err)
		}
	})
	return schema
}

// dropSchema is how an engine drops a schema and all it holds, where that
// is not DROP SCHEMA ... CASCADE.
var dropSchema = map[string]string{
	"mysql":      "DROP SCHEMA IF EXISTS %s",
	"clickhouse": "DROP DATABASE IF EXISTS %s SYNC", // databases, not schemas
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
	stopContainers()
	removeMtxBuilds()
	matrixMu.Lock()
	// MTX_MATRIX_FILE (set by .ci/run) collects every test binary's rows,
	// so the combined matrix can close the whole `go test ./...` output.
	var mf *os.File
	if path := os.Getenv("MTX_MATRIX_FILE"); path != "" {
		f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		if err != nil {
			fmt.Fprintf(os.Stderr, "MTX_MATRIX_FILE: %v\n", err)
			code = 1
		}
		mf = f
	}
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
		fmt.Printf("  %-14s run %d, passed %d, failed %d, skipped %d\n", n, len(matrix[n]), passed, failed, skipped)
		if mf != nil {
			fmt.Fprintf(mf, "%s %d %d %d %d\n", n, len(matrix[n]), passed, failed, skipped)
		}
	}
	matrixMu.Unlock()
	if mf != nil {
		if err := mf.Close(); err != nil {
			fmt.Fprintf(os.Stderr, "MTX_MATRIX_FILE: %v\n", err)
			code = 1
		}
	}
	os.Exit(code)
}
