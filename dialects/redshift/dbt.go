package redshift

import "github.com/mtxhq/mtx/dialects"

// DBT names dbt-redshift, the dbt adapter `mtx dbt export --adapter redshift` writes for.
func (Dialect) DBT() dialects.DBT {
	return dialects.DBT{Adapter: "redshift", Package: "dbt-redshift", Strategy: "delete+insert"}
}

var _ dialects.DBTAdapter = Dialect{}
