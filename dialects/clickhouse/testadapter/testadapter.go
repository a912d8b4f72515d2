// Package testadapter tells the tests what they need to know about
// ClickHouse (dialects/enginetest). Test support only.
package testadapter

import (
	"context"

	"github.com/mtxhq/mtx/dialects/enginetest"
	"github.com/mtxhq/mtx/internal/catalog"
	tcclickhouse "github.com/testcontainers/testcontainers-go/modules/clickhouse"
)

func init() {
	enginetest.Register(&enginetest.Adapter{
		Name:       "clickhouse",
		DSNEnv:     "MTX_TEST_CLICKHOUSE_DSN",
		SQLGlot:    "clickhouse",
		Container:  &enginetest.Container{Image: "clickhouse/clickhouse-server:24.8-alpine", Start: startContainer},
		DropSchema: "DROP DATABASE IF EXISTS %s SYNC", // databases, not schemas
		TextCast:   "toString(%s)",
		TextType:   "String",
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
