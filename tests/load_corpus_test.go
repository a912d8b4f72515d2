package tests

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/mtxhq/mtx/internal/load"
)

// corpusCase is one line of tests/testdata/corpus/cases.tsv.
type corpusCase struct {
	name, table, expect string
	files               []string
	rows                int64
	names               []string
	check               string // SQL condition every loaded row meets; "" for none
}

func readCorpus(t *testing.T) []corpusCase {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "corpus", "cases.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []corpusCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		p := strings.Split(line, "\t")
		if len(p) != 7 {
			t.Fatalf("cases.tsv line %d: %d fields, want 7", n, len(p))
		}
		rows, err := strconv.ParseInt(p[4], 10, 64)
		if err != nil || (p[3] != "load" && p[3] != "warn" && p[3] != "fail") {
			t.Fatalf("cases.tsv line %d: bad rows %q or expect %q", n, p[4], p[3])
		}
		c := corpusCase{name: p[0], table: p[1], files: strings.Split(p[2], ","), expect: p[3], rows: rows}
		if p[5] != "-" {
			c.names = strings.Split(p[5], "|")
		}
		if p[6] != "-" {
			c.check = p[6]
		}
		out = append(out, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// corpusTally counts what the corpus found, over every engine.
type corpusTally struct {
	mu                                                       sync.Mutex
	runs, asExpected, clean, silent, unclear, refused, leaks int
	engines                                                  []string
}

// TestLoadCorpus replays the corpus of bad and odd export files
// (tests/testdata/corpus) on every engine in one load: each file that must
// fail fails with an error naming it and the listed words, and leaves no
// row and no manifest entry; each file that must load loads its rows. It
// closes with one line of figures; any silent accept, unclear error,
// wrong refusal or leak fails it.
func TestLoadCorpus(t *testing.T) {
	cases := readCorpus(t)
	var tally corpusTally
	forEachEngine(t, func(t *testing.T, e engine) {
		s := newLoadSetup(t, e, []string{"alert", "contracts_contracts"})
		dir := t.TempDir()
		rel := map[string][]string{}
		for _, c := range cases {
			for i, f := range c.files {
				data, err := os.ReadFile(filepath.Join("testdata", "corpus", "files", f))
				if err != nil {
					t.Fatal(err)
				}
				r := fmt.Sprintf("%s/dt=2025-03-01/%s-%d_20250301000000.parquet", c.table, c.name, i)
				p := filepath.Join(dir, filepath.FromSlash(r))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, data, 0o644); err != nil {
					t.Fatal(err)
				}
				rel[c.name] = append(rel[c.name], r)
			}
		}
		sum, warnings := s.runLoad(t, dir)
		q := e.d.Quote
		var runs, asExpected, clean, silent, unclear, refused, leaks int
		for _, c := range cases {
			runs++
			var errs []string
			var rows, entries, meet int64
			for _, r := range rel[c.name] {
				if c.check != "" {
					meet += s.count(t, c.table, q("_mtx_source_file")+" = '"+r+"' AND ("+c.check+")")
				}
				for _, err := range sum.Failed {
					if strings.HasPrefix(err.Error(), r+":") {
						errs = append(errs, err.Error())
					}
				}
				rows += s.count(t, c.table, q("_mtx_source_file")+" = '"+r+"'")
				entries += s.count(t, load.ManifestTable, q("path")+" = '"+r+"'")
			}
			msg := strings.Join(errs, "; ")
			switch c.expect {
			case "fail":
				switch {
				case len(errs) == 0:
					silent++
					t.Errorf("%s: loaded (%d rows), want an error naming %q", c.name, rows, c.names)
				case !containsAll(msg, c.names):
					unclear++
					t.Errorf("%s: error %q lacks one of %q", c.name, msg, c.names)
				default:
					clean++
				}
				if len(errs) > 0 && (rows != 0 || entries != 0) {
					leaks++
					t.Errorf("%s: failed, yet left %d rows and %d manifest entries", c.name, rows, entries)
				}
			default:
				switch {
				case len(errs) > 0:
					refused++
					t.Errorf("%s: refused: %s", c.name, msg)
				case rows != c.rows || entries != int64(len(c.files)):
					t.Errorf("%s: %d rows and %d manifest entries, want %d and %d", c.name, rows, entries, c.rows, len(c.files))
				case c.check != "" && meet != rows:
					t.Errorf("%s: %d of %d rows meet %s (values lost or changed)", c.name, meet, rows, c.check)
				case c.expect == "warn" && !containsAll(strings.Join(warnings, "\n"), c.names):
					t.Errorf("%s: no warning naming %q in %q", c.name, c.names, warnings)
				default:
					asExpected++
				}
			}
		}
		t.Logf("corpus on %s: %d inputs, %d loaded as expected, %d clean errors, %d silent accepts, %d unclear errors, %d wrongly refused, %d leaks",
			e.name, runs, asExpected, clean, silent, unclear, refused, leaks)
		tally.mu.Lock()
		defer tally.mu.Unlock()
		tally.runs += runs
		tally.asExpected += asExpected
		tally.clean += clean
		tally.silent += silent
		tally.unclear += unclear
		tally.refused += refused
		tally.leaks += leaks
		tally.engines = append(tally.engines, e.name)
	})
	sort.Strings(tally.engines) // they finish in any order
	fmt.Printf("corpus: %d inputs, %d runs on %d engines (%s): %d loaded as expected, %d clean errors, %d silent accepts, %d unclear errors, %d wrongly refused, %d leaks\n",
		len(cases), tally.runs, len(tally.engines), strings.Join(tally.engines, ", "), tally.asExpected, tally.clean, tally.silent, tally.unclear, tally.refused, tally.leaks)
}

func containsAll(s string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
}
