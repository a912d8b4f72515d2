package dialects

import (
	"fmt"
	"strings"
)

// KeySetExcluder is implemented by dialects with a better way to say "no
// row of query has target's key" than `key NOT IN (query)`, the default
// (one hash anti-join on DuckDB, ClickHouse, MySQL, Snowflake, BigQuery).
// query selects exactly the key columns, none of them NULL; target is the
// alias of the outer table.
type KeySetExcluder interface {
	ExcludeKeys(key []string, target, query string) string
}

// EmptyTailSplitter is implemented by dialects whose live view should read
// the stored rows in two arms: all of them when the tail is empty (`NOT
// EXISTS (tail)`), and those the tail does not touch only when it is not
// (`EXISTS (tail) AND <the anti-join>`). The planner evaluates the
// uncorrelated EXISTS once and stops reading the arm it rules out, so
// right after a refresh the view need not read the key column nor probe
// it against the (empty) tail.
type EmptyTailSplitter interface {
	SplitOnEmptyTail() bool
}

// NotInKeys is `k NOT IN (query)`, or `(a, b) NOT IN (query)` for a
// composite key.
func NotInKeys(quote func(string) string, key []string, query string) string {
	q := make([]string, len(key))
	for i, k := range key {
		q[i] = quote(k)
	}
	cols := strings.Join(q, ", ")
	if len(key) > 1 {
		cols = "(" + cols + ")"
	}
	return cols + " NOT IN (\n" + query + "\n)"
}

// NotExistsKeys is a correlated NOT EXISTS over query's keys.
func NotExistsKeys(quote func(string) string, key []string, target, query string) string {
	s := quote("_mtx_s")
	var eq []string
	for _, k := range key {
		eq = append(eq, fmt.Sprintf("%s.%s = %s.%s", s, quote(k), target, quote(k)))
	}
	return fmt.Sprintf("NOT EXISTS (\n  SELECT 1 FROM (\n%s\n  ) AS %s\n  WHERE %s\n)", query, s, strings.Join(eq, " AND "))
}

// KeyLookuper is implemented by dialects that fetch a model table's rows
// whose key is among a query's keys better by looking each key up in the
// table's key index than with the default `key IN (…)` filter (a hash
// semi-join that scans the whole table on most engines). It returns a
// SELECT of columns (unquoted) of table rows (alias alias) whose key is
// among those query selects (key columns only, none NULL).
type KeyLookuper interface {
	RowsWithKeys(columns []string, table, alias string, key []string, query string) string
}
