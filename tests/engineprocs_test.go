package tests

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/mtxhq/mtx/dialects/enginetest"
)

// Engines in test processes of their own.
//
// The tests run one after the other, each driving every engine at once, so
// the suite lasts the sum, over tests, of each test's slowest engine: an
// engine much slower than the others (Databricks' Spark stand-in, where a
// statement is a Delta commit; Athena's Trino, an Iceberg commit) sets the
// pace of every test. MTX_TEST_ENGINE_PROCESSES (comma-separated; .ci/run
// sets it) names engines whose subtests run instead in a copy of this test
// binary each, started by TestMain beside this one: every test then waits
// only for the engines of its own process, and each slow engine goes
// through the suite at its own pace. Every test still runs on every
// engine; the answers the engines must agree on are compared across the
// processes once all have finished (shareAnswers).
const (
	engineProcessesEnv = "MTX_TEST_ENGINE_PROCESSES"
	// engineProcessEnv is set in a copy: the one engine it runs.
	engineProcessEnv = "MTX_TEST_ENGINE_PROCESS"
	answersDirEnv    = "MTX_TEST_ANSWERS_DIR"
)

// ownEngine is the engine this copy runs; "" in the main process.
var ownEngine = os.Getenv(engineProcessEnv)

// separateEngines are the engines the main process leaves to copies.
func separateEngines() []string {
	if ownEngine != "" {
		return nil
	}
	var out []string
	for _, e := range strings.Split(os.Getenv(engineProcessesEnv), ",") {
		if e = strings.TrimSpace(e); e != "" {
			out = append(out, e)
		}
	}
	return out
}

// inThisProcess reports whether this process runs engine name's subtests.
func inThisProcess(name string) bool {
	if ownEngine != "" {
		return name == ownEngine
	}
	return !slices.Contains(separateEngines(), name)
}

// countsHere reports whether a matrix row recorded by t belongs to this
// process: in a copy, only its engine's subtests count (the main process
// records the services and engine-neutral tests).
func countsHere(t *testing.T) bool {
	if ownEngine == "" {
		return true
	}
	return slices.Contains(strings.Split(t.Name(), "/")[1:], ownEngine)
}

// mainProcessOnly skips an engine-neutral test in a copy, which runs only
// its engine's subtests.
func mainProcessOnly(t *testing.T) {
	if ownEngine != "" {
		t.Skipf("engine-neutral: runs in the main test process, not in %s's", ownEngine)
	}
}

// engineProcess is a running copy of the test binary.
type engineProcess struct {
	engine string
	cmd    *exec.Cmd
	out    *os.File
}

// startEngineProcesses starts one copy per separate engine, with this
// binary's flags, its output in a temporary file.
func startEngineProcesses() ([]engineProcess, error) {
	names := separateEngines()
	if len(names) == 0 {
		return nil, nil
	}
	known := enginetest.Names()
	dir, err := os.MkdirTemp("", "mtx-answers-")
	if err != nil {
		return nil, err
	}
	os.Setenv(answersDirEnv, dir)
	var procs []engineProcess
	for _, n := range names {
		if !slices.Contains(known, n) {
			return procs, fmt.Errorf("%s: unknown engine %q (known: %s)", engineProcessesEnv, n, strings.Join(known, ", "))
		}
		out, err := os.CreateTemp("", "mtx-engine-"+n+"-")
		if err != nil {
			return procs, err
		}
		cmd := exec.Command(os.Args[0], copyArgs(os.Args[1:])...)
		cmd.Env = append(os.Environ(), engineProcessesEnv+"=", engineProcessEnv+"="+n)
		cmd.Stdout, cmd.Stderr = out, out
		if err := cmd.Start(); err != nil {
			out.Close()
			return procs, fmt.Errorf("starting the %s test process: %w", n, err)
		}
		procs = append(procs, engineProcess{engine: n, cmd: cmd, out: out})
	}
	return procs, nil
}

