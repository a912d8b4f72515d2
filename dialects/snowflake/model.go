package snowflake

import (
	"fmt"
	"strings"
	"time"

	"github.com/mtxhq/mtx/dialects"
)

var (
	_ dialects.Modeler       = Dialect{}
	_ dialects.TableReplacer = Dialect{}
	_ dialects.Merger        = Dialect{}
)

// ReplaceTableAs: CREATE OR REPLACE TABLE swaps the table atomically.
func (d Dialect) ReplaceTableAs(rel, query string) string {
	return "CREATE OR REPLACE TABLE " + rel + " " + d.CopyGrants() + " AS\n" + query
}

// CopyGrants: without it Snowflake's CREATE OR REPLACE drops every grant on
// the replaced table or view (and applies the schema's future grants).
func (Dialect) CopyGrants() string { return "COPY GRANTS" }

// Merge: an incremental refresh is one MERGE statement.
func (d Dialect) Merge(target, source string, key, columns []string) string {
	return dialects.StandardMerge(d.Quote, target, source, key, columns)
}

func (d Dialect) style() dialects.SQLStyle {
	return dialects.SQLStyle{Quote: d.Quote, DescNullsLast: dialects.StandardDescNullsLast}
}

// CurrentStateSQL uses QUALIFY, Snowflake's filter on window results.
func (d Dialect) CurrentStateSQL(cs dialects.CurrentState) string {
	return dialects.Qualify(d.style(), cs)
}

func (Dialect) MinusSeconds(expr string, s int64) string {
	return fmt.Sprintf("DATEADD(second, -%d, %s)", s, expr)
}

func (Dialect) CreateTableAs(rel, query string) string {
	return "CREATE TABLE " + rel + " AS\n" + query
}

// RenameTable: Snowflake's RENAME TO takes a qualified name (else it moves
// the table to the session's schema).
func (d Dialect) RenameTable(schema, from, to string) string {
	return "ALTER TABLE " + d.Quote(schema) + "." + d.Quote(from) + " RENAME TO " + d.Quote(schema) + "." + d.Quote(to)
}

// RelationsQuery: quoted identifiers are upper case in the catalog.
func (Dialect) RelationsQuery(schema string) string {
	return dialects.InformationSchemaRelations(strings.ToUpper(schema))
}

// KeyIndex: none; Snowflake prunes micro-partitions instead of indexing.
func (Dialect) KeyIndex(string, string, string, []string) (string, bool) { return "", false }

func (Dialect) TransactionalDML() bool { return true }

// SourceIndex: none; the engine prunes by sort keys, micro-partitions
// or partitions instead.
func (Dialect) SourceIndex(string, string, string, []string) (string, bool) { return "", false }

func (Dialect) Analyze(string) (string, bool) { return "", false }

func (Dialect) TimestampLiteral(t time.Time) string {
	return "'" + dialects.UTCMicros(t) + " +00:00'::TIMESTAMP_TZ"
}

// CreateTempTableAs: none; the refresh is not one transaction here, so its scratch tables must outlive a session.
func (Dialect) CreateTempTableAs(string, string) (string, bool) { return "", false }
