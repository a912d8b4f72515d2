// Package testadapter tells the tests what they need to know about
// ClickHouse (dialects/enginetest). Test support only.
package testadapter

import (
	"context"
	"net/url"

	"github.com/mtxhq/mtx/dialects/enginetest"
	"github.com/mtxhq/mtx/internal/catalog"
	tcclickhouse "github.com/testcontainers/testcontainers-go/modules/clickhouse"
)

func init() {
	enginetest.Register(&enginetest.Adapter{
		// The refresh benchmark generates its raw events in one statement.
		Bench: &enginetest.Bench{NativeLoad: nativeLoad, EventRows: "INSERT INTO {raw} (transaction_id, customer_id, `timestamp`, event_type, properties, environment_type, _metronome_metadata_id, updated_at, _mtx_source_file, _mtx_transferred_at, _mtx_loaded_at)\n" +
			"SELECT concat('txn-', toString(k)), concat('cust-', toString(k % 5000)), toDateTime64('2026-01-01 00:00:00', 6, 'UTC') + toIntervalSecond(k % 2592000), 'api_call', '{\"region\": \"us-east-1\", \"units\": 3}',\n" +
			"  if(k % 10 = 0, 'SANDBOX', 'PRODUCTION'), concat('meta-', toString(i)), toDateTime64('2026-01-01 00:00:00', 6, 'UTC') + toIntervalMillisecond(i),\n" +
			"  '{file}', {at}, {at}\n" +
			"FROM (SELECT number AS i, if({fresh} AND number % 2 = 1, number, number % {keys}) AS k FROM numbers({lo}, {count}))"},
		Name:       "clickhouse",
		DSNEnv:     "MTX_TEST_CLICKHOUSE_DSN",
		SQLGlot:    "clickhouse",
		Container:  &enginetest.Container{Image: "clickhouse/clickhouse-server:24.8-alpine", Start: startContainer},
		DropSchema: "DROP DATABASE IF EXISTS %s SYNC", // databases, not schemas
		TextCast:   "toString(%s)",
		TextType:   "String",
		// The stored Decimal is exact; only its text form is shorter.
		TextDropsZeros: true,
		// Bound client-side by clickhouse-go.
		Placeholder: enginetest.Question,
		BatchInsert: true,
		// The HTTP interface forgets a SET after its request: the zone goes
		// with every query as a DSN parameter.
		ZoneDSNParam: "session_timezone=America/Los_Angeles",
		ExpectedType: map[catalog.LogicalType]string{
			// Every column Nullable; JSON documents are kept verbatim as String.
			catalog.String: "Nullable(String)", catalog.Decimal: "Nullable(Decimal(38, 9))", catalog.Float: "Nullable(Float64)",
			catalog.Integer: "Nullable(Int64)", catalog.Boolean: "Nullable(Bool)", catalog.Timestamp: "Nullable(DateTime64(6, 'UTC'))",
			catalog.JSON: "Nullable(String)",
		},
		LossyDecimal: "Decimal(18, 0)",
		ShortString:  "Nullable(FixedString(16))",
		// JSON is a String anyway: no TextJSON.
		TableSuffix: " ENGINE = MergeTree ORDER BY tuple()",
		Delivered:   true,
		SecretDSNs: []enginetest.SecretDSN{
			{Name: "native raw", DSN: func(p, hp, user string) string {
				return "clickhouse://" + user + ":" + p + "@" + hp + "/default?dial_timeout=1s"
			}},
			{Name: "http escaped", DSN: func(p, hp, user string) string {
				return "http://" + url.UserPassword(user, p).String() + "@" + hp + "/default?dial_timeout=1s"
			}},
			{Name: "http ?password=", DSN: func(p, hp, user string) string {
				return "http://" + user + "@" + hp + "/default?dial_timeout=1s&password=" + url.QueryEscape(p)
			}},
		},
		// Databases, not schemas; mutations, not UPDATE.
		Sim: enginetest.SimSQL{
			CreateSchema: "CREATE DATABASE", Timestamp: "toDateTime64('%s', 6, 'UTC')", TimestampType: "DateTime64(6, 'UTC')",
			Varchar: "String", Day: "INTERVAL 1 DAY",
			Update: func(table, _, set, where string) string {
				return "ALTER TABLE " + table + " UPDATE " + set + " WHERE " + where + " SETTINGS mutations_sync = 2"
			},
		},
		SQLGlotGaps: []enginetest.SQLGlotGap{{
			Match: "MODIFY COLUMN `_mtx_version`",
			Repro: "ALTER TABLE t MODIFY COLUMN c Int64 MATERIALIZED 1",
			Why: "ClickHouse documents ALTER TABLE ... MODIFY COLUMN name [type] [default_expr], default_expr " +
				"being DEFAULT, MATERIALIZED or ALIAS expr (sql-reference/statements/alter/column); sqlglot 30.30 " +
				"parses MODIFY COLUMN with a type only and falls back to an opaque command for MATERIALIZED",
		}, {
			// The full build's compaction (dialects.Compactor).
			Match: "OPTIMIZE TABLE `",
			Repro: "OPTIMIZE TABLE `s`.`t` FINAL",
			Why: "ClickHouse documents OPTIMIZE TABLE [db.]name ... [FINAL] (sql-reference/statements/optimize); " +
				"sqlglot 30.30's clickhouse dialect falls back to an opaque command for it",
			ModelsOnly: true,
		}},
		// ClickHouse documents RENAME TABLE a TO b (sql-reference/statements/rename).
		RenameUnparsed: true,
	})
}

func startContainer(ctx context.Context, img string) (func(context.Context) error, string, error) {
	c, err := tcclickhouse.Run(ctx, img, tcclickhouse.WithUsername("mtx"), tcclickhouse.WithPassword("mtx"), tcclickhouse.WithDatabase("mtx"))
	if c == nil { // no container to stop
		return nil, "", err
	}
	stop := func(ctx context.Context) error { return c.Terminate(ctx) }
	if err != nil {
		return stop, "", err
	}
	dsn, err := c.ConnectionString(ctx)
	return stop, dsn, err
}
