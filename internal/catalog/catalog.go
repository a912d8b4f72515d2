package catalog

import (
	"fmt"
	"regexp"
	"sort"
)

// Catalog is the export schema at one version.
type Catalog struct {
	Version int64
	tables  []*Table // in creation order
	byName  map[string]*Table
}

// Tables returns the tables in creation order.
func (c *Catalog) Tables() []*Table { return c.tables }

// Table returns the named table, or false.
func (c *Catalog) Table(name string) (*Table, bool) {
	t, ok := c.byName[name]
	return t, ok
}

// Groups returns the distinct group names, sorted.
func (c *Catalog) Groups() []string {
	seen := map[string]bool{}
	var out []string
	for _, t := range c.tables {
		if !seen[t.Group] {
			seen[t.Group] = true
			out = append(out, t.Group)
		}
	}
	sort.Strings(out)
	return out
}

// Empty returns the catalog before any change set.
func Empty() *Catalog { return &Catalog{byName: map[string]*Table{}} }

// identifier is what a catalog name may look like: lower-case snake case, so
// it is a valid, unambiguous identifier on every engine once quoted.
var identifier = regexp.MustCompile(`^[a-z_][a-z0-9_]{0,62}$`)

// MaxIdentifier is the longest name ValidIdentifier accepts: PostgreSQL's
// 63 bytes, the smallest limit of the engines mtx knows.
const MaxIdentifier = 63

// ValidIdentifier reports whether name is a valid catalog identifier.
func ValidIdentifier(name string) bool { return identifier.MatchString(name) }

func (c *Catalog) clone() *Catalog {
	next := &Catalog{Version: c.Version, byName: map[string]*Table{}}
	for _, t := range c.tables {
		t2 := t.clone()
		next.tables = append(next.tables, t2)
		next.byName[t2.Name] = t2
	}
	return next
}

// Step returns the catalog after one operation; c is left unchanged. It does
// not validate the result (Apply does, once the whole change set is in).
func (c *Catalog) Step(op Operation) (*Catalog, error) {
	next := c.clone()
	if err := next.apply(op); err != nil {
		return nil, err
	}
	return next, nil
}

// Apply returns the catalog after cs; c is left unchanged.
func (c *Catalog) Apply(cs Changeset) (*Catalog, error) {
	next := c.clone()
	next.Version = cs.Version
	for i, op := range cs.Operations {
		if err := next.apply(op); err != nil {
			return nil, fmt.Errorf("change set %s, operation %d: %w", cs.File, i+1, err)
		}
	}
	for _, t := range next.tables {
		if err := t.validate(); err != nil {
			return nil, fmt.Errorf("change set %s: %w", cs.File, err)
		}
	}
	return next, nil
}

