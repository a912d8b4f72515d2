// Package project reads project.yaml: the targets (engine + DSN), the
// schema the export tables live in, decimal sizing and the table selection.
package project

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/catalog"
)

// FileName is the project file mtx looks for in the working directory.
const FileName = "project.yaml"

// Project is the parsed project.yaml.
type Project struct {
	Name          string            `yaml:"name"`
	DefaultTarget string            `yaml:"default_target"`
	Targets       map[string]Target `yaml:"targets"`
	// Schema holds the export tables (BigQuery: dataset; MySQL and
	// ClickHouse: database). Default metronome.
	Schema  string    `yaml:"schema"`
	Decimal *Decimal  `yaml:"decimal"`
	Tables  Selection `yaml:"tables"`
	// Path is the file the project was read from.
	Path string `yaml:"-"`
}

// Target is one database the project can run against.
type Target struct {
	Dialect string `yaml:"dialect"`
	DSN     string `yaml:"dsn"`
	// Schema overrides the project's schema for this target.
	Schema string `yaml:"schema"`
}

// Decimal sizes every decimal column.
type Decimal struct {
	Precision int `yaml:"precision"`
	Scale     int `yaml:"scale"`
}

// Selection picks the export tables a project uses: groups and tables to
// include (empty: all), then groups and tables to exclude.
type Selection struct {
	Groups        []string `yaml:"groups"`
	Include       []string `yaml:"include"`
	ExcludeGroups []string `yaml:"exclude_groups"`
	Exclude       []string `yaml:"exclude"`
}

// Load reads and validates a project file.
func Load(path string) (*Project, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading project: %w", err)
	}
	var p Project
	if err := yaml.NewDecoder(bytes.NewReader(data), yaml.Strict()).Decode(&p); err != nil {
		return nil, fmt.Errorf("%s: %s", path, oneLine(yaml.FormatError(err, false, false)))
	}
	p.Path = path
	if err := p.validate(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &p, nil
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func (p *Project) validate() error {
	if len(p.Targets) > 0 && p.DefaultTarget != "" {
		if _, ok := p.Targets[p.DefaultTarget]; !ok {
			return fmt.Errorf("default_target %q is not one of the targets (%s)", p.DefaultTarget, strings.Join(p.targetNames(), ", "))
		}
	}
	for name, t := range p.Targets {
		if t.Dialect == "" {
			return fmt.Errorf("target %s: dialect is required", name)
		}
	}
	if p.Decimal != nil {
		if p.Decimal.Precision < 1 || p.Decimal.Scale < 0 || p.Decimal.Scale > p.Decimal.Precision {
			return fmt.Errorf("decimal: precision %d, scale %d is not a valid size (need 1 <= precision, 0 <= scale <= precision)", p.Decimal.Precision, p.Decimal.Scale)
		}
	}
	return nil
}

func (p *Project) targetNames() []string {
	var out []string
	for n := range p.Targets {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// Flags are the command-line settings that pick or override a target.
type Flags struct {
	Target, Dialect, DSN, Schema string
}

// Resolved is everything a command needs to talk to one database.
type Resolved struct {
	TargetName string
	Dialect    dialects.Dialect
	DSN        string
	Options    dialects.Options
	Selection  Selection
}

// Resolve combines the project (may be nil) and the flags. lookup returns
// a dialect by name.
func Resolve(p *Project, f Flags, lookup func(string) (dialects.Dialect, error)) (*Resolved, error) {
	r := &Resolved{Options: dialects.DefaultOptions()}
	var t Target
	if p != nil {
		if p.Schema != "" {
			r.Options.Schema = p.Schema
		}
		if p.Decimal != nil {
			r.Options.DecimalPrecision, r.Options.DecimalScale = p.Decimal.Precision, p.Decimal.Scale
		}
		r.Selection = p.Tables
		name := f.Target
		if name == "" {
			name = p.DefaultTarget
		}
		if name != "" {
			var ok bool
			if t, ok = p.Targets[name]; !ok {
				return nil, fmt.Errorf("%s: no target %q (targets: %s)", p.Path, name, strings.Join(p.targetNames(), ", "))
			}
			r.TargetName = name
			var err error
			if t, err = expandTarget(name, t); err != nil {
				return nil, fmt.Errorf("%s: %w", p.Path, err)
			}
		}
	} else if f.Target != "" {
		return nil, fmt.Errorf("--target %s needs a %s (none found; pass --project PATH)", f.Target, FileName)
	}
	if f.Dialect != "" {
		if f.Dialect != t.Dialect {
			t.DSN = "" // a target's DSN belongs to its own dialect
		}
		t.Dialect = f.Dialect
	}
	if f.DSN != "" {
		t.DSN = f.DSN
	}
	if t.Schema != "" {
		r.Options.Schema = t.Schema
	}
	if f.Schema != "" {
		r.Options.Schema = f.Schema
	}
	if t.Dialect == "" {
		return nil, errors.New("no dialect: pass --dialect NAME (and --dsn), or run where a project.yaml with a default_target is")
	}
	d, err := lookup(t.Dialect)
	if err != nil {
		return nil, err
	}
	r.Dialect, r.DSN = d, t.DSN
	if !catalog.ValidIdentifier(r.Options.Schema) {
		return nil, fmt.Errorf("schema %q is not a valid identifier (use lower-case letters, digits and _, starting with a letter or _)", r.Options.Schema)
	}
	return r, nil
}

var envRef = regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_]*)\}`)

// expandTarget replaces ${VAR} with the environment variable's value; an
// unset variable is an error that names it.
func expandTarget(name string, t Target) (Target, error) {
	var missing []string
	expand := func(s string) string {
		return envRef.ReplaceAllStringFunc(s, func(m string) string {
			v, ok := os.LookupEnv(m[2 : len(m)-1])
			if !ok {
				missing = append(missing, m[2:len(m)-1])
			}
			return v
		})
	}
	t.Dialect, t.DSN, t.Schema = expand(t.Dialect), expand(t.DSN), expand(t.Schema)
	if len(missing) > 0 {
		return t, fmt.Errorf("target %s uses environment variable %s, which is not set", name, strings.Join(missing, ", "))
	}
	return t, nil
}

// Filter returns the selection as a predicate over table names, after
// checking every group and table it names exists in c.
func (s Selection) Filter(c *catalog.Catalog) (func(string) bool, error) {
	groups := map[string]bool{}
	for _, g := range c.Groups() {
		groups[g] = true
	}
	for _, list := range [][]string{s.Groups, s.ExcludeGroups} {
		for _, g := range list {
			if !groups[g] {
				return nil, fmt.Errorf("tables: unknown group %q (groups: %s)", g, strings.Join(c.Groups(), ", "))
			}
		}
	}
	for _, list := range [][]string{s.Include, s.Exclude} {
		for _, t := range list {
			if _, ok := c.Table(t); !ok {
				return nil, fmt.Errorf("tables: unknown table %q", t)
			}
		}
	}
	in := func(list []string, v string) bool {
		for _, x := range list {
			if x == v {
				return true
			}
		}
		return false
	}
	return func(name string) bool {
		t, ok := c.Table(name)
		if !ok {
			return false
		}
		selected := len(s.Groups) == 0 && len(s.Include) == 0
		selected = selected || in(s.Groups, t.Group) || in(s.Include, name)
		return selected && !in(s.ExcludeGroups, t.Group) && !in(s.Exclude, name)
	}, nil
}
