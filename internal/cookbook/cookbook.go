// Package cookbook parses, lists and renders the cookbook: analyst queries
// written once as dialect-neutral templates over the current-state models
// (current_invoice, ...) and rendered for any engine through the dialect's
// SQL macros. Parameters are validated against the entry's header and
// rendered as literals by the dialect (never pasted as typed), so a value
// cannot change the query's shape.
package cookbook

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
)

// Entry is one cookbook query.
type Entry struct {
	// Name is the entry's name: the file name without .sql, and the view
	// name after cookbook_.
	Name string `yaml:"name"`
	// Description says what the query answers.
	Description string `yaml:"description"`
	// Source is where the query comes from: Metronome's SQL cookbook, the
	// older export page, or mtx.
	Source string `yaml:"source"`
	// Fixed lists what mtx changed against Metronome's published version.
	Fixed []string `yaml:"fixed"`
	// Params are the entry's parameters, in the order they are documented.
	Params []Param `yaml:"params"`
	// Body is the SQL template after the header.
	Body string `yaml:"-"`
	// File is where the entry was read from.
	File string `yaml:"-"`
}

// Param is one parameter of an entry.
type Param struct {
	Name        string `yaml:"name"`
	Description string `yaml:"description"`
	// Type is string (the default), integer or timestamp. An empty
	// timestamp means "now" when the query runs.
	Type    ParamType `yaml:"type"`
	Default string    `yaml:"default"`
	// Values, when given, are the only values allowed.
	Values []string `yaml:"values"`
}

// ParamType is the type of a parameter's value.
type ParamType string

// The parameter types.
const (
	StringParam    ParamType = "string"
	IntegerParam   ParamType = "integer"
	TimestampParam ParamType = "timestamp"
)

var nameRE = regexp.MustCompile(`^[a-z][a-z0-9_]{0,62}$`)

