// Package testadapter tells the tests what they need to know about DuckDB
// (dialects/enginetest). Test support only.
package testadapter

import (
	"fmt"
	"net/url"
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
		DeliveredTypes: map[catalog.LogicalType]string{catalog.JSON: "CAST(%s AS VARCHAR)"},
		Representative: true,
		SecretDSNs: []enginetest.SecretDSN{
			{Name: "a URL", DSN: func(p, hp, user string) string {
				return "postgres://" + user + ":" + p + "@" + hp + "/mtx"
			}},
			{Name: "?motherduck_token=", DSN: func(p, hp, user string) string {
				return "leak.duckdb?motherduck_token=" + url.QueryEscape(p)
			}},
		},
		Bench: &enginetest.Bench{
			PeerSQL: true,
			// The ROW_NUMBER filter of dbt's documentation and most projects.
			PeerRebuild: "SELECT {columns} FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY {grain} ORDER BY {order}) AS rn FROM {from} WHERE {where}) AS r WHERE rn = 1",
			EventRows: `INSERT INTO {raw} (transaction_id, customer_id, "timestamp", event_type, properties, environment_type, _metronome_metadata_id, updated_at, _mtx_source_file, _mtx_transferred_at, _mtx_loaded_at)
SELECT 'txn-' || k, 'cust-' || (k % 5000), TIMESTAMPTZ '2026-01-01 00:00:00+00' + to_seconds(k % 2592000), 'api_call', '{"region": "us-east-1", "units": 3}',
  CASE WHEN k % 10 = 0 THEN 'SANDBOX' ELSE 'PRODUCTION' END, 'meta-' || i, TIMESTAMPTZ '2026-01-01 00:00:00+00' + to_milliseconds(i),
  '{file}', {at}, {at}
FROM (SELECT i, CASE WHEN {fresh} AND i % 2 = 1 THEN i ELSE i % {keys} END AS k FROM range({lo}, {hi}) AS r(i)) AS g`,
			// mtx's process ends with a checkpoint of what it wrote (DuckDB
			// checkpoints on close).
			Checkpoint: "CHECKPOINT",
			Explain:    "EXPLAIN ANALYZE ",
		},
		DBTProfile: func(dsn, schema string) (string, []string, error) {
			return fmt.Sprintf("type: duckdb\npath: %q\nschema: %s\nthreads: 4\n", dsn, schema), nil, nil
		},
		SlowModel: "-- materialized: table\nSELECT COUNT(*) AS n FROM range(1000000000000)\n",
	})
}
