package catalog

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"

	"github.com/goccy/go-yaml"
)

// Changeset is one schema version: a list of operations applied in order.
type Changeset struct {
	Version     int64       `yaml:"version"`
	Name        string      `yaml:"name"`
	Description string      `yaml:"description"`
	Operations  []Operation `yaml:"operations"`
	// File is the file the change set was read from.
	File string `yaml:"-"`
}

// Operation is exactly one of its fields.
type Operation struct {
	CreateTable     *Table           `yaml:"create_table"`
	AddColumn       *AddColumn       `yaml:"add_column"`
	AlterTable      *AlterTable      `yaml:"alter_table"`
	DeprecateColumn *DeprecateColumn `yaml:"deprecate_column"`
}

// AddColumn adds one column to an existing table.
type AddColumn struct {
	Table  string `yaml:"table"`
	Column Column `yaml:"column"`
}

// AlterTable changes a table's metadata (no data is touched). Empty fields
// are left as they were.
type AlterTable struct {
	Name     string   `yaml:"name"`
	Version  []string `yaml:"version"`
	Key      []string `yaml:"key"`
	Snapshot string   `yaml:"snapshot"`
	Note     string   `yaml:"note"`
}

// DeprecateColumn marks a column deprecated. Its data stays: mtx never drops
// a column that may hold a user's data.
type DeprecateColumn struct {
	Table  string `yaml:"table"`
	Column string `yaml:"column"`
	Note   string `yaml:"note"`
}

var fileName = regexp.MustCompile(`^(\d{5})_([a-z0-9_]+)\.yaml$`)

// ReadChangesets parses every NNNNN_name.yaml file in fsys, ordered by version.
func ReadChangesets(fsys fs.FS) ([]Changeset, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("reading change sets: %w", err)
	}
	var out []Changeset
	for _, e := range entries {
		if e.IsDir() || path.Ext(e.Name()) != ".yaml" {
			continue
		}
		m := fileName.FindStringSubmatch(e.Name())
		if m == nil {
			return nil, fmt.Errorf("change set %s: file name must look like 00001_name.yaml", e.Name())
		}
		data, err := fs.ReadFile(fsys, e.Name())
		if err != nil {
			return nil, fmt.Errorf("change set %s: %w", e.Name(), err)
		}
		var cs Changeset
		if err := yaml.NewDecoder(bytes.NewReader(data), yaml.Strict()).Decode(&cs); err != nil {
			return nil, fmt.Errorf("change set %s: %s", e.Name(), yaml.FormatError(err, false, true))
		}
		cs.File = e.Name()
		if want, _ := strconv.ParseInt(m[1], 10, 64); cs.Version != want {
			return nil, fmt.Errorf("change set %s: version %d does not match the file name", e.Name(), cs.Version)
		}
		if cs.Name != m[2] {
			return nil, fmt.Errorf("change set %s: name %q does not match the file name", e.Name(), cs.Name)
		}
		out = append(out, cs)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	for i := range out {
		if i > 0 && out[i].Version == out[i-1].Version {
			return nil, fmt.Errorf("change sets %s and %s share version %d", out[i-1].File, out[i].File, out[i].Version)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no change sets found")
	}
	return out, nil
}
