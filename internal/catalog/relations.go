package catalog

import (
	"bytes"
	_ "embed"
	"fmt"
	"sort"
	"strings"

	"github.com/goccy/go-yaml"
)

// Relation says that a column of one table holds the key of another: the
// edges of the data dictionary's entity-relationship diagram. The export
// has no foreign keys; these are what the docs imply.
type Relation struct {
	// Table.Column refers to To.ToColumn.
	Table, Column string
	To, ToColumn  string
	// Derived is true when the naming rule found the relation (customer_id
	// -> customer.id), false when relations.yaml states it.
	Derived bool
	Note    string
}

// relationsYAML lists the relations the naming rule cannot find.
//
//go:embed relations.yaml
var relationsYAML []byte

type relationRule struct {
	Table    string `yaml:"table"`
	Column   string `yaml:"column"`
	To       string `yaml:"to"`
	ToColumn string `yaml:"to_column"`
	Note     string `yaml:"note"`
}

type relationsFile struct {
	Columns []relationRule `yaml:"columns"`
	Tables  []relationRule `yaml:"tables"`
}

// Relations returns the relations between the tables of c, sorted by table
// and column: the <name>_id naming rule, the column-wide rules of
// relations.yaml, then its per-table rules, each overriding the one before.
// A rule naming a table or column c does not have is an error, so the list
// cannot silently rot as the schema evolves.
func (c *Catalog) Relations() ([]Relation, error) {
	return c.relations(relationsYAML)
}

func (c *Catalog) relations(data []byte) ([]Relation, error) {
	var f relationsFile
	if err := yaml.NewDecoder(bytes.NewReader(data), yaml.Strict()).Decode(&f); err != nil {
		return nil, fmt.Errorf("relations.yaml: %s", yaml.FormatError(err, false, false))
	}
	keyOf := func(rule relationRule) (string, error) {
		to, ok := c.Table(rule.To)
		if !ok {
			return "", fmt.Errorf("relations.yaml: %s refers to unknown table %q", rule.Column, rule.To)
		}
		if rule.ToColumn != "" {
			if _, ok := to.Column(rule.ToColumn); !ok {
				return "", fmt.Errorf("relations.yaml: %s refers to unknown column %s.%s", rule.Column, rule.To, rule.ToColumn)
			}
			return rule.ToColumn, nil
		}
		if len(to.Key) != 1 {
			return "", fmt.Errorf("relations.yaml: %s refers to %s, whose key has %d columns: give to_column", rule.Column, rule.To, len(to.Key))
		}
		return to.Key[0], nil
	}
	byColumn := map[string]relationRule{}
	for _, r := range f.Columns {
		if r.Table != "" || r.Column == "" {
			return nil, fmt.Errorf("relations.yaml: a columns rule names a column and no table (%+v)", r)
		}
		if _, err := keyOf(r); err != nil {
			return nil, err
		}
		used := false
		for _, t := range c.tables {
			_, ok := t.Column(r.Column)
			used = used || ok
		}
		if !used {
			return nil, fmt.Errorf("relations.yaml: no table has a column %s", r.Column)
		}
		byColumn[r.Column] = r
	}
	type at struct{ table, column string }
	byTable := map[at]relationRule{}
	for _, r := range f.Tables {
		t, ok := c.Table(r.Table)
		if !ok {
			return nil, fmt.Errorf("relations.yaml: unknown table %q", r.Table)
		}
		if _, ok := t.Column(r.Column); !ok {
			return nil, fmt.Errorf("relations.yaml: unknown column %s.%s", r.Table, r.Column)
		}
		if r.To != "" {
			if _, err := keyOf(r); err != nil {
				return nil, err
			}
		}
		byTable[at{r.Table, r.Column}] = r
	}
	var out []Relation
	for _, t := range c.tables {
		for _, col := range t.Columns {
			if col.System {
				continue
			}
			rel := Relation{Table: t.Name, Column: col.Name}
			if r, ok := byTable[at{t.Name, col.Name}]; ok {
				if r.To == "" {
					continue
				}
				rel.To, rel.Note = r.To, r.Note
				rel.ToColumn, _ = keyOf(r)
			} else if r, ok := byColumn[col.Name]; ok {
				rel.To, rel.Note = r.To, r.Note
				rel.ToColumn, _ = keyOf(r)
			} else if base, ok := strings.CutSuffix(col.Name, "_id"); ok {
				to, ok := c.Table(base)
				if !ok || to == t || len(to.Key) != 1 || to.Key[0] != "id" {
					continue
				}
				rel.To, rel.ToColumn, rel.Derived = to.Name, "id", true
			} else {
				continue
			}
			if rel.To == t.Name && rel.ToColumn == col.Name {
				continue // a table's own key
			}
			out = append(out, rel)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Table != out[j].Table {
			return out[i].Table < out[j].Table
		}
		return out[i].Column < out[j].Column
	})
	return out, nil
}
