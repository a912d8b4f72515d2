package bigquery

import "github.com/mtxhq/mtx/dialects"

// DBT names dbt-bigquery, the dbt adapter `mtx dbt export --adapter bigquery` writes for.
func (Dialect) DBT() dialects.DBT {
	return dialects.DBT{Adapter: "bigquery", Package: "dbt-bigquery", Strategy: "merge"}
}

var _ dialects.DBTAdapter = Dialect{}
