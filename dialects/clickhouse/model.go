package clickhouse

import (
	"fmt"
	"strings"
	"time"

	"github.com/mtxhq/mtx/dialects"
)

func (d Dialect) style() dialects.SQLStyle {
	return dialects.SQLStyle{Quote: d.Quote, DescNullsLast: dialects.StandardDescNullsLast}
}

// CurrentStateSQL uses ORDER BY … LIMIT 1 BY: whole rows with the full
// tie-break. FINAL would keep whichever equal version was inserted last, and
// argMax needs one call per column.
func (d Dialect) CurrentStateSQL(cs dialects.CurrentState) string {
	return dialects.LimitBy(d.style(), cs)
}

func (Dialect) MinusSeconds(expr string, s int64) string {
	return fmt.Sprintf("(%s - INTERVAL %d SECOND)", expr, s)
}

// CreateTableAs: ClickHouse needs an engine; MergeTree with no sorting key
// keeps rows as the query returns them.
func (Dialect) CreateTableAs(rel, query string) string {
	return "CREATE TABLE " + rel + " ENGINE = MergeTree ORDER BY tuple() AS\n" + query
}

var (
	_ dialects.KeyedTabler = Dialect{}
	_ dialects.Compactor   = Dialect{}
)

// Compact: OPTIMIZE … FINAL merges the new model table's parts before the
// first refresh's DELETE would wait for the background merges.
func (d Dialect) Compact(rel string) string { return "OPTIMIZE TABLE " + rel + " FINAL" }

// CreateKeyedTableAs sorts the table by key, which its rows arrive in
// (the full build's ORDER BY), so the insert does not sort again: a
// refresh's IN (tail keys) and DELETE then prune granules by the primary
// index, and measured faster even for scattered keys (docs/models.md).
func (d Dialect) CreateKeyedTableAs(rel, query string, key []string) string {
	cols := make([]string, len(key))
	for i, k := range key {
		cols[i] = d.Quote(k)
	}
	return "CREATE TABLE " + rel + " ENGINE = MergeTree ORDER BY (" + strings.Join(cols, ", ") + ")\nSETTINGS allow_nullable_key = 1 AS\n" + query
}

func (d Dialect) RenameTable(schema, from, to string) string {
	return "RENAME TABLE " + d.Quote(schema) + "." + d.Quote(from) + " TO " + d.Quote(schema) + "." + d.Quote(to)
}

func (Dialect) RelationsQuery(schema string) string {
	return "SELECT name, engine FROM system.tables WHERE database = " + dialects.StringLiteral(schema)
}

// KeyIndex: none; MergeTree's sparse primary index is its sorting key.
func (Dialect) KeyIndex(string, string, string, []string) (string, bool) { return "", false }

// TransactionalDML: ClickHouse has no transactions.
func (Dialect) TransactionalDML() bool { return false }

// SourceIndex: none; the engine prunes by sort keys, micro-partitions
// or partitions instead.
func (Dialect) SourceIndex(string, string, string, []string) (string, bool) { return "", false }

func (Dialect) Analyze(string) (string, bool) { return "", false }

func (Dialect) TimestampLiteral(t time.Time) string {
	return "toDateTime64('" + dialects.UTCMicros(t) + "', 6, 'UTC')"
}

// CreateTempTableAs: none; the refresh is not one transaction here, so its scratch tables must outlive a session.
func (Dialect) CreateTempTableAs(string, string) (string, bool) { return "", false }

var _ dialects.QueryDescriber = Dialect{}

// DescribeQuery: DESCRIBE TABLE (query) lists its columns (name first)
// without running it; clickhouse-go reports no columns for an empty result.
func (Dialect) DescribeQuery(query string) string { return "DESCRIBE TABLE (\n" + query + "\n)" }

var _ dialects.TailRanker = Dialect{}

// RankTailInPlace: a refresh ranks the tail straight from the raw table.
// Each statement and each table written costs ClickHouse a fixed time
// (a part written, metadata, DROP), which the staging copy of the tail
// added to a refresh (BenchmarkRefreshEveryEngine; docs/models.md).
func (Dialect) RankTailInPlace() bool { return true }
