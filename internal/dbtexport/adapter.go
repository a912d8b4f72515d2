package dbtexport

import (
	"fmt"
	"strings"
)

// Adapter is one dbt adapter a project can be written for: facts about
// dbt, not about the engine (those come from the mtx dialect it names).
type Adapter struct {
	// Name is dbt's adapter type, the value of --adapter.
	Name string
	// Dialect is the mtx dialect whose SQL the adapter's engine runs.
	Dialect string
	// Package is the adapter's PyPI package.
	Package string
	// Strategy is the adapter's incremental_strategy that replaces the
	// stored rows of each unique_key the new rows have, as an mtx refresh
	// does.
	Strategy string
}

// adapters are the dbt adapters mtx writes projects for. dbt-mysql is
// left out: its last release (1.7.0) needs dbt-core 1.7.
var adapters = []Adapter{
	{Name: "duckdb", Dialect: "duckdb", Package: "dbt-duckdb", Strategy: "delete+insert"},
	{Name: "postgres", Dialect: "postgres", Package: "dbt-postgres", Strategy: "delete+insert"},
	{Name: "snowflake", Dialect: "snowflake", Package: "dbt-snowflake", Strategy: "delete+insert"},
	{Name: "bigquery", Dialect: "bigquery", Package: "dbt-bigquery", Strategy: "merge"},
	{Name: "redshift", Dialect: "redshift", Package: "dbt-redshift", Strategy: "delete+insert"},
	{Name: "clickhouse", Dialect: "clickhouse", Package: "dbt-clickhouse", Strategy: "delete_insert"},
}

// AdapterNames lists the adapters, in the order --adapter's help gives them.
func AdapterNames() []string {
	out := make([]string, len(adapters))
	for i, a := range adapters {
		out[i] = a.Name
	}
	return out
}

// LookupAdapter returns the named adapter, or an error listing the known ones.
func LookupAdapter(name string) (Adapter, error) {
	for _, a := range adapters {
		if a.Name == name {
			return a, nil
		}
	}
	return Adapter{}, fmt.Errorf("unknown dbt adapter %q (known: %s)", name, strings.Join(AdapterNames(), ", "))
}
