package dbtexport

import (
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	shipped "github.com/mtxhq/mtx/cookbook"
	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/dialects/all"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/internal/cookbook"
)

var update = flag.Bool("update", false, "rewrite the golden project in testdata/golden")

func build(t *testing.T, adapter string) *Project {
	t.Helper()
	a, err := LookupAdapter(adapter)
	if err != nil {
		t.Fatal(err)
	}
	d, err := all.Get(a.Dialect)
	if err != nil {
		t.Fatal(err)
	}
	h, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	book, err := cookbook.Load(shipped.FS)
	if err != nil {
		t.Fatal(err)
	}
	p, err := Build(Options{Adapter: a, Dialect: d, DialectOptions: dialects.DefaultOptions(), Catalog: h.Current(), Book: book, Name: "mtx_metronome"})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestGolden pins the DuckDB project, file by file. After an intended
// change: go test ./internal/dbtexport -update, and review the diff.
func TestGolden(t *testing.T) {
	p := build(t, "duckdb")
	dir := filepath.Join("testdata", "golden", "duckdb")
	if *update {
		if err := os.RemoveAll(dir); err != nil {
			t.Fatal(err)
		}
		if err := p.Write(dir, false); err != nil {
			t.Fatal(err)
		}
		return
	}
	onDisk := map[string]bool{}
	err := filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		onDisk[filepath.ToSlash(rel)] = true
		return nil
	})
	if err != nil {
		t.Fatalf("%v (go test ./internal/dbtexport -update writes it)", err)
	}
	for _, path := range p.Paths() {
		want, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(path)))
		if err != nil {
			t.Errorf("%s: %v (go test ./internal/dbtexport -update writes it)", path, err)
			continue
		}
		if string(want) != string(p.Files[path]) {
			t.Errorf("%s differs from the golden project (go test ./internal/dbtexport -update rewrites it; review the diff)", path)
		}
		delete(onDisk, path)
	}
	for path := range onDisk {
		t.Errorf("golden file %s is no longer written", path)
	}
}

// TestEveryAdapter builds the project for every adapter: every table and
// entry is there, every placeholder of the macros file is filled, and no
// probe of an integer parameter is left in the SQL.
func TestEveryAdapter(t *testing.T) {
	probeLeft := regexp.MustCompile(`\b9[0-9]{6,}\b`)
	for _, name := range AdapterNames() {
		t.Run(name, func(t *testing.T) {
			p := build(t, name)
			if p.Models != 43 || p.Entries != 22 {
				t.Errorf("%d models and %d cookbook entries, want 43 and 22", p.Models, p.Entries)
			}
			if m := string(p.Files["macros/mtx.sql"]); strings.Contains(m, "@") {
				t.Errorf("macros/mtx.sql has an unfilled placeholder:\n%s", m)
			}
			for path, data := range p.Files {
				if strings.HasPrefix(path, "models/cookbook/") && probeLeft.Match(data) {
					t.Errorf("%s keeps an integer probe: %s", path, probeLeft.Find(data))
				}
			}
			days := string(p.Files["models/cookbook/cookbook_alert_triggers_per_day.sql"])
			if !strings.Contains(days, "mtx_int('days', '7') * -24") {
				t.Errorf("days is not a var in cookbook_alert_triggers_per_day:\n%s", days)
			}
		})
	}
}

// TestParamMacrosFollowDialect: the vars are escaped as the dialect's own
// string literals are (doubled quote; backslashes escaped where the engine
// reads escapes).
func TestParamMacrosFollowDialect(t *testing.T) {
	tests := []struct{ dialect, want string }{
		{"duckdb", `replace('\\', '\\') | replace('\'', '\'\'')`},
		{"postgres", `replace('\\', '\\') | replace('\'', '\'\'')`},
		{"snowflake", `replace('\\', '\\\\') | replace('\'', '\\\'')`},
		{"redshift", `replace('\\', '\\\\') | replace('\'', '\'\'')`},
	}
	for _, tc := range tests {
		d, err := all.Get(tc.dialect)
		if err != nil {
			t.Fatal(err)
		}
		m, err := paramMacros(d)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(m, tc.want) {
			t.Errorf("%s: macros lack %s", tc.dialect, tc.want)
		}
	}
}

func TestPeriodOf(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want period
	}{
		{4 * time.Hour, period{4, "hour"}},
		{48 * time.Hour, period{2, "day"}},
		{90 * time.Minute, period{90, "minute"}},
		{90*time.Minute + time.Second, period{91, "minute"}},
	}
	for _, tc := range tests {
		if got := periodOf(tc.d); got != tc.want {
			t.Errorf("periodOf(%s) = %v, want %v", tc.d, got, tc.want)
		}
	}
}

func TestLookupAdapter(t *testing.T) {
	if _, err := LookupAdapter("oracle"); err == nil || !strings.Contains(err.Error(), `unknown dbt adapter "oracle" (known: duckdb, postgres`) {
		t.Errorf("got %v", err)
	}
}

func TestWrite(t *testing.T) {
	p := &Project{Files: map[string][]byte{"dbt_project.yml": []byte("name: x\n"), "models/a.sql": []byte("SELECT 1\n")}}
	root := t.TempDir()

	fresh := filepath.Join(root, "new", "project")
	if err := p.Write(fresh, false); err != nil {
		t.Fatal(err)
	}
	if data, err := os.ReadFile(filepath.Join(fresh, "models", "a.sql")); err != nil || string(data) != "SELECT 1\n" {
		t.Fatalf("models/a.sql: %q, %v", data, err)
	}
	if left, _ := filepath.Glob(filepath.Join(root, "new", ".project.mtx-*")); len(left) > 0 {
		t.Errorf("scratch folder left behind: %v", left)
	}

	if err := p.Write(fresh, false); err == nil || !strings.Contains(err.Error(), "is not empty (pass --force") {
		t.Errorf("a second write into %s: %v, want a refusal naming --force", fresh, err)
	}
	os.WriteFile(filepath.Join(fresh, "mine.txt"), []byte("keep"), 0o644)
	p.Files["models/a.sql"] = []byte("SELECT 2\n")
	if err := p.Write(fresh, true); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(filepath.Join(fresh, "models", "a.sql")); string(data) != "SELECT 2\n" {
		t.Errorf("--force did not replace models/a.sql: %q", data)
	}
	if _, err := os.Stat(filepath.Join(fresh, "mine.txt")); err != nil {
		t.Errorf("--force removed a file it does not write: %v", err)
	}

	empty := filepath.Join(root, "empty")
	os.Mkdir(empty, 0o755)
	if err := p.Write(empty, false); err != nil {
		t.Errorf("an empty folder is refused: %v", err)
	}
	file := filepath.Join(root, "file")
	os.WriteFile(file, nil, 0o644)
	if err := p.Write(file, true); err == nil || !strings.Contains(err.Error(), "is not a folder") {
		t.Errorf("writing over a file: %v", err)
	}
}
