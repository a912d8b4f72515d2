// Package testadapter tells the tests what they need to know about Athena
// and its local stand-in, Trino 476 with an Iceberg catalog
// (dialects/enginetest; started by tests/engines/up athena, see
// dialects/athena/engine.sh). Test support only.
package testadapter

import (
	"net/url"
	"os"

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
		KnownGaps: knownGaps(),
	})
}

// knownGaps are the live tests that cannot pass on the stand-in, and the
// delivered simulation, which passes but is too slow for every CI run: it
// took 22 min on the shared 2-core machine under load (~1,000 statements,
// every CREATE TABLE AS and INSERT an Iceberg commit). MTX_TEST_ATHENA_SLOW=1
// runs it.
func knownGaps() map[string]string {
	gaps := map[string]string{
		"TestRoundTripExtremeValues": "its largest value is a document of about 1 MB bound as a literal (trino-go-client sends arguments as EXECUTE … USING), " +
			"past Trino's 1,000,000-character statement limit (Athena's is 256 KB); mtx's own loads of an s3:// export read such values through the engine",
	}
	if os.Getenv("MTX_TEST_ATHENA_SLOW") == "" {
		gaps["TestDeliveredMatchesObjectStorage"] = "22 min on Trino (it passes); set MTX_TEST_ATHENA_SLOW=1 to run it"
	}
	return gaps
}
