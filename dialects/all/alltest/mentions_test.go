package alltest

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/mtxhq/mtx/dialects/enginetest"
)

// newEngineMentions is the most files outside an engine's folder that may
// name a new engine: the registry (dialects/all), the test adapters' list
// (here) and the engine start script (tests/engines/up).
const newEngineMentions = 3

// TestEngineMentions measures how much of the repository an engine
// reaches: for each engine, the files outside dialects/<engine>/, docs/,
// testdata/, Markdown and go.mod/go.sum that name it as a quoted string
// literal ("name"). Adding an engine should mean adding its folder and
// almost nothing else, so the count may not grow: it fails above the
// ceiling in testdata/engine-mentions.txt (today's count, for the engines
// that predate the test adapters), or above newEngineMentions for an
// engine the file does not list. Lower a ceiling when a count drops.
func TestEngineMentions(t *testing.T) {
	root := moduleRoot(t)
	files := repoFiles(t, root)
	ceilings := readCeilings(t)
	for _, name := range enginetest.Names() {
		quoted := []byte(strconv.Quote(name))
		var hits []string
		for _, f := range files {
			if !counted(f, name) {
				continue
			}
			b, err := os.ReadFile(filepath.Join(root, f))
			if err != nil {
				continue // listed by git but deleted in the work tree
			}
			if bytes.Contains(b, quoted) {
				hits = append(hits, f)
			}
		}
		ceiling, ok := ceilings[name]
		if !ok {
			ceiling = newEngineMentions
		}
		t.Logf("%-12s %3d files name it (ceiling %d)", name, len(hits), ceiling)
		if len(hits) > ceiling {
			t.Errorf("%s is named as %s in %d files outside dialects/%s/, ceiling %d: read it from its test adapter (dialects/%s/testadapter) or the registry instead:\n  %s",
				name, quoted, len(hits), name, ceiling, name, strings.Join(hits, "\n  "))
		}
	}
}

// counted says whether a file (slash-separated, relative to the module
// root) is one where naming the engine counts.
func counted(f, engine string) bool {
	if strings.HasPrefix(f, "dialects/"+engine+"/") || strings.HasPrefix(f, "docs/") {
		return false
	}
	switch path.Base(f) {
	case "go.mod", "go.sum":
		return false
	}
	if strings.HasSuffix(f, ".md") {
		return false
	}
	for _, part := range strings.Split(path.Dir(f), "/") {
		if part == "testdata" {
			return false
		}
	}
	return true
}

// repoFiles lists the repository's files: git's tracked and untracked
// (not ignored) files, so build output never counts.
func repoFiles(t *testing.T, root string) []string {
	t.Helper()
	cmd := exec.Command("git", "ls-files", "--cached", "--others", "--exclude-standard")
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		t.Skipf("git ls-files in %s: %v (the count needs the repository's file list)", root, err)
	}
	return strings.Fields(string(out))
}

func moduleRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's directory")
		}
		dir = parent
	}
}

// readCeilings reads "engine count" lines; # starts a comment.
func readCeilings(t *testing.T) map[string]int {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "engine-mentions.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]int{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line, _, _ := strings.Cut(sc.Text(), "#")
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		c, err := strconv.Atoi(fields[len(fields)-1])
		if len(fields) != 2 || err != nil {
			t.Fatalf("testdata/engine-mentions.txt:%d: want \"engine count\", got %q", n, sc.Text())
		}
		out[fields[0]] = c
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
