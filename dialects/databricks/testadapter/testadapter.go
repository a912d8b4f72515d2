// Package testadapter tells the tests what they need to know about
// Databricks (dialects/enginetest). Test support only.
package testadapter

import (
	"net/url"

	"github.com/mtxhq/mtx/dialects/enginetest"
	"github.com/mtxhq/mtx/internal/catalog"
)

func init() {
	enginetest.Register(&enginetest.Adapter{
		Name:   "databricks",
		DSNEnv: "MTX_TEST_DATABRICKS_DSN",
		// tests/engines/up starts Spark 4.0 with Delta Lake, the local
		// stand-in (dialects/databricks/engine.sh); a workspace's DSN runs
		// the same suite there.
		SQLGlot:  "databricks",
		TextCast: "CAST(%s AS STRING)",
		TextType: "STRING",
		// The connection writes parameters in as literals (dialects/databricks/driver.go).
		Placeholder:    enginetest.Question,
		NoTransactions: true,
		SessionZone:    "SET TIME ZONE 'America/Los_Angeles'",
		SlowRows:       true,
		// Through the suite in a test process of its own in CI: a Delta commit per statement.
		OwnProcess: true,
		// Spark runs statements from several sessions at once.
		Concurrent: 2,
		ExpectedType: map[catalog.LogicalType]string{
			// DESCRIBE TABLE's names.
			catalog.String: "string", catalog.Decimal: "decimal(38,9)", catalog.Float: "double", catalog.Integer: "bigint",
			catalog.Boolean: "boolean", catalog.Timestamp: "timestamp", catalog.JSON: "string",
		},
		LossyDecimal: "DECIMAL(18,0)",
		// No ShortString: Metronome delivers Databricks strings as STRING
		// (seed 001), and Spark's DESCRIBE TABLE shows a Delta
		// VARCHAR(n) as string, so the source check cannot see a cap there.
		TableSuffix: " USING DELTA",
		// The sync service delivers strings, JSON included, as STRING (the
		// older export page's Databricks types).
		Delivered: true,
		Sim: enginetest.SimSQL{Varchar: "STRING",
			// Delta's UPDATE takes no subquery; its MERGE matches the
			// rows by key against the keys the where clause selects.
			Update: func(table, key, set, where string) string {
				return "MERGE INTO " + table + " AS `_mtx_t` USING (SELECT DISTINCT " + key + " AS `_mtx_k` FROM " + table + " WHERE " + where +
					") AS `_mtx_s` ON `_mtx_t`." + key + " = `_mtx_s`.`_mtx_k` WHEN MATCHED THEN UPDATE SET " + set
			}},
		// A workspace's token DSN and the local Thrift server's URL form.
		SecretDSNs: []enginetest.SecretDSN{
			{Name: "workspace", DSN: func(p, hp, _ string) string {
				return "token:" + p + "@" + hp + "/sql/1.0/warehouses/abc?retries=0&timeout=2"
			}},
			{Name: "http escaped", DSN: func(p, hp, _ string) string {
				return "http://" + url.UserPassword("token", p).String() + "@" + hp + "/cliservice?retries=0&timeout=2"
			}},
		},
		SQLGlotGaps: []enginetest.SQLGlotGap{{
			// mtx's introspection (dialects/databricks/introspect.go).
			Match: "SHOW TABLES IN `",
			Repro: "SHOW TABLES IN `s`",
			Why: "Databricks and Spark SQL document SHOW TABLES [{FROM | IN} schema_name] [[LIKE] pattern] " +
				"(sql-ref-syntax-aux-show-tables); sqlglot 30.30's databricks dialect falls back to an opaque command for it",
		}},
	})
}
