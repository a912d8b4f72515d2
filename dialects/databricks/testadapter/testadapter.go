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
		// Spark with Delta Lake starts locally, but only on request: each
		// Delta commit or read of a small table is 0.5-6 s on the shared
		// machine (docs/engines.md), and the whole live suite on it is not
		// yet green or measured within CI's budget. Until it is, CI
		// requires the parse check (databricks-parse); where the DSN is set,
		// dialects/databricks' own live tests and the Verified ones below run.
		NoLocalEngine: `run eval "$(tests/engines/up databricks)" to start Spark 4.0 with Delta Lake (opt-in: slow), or set it to a workspace's token:TOKEN@host:443/sql/1.0/warehouses/ID`,
		ParseOnly:     true,
		SQLGlot:       "databricks",
		TextCast:      "CAST(%s AS STRING)",
		TextType:      "STRING",
		// The connection writes parameters in as literals (dialects/databricks/driver.go).
		Placeholder:    enginetest.Question,
		NoTransactions: true,
		SessionZone:    "SET TIME ZONE 'America/Los_Angeles'",
		SlowRows:       true,
		ExpectedType: map[catalog.LogicalType]string{
			// DESCRIBE TABLE's names.
			catalog.String: "string", catalog.Decimal: "decimal(38,9)", catalog.Float: "double", catalog.Integer: "bigint",
			catalog.Boolean: "boolean", catalog.Timestamp: "timestamp", catalog.JSON: "string",
		},
		LossyDecimal: "DECIMAL(18,0)",
		ShortString:  "VARCHAR(255)",
		TableSuffix:  " USING DELTA",
		// The sync service delivers strings, JSON included, as STRING (the
		// older export page's Databricks types).
		Delivered: true,
		Sim:       enginetest.SimSQL{Varchar: "STRING"},
		// A workspace's token DSN and the local Thrift server's URL form.
		SecretDSNs: []enginetest.SecretDSN{
			{Name: "workspace", DSN: func(p, hp, _ string) string {
				return "token:" + p + "@" + hp + "/sql/1.0/warehouses/abc?retries=0&timeout=2"
			}},
			{Name: "http escaped", DSN: func(p, hp, _ string) string {
				return "http://" + url.UserPassword("token", p).String() + "@" + hp + "/cliservice?retries=0&timeout=2"
			}},
		},
		// The live tests that passed on the stand-in (per-test times in
		// docs/engines.md); every other one skips as not yet run. Each test
		// that builds models first migrates a fresh schema through every
		// catalog version, 5-7 min of Delta commits on the shared machine,
		// so the whole suite is hours here and not yet run end to end.
		// TestDeliveredMatchesObjectStorage has its simulation SQL above but
		// has not finished here yet: it hit go test's 60 min timeout
		// (migrate 413 s, load of the capped export 39 min, mtx run 11 min)
		// while delivering, its first six CREATE TABLE … AS without error.
		Verified: []string{"TestMigrateUpDownUp", "TestLiteralsAreData", "TestQueryOutputExact", "TestMacrosOnEngines",
			"TestMtxQueryDefaultSchema", "TestCookbookKnownAnswers", "TestCookbookViews", "TestCurrentStateModels",
			"TestIncrementalEqualsFullRebuild", "TestLiveViewEqualsFullRebuild"},
		SQLGlotGaps: []enginetest.SQLGlotGap{{
			// mtx's introspection (dialects/databricks/introspect.go).
			Match: "SHOW TABLES IN `",
			Repro: "SHOW TABLES IN `s`",
			Why: "Databricks and Spark SQL document SHOW TABLES [{FROM | IN} schema_name] [[LIKE] pattern] " +
				"(sql-ref-syntax-aux-show-tables); sqlglot 30.30's databricks dialect falls back to an opaque command for it",
		}},
	})
}
