// Package testadapter tells the tests what they need to know about
// Redshift (dialects/enginetest). Test support only.
package testadapter

import (
	"github.com/mtxhq/mtx/dialects/enginetest"
	pgtest "github.com/mtxhq/mtx/dialects/postgres/testadapter"
	"github.com/mtxhq/mtx/internal/catalog"
)

func init() {
	enginetest.Register(&enginetest.Adapter{
		Name:   "redshift",
		DSNEnv: "MTX_TEST_REDSHIFT_DSN",
		// No local engine: the live suite runs only against a real cluster;
		// the parse check (redshift-parse) runs everywhere.
		NoLocalEngine: "set it to a Redshift cluster's DSN (postgres://user:pass@cluster:5439/db) to run the live suite there; redshift-parse checks its SQL without one",
		ParseOnly:     true,
		SQLGlot:       "redshift",
		TextCast:      "%s::text",
		TextType:      "TEXT",
		Placeholder:   enginetest.Dollar,
		ExpectedType: map[catalog.LogicalType]string{
			// information_schema names; only checked against a real cluster.
			catalog.String: "character varying(65535)", catalog.Decimal: "numeric(38,9)", catalog.Float: "double precision", catalog.Integer: "bigint",
			catalog.Boolean: "boolean", catalog.Timestamp: "timestamp with time zone", catalog.JSON: "super",
		},
		LossyDecimal: "DECIMAL(18,0)",
		ShortString:  "VARCHAR(256)",
		// PostgreSQL's URL and keyword forms; the local PostgreSQL stands
		// in for a login with a wrong password (the same protocol).
		SecretDSNs: []enginetest.SecretDSN{pgtest.SecretDSNs[0], pgtest.SecretDSNs[3]},
		LiveLogin:  pgtest.LiveLogin,
		TextJSON:   "VARCHAR(65535)",
	})
}
