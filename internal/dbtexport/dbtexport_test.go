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

func registered(t *testing.T) []dialects.Dialect {
	t.Helper()
	var ds []dialects.Dialect
	for _, n := range all.Names() {
		d, err := all.Get(n)
		if err != nil {
			t.Fatal(err)
		}
		ds = append(ds, d)
	}
	return ds
}

func build(t *testing.T, adapter string) *Project {
	t.Helper()
	a, err := LookupAdapter(registered(t), adapter)
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
	p, err := Build(Options{Adapter: a, DialectOptions: dialects.DefaultOptions(), Catalog: h.Current(), Book: book, Name: "mtx_metronome"})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestGolden pins one adapter's project, file by file: the folder under
// testdata/golden names the adapter. After an intended change: go test
// ./internal/dbtexport -update, and review the diff.
func TestGolden(t *testing.T) {
	folders, err := os.ReadDir(filepath.Join("testdata", "golden"))
	if err != nil || len(folders) != 1 {
		t.Fatalf("testdata/golden should hold one adapter's project: %v %v", folders, err)
	}
	adapter := folders[0].Name()
	p := build(t, adapter)
	dir := filepath.Join("testdata", "golden", adapter)
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
	err = filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
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
	names := AdapterNames(registered(t))
	if len(names) != 6 {
		t.Errorf("adapters %v, want the six dbt has maintained adapters for", names)
	}
	for _, name := range names {
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

// TestParamMacrosFollowDialect: a hostile string var, put through the
// macros file's replace chain as Jinja would, is exactly the dialect's own
// literal of it (its quote and backslash escaping).
func TestParamMacrosFollowDialect(t *testing.T) {
	chain := regexp.MustCompile(`(@?\S*)\{\{ v \| replace\(('(?:[^'\\]|\\.)*'), ('(?:[^'\\]|\\.)*')\) \| replace\(('(?:[^'\\]|\\.)*'), ('(?:[^'\\]|\\.)*')\) \}\}(\S*)`)
	unjinja := func(lit string) string {
		return strings.NewReplacer(`\\`, `\`, `\'`, `'`, `\n`, "\n").Replace(lit[1 : len(lit)-1])
	}
	for _, a := range Adapters(registered(t)) {
		m, err := paramMacros(a.Dialect)
		if err != nil {
			t.Fatal(err)
		}
		g := chain.FindStringSubmatch(m)
		if g == nil {
			t.Fatalf("%s: no replace chain in the macros:\n%s", a.Adapter, m)
		}
		for _, v := range []string{`it's`, `back\slash`, `\'; DROP TABLE x; --`, `plain`} {
			got := strings.ReplaceAll(v, unjinja(g[2]), unjinja(g[3]))
			got = g[1] + strings.ReplaceAll(got, unjinja(g[4]), unjinja(g[5])) + g[6]
			if want := a.Dialect.Macros().StringLiteral(v); got != want {
				t.Errorf("%s: var %q renders as %s, the dialect's literal is %s", a.Adapter, v, got, want)
			}
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
	if _, err := LookupAdapter(registered(t), "oracle"); err == nil || !strings.Contains(err.Error(), `unknown dbt adapter "oracle" (known: `+strings.Join(AdapterNames(registered(t)), ", ")+")") {
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
