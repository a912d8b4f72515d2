package testadapter

import (
	"fmt"
	"regexp"
	"strings"
)

// sqlglot 30.30 reads SingleStore's `SHARD KEY (a)` and `SORT KEY (a)` in
// CREATE TABLE as a column named SHARD (or SORT) with a PRIMARY KEY
// constraint, and accepts them without error: parsing validates nothing
// about them. So the parse check (tests/sqlcheck, through the adapter's
// SQLGlotRewrite) checks the two clauses here, against SingleStore's
// CREATE TABLE grammar (a list of quoted columns, SORT KEY's optionally
// DESC), and gives sqlglot the statement without them.
// dialects/singlestore's TestSQLGlotMisreadsShardKey fails once sqlglot
// parses them, to say this can go.

// keyClause matches one clause as mtx renders it, after the comma that
// separates it from the column before.
var keyClause = regexp.MustCompile(`,\s*(SHARD|SORT) KEY \(([^()]*)\)`)

// keyColumn is one column of a clause: a backtick-quoted name, DESC
// allowed in a SORT KEY.
var keyColumn = regexp.MustCompile("^`(?:[^`]|``)+`( DESC)?$")

// stripSingleStoreKeys returns sql without its SHARD KEY and SORT KEY
// clauses, or an error naming a clause that is not well formed.
func stripSingleStoreKeys(sql string) (string, error) {
	var bad error
	out := keyClause.ReplaceAllStringFunc(sql, func(m string) string {
		sub := keyClause.FindStringSubmatch(m)
		kind, list := sub[1], strings.TrimSpace(sub[2])
		if list == "" { // SHARD KEY (): keyless, sharded at random
			return ""
		}
		for _, c := range strings.Split(list, ",") {
			c = strings.TrimSpace(c)
			d := keyColumn.FindStringSubmatch(c)
			if d == nil || (d[1] != "" && kind != "SORT") {
				bad = fmt.Errorf("%s KEY: %q is not a quoted column", kind, c)
			}
		}
		return ""
	})
	if bad != nil {
		return "", bad
	}
	if strings.Contains(out, "SHARD KEY") || strings.Contains(out, "SORT KEY") {
		return "", fmt.Errorf("a SHARD KEY or SORT KEY clause that is not `, KIND KEY (columns)`")
	}
	return out, nil
}