// copyArgs are this binary's flags for a copy, without the files only one
// process may write: go test's log of what the tests read (for its cache)
// and profiles.
func copyArgs(args []string) []string {
	var out []string
	for _, a := range args {
		name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		switch name {
		case "test.testlogfile", "test.coverprofile", "test.cpuprofile", "test.memprofile",
			"test.blockprofile", "test.mutexprofile", "test.trace":
			continue
		}
		out = append(out, a)
	}
	return out
}

// finishEngineProcesses waits for the copies, prints each one's output
// (its lines prefixed with its engine, so they read as output, not as
// results of this process), compares the shared answers, and returns
// whether everything passed.
func finishEngineProcesses(procs []engineProcess) bool {
	ok := true
	for _, p := range procs {
		err := p.cmd.Wait()
		p.out.Seek(0, io.SeekStart)
		fmt.Printf("=== the %s test process (%s=%s):\n", p.engine, engineProcessEnv, p.engine)
		sc := bufio.NewScanner(p.out)
		sc.Buffer(make([]byte, 1<<20), 16<<20)
		for sc.Scan() {
			fmt.Printf("[%s] %s\n", p.engine, sc.Text())
		}
		p.out.Close()
		os.Remove(p.out.Name())
		if err != nil {
			fmt.Printf("FAIL: the %s test process: %v\n", p.engine, err)
			ok = false
		}
	}
	if dir := os.Getenv(answersDirEnv); dir != "" && len(procs) > 0 {
		if !compareSharedAnswers(dir) {
			ok = false
		}
		os.RemoveAll(dir)
	}
	return ok
}

// shared holds this process's answers per test and engine, as JSON.
var shared = struct {
	sync.Mutex
	m map[string]map[string][]byte // test -> engine -> answers
}{m: map[string]map[string][]byte{}}

// shareAnswers keeps what engine answered in test t, for the comparison
// across processes: a copy writes it to the answers directory, the main
// process keeps it for compareSharedAnswers.
func shareAnswers(t *testing.T, engine string, answers any) {
	b, err := json.Marshal(answers)
	if err != nil {
		t.Fatalf("sharing %s's answers: %v", engine, err)
	}
	test, _, _ := strings.Cut(t.Name(), "/")
	if ownEngine != "" {
		dir := os.Getenv(answersDirEnv)
		if dir == "" {
			return // a copy started by hand: nothing to compare with
		}
		if err := os.WriteFile(filepath.Join(dir, test+"."+engine+".json"), b, 0o644); err != nil {
			t.Fatalf("sharing %s's answers: %v", engine, err)
		}
		return
	}
	shared.Lock()
	defer shared.Unlock()
	if shared.m[test] == nil {
		shared.m[test] = map[string][]byte{}
	}
	shared.m[test][engine] = b
}

// compareSharedAnswers checks every copy's answers against the main
// process's engines for the same test.
func compareSharedAnswers(dir string) bool {
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	sort.Strings(files)
	ok := true
	shared.Lock()
	defer shared.Unlock()
	for _, f := range files {
		test, engine, _ := strings.Cut(strings.TrimSuffix(filepath.Base(f), ".json"), ".")
		got, err := os.ReadFile(f)
		if err != nil {
			fmt.Printf("FAIL: %s: reading %s's answers: %v\n", test, engine, err)
			ok = false
			continue
		}
		mine := shared.m[test]
		names := make([]string, 0, len(mine))
		for n := range mine {
			names = append(names, n)
		}
		sort.Strings(names)
		if len(names) == 0 {
			continue // the main process did not run it (-run)
		}
		if want := mine[names[0]]; !bytes.Equal(got, want) {
			fmt.Printf("FAIL: %s: %s (its own test process) and %s disagree:\n  %s: %s\n  %s: %s\n", test, engine, names[0], engine, got, names[0], want)
			ok = false
		}
	}
	return ok
}
