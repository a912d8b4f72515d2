package singlestore

import (
	"time"

	"github.com/mtxhq/mtx/dialects"
)

var (
	_ dialects.Modeler      = Dialect{}
	_ dialects.KeyDeleter   = Dialect{}
	_ dialects.ViewReplacer = Dialect{}
)

// CurrentStateSQL: ROW_NUMBER() in a subquery, as on MySQL (SingleStore has
// window functions but no QUALIFY or DISTINCT ON). Tables are sharded by
// the key, so each key's window is computed on its own partition.
func (Dialect) CurrentStateSQL(cs dialects.CurrentState) string { return my.CurrentStateSQL(cs) }

func (Dialect) MinusSeconds(expr string, s int64) string { return my.MinusSeconds(expr, s) }

// CreateTableAs: a columnstore table (the default type) sharded at random.
func (Dialect) CreateTableAs(rel, query string) string { return my.CreateTableAs(rel, query) }

// RenameTable: ALTER TABLE … RENAME TO, the form SingleStore's ALTER TABLE
// documents, both names qualified (an unqualified new name would move the
// table to the session's database on MySQL).
func (d Dialect) RenameTable(schema, from, to string) string {
	return "ALTER TABLE " + d.Quote(schema) + "." + d.Quote(from) + " RENAME TO " + d.Quote(schema) + "." + d.Quote(to)
}

func (Dialect) RelationsQuery(schema string) string { return my.RelationsQuery(schema) }

// KeyIndex: none. A columnstore table takes only hash indexes, and a
// refresh's DELETE joins the batch's keys, which a hash join does on one
// scan of the segments.
func (Dialect) KeyIndex(string, string, string, []string) (string, bool) { return "", false }

// SourceIndex: none; export tables are sorted by their key already.
func (Dialect) SourceIndex(string, string, string, []string) (string, bool) { return "", false }

func (Dialect) Analyze(string) (string, bool)                   { return "", false }
func (Dialect) TimestampLiteral(t time.Time) string             { return my.TimestampLiteral(t) }
func (Dialect) CreateTempTableAs(string, string) (string, bool) { return "", false }

// TransactionalDML: DELETE and INSERT share a transaction, as on MySQL.
func (Dialect) TransactionalDML() bool { return true }

// DeleteKeysIn: MySQL's multi-table DELETE … JOIN on the batch's distinct
// keys, which SingleStore supports.
func (Dialect) DeleteKeysIn(target string, key []string, stage string) string {
	return my.DeleteKeysIn(target, key, stage)
}

// ReplaceViewStatements: SingleStore has no CREATE OR REPLACE VIEW (its
// CREATE VIEW reference says to use ALTER VIEW, which fails on a view that
// does not exist): drop the view if it exists, then create it.
func (d Dialect) ReplaceViewStatements(relation, query string) []string {
	return []string{"DROP VIEW IF EXISTS " + relation, "CREATE VIEW " + relation + " AS\n" + query}
}
