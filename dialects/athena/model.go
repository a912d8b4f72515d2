package athena

import (
	"fmt"
	"time"

	"github.com/mtxhq/mtx/dialects"
)

var (
	_ dialects.Modeler = Dialect{}
	_ dialects.Merger  = Dialect{}
)

// Merge: MERGE INTO works on Iceberg tables; one statement, all or nothing
// without a transaction.
func (d Dialect) Merge(target, source string, key, columns []string) string {
	return dialects.StandardMerge(d.Quote, target, source, key, columns)
}

func (d Dialect) style() dialects.SQLStyle {
	return dialects.SQLStyle{Quote: d.Quote, DescNullsLast: dialects.StandardDescNullsLast}
}

// CurrentStateSQL: ROW_NUMBER() in a subquery (Trino has no QUALIFY).
func (d Dialect) CurrentStateSQL(cs dialects.CurrentState) string {
	return dialects.RowNumber(d.style(), cs)
}

func (Dialect) MinusSeconds(expr string, s int64) string {
	return fmt.Sprintf("date_add('second', -%d, %s)", s, expr)
}

func (Dialect) CreateTableAs(rel, query string) string {
	return "CREATE TABLE " + rel + " AS\n" + query
}

func (d Dialect) RenameTable(schema, from, to string) string {
	return "ALTER TABLE " + d.Quote(schema) + "." + d.Quote(from) + " RENAME TO " + d.Quote(schema) + "." + d.Quote(to)
}

func (Dialect) RelationsQuery(schema string) string {
	return dialects.InformationSchemaRelations(schema)
}

// KeyIndex: none; Iceberg has no indexes (it prunes by file statistics).
func (Dialect) KeyIndex(string, string, string, []string) (string, bool) { return "", false }

// TransactionalDML: no transaction spans two statements.
func (Dialect) TransactionalDML() bool { return false }

// SourceIndex: none, as KeyIndex.
func (Dialect) SourceIndex(string, string, string, []string) (string, bool) { return "", false }

func (Dialect) Analyze(string) (string, bool) { return "", false }

func (Dialect) TimestampLiteral(t time.Time) string {
	return "TIMESTAMP '" + dialects.UTCMicros(t) + " UTC'"
}

// CreateTempTableAs: none; Trino has no temporary tables.
func (Dialect) CreateTempTableAs(string, string) (string, bool) { return "", false }
