package bigquery

import (
	"fmt"
	"time"

	"github.com/mtxhq/mtx/dialects"
)

var (
	_ dialects.Modeler       = Dialect{}
	_ dialects.TableReplacer = Dialect{}
	_ dialects.Merger        = Dialect{}
)

// ReplaceTableAs: CREATE OR REPLACE TABLE swaps the table atomically.
func (Dialect) ReplaceTableAs(rel, query string) string {
	return "CREATE OR REPLACE TABLE " + rel + " AS\n" + query
}

// Merge: an incremental refresh is one MERGE statement.
func (d Dialect) Merge(target, source string, key, columns []string) string {
	return dialects.StandardMerge(d.Quote, target, source, key, columns)
}

func (d Dialect) style() dialects.SQLStyle {
	return dialects.SQLStyle{Quote: d.Quote, DescNullsLast: dialects.StandardDescNullsLast, WhereBeforeQualify: true}
}

// CurrentStateSQL uses QUALIFY, which BigQuery accepts only after a WHERE
// (hence WHERE TRUE).
func (d Dialect) CurrentStateSQL(cs dialects.CurrentState) string {
	return dialects.Qualify(d.style(), cs)
}

func (Dialect) MinusSeconds(expr string, s int64) string {
	return fmt.Sprintf("TIMESTAMP_SUB(%s, INTERVAL %d SECOND)", expr, s)
}

func (Dialect) CreateTableAs(rel, query string) string {
	return "CREATE TABLE " + rel + " AS\n" + query
}

func (d Dialect) RenameTable(schema, from, to string) string {
	return "ALTER TABLE " + d.Quote(schema) + "." + d.Quote(from) + " RENAME TO " + d.Quote(to)
}

// RelationsQuery: INFORMATION_SCHEMA is per dataset on BigQuery.
func (d Dialect) RelationsQuery(schema string) string {
	return "SELECT table_name, table_type FROM " + d.Quote(schema) + ".INFORMATION_SCHEMA.TABLES"
}

// KeyIndex: none; BigQuery has no indexes.
func (Dialect) KeyIndex(string, string, string, []string) (string, bool) { return "", false }

// TransactionalDML: BigQuery runs DML transactions only inside scripts.
func (Dialect) TransactionalDML() bool { return false }

// SourceIndex: none; the engine prunes by sort keys, micro-partitions
// or partitions instead.
func (Dialect) SourceIndex(string, string, string, []string) (string, bool) { return "", false }

func (Dialect) Analyze(string) (string, bool) { return "", false }

func (Dialect) TimestampLiteral(t time.Time) string {
	return "TIMESTAMP '" + dialects.UTCMicros(t) + "+00'"
}

// CreateTempTableAs: none; the refresh is not one transaction here, so its scratch tables must outlive a session.
func (Dialect) CreateTempTableAs(string, string) (string, bool) { return "", false }
