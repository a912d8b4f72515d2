// Package model is mtx's dbt-style model layer: SQL templates with a small
// config header, ref/source functions, a DAG with cycle detection, graph
// selectors, compile (renders SQL, connects to nothing) and run (builds
// views, tables and incremental tables), plus data tests.
//
// The built-in nodes are one current-state model per catalog table
// (current_<table>) and the *.sql files embedded from the repository's
// models/ folder; a project adds or overrides models by name from the
// models/ folder next to its project.yaml; other packages (the cookbook)
// add nodes with Registry.Add.
package model

import (
	"bufio"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/goccy/go-yaml"
	"github.com/mtxhq/mtx/internal/catalog"
)

// Materializations a model may ask for.
const (
	View        = "view"
	Table       = "table"
	Incremental = "incremental"
)

// Config is a model's header: the `-- key: value` lines at the top of its file.
type Config struct {
	// Materialized is view (default), table or incremental.
	Materialized string `yaml:"materialized"`
	// UniqueKey: one row per these columns. Tested unique; incremental
	// merges replace rows by it.
	UniqueKey StringList `yaml:"unique_key"`
	Tags      StringList `yaml:"tags"`
	// Description is shown by compile and in test failures.
	Description string `yaml:"description"`
	// Watermark is the column incremental runs compare with the newest value
	// already built (default _mtx_loaded_at for current-state models).
	Watermark string `yaml:"watermark"`
	// Newest orders the versions of one unique_key of a user incremental
	// model, newest first (each column descending, NULLs last): a build
	// keeps the newest row of each key, and a refresh replaces a stored row
	// only by a staged one at least as new. Without it, a refresh whose
	// new rows repeat a unique_key fails (userincremental.go).
	Newest StringList `yaml:"newest"`
	// Lookback widens the incremental window for late rows (Go duration,
	// e.g. 1h; default 1h).
	Lookback string `yaml:"lookback"`
	// NotNull and AcceptedValues are data tests.
	NotNull        StringList            `yaml:"not_null"`
	AcceptedValues map[string]StringList `yaml:"accepted_values"`
}

// StringList reads either a single string or a list of strings.
type StringList []string

// UnmarshalYAML accepts `x`, `x, y` and `[x, y]`.
func (l *StringList) UnmarshalYAML(unmarshal func(any) error) error {
	var list []string
	if err := unmarshal(&list); err == nil {
		*l = list
		return nil
	}
	var s string
	if err := unmarshal(&s); err != nil {
		return err
	}
	*l = nil
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			*l = append(*l, p)
		}
	}
	return nil
}

// Node is one model: a name, a SQL template and its config. Other packages
// build Nodes (the cookbook's views) and add them with Registry.Add.
type Node struct {
	Name string
	// Origin says where the node came from (built-in, a file path, cookbook),
	// for error messages.
	Origin string
	// SQL is the template body: a SELECT using {{ ref "m" }}, {{ source "t" }},
	// {{ current_state "t" }}, {{ this }} and {{ if is_incremental }}.
	SQL    string
	Config Config
}

var nameRE = regexp.MustCompile(`^[a-z_][a-z0-9_]{0,62}$`)

func (n *Node) validate() error {
	if !nameRE.MatchString(n.Name) {
		return fmt.Errorf("%s: model name %q is not a valid identifier (lower-case letters, digits and _)", n.Origin, n.Name)
	}
	switch n.Config.Materialized {
	case "":
		n.Config.Materialized = View
	case View, Table, Incremental:
	default:
		return fmt.Errorf("%s: materialized %q is not one of view, table, incremental", n.Origin, n.Config.Materialized)
	}
	if _, err := n.lookback(); err != nil {
		return fmt.Errorf("%s: %w", n.Origin, err)
	}
	if len(n.Config.Newest) > 0 && n.Config.Materialized != Incremental {
		return fmt.Errorf("%s: newest orders the versions an incremental model merges; it needs materialized: incremental", n.Origin)
	}
	for _, c := range append(append(append(append([]string{}, n.Config.UniqueKey...), n.Config.NotNull...), n.Config.Newest...), n.Config.Watermark) {
		if c != "" && !catalog.ValidIdentifier(c) {
			return fmt.Errorf("%s: column %q is not a valid identifier", n.Origin, c)
		}
	}
	return nil
}