func (c *Catalog) apply(op Operation) error {
	n := 0
	for _, set := range []bool{op.CreateTable != nil, op.AddColumn != nil, op.AlterTable != nil, op.DeprecateColumn != nil} {
		if set {
			n++
		}
	}
	if n != 1 {
		return fmt.Errorf("an operation must be exactly one of create_table, add_column, alter_table, deprecate_column")
	}
	switch {
	case op.CreateTable != nil:
		t := op.CreateTable.clone()
		if _, dup := c.byName[t.Name]; dup {
			return fmt.Errorf("create_table %s: table already exists", t.Name)
		}
		if !ValidIdentifier(t.Name) {
			return fmt.Errorf("create_table %q: not a valid identifier", t.Name)
		}
		t.Columns = append(t.Columns, SystemColumns()...)
		c.tables = append(c.tables, t)
		c.byName[t.Name] = t
	case op.AddColumn != nil:
		t, ok := c.byName[op.AddColumn.Table]
		if !ok {
			return fmt.Errorf("add_column: unknown table %q", op.AddColumn.Table)
		}
		if _, dup := t.Column(op.AddColumn.Column.Name); dup {
			return fmt.Errorf("add_column %s.%s: column already exists", t.Name, op.AddColumn.Column.Name)
		}
		// Keep the provenance columns last, where create_table put them.
		user := len(t.Columns) - len(SystemColumns())
		cols := append(append(append([]Column(nil), t.Columns[:user]...), op.AddColumn.Column), t.Columns[user:]...)
		t.Columns = cols
	case op.AlterTable != nil:
		a := op.AlterTable
		t, ok := c.byName[a.Name]
		if !ok {
			return fmt.Errorf("alter_table: unknown table %q", a.Name)
		}
		if a.Version != nil {
			t.Version = append([]string(nil), a.Version...)
		}
		if a.Key != nil {
			t.Key = append([]string(nil), a.Key...)
		}
		if a.Snapshot != "" {
			t.Snapshot = a.Snapshot
		}
		if a.Note != "" {
			t.Note = a.Note
		}
	case op.DeprecateColumn != nil:
		d := op.DeprecateColumn
		t, ok := c.byName[d.Table]
		if !ok {
			return fmt.Errorf("deprecate_column: unknown table %q", d.Table)
		}
		for i := range t.Columns {
			if t.Columns[i].Name == d.Column {
				t.Columns[i].Deprecated = true
				if d.Note != "" {
					t.Columns[i].Note = d.Note
				}
				return nil
			}
		}
		return fmt.Errorf("deprecate_column: unknown column %s.%s", d.Table, d.Column)
	}
	return nil
}

func (t *Table) validate() error {
	if t.Group == "" || !ValidIdentifier(t.Group) {
		return fmt.Errorf("table %s: group %q is not a valid identifier", t.Name, t.Group)
	}
	if t.Kind != Incremental && t.Kind != Snapshot {
		return fmt.Errorf("table %s: kind must be incremental or snapshot, not %q", t.Name, t.Kind)
	}
	seen := map[string]bool{}
	for _, col := range t.Columns {
		if !ValidIdentifier(col.Name) {
			return fmt.Errorf("table %s: column %q is not a valid identifier", t.Name, col.Name)
		}
		if seen[col.Name] {
			return fmt.Errorf("table %s: duplicate column %s", t.Name, col.Name)
		}
		seen[col.Name] = true
		if !col.Type.valid() {
			return fmt.Errorf("table %s: column %s has unknown type %q", t.Name, col.Name, col.Type)
		}
	}
	if len(t.Key) == 0 || len(t.Version) == 0 {
		return fmt.Errorf("table %s: key and version are required", t.Name)
	}
	for _, name := range append(append([]string{}, t.Key...), t.Version...) {
		if !seen[name] {
			return fmt.Errorf("table %s: key/version column %s does not exist", t.Name, name)
		}
	}
	if t.Kind == Snapshot && (t.Snapshot == "" || !seen[t.Snapshot]) {
		return fmt.Errorf("table %s: a snapshot table needs an existing snapshot column, not %q", t.Name, t.Snapshot)
	}
	if t.Kind == Incremental && t.Snapshot != "" {
		return fmt.Errorf("table %s: an incremental table has no snapshot column", t.Name)
	}
	return nil
}

// History is every change set with the catalog after it.
type History struct {
	Changesets []Changeset
	States     []*Catalog // States[i] is the catalog after Changesets[i]
}

// Build folds the change sets in order.
func Build(sets []Changeset) (*History, error) {
	h := &History{Changesets: sets}
	cur := Empty()
	for _, cs := range sets {
		next, err := cur.Apply(cs)
		if err != nil {
			return nil, err
		}
		h.States = append(h.States, next)
		cur = next
	}
	return h, nil
}

// Before returns the catalog before change set i.
func (h *History) Before(i int) *Catalog {
	if i == 0 {
		return Empty()
	}
	return h.States[i-1]
}

// Current returns the catalog after the last change set.
func (h *History) Current() *Catalog { return h.States[len(h.States)-1] }
