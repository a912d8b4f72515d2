package duckdb

import "github.com/mtxhq/mtx/dialects"

// DBT names dbt-duckdb, the dbt adapter `mtx dbt export --adapter duckdb` writes for.
func (Dialect) DBT() dialects.DBT {
	return dialects.DBT{Adapter: "duckdb", Package: "dbt-duckdb", Strategy: "delete+insert"}
}

var _ dialects.DBTAdapter = Dialect{}
