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

// CreateTableAs: Trino's CTAS makes an Iceberg table by itself. Athena's
// (Trino's parser, double quotes) needs the table type, is_external =
// false and a location of its own (apiDDL.ctas).
func (d Dialect) CreateTableAs(rel, query string) string {
	if d.api != nil {
		return d.api.ctas(rel, query)
	}
	return "CREATE TABLE " + rel + " AS\n" + query
}

// RenameTable: Athena renames an Iceberg table in its Hive DDL, in
// backticks (ALTER TABLE … RENAME TO, both names qualified); Trino takes
// the same statement in double quotes.
func (d Dialect) RenameTable(schema, from, to string) string {
	q := d.Quote
	if d.api != nil {
		q = hiveQuote
	}
	return "ALTER TABLE " + q(schema) + "." + q(from) + " RENAME TO " + q(schema) + "." + q(to)
}

var _ dialects.TableDropper = Dialect{}

// DropTable: DROP TABLE goes to Athena's Hive DDL engine, in backticks;
// Trino's is the standard statement. Views are dropped in Trino's SQL on
// both (Athena runs CREATE VIEW and DROP VIEW on its Trino engine).
func (d Dialect) DropTable(rel string, ifExists bool) string {
	out := "DROP TABLE "
	if ifExists {
		out += "IF EXISTS "
	}
	if d.api != nil {
		schema, table := splitQualified(rel)
		return out + hiveQuote(schema) + "." + hiveQuote(table)
	}
	return out + rel
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

// TimestampLiteral: Trino's columns are timestamp with time zone; the
// Iceberg timestamps Athena creates have none and hold UTC's wall clock.
func (d Dialect) TimestampLiteral(t time.Time) string {
	if d.api != nil {
		return "TIMESTAMP '" + dialects.UTCMicros(t) + "'"
	}
	return "TIMESTAMP '" + dialects.UTCMicros(t) + " UTC'"
}

// CreateTempTableAs: none; Trino has no temporary tables.
func (Dialect) CreateTempTableAs(string, string) (string, bool) { return "", false }