// Parse reads one entry: a header of "-- " comment lines holding YAML,
// then the SQL template.
func Parse(file string, data []byte) (*Entry, error) {
	var header, body bytes.Buffer
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	inHeader := true
	for sc.Scan() {
		line := sc.Text()
		if inHeader && strings.HasPrefix(line, "--") {
			header.WriteString(strings.TrimPrefix(strings.TrimPrefix(line, "--"), " "))
			header.WriteByte('\n')
			continue
		}
		inHeader = false
		body.WriteString(line)
		body.WriteByte('\n')
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	var e Entry
	if err := yaml.NewDecoder(&header, yaml.Strict()).Decode(&e); err != nil {
		return nil, fmt.Errorf("%s: header: %s", file, strings.Join(strings.Fields(yaml.FormatError(err, false, false)), " "))
	}
	e.File = file
	e.Body = strings.TrimSpace(body.String())
	want := strings.TrimSuffix(path.Base(file), ".sql")
	switch {
	case e.Name == "":
		return nil, fmt.Errorf("%s: header has no name", file)
	case e.Name != want:
		return nil, fmt.Errorf("%s: header name %q differs from the file name %q", file, e.Name, want)
	case !nameRE.MatchString(e.Name):
		return nil, fmt.Errorf("%s: name %q must be lower-case snake case", file, e.Name)
	case strings.TrimSpace(e.Description) == "":
		return nil, fmt.Errorf("%s: header has no description", file)
	case e.Body == "":
		return nil, fmt.Errorf("%s: no SQL after the header", file)
	}
	seen := map[string]bool{}
	for i := range e.Params {
		p := &e.Params[i]
		if !nameRE.MatchString(p.Name) {
			return nil, fmt.Errorf("%s: parameter %q must be lower-case snake case", file, p.Name)
		}
		if seen[p.Name] {
			return nil, fmt.Errorf("%s: parameter %s is declared twice", file, p.Name)
		}
		seen[p.Name] = true
		if p.Type == "" {
			p.Type = StringParam
		}
		if _, err := p.parse(p.Default); err != nil {
			return nil, fmt.Errorf("%s: default of parameter %s: %w", file, p.Name, err)
		}
	}
	// Render once for a dialect-independent check of the template itself.
	if _, err := parseTemplate(&e); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return &e, nil
}

// Book is a set of entries by name.
type Book struct {
	entries map[string]*Entry
}

// Load reads every *.sql entry of each file system in turn; an entry of a
// later one replaces the entry of the same name (a project overriding a
// shipped query).
func Load(fsyss ...fs.FS) (*Book, error) {
	b := &Book{entries: map[string]*Entry{}}
	for _, fsys := range fsyss {
		names, err := fs.Glob(fsys, "*.sql")
		if err != nil {
			return nil, err
		}
		for _, n := range names {
			data, err := fs.ReadFile(fsys, n)
			if err != nil {
				return nil, err
			}
			e, err := Parse(n, data)
			if err != nil {
				return nil, fmt.Errorf("cookbook %w", err)
			}
			b.entries[e.Name] = e
		}
	}
	return b, nil
}

// Entries returns the entries sorted by name.
func (b *Book) Entries() []*Entry {
	out := make([]*Entry, 0, len(b.entries))
	for _, e := range b.entries {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Entry returns the named entry, or an error listing what exists.
func (b *Book) Entry(name string) (*Entry, error) {
	if e, ok := b.entries[name]; ok {
		return e, nil
	}
	return nil, fmt.Errorf("unknown cookbook entry %q (mtx cookbook list shows them)", name)
}

// Param returns the named parameter.
func (e *Entry) Param(name string) (Param, bool) {
	for _, p := range e.Params {
		if p.Name == name {
			return p, true
		}
	}
	return Param{}, false
}

// Values resolves the parameters of one run: the defaults, overridden by
// given. An unknown name or an invalid value is an error naming it.
func (e *Entry) Values(given map[string]string) (map[string]any, error) {
	out := map[string]any{}
	for _, p := range e.Params {
		v, err := p.parse(p.Default)
		if err != nil {
			return nil, err
		}
		out[p.Name] = v
	}
	names := make([]string, 0, len(given))
	for n := range given {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		p, ok := e.Param(n)
		if !ok {
			var known []string
			for _, p := range e.Params {
				known = append(known, p.Name)
			}
			list := "it has none"
			if len(known) > 0 {
				list = "known: " + strings.Join(known, ", ")
			}
			return nil, fmt.Errorf("cookbook entry %s has no parameter %q (%s)", e.Name, n, list)
		}
		v, err := p.parse(given[n])
		if err != nil {
			return nil, fmt.Errorf("cookbook entry %s, parameter %s: %w", e.Name, n, err)
		}
		out[n] = v
	}
	return out, nil
}

// parse checks a raw value against the parameter's type and allowed
// values, returning a string, an int or a time.Time (zero: now).
func (p Param) parse(raw string) (any, error) {
	if !utf8.ValidString(raw) || strings.ContainsRune(raw, 0) {
		return nil, fmt.Errorf("value is not valid text")
	}
	if len(p.Values) > 0 {
		ok := false
		for _, v := range p.Values {
			ok = ok || v == raw
		}
		if !ok {
			return nil, fmt.Errorf("value %q is not one of %s", raw, strings.Join(p.Values, ", "))
		}
	}
	switch p.Type {
	case StringParam:
		return raw, nil
	case IntegerParam:
		n, err := strconv.Atoi(strings.TrimSpace(raw))
		if err != nil || n < 0 || n > 1_000_000_000 {
			return nil, fmt.Errorf("value %q is not a whole number between 0 and 1000000000", raw)
		}
		return n, nil
	case TimestampParam:
		if strings.TrimSpace(raw) == "" {
			return time.Time{}, nil
		}
		for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02"} {
			if t, err := time.Parse(layout, strings.TrimSpace(raw)); err == nil {
				return t.UTC(), nil
			}
		}
		return nil, fmt.Errorf("value %q is not a timestamp (use RFC 3339, e.g. 2024-01-31T00:00:00Z, or a date 2024-01-31; empty means now)", raw)
	}
	return nil, fmt.Errorf("unknown type %q (string, integer or timestamp)", p.Type)
}
