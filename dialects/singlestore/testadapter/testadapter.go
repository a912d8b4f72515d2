// Package testadapter tells the tests what they need to know about
// SingleStore (dialects/enginetest). Test support only.
package testadapter

import (
	"github.com/mtxhq/mtx/dialects/enginetest"
	"github.com/mtxhq/mtx/internal/catalog"
)

// SingleStore speaks MySQL's protocol and SQL, so most of what the tests
// need is MySQL's. There is no local engine: the live suite runs against a
// real cluster (MTX_TEST_SINGLESTORE_DSN) and skips without one; the parse
// check (singlestore-parse, which CI can require) runs everywhere, and
// dialects/singlestore's TestOnMariaDB runs the MySQL-protocol part.
//
// Known gaps, each skipped by its test with the reason:
//   - TestLoadStopsOnFatalError finds the load's connection through a named
//     lock; SingleStore's load lock is a lock table (KillLockHolder nil);
//   - TestRunInterrupted has no slow model for it (SlowModel "").
//
// None of the live suite has run against a real SingleStore yet.
func init() {
	enginetest.Register(&enginetest.Adapter{
		Name:           "singlestore",
		DSNEnv:         "MTX_TEST_SINGLESTORE_DSN",
		NoLocalEngine:  "set it to a SingleStore cluster's DSN (user:pass@tcp(host:3306)/db, go-sql-driver's form) to run the live suite there; singlestore-parse checks its SQL and dialects/singlestore's TestOnMariaDB its MySQL-protocol part without one",
		ParseOnly:      true,
		SQLGlot:        "singlestore",
		SQLGlotRewrite: stripSingleStoreKeys,
		DropSchema:     "DROP DATABASE IF EXISTS %s", // databases, not schemas
		TextCast:       "CAST(%s AS CHAR)",
		TextType:       "CHAR",
		Placeholder:    enginetest.Question,
		// Accepted and without effect: SingleStore keeps the server's zone
		// (mtx writes and reads UTC DATETIME(6) values either way).
		SessionZone: "SET time_zone = '-08:00'",
		ExpectedType: map[catalog.LogicalType]string{
			// information_schema.columns' column_type, as MySQL reports it.
			catalog.String: "longtext|varchar(768)", catalog.Decimal: "decimal(38,9)", catalog.Float: "double", catalog.Integer: "bigint|bigint(20)",
			catalog.Boolean: "tinyint(1)", catalog.Timestamp: "datetime(6)", catalog.JSON: "json|JSON",
		},
		LossyDecimal: "DECIMAL(18,0)",
		ShortString:  "VARCHAR(255)",
		TextJSON:     "LONGTEXT",
		// The delivered simulation (tests/delivery) runs on a cluster in
		// TestDeliveredMatchesObjectStorage, and on MariaDB in
		// dialects/singlestore's TestDeliveredOnMariaDB. No Metronome page
		// gives SingleStore's delivered types (seed 001 lists Postgres,
		// Snowflake, Redshift, BigQuery and Databricks only), so the tables
		// keep mtx's types: DECIMAL(38,9), DATETIME(6), JSON.
		Delivered: true,
	})
}