// DefaultLookback is how far before the stored watermark an incremental run
// looks again, for rows committed late.
const DefaultLookback = time.Hour

func (n *Node) lookback() (time.Duration, error) {
	if n.Config.Lookback == "" {
		return DefaultLookback, nil
	}
	d, err := time.ParseDuration(n.Config.Lookback)
	if err != nil || d < 0 {
		return 0, fmt.Errorf("lookback %q is not a duration such as 30m or 2h", n.Config.Lookback)
	}
	return d, nil
}

var headerLine = regexp.MustCompile(`^--\s*([a-z_]+)\s*:(.*)$`)

// Parse reads a model file: leading `-- key: value` comment lines are the
// config (unknown keys are errors), the rest is the SQL template.
func Parse(name, origin, text string) (*Node, error) {
	var header strings.Builder
	var body strings.Builder
	inHeader := true
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line := 0
	for sc.Scan() {
		line++
		l := sc.Text()
		trimmed := strings.TrimSpace(l)
		if inHeader && strings.HasPrefix(trimmed, "--") {
			if m := headerLine.FindStringSubmatch(trimmed); m != nil {
				fmt.Fprintf(&header, "%s: %s\n", m[1], strings.TrimSpace(m[2]))
			}
			continue
		}
		if inHeader && trimmed == "" {
			continue
		}
		inHeader = false
		body.WriteString(l)
		body.WriteByte('\n')
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", origin, err)
	}
	n := &Node{Name: name, Origin: origin, SQL: strings.TrimRight(body.String(), "\n;\t ")}
	if header.Len() > 0 {
		if err := yaml.UnmarshalWithOptions([]byte(header.String()), &n.Config, yaml.Strict()); err != nil {
			return nil, fmt.Errorf("%s: header: %s", origin, strings.Join(strings.Fields(yaml.FormatError(err, false, false)), " "))
		}
	}
	if strings.TrimSpace(n.SQL) == "" {
		return nil, fmt.Errorf("%s: no SQL after the header", origin)
	}
	if err := n.validate(); err != nil {
		return nil, err
	}
	return n, nil
}

// ReadDir parses every *.sql file of fsys (not recursive), named after the file.
func ReadDir(fsys fs.FS, origin string) ([]*Node, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("reading models in %s: %w", origin, err)
	}
	var out []*Node
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".sql") {
			continue
		}
		data, err := fs.ReadFile(fsys, e.Name())
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", filepath.Join(origin, e.Name()), err)
		}
		n, err := Parse(strings.TrimSuffix(e.Name(), ".sql"), filepath.Join(origin, e.Name()), string(data))
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, nil
}

// ReadProjectDir reads the models/ folder next to a project file; a missing
// folder is no models.
func ReadProjectDir(projectFile string) ([]*Node, error) {
	dir := filepath.Join(filepath.Dir(projectFile), "models")
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil, nil
	}
	return ReadDir(os.DirFS(dir), dir)
}

// Registry holds the nodes by name; a later Add replaces a node of the same
// name (a project's file overrides a built-in model).
type Registry struct {
	nodes map[string]*Node
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry { return &Registry{nodes: map[string]*Node{}} }

// Add adds or replaces nodes, validating each.
func (r *Registry) Add(nodes ...*Node) error {
	for _, n := range nodes {
		if err := n.validate(); err != nil {
			return err
		}
		r.nodes[n.Name] = n
	}
	return nil
}

// Get returns the named node.
func (r *Registry) Get(name string) (*Node, bool) { n, ok := r.nodes[name]; return n, ok }

// Names returns every node name, sorted.
func (r *Registry) Names() []string {
	out := make([]string, 0, len(r.nodes))
	for n := range r.nodes {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}
