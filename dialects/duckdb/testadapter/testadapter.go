// Package testadapter tells the tests what they need to know about DuckDB
// (dialects/enginetest). Test support only.
package testadapter

import (
	"path/filepath"

	"github.com/mtxhq/mtx/dialects/enginetest"
	"github.com/mtxhq/mtx/internal/catalog"
)

func init() {
	enginetest.Register(&enginetest.Adapter{
		Name: "duckdb",
		// Embedded: every test gets a fresh file.
		Embedded:    func(dir string) string { return filepath.Join(dir, "test.duckdb") },
		SQLGlot:     "duckdb",
		TextCast:    "CAST(%s AS VARCHAR)",
		TextType:    "VARCHAR",
		Placeholder: enginetest.Dollar,
		SessionZone: "SET TimeZone = 'America/Los_Angeles'",
		ExpectedType: map[catalog.LogicalType]string{
			catalog.String: "VARCHAR", catalog.Decimal: "DECIMAL(38,9)", catalog.Float: "DOUBLE", catalog.Integer: "BIGINT",
			catalog.Boolean: "BOOLEAN", catalog.Timestamp: "TIMESTAMP WITH TIME ZONE", catalog.JSON: "JSON",
		},
		// DuckDB ignores a VARCHAR's length: no short string.
		LossyDecimal: "DECIMAL(18,0)",
		TextJSON:     "VARCHAR",
		Delivered:    true,
		// DuckDB stands in for the warehouses that deliver JSON as text
		// (Redshift, BigQuery, Databricks).
		DeliveredTypes: map[catalog.LogicalType]string{catalog.JSON: "VARCHAR"},
		SlowModel:      "-- materialized: table\nSELECT COUNT(*) AS n FROM range(1000000000000)\n",
	})
}
