package mysql

import (
	"fmt"
	"strings"
	"time"

	"github.com/mtxhq/mtx/dialects"
)

// descNullsLast: MySQL has no NULLS LAST; sorting on "IS NULL" first says it.
func descNullsLast(expr string) string { return expr + " IS NULL, " + expr + " DESC" }

func (d Dialect) style() dialects.SQLStyle {
	return dialects.SQLStyle{Quote: d.Quote, DescNullsLast: descNullsLast}
}

// CurrentStateSQL uses ROW_NUMBER() in a subquery (MySQL 8, MariaDB 10.2+):
// neither has DISTINCT ON or QUALIFY.
func (d Dialect) CurrentStateSQL(cs dialects.CurrentState) string {
	return dialects.RowNumber(d.style(), cs)
}

func (Dialect) MinusSeconds(expr string, s int64) string {
	return fmt.Sprintf("(%s - INTERVAL %d SECOND)", expr, s)
}

func (Dialect) CreateTableAs(rel, query string) string {
	return "CREATE TABLE " + rel + " AS\n" + query
}

func (d Dialect) RenameTable(schema, from, to string) string {
	return "RENAME TABLE " + d.Quote(schema) + "." + d.Quote(from) + " TO " + d.Quote(schema) + "." + d.Quote(to)
}

func (Dialect) RelationsQuery(schema string) string {
	return dialects.InformationSchemaRelations(schema)
}

// KeyIndex: without an index, every row an incremental merge replaces would
// cost a scan of the table.
func (d Dialect) KeyIndex(schema, table, name string, cols []string) (string, bool) {
	q := make([]string, len(cols))
	for i, c := range cols {
		q[i] = d.Quote(c)
	}
	return fmt.Sprintf("CREATE INDEX %s ON %s.%s (%s)", d.Quote(name), d.Quote(schema), d.Quote(table), strings.Join(q, ", ")), true
}

func (Dialect) TransactionalDML() bool { return true }

// SourceIndex: none, as MySQL 8 has no CREATE INDEX IF NOT EXISTS; index
// _mtx_loaded_at of large raw tables yourself (docs/models.md).
func (Dialect) SourceIndex(string, string, string, []string) (string, bool) { return "", false }

func (Dialect) Analyze(string) (string, bool) { return "", false }

func (Dialect) TimestampLiteral(t time.Time) string {
	return "TIMESTAMP '" + dialects.UTCMicros(t) + "'"
}

// CreateTempTableAs: none; a MySQL temporary table cannot be read twice in one statement, which the merge does.
func (Dialect) CreateTempTableAs(string, string) (string, bool) { return "", false }

var _ dialects.KeyDeleter = Dialect{}

// DeleteKeysIn joins the target to the stage's distinct keys: a multi-table
// DELETE looks each key up in the target's key index, where MariaDB runs the
// single-table form's IN (SELECT …) once per target row.
func (d Dialect) DeleteKeysIn(target string, key []string, stage string) string {
	t, s := d.Quote("_mtx_t"), d.Quote("_mtx_s")
	cols := make([]string, len(key))
	on := make([]string, len(key))
	for i, k := range key {
		cols[i] = d.Quote(k)
		on[i] = t + "." + d.Quote(k) + " = " + s + "." + d.Quote(k)
	}
	return fmt.Sprintf("DELETE %s FROM %s AS %s JOIN (SELECT DISTINCT %s FROM %s) AS %s ON %s",
		t, target, t, strings.Join(cols, ", "), stage, s, strings.Join(on, " AND "))
}
