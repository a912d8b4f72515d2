package snowflake

import "github.com/mtxhq/mtx/dialects"

// DBT names dbt-snowflake, the dbt adapter `mtx dbt export --adapter snowflake` writes for.
func (Dialect) DBT() dialects.DBT {
	return dialects.DBT{Adapter: "snowflake", Package: "dbt-snowflake", Strategy: "delete+insert"}
}

var _ dialects.DBTAdapter = Dialect{}
