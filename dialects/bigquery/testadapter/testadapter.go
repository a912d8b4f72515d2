// Package testadapter tells the tests what they need to know about
// BigQuery and its emulator bqemulator (dialects/enginetest). Test support
// only.
package testadapter

import (
	"encoding/json"
	"math/big"
	"net/url"

	"github.com/mtxhq/mtx/dialects/enginetest"
	"github.com/mtxhq/mtx/internal/catalog"
)

func init() {
	enginetest.Register(&enginetest.Adapter{
		Name:    "bigquery",
		DSNEnv:  "MTX_TEST_BIGQUERY_DSN",
		SQLGlot: "bigquery",
		// The driver already returns NUMERIC as exact text and JSON as text.
		TextCast:       "%s",
		TextType:       "STRING",
		Placeholder:    enginetest.Question,
		NoTransactions: true,
		// A STRING parameter coerces to neither NUMERIC nor JSON.
		BindArg: map[catalog.LogicalType]func(any) any{
			catalog.Decimal: func(v any) any { r, _ := new(big.Rat).SetString(v.(string)); return r },
			catalog.JSON:    func(v any) any { return json.RawMessage(v.(string)) },
		},
		// No session zone: a query's default zone is UTC unless the query
		// says otherwise (@@time_zone exists only inside BigQuery sessions
		// and scripts, which mtx's driver does not open).
		// bqemulator takes seconds per DML statement.
		SlowRows: true,
		// Through the suite in a test process of its own in CI: the emulator takes a second or more per DDL.
		OwnProcess: true,
		ExpectedType: map[catalog.LogicalType]string{
			// BigQuery reports NUMERIC(38, 9) and JSON; its emulator drops
			// type parameters and reports JSON columns as STRING.
			catalog.String: "STRING", catalog.Decimal: "NUMERIC(38, 9)|NUMERIC", catalog.Float: "FLOAT64", catalog.Integer: "INT64",
			catalog.Boolean: "BOOL", catalog.Timestamp: "TIMESTAMP", catalog.JSON: "JSON|STRING",
		},
		// The emulator drops type parameters: the lossy decimal is an INT64,
		// no short string, and every JSON column reports as STRING.
		LossyDecimal:          "INT64",
		JSONIntrospectsAsText: true,
		LoadJobs:              true,
		SecretDSNs: []enginetest.SecretDSN{
			{Name: "userinfo", DSN: func(p, hp, user string) string {
				return "bigquery://" + user + ":" + p + "@project?endpoint=http://" + hp
			}},
			{Name: "?token=", DSN: func(p, hp, user string) string {
				return "bigquery://project?endpoint=http://" + hp + "&token=" + url.QueryEscape(p)
			}},
		},
		// The sync service keeps a view over __TABLES__ and a cache.
		TransferStatusView: true,
		// The sync service delivers JSON as STRING; its NUMERIC is mtx's
		// NUMERIC(38,9), so decimals stay as they are (a CAST to NUMERIC on
		// the emulator rounds to three places; BigQuery keeps nine).
		Delivered:      true,
		DeliveredTypes: map[catalog.LogicalType]string{catalog.JSON: "TO_JSON_STRING(%s)"},
		Sim:            enginetest.SimSQL{Varchar: "STRING", Day: "INTERVAL 1 DAY"},
	})
}
