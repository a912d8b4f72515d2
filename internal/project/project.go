// Package project reads project.yaml: the targets (engine + DSN), the
// schema the export tables live in, decimal sizing and the table selection.
package project

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
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
	Schema string `yaml:"schema"`
	// SourceSchema, when set, is the schema Metronome's sync service
	// delivers the export tables into (a warehouse or database
	// destination). mtx only reads it; Schema is then where mtx writes its
	// models, cookbook views and bookkeeping.
	SourceSchema string    `yaml:"source_schema"`
	Decimal      *Decimal  `yaml:"decimal"`
	Tables       Selection `yaml:"tables"`
	// Load holds mtx load's settings for engines that read the export from
	// object storage themselves; a target's own load: overrides them.
	Load *LoadSettings `yaml:"load"`
	// Freshness overrides when mtx freshness calls a table late.
	Freshness *Freshness `yaml:"freshness"`
	// Path is the file the project was read from.
	Path string `yaml:"-"`
}

// Target is one database the project can run against.
type Target struct {
	Dialect string `yaml:"dialect"`
	DSN     string `yaml:"dsn"`
	// Schema overrides the project's schema for this target.
	Schema string `yaml:"schema"`
	// SourceSchema overrides the project's source_schema for this target.
	SourceSchema string `yaml:"source_schema"`
	// Load overrides the project's load settings, field by field.
	Load *LoadSettings `yaml:"load"`
}

// LoadSettings say how an engine reads the export from object storage
// itself (Snowflake COPY INTO from a stage, BigQuery load jobs, Redshift
// COPY ... FORMAT PARQUET). They hold names, never secrets: engines use
// their own credentials (a stage's storage integration, an IAM role).
type LoadSettings struct {
	// Stage is a Snowflake external stage whose URL is the export location.
	Stage string `yaml:"stage"`
	// IAMRole is the role ARN Redshift's COPY assumes to read S3.
	IAMRole string `yaml:"iam_role"`
	// Region is the bucket's AWS region, where it differs from the cluster's.
	Region string `yaml:"region"`
	// Stream makes mtx stream every row itself even where the engine could
	// read the files.
	Stream bool `yaml:"stream"`
}

var (
	stageName = regexp.MustCompile(`^@("[^"]+"|[A-Za-z_][A-Za-z0-9_$]*)(\.("[^"]+"|[A-Za-z_][A-Za-z0-9_$]*)){0,2}(/[^\s';]*)?$`)
	iamRole   = regexp.MustCompile(`^arn:aws[a-z-]*:iam::[0-9]{12}:role/[A-Za-z0-9+=,.@_/-]+$`)
	awsRegion = regexp.MustCompile(`^[a-z]{2}(-[a-z]+)+-[0-9]+$`)
)

// Validate checks each setting's shape, so a typo is caught before a load
// starts rather than deep in an engine's error.
func (s LoadSettings) Validate() error {
	if s.Stage != "" && !stageName.MatchString(s.Stage) {
		return fmt.Errorf("stage %q is not a Snowflake stage name (want @name or @db.schema.name, e.g. @mtx_export)", s.Stage)
	}
	if s.IAMRole != "" {
		// Redshift chains roles as a comma-separated list.
		for _, r := range strings.Split(s.IAMRole, ",") {
			if !iamRole.MatchString(r) {
				return fmt.Errorf("iam_role %q is not an IAM role ARN (want arn:aws:iam::<12-digit account>:role/<name>)", r)
			}
		}
	}
	if s.Region != "" && !awsRegion.MatchString(s.Region) {
		return fmt.Errorf("region %q is not an AWS region (e.g. us-east-1)", s.Region)
	}
	return nil
}

// Over returns s with the non-empty settings of o on top.
func (s LoadSettings) Over(o *LoadSettings) LoadSettings {
	if o == nil {
		return s
	}
	if o.Stage != "" {
		s.Stage = o.Stage
	}
	if o.IAMRole != "" {
		s.IAMRole = o.IAMRole
	}
	if o.Region != "" {
		s.Region = o.Region
	}
	s.Stream = s.Stream || o.Stream
	return s
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
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s is empty: it needs at least a target (dialect and dsn) or a schema", path)
		}
		return nil, fmt.Errorf("%s: %s", path, yamlError(oneLine(yaml.FormatError(err, false, false))))
	}
	p.Path = path
	if err := p.validate(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &p, nil
}

// goTypeError is the YAML decoder's type error, which names Go types.
var goTypeError = regexp.MustCompile(`^\[(\d+):\d+\] cannot unmarshal (.+?) into Go (?:struct field|value) ([\w.]*?)(?: of type (.+))?$`)

// usedWhere is its other type error: "sequence was used where mapping is expected".
var usedWhere = regexp.MustCompile(`^\[(\d+):\d+\] (\w+) was used where (\w+) is expected$`)

// yamlError says a decoding error in project.yaml's words: the key, what it
// wants, what it got and the line, never Go's type names.
func yamlError(msg string) string {
	if m := goTypeError.FindStringSubmatch(msg); m != nil {
		key := yamlKey(m[3])
		return fmt.Sprintf("%s: want %s, got %s (line %s)", key, yamlKind(m[4]), yamlKind(m[2]), m[1])
	}
	if m := usedWhere.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("want %s, got %s (line %s)", yamlKind(m[3]), yamlKind(m[2]), m[1])
	}
	return msg
}

