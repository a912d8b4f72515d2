package dialects

import "strings"

// KeySetExcluder is implemented by dialects that say "no row of query has
// this row's key" better with NOT IN than with a correlated NOT EXISTS,
// the default (ClickHouse has no correlated subqueries). query selects
// exactly the key columns, none of them NULL.
type KeySetExcluder interface {
	NotInKeys(key []string, query string) string
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
	return cols + " NOT IN (" + query + ")"
}
