package databricks

import (
	"fmt"
	"time"

	"github.com/mtxhq/mtx/dialects"
)

var (
	_ dialects.TableReplacer = Dialect{}
	_ dialects.Merger        = Dialect{}
)

// ReplaceTableAs: CREATE OR REPLACE TABLE swaps a Delta table atomically
// (a new table version; readers see the old one until it commits).
func (Dialect) ReplaceTableAs(rel, query string) string {
	return "CREATE OR REPLACE TABLE " + rel + " USING DELTA AS\n" + query
}

// Merge: Delta's MERGE INTO writes an incremental refresh in one commit.
func (d Dialect) Merge(target, source string, key, columns []string) string {
	return dialects.StandardMerge(d.Quote, target, source, key, columns)
}

func (d Dialect) style() dialects.SQLStyle {
	return dialects.SQLStyle{Quote: d.Quote, DescNullsLast: dialects.StandardDescNullsLast}
}

// CurrentStateSQL uses ROW_NUMBER() in a subquery: Databricks has QUALIFY,
// open-source Spark does not, and both plan the two alike.
func (d Dialect) CurrentStateSQL(cs dialects.CurrentState) string {
	return dialects.RowNumber(d.style(), cs)
}

func (Dialect) MinusSeconds(expr string, s int64) string {
	return fmt.Sprintf("timestampadd(SECOND, -%d, %s)", s, expr)
}

func (Dialect) CreateTableAs(rel, query string) string {
	return "CREATE TABLE " + rel + " USING DELTA AS\n" + query
}

// RenameTable: RENAME TO takes a qualified name (else the session's schema).
func (d Dialect) RenameTable(schema, from, to string) string {
	return "ALTER TABLE " + d.Quote(schema) + "." + d.Quote(from) + " RENAME TO " + d.Quote(schema) + "." + d.Quote(to)
}

// RelationsQuery: SHOW TABLES and DESCRIBE TABLE, run by the connection
// (introspect.go); views have kind VIEW.
func (Dialect) RelationsQuery(schema string) string { return relationsMarker + showTables(schema) }

// KeyIndex: none; Delta skips files by their column statistics.
func (Dialect) KeyIndex(string, string, string, []string) (string, bool) { return "", false }

// TransactionalDML: each statement is its own Delta commit; there are no
// multi-statement transactions.
func (Dialect) TransactionalDML() bool { return false }

// SourceIndex: none; Delta skips files by their column statistics.
func (Dialect) SourceIndex(string, string, string, []string) (string, bool) { return "", false }

func (Dialect) Analyze(string) (string, bool) { return "", false }

func (Dialect) TimestampLiteral(t time.Time) string { return timestampLiteral(t) }

// CreateTempTableAs: none; the refresh is not one transaction here, so its
// scratch tables must outlive a session.
func (Dialect) CreateTempTableAs(string, string) (string, bool) { return "", false }