// yamlKey turns Go's field path (Project.Decimal.Precision) into the
// YAML keys (decimal.precision) through the yaml tags.
func yamlKey(field string) string {
	parts := strings.Split(field, ".")
	t := reflect.TypeOf(Project{})
	var keys []string
	for _, name := range parts[1:] {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Map || t.Kind() == reflect.Slice {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct {
			break
		}
		f, ok := t.FieldByName(name)
		if !ok {
			break
		}
		tag, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		keys = append(keys, cmp.Or(tag, strings.ToLower(name)))
		t = f.Type
	}
	if len(keys) == 0 {
		return "project.yaml"
	}
	return strings.Join(keys, ".")
}

// yamlKind names a Go or YAML type as project.yaml's reader thinks of it.
func yamlKind(t string) string {
	switch {
	case strings.HasPrefix(t, "[]"), t == "sequence":
		return "a list"
	case strings.HasPrefix(t, "map["), t == "mapping", strings.HasPrefix(t, "project."), strings.HasPrefix(t, "*project."):
		return "a mapping (key: value)"
	case t == "string":
		return "a string"
	case strings.HasPrefix(t, "int"), strings.HasPrefix(t, "uint"), strings.HasPrefix(t, "float"):
		return "a number"
	case t == "bool":
		return "true or false"
	case t == "":
		return "a value of another kind"
	}
	return t
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
		// ${VAR} references are checked once expanded (Resolve).
		if t.Load != nil && !envRef.MatchString(t.Load.Stage+t.Load.IAMRole+t.Load.Region) {
			if err := t.Load.Validate(); err != nil {
				return fmt.Errorf("target %s: load: %w", name, err)
			}
		}
	}
	if p.Load != nil {
		if err := p.Load.Validate(); err != nil {
			return fmt.Errorf("load: %w", err)
		}
	}
	if p.Freshness != nil {
		if err := p.Freshness.validate(); err != nil {
			return fmt.Errorf("freshness: %w", err)
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
	Target, Dialect, DSN, Schema, SourceSchema string
}

// Resolved is everything a command needs to talk to one database.
type Resolved struct {
	TargetName string
	Dialect    dialects.Dialect
	DSN        string
	Options    dialects.Options
	// SourceSchema is where Metronome delivers the export tables, which mtx
	// only reads; "" when they are mtx's own raw tables in Options.Schema.
	SourceSchema string
	Selection    Selection
	// Load are the project's load settings, the target's on top.
	Load LoadSettings
	// Freshness is the project's freshness: section (nil: the defaults).
	Freshness *Freshness
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
		r.SourceSchema = p.SourceSchema
		if p.Decimal != nil {
			r.Options.DecimalPrecision, r.Options.DecimalScale = p.Decimal.Precision, p.Decimal.Scale
		}
		r.Selection = p.Tables
		r.Freshness = p.Freshness
		r.Load = r.Load.Over(p.Load)
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
			r.Load = r.Load.Over(t.Load)
			if err := r.Load.Validate(); err != nil {
				return nil, fmt.Errorf("%s: target %s: load: %w", p.Path, name, err)
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
	if t.SourceSchema != "" {
		r.SourceSchema = t.SourceSchema
	}
	if f.SourceSchema != "" {
		r.SourceSchema = f.SourceSchema
	}
	if t.Dialect == "" {
		return nil, errors.New("no dialect: pass --dialect NAME (and --dsn), or run where a project.yaml with a default_target is")
	}
	d, err := lookup(t.Dialect)
	if err != nil {
		return nil, err
	}
	if fd, ok := d.(dialects.FileDSN); ok && p != nil && f.DSN == "" && t.DSN != "" {
		// A file named in project.yaml lives next to it, as models/ does.
		t.DSN = fd.ResolveDSN(t.DSN, filepath.Dir(p.Path))
	}
	d = dialects.ForDSN(d, t.DSN)
	r.Dialect, r.DSN = d, t.DSN
	lim := d.Limits()
	if max := min(catalog.MaxIdentifier, cmp.Or(lim.Identifier, catalog.MaxIdentifier)); len(r.Options.Schema) > max {
		return nil, fmt.Errorf("schema name %.20q… is %d characters long; at most %d on %s (mtx keeps every name within %d, PostgreSQL's limit)",
			r.Options.Schema, len(r.Options.Schema), max, d.Name(), catalog.MaxIdentifier)
	}
	if !catalog.ValidIdentifier(r.Options.Schema) {
		return nil, fmt.Errorf("schema %q is not a valid identifier (use lower-case letters, digits and _, starting with a letter or _)", r.Options.Schema)
	}
	if r.SourceSchema != "" && !catalog.ValidIdentifier(r.SourceSchema) {
		return nil, fmt.Errorf("source_schema %q is not a valid identifier (use lower-case letters, digits and _, starting with a letter or _)", r.SourceSchema)
	}
	if r.SourceSchema != "" && r.SourceSchema == r.Options.Schema {
		return nil, fmt.Errorf("source_schema %q is also the schema mtx writes to: mtx never writes into the schema Metronome delivers to, so set schema (or --schema) to another one", r.SourceSchema)
	}
	if o := r.Options; o.DecimalPrecision > lim.DecimalPrecision || o.DecimalScale > lim.DecimalScale {
		return nil, fmt.Errorf("decimal: precision %d, scale %d is more than %s allows (precision at most %d, scale at most %d)",
			o.DecimalPrecision, o.DecimalScale, d.Name(), lim.DecimalPrecision, lim.DecimalScale)
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
	t.Dialect, t.DSN, t.Schema, t.SourceSchema = expand(t.Dialect), expand(t.DSN), expand(t.Schema), expand(t.SourceSchema)
	if t.Load != nil {
		l := *t.Load
		l.Stage, l.IAMRole, l.Region = expand(l.Stage), expand(l.IAMRole), expand(l.Region)
		t.Load = &l
	}
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
