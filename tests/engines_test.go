// Package tests holds the cross-dialect integration tests: every schema
// version applied to real engines. Engines come from MTX_TEST_<ENGINE>_DSN
// (tests/engines/up prints them); DuckDB is embedded and always runs.
package tests

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/dialects/all"
	_ "github.com/mtxhq/mtx/dialects/all/alltest"
	"github.com/mtxhq/mtx/dialects/enginetest"
)

// engine is one real database a test runs against; a is what the tests
// know about it (dialects/<engine>/testadapter).
type engine struct {
	name string
	a    *enginetest.Adapter
	d    dialects.Dialect
	dsn  string
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

// forEachEngine runs fn once per engine with a test adapter
// (dialects/all/alltest), as a subtest named after it.
func forEachEngine(t *testing.T, fn func(t *testing.T, e engine)) {
	forEngines(t, func(*enginetest.Adapter) bool { return true }, fn)
}

// forEngines is forEachEngine for the engines with a capability.
//
// The engines' subtests run at the same time (at most -parallel at once),
// so a test lasts as long as its slowest engine, not the sum of them. They
// are started from goroutines rather than marked t.Parallel: a parallel
// subtest would only begin once the calling test returned, and several
// tests compare the engines' answers after this returns.
func forEngines(t *testing.T, keep func(*enginetest.Adapter) bool, fn func(t *testing.T, e engine)) {
	slots := make(chan struct{}, parallelism())
	var wg sync.WaitGroup
	for _, a := range enginetest.Find(func(a *enginetest.Adapter) bool { return keep(a) && inThisProcess(a.Name) }) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			slots <- struct{}{}
			defer func() { <-slots }()
			t.Run(a.Name, func(t *testing.T) {
				record(a.MatrixName(), t)
				if why := a.Gap(t.Name()); why != "" {
					t.Skip("known gap: " + why)
				}
				fn(t, connectEngine(t, a))
			})
		}()
	}
	wg.Wait()
}

// parallelism is go test's -parallel (GOMAXPROCS unless set; .ci/run sets
// it through GOFLAGS): how many engines one test drives at once.
func parallelism() int {
	n := runtime.GOMAXPROCS(0)
	if f := flag.Lookup("test.parallel"); f != nil {
		if v, err := strconv.Atoi(f.Value.String()); err == nil && v > 0 {
			n = v
		}
	}
	return n
}

// connectEngine finds the engine's DSN: a fresh file for an embedded
// engine, else its MTX_TEST_<ENGINE>_DSN, else a container where Docker
// runs. Without one it skips, or fails when CI requires the engine.
func connectEngine(t *testing.T, a *enginetest.Adapter) engine {
	t.Helper()
	d, err := all.Get(a.Name)
	if err != nil {
		t.Fatal(err)
	}
	e := engine{name: a.Name, a: a, d: d}
	if a.Embedded != nil {
		e.dsn = a.Embedded(t.TempDir())
		return e
	}
	e.dsn = os.Getenv(a.DSNEnv)
	if e.dsn == "" {
		// An explicit DSN wins; else a container where Docker runs.
		dsn, err := containerDSN(a)
		if err != nil {
			t.Fatal(err)
		}
		e.dsn = dsn
	}
	if e.dsn == "" {
		if required(a.Name) {
			t.Fatalf("%s is required (MTX_REQUIRE_ENGINES) but %s is not set", a.Name, a.DSNEnv)
		}
		if a.NoLocalEngine != "" {
			t.Skipf("%s not set: %s", a.DSNEnv, a.NoLocalEngine)
		}
		orDocker := ""
		if a.Container != nil {
			orDocker = ", or make a Docker engine reachable for a container"
		}
		t.Skipf("%s not set: run eval \"$(tests/engines/up)\" to start a local %s%s", a.DSNEnv, a.Name, orDocker)
	}
	return e
}

// embedded says the engine is a file in the test's process that one
// process opens at a time: a test hands it to the mtx CLI by closing its
// own connection first, and its fresh file needs no fresh schema.
func (e engine) embedded() bool { return e.a.Embedded != nil }

// adapterOf returns a dialect's test adapter; every dialect has one
// (dialects/all/alltest checks it).
func adapterOf(dialect string) *enginetest.Adapter {
	a, err := enginetest.Get(dialect)
	if err != nil {
		panic(err)
	}
	return a
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
		drop := e.a.DropSchemaSQL(e.d.Quote(schema))
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
	if !countsHere(t) {
		return
	}
	matrixMu.Lock()
	defer matrixMu.Unlock()
	matrix[engine] = append(matrix[engine], t)
}

func TestMain(m *testing.M) {
	procs, err := startEngineProcesses()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		for _, p := range procs {
			p.cmd.Process.Kill()
		}
		os.Exit(1)
	}
	code := m.Run()
	if !finishEngineProcesses(procs) {
		code = 1
	}
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
