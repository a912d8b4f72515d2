package tests

import (
	"bufio"
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

// stepTimes reads a model runner's trace (each statement preceded by a
// "-- 1.234s" line) and sums the time per kind of statement, so a
// benchmark can show which statements of a refresh grow with the table.
// The kind is the statement's first line without its quoted identifiers
// ("DELETE FROM WHERE rowid IN (SELECT FROM WHERE = 1);").
type stepTimes struct {
	pending time.Duration
	timed   bool
	sums    map[string]time.Duration
	order   []string
}

var (
	traceTime   = regexp.MustCompile(`^-- ([0-9.]+)s$`)
	quotedIdent = regexp.MustCompile("(\"[^\"]*\"|`[^`]*`)(\\.(\"[^\"]*\"|`[^`]*`))*")
	spaces      = regexp.MustCompile(`\s+`)
)

func (s *stepTimes) Write(p []byte) (int, error) {
	sc := bufio.NewScanner(bytes.NewReader(p))
	sc.Buffer(make([]byte, 0, 64*1024), len(p)+1)
	for sc.Scan() {
		line := sc.Text()
		if m := traceTime.FindStringSubmatch(line); m != nil {
			sec, _ := strconv.ParseFloat(m[1], 64)
			s.pending, s.timed = time.Duration(sec*float64(time.Second)), true
			continue
		}
		if !s.timed {
			continue
		}
		s.timed = false
		kind := strings.TrimSpace(spaces.ReplaceAllString(quotedIdent.ReplaceAllString(line, ""), " "))
		if len(kind) > 60 {
			kind = kind[:60] + "…"
		}
		if s.sums == nil {
			s.sums = map[string]time.Duration{}
		}
		if _, ok := s.sums[kind]; !ok {
			s.order = append(s.order, kind)
		}
		s.sums[kind] += s.pending
	}
	return len(p), nil
}

// reset starts a new run: the sums so far are returned and cleared.
func (s *stepTimes) reset() map[string]time.Duration {
	out := s.sums
	s.sums, s.timed = nil, false
	return out
}

// medianSteps is, per kind of statement in order, the median of its time
// over runs (0 in a run that did not have it).
func medianSteps(order []string, runs []map[string]time.Duration) map[string]time.Duration {
	out := map[string]time.Duration{}
	for _, k := range order {
		var ds []time.Duration
		for _, r := range runs {
			ds = append(ds, r[k])
		}
		out[k] = median(ds)
	}
	return out
}

// slowestSteps is order's kinds sorted by their time in at, slowest first.
func slowestSteps(order []string, at map[string]time.Duration) []string {
	s := append([]string(nil), order...)
	sort.SliceStable(s, func(i, j int) bool { return at[s[i]] > at[s[j]] })
	return s
}

// TestStepTimes: the refresh-scale benchmark's breakdown sums a runner
// trace's times per kind of statement, identifiers left out.
func TestStepTimes(t *testing.T) {
	st := &stepTimes{}
	for _, w := range []string{
		"-- 0.010s\n-- (reading the watermark)\n",
		"-- 1.500s\nCREATE TEMPORARY TABLE \"_mtx_merge_current_events_ed57d84a\" AS\nSELECT 1;\n",
		"-- 0.250s\nDELETE FROM \"s1\".\"current_events\" WHERE rowid IN (SELECT 1);\n",
		"-- 0.125s\nDELETE FROM \"s2\".\"current_events\" WHERE rowid IN (SELECT 1);\n",
		"-- 0.020s\nCOMMIT;\n",
	} {
		fmt.Fprint(st, w)
	}
	got := st.reset()
	for kind, want := range map[string]time.Duration{
		"-- (reading the watermark)":             10 * time.Millisecond,
		"CREATE TEMPORARY TABLE AS":              1500 * time.Millisecond,
		"DELETE FROM WHERE rowid IN (SELECT 1);": 375 * time.Millisecond,
		"COMMIT;":                                20 * time.Millisecond,
	} {
		if got[kind] != want {
			t.Errorf("%q: %s, want %s (all: %v)", kind, got[kind], want, got)
		}
	}
	if len(got) != 4 {
		t.Errorf("%d kinds, want 4: %v", len(got), got)
	}
	if s := slowestSteps(st.order, got); s[0] != "CREATE TEMPORARY TABLE AS" || s[3] != "-- (reading the watermark)" {
		t.Errorf("slowest first: %q", s)
	}
	if st.reset() != nil {
		t.Error("reset did not clear the sums")
	}
}
