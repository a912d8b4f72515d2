package postgres

import "github.com/mtxhq/mtx/dialects"

// DBT names dbt-postgres, the dbt adapter `mtx dbt export --adapter postgres` writes for.
func (Dialect) DBT() dialects.DBT {
	return dialects.DBT{Adapter: "postgres", Package: "dbt-postgres", Strategy: "delete+insert"}
}

var _ dialects.DBTAdapter = Dialect{}
