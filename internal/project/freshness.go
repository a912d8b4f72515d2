package project

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/mtxhq/mtx/internal/catalog"
)

// Freshness says when mtx freshness calls a table's last delivery late, in
// dbt's warn_after / error_after style: a project default, then per group,
// then per table, the most specific winning field by field. Unset, a table
// warns past Metronome's published average freshness and is an error past
// twice its warn_after.
type Freshness struct {
	FreshnessRule `yaml:",inline"`
	Groups        map[string]FreshnessRule `yaml:"groups"`
	Tables        map[string]FreshnessRule `yaml:"tables"`
}

// FreshnessRule is one level's thresholds; nil fields are inherited.
type FreshnessRule struct {
	WarnAfter  *Period `yaml:"warn_after"`
	ErrorAfter *Period `yaml:"error_after"`
}

// Period is dbt's {count: 6, period: hour}.
type Period struct {
	Count  int    `yaml:"count"`
	Period string `yaml:"period"`
}

var periodUnits = map[string]time.Duration{"minute": time.Minute, "hour": time.Hour, "day": 24 * time.Hour}

// Duration is the period as a duration (valid periods only).
func (p Period) Duration() time.Duration { return time.Duration(p.Count) * periodUnits[p.Period] }

func (p *Period) validate(key string) error {
	if p == nil {
		return nil
	}
	if _, ok := periodUnits[p.Period]; !ok {
		return fmt.Errorf("%s: period %q is not one of minute, hour, day", key, p.Period)
	}
	if p.Count < 1 {
		return fmt.Errorf("%s: count %d must be at least 1", key, p.Count)
	}
	return nil
}

func (r FreshnessRule) validate(where string) error {
	if err := r.WarnAfter.validate(where + "warn_after"); err != nil {
		return err
	}
	if err := r.ErrorAfter.validate(where + "error_after"); err != nil {
		return err
	}
	if r.WarnAfter != nil && r.ErrorAfter != nil && r.ErrorAfter.Duration() < r.WarnAfter.Duration() {
		return fmt.Errorf("%serror_after (%d %s) is shorter than warn_after (%d %s)", where,
			r.ErrorAfter.Count, r.ErrorAfter.Period, r.WarnAfter.Count, r.WarnAfter.Period)
	}
	return nil
}

func (f *Freshness) validate() error {
	if err := f.FreshnessRule.validate(""); err != nil {
		return err
	}
	for _, level := range []struct {
		name  string
		rules map[string]FreshnessRule
	}{{"groups", f.Groups}, {"tables", f.Tables}} {
		for _, name := range sortedKeys(level.rules) {
			if err := level.rules[name].validate(level.name + "." + name + ": "); err != nil {
				return err
			}
		}
	}
	return nil
}

// Check verifies that every group and table named exists in c.
func (f *Freshness) Check(c *catalog.Catalog) error {
	if f == nil {
		return nil
	}
	groups := map[string]bool{}
	for _, g := range c.Groups() {
		groups[g] = true
	}
	for _, g := range sortedKeys(f.Groups) {
		if !groups[g] {
			return fmt.Errorf("freshness: unknown group %q (groups: %s)", g, strings.Join(c.Groups(), ", "))
		}
	}
	for _, t := range sortedKeys(f.Tables) {
		if _, ok := c.Table(t); !ok {
			return fmt.Errorf("freshness: unknown table %q (mtx catalog lists them)", t)
		}
	}
	return nil
}

// Thresholds returns table t's warn_after and error_after: the most
// specific setting of each, else warn = def and error = twice warn. A result with error_after
// before warn_after (a table's warn_after above a group's error_after) is
// an error naming the table.
func (f *Freshness) Thresholds(t *catalog.Table, def time.Duration) (warn, fail time.Duration, err error) {
	var w, e *Period
	if f != nil {
		for _, r := range []FreshnessRule{f.Tables[t.Name], f.Groups[t.Group], f.FreshnessRule} {
			if w == nil {
				w = r.WarnAfter
			}
			if e == nil {
				e = r.ErrorAfter
			}
		}
	}
	warn = def
	if w != nil {
		warn = w.Duration()
	}
	fail = 2 * warn
	if e != nil {
		fail = e.Duration()
	}
	if fail < warn {
		return 0, 0, fmt.Errorf("freshness: table %s ends up with error_after %s before warn_after %s; set both at the same level", t.Name, fail, warn)
	}
	return warn, fail, nil
}

func sortedKeys(m map[string]FreshnessRule) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
