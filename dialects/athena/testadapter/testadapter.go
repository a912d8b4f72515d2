// Package testadapter tells the tests what they need to know about Athena
// and its local stand-in, Trino 476 with an Iceberg catalog
// (dialects/enginetest; started by tests/engines/up athena, see
// dialects/athena/engine.sh). Test support only.
package testadapter

import (
	"net/url"

	"github.com/mtxhq/mtx/dialects/enginetest"
	"github.com/mtxhq/mtx/internal/catalog"
)

func init() {
	enginetest.Register(&enginetest.Adapter{
		Name:    "athena",
		DSNEnv:  "MTX_TEST_ATHENA_DSN",
		SQLGlot: "trino", // mtx writes Trino's SQL; sqlglot's "athena" reads CREATE TABLE as Hive DDL
		// No transaction spans two statements (Trino's Iceberg connector).
		NoTransactions: true,
		TextCast:       "CAST(%s AS varchar)",
		TextType:       "varchar",
		// trino-go-client sends arguments as EXECUTE … USING literals.
		Placeholder: enginetest.Question,
		// Trino's INSERT coerces no varchar to a decimal, and a bound time
		// arrives as timestamp(0) where a column is timestamp(6).
		BindAs: map[catalog.LogicalType]string{
			catalog.Decimal:   "CAST(%s AS decimal(38,9))",
			catalog.Timestamp: "CAST(%s AS timestamp(6) with time zone)",
		},
		// The HTTP protocol keeps no session for SET TIME ZONE: the zone
		// goes with every request as a DSN parameter.
		ZoneDSNParam: "timezone=America/Los_Angeles",
		// Every INSERT is an Iceberg commit of 1.0-1.7 s measured on the shared machine.
		SlowRows: true,
		// Through the suite in a test process of its own in CI: an Iceberg commit per statement.
		OwnProcess: true,
		// Athena takes queries up to 256 KB (Trino up to 1,000,000
		// characters), and bound arguments travel inside them.
		MaxStatement: 256 << 10,
		// Independent commits overlap: the delivered simulation's tables,
		// and its comparisons, four at a time.
		Concurrent: 4,
		ExpectedType: map[catalog.LogicalType]string{
			// Iceberg's types; JSON is kept verbatim as varchar.
			catalog.String: "varchar", catalog.Decimal: "decimal(38,9)", catalog.Float: "double", catalog.Integer: "bigint",
			catalog.Boolean: "boolean", catalog.Timestamp: "timestamp(6) with time zone", catalog.JSON: "varchar",
		},
		// Athena's destination types are mtx's own (JSON as varchar); Iceberg
		// has no varchar(n).
		LossyDecimal: "decimal(18,0)", // Iceberg has no varchar(n): no ShortString
		Delivered:    true,
		Sim:          enginetest.SimSQL{Varchar: "varchar"},
		// Trino's forms (password, access token) and Athena's (AWS keys).
		SecretDSNs: []enginetest.SecretDSN{
			{Name: "trino https userinfo", DSN: func(p, hp, user string) string {
				return "https://" + user + ":" + p + "@" + hp + "?catalog=iceberg&request_retry_timeout=1s"
			}},
			{Name: "trino ?accessToken=", DSN: func(p, hp, user string) string {
				return "http://" + user + "@" + hp + "?catalog=iceberg&request_retry_timeout=1s&accessToken=" + url.QueryEscape(p)
			}},
			{Name: "athena ?secret_access_key=", DSN: func(p, _, _ string) string {
				return "athena://us-east-1?workgroup=primary&output_location=s3://b/r/&access_key_id=AKIA&secret_access_key=" + url.QueryEscape(p)
			}},
			{Name: "athena ?session_token=", DSN: func(p, _, _ string) string {
				return "athena://us-east-1?access_key_id=AKIA&secret_access_key=x&session_token=" + url.QueryEscape(p)
			}},
		},
		// No known gaps: the delivered simulation runs its independent
		// statements Concurrent at once, the lock-table test's heartbeat
		// follows the measured commit time, and the extreme values reach
		// Iceberg through an s3:// load (MaxStatement).
	})
}
