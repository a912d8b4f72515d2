package clickhouse

import "github.com/mtxhq/mtx/dialects"

// DBT names dbt-clickhouse, the dbt adapter `mtx dbt export --adapter clickhouse` writes for.
func (Dialect) DBT() dialects.DBT {
	return dialects.DBT{Adapter: "clickhouse", Package: "dbt-clickhouse", Strategy: "delete_insert"}
}

var _ dialects.DBTAdapter = Dialect{}
