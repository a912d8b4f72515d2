package dialects

// A Step is one statement of a model's build plan, kept as data until it
// runs: the neutral runner reads what a step does (which relation it
// drops, say) from its fields, never from its spelling, and the dialect
// spells it (SQL) only when it is printed or run.
type Step interface {
	// SQL is the statement as d spells it.
	SQL(d Dialect) string
}

// RelationKind says whether a relation is a table or a view.
type RelationKind int

// The kinds of relation a plan creates and drops.
const (
	Table RelationKind = iota + 1
	View
)

// Exec is a statement already rendered for the dialect (a MERGE, an
// INSERT … SELECT, an index).
type Exec struct{ Statement string }

// SQL is the statement itself.
func (e Exec) SQL(Dialect) string { return e.Statement }

// DropRelation drops a table or view.
type DropRelation struct {
	// Relation is quoted and qualified.
	Relation string
	Kind     RelationKind
	// IfExists makes a missing relation no error.
	IfExists bool
	// Cascade drops the views that depend on the relation with it, on
	// engines whose views bind to the tables they read (ViewBinder); the
	// runner re-creates them.
	Cascade bool
}

// TableDropper is implemented by dialects whose DROP TABLE is spelled
// apart from their queries (Athena through its API: table DDL goes to its
// Hive DDL engine, which wants backticks): DropTable drops relation
// (quoted and qualified as Quote does) without CASCADE.
type TableDropper interface {
	DropTable(relation string, ifExists bool) string
}

// SQL is DROP TABLE|VIEW [IF EXISTS] relation [CASCADE], or the dialect's
// own DROP TABLE (TableDropper). d may be nil: the standard spelling.
func (s DropRelation) SQL(d Dialect) string {
	if td, ok := d.(TableDropper); ok && s.Kind == Table && !s.Cascade {
		return td.DropTable(s.Relation, s.IfExists)
	}
	out := "DROP TABLE "
	if s.Kind == View {
		out = "DROP VIEW "
	}
	if s.IfExists {
		out += "IF EXISTS "
	}
	out += s.Relation
	if s.Cascade {
		out += " CASCADE"
	}
	return out
}

// CreateTableAs creates table Relation (quoted, qualified) from Query.
type CreateTableAs struct {
	Relation, Query string
	// Key, when set, is the unique key of the rows (unquoted columns),
	// which a KeyedTabler sorts the table by.
	Key []string
}

// SQL is the dialect's CreateTableAs, or its CreateKeyedTableAs when the
// step has a key and the dialect is a KeyedTabler.
func (s CreateTableAs) SQL(d Dialect) string {
	if kt, ok := d.(KeyedTabler); ok && len(s.Key) > 0 {
		return kt.CreateKeyedTableAs(s.Relation, s.Query, s.Key)
	}
	return d.CreateTableAs(s.Relation, s.Query)
}

// RenameTable renames Schema.From to Schema.To (names unquoted).
type RenameTable struct{ Schema, From, To string }

// SQL is the dialect's RenameTable.
func (s RenameTable) SQL(d Dialect) string { return d.RenameTable(s.Schema, s.From, s.To) }

// ReplaceView creates or replaces view Relation (quoted, qualified) as
// Query, keeping the replaced view's grants (ReplaceView).
type ReplaceView struct{ Relation, Query string }

// SQL is CREATE OR REPLACE VIEW as the dialect needs it.
func (s ReplaceView) SQL(d Dialect) string {
	keep := ""
	if gc, ok := d.(GrantCopier); ok {
		keep = " " + gc.CopyGrants()
	}
	return "CREATE OR REPLACE VIEW " + s.Relation + keep + " AS\n" + s.Query
}

// ReplaceViewSteps are the steps that replace view relation by query, or
// create it: one ReplaceView, or the dialect's ViewReplacer statements.
func ReplaceViewSteps(d Dialect, relation, query string) []Step {
	vr, ok := d.(ViewReplacer)
	if !ok {
		return []Step{ReplaceView{Relation: relation, Query: query}}
	}
	var out []Step
	for _, st := range vr.ReplaceViewStatements(relation, query) {
		out = append(out, Exec{Statement: st})
	}
	return out
}
