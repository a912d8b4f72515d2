// Package alltest is the list of every engine's test adapter
// (dialects/enginetest): importing it registers them all. Test support
// only; adding an engine adds its testadapter here, as in dialects/all.
package alltest

import (
	_ "github.com/mtxhq/mtx/dialects/athena/testadapter"
	_ "github.com/mtxhq/mtx/dialects/bigquery/testadapter"
	_ "github.com/mtxhq/mtx/dialects/clickhouse/testadapter"
	_ "github.com/mtxhq/mtx/dialects/databricks/testadapter"
	_ "github.com/mtxhq/mtx/dialects/duckdb/testadapter"
	_ "github.com/mtxhq/mtx/dialects/mysql/testadapter"
	_ "github.com/mtxhq/mtx/dialects/postgres/testadapter"
	_ "github.com/mtxhq/mtx/dialects/redshift/testadapter"
	_ "github.com/mtxhq/mtx/dialects/singlestore/testadapter"
	_ "github.com/mtxhq/mtx/dialects/snowflake/testadapter"
)
