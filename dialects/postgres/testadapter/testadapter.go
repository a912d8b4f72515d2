// Package testadapter tells the tests what they need to know about
// PostgreSQL (dialects/enginetest). Test support only.
package testadapter

import (
	"context"
	"database/sql"
	"hash/fnv"

	"github.com/mtxhq/mtx/dialects/enginetest"
	"github.com/mtxhq/mtx/internal/catalog"
	tcpostgres "github.com/testcontainers/testcontainers-go/modules/postgres"
)

func init() {
	enginetest.Register(&enginetest.Adapter{
		Name:        "postgres",
		DSNEnv:      "MTX_TEST_POSTGRES_DSN",
		SQLGlot:     "postgres",
		Container:   &enginetest.Container{Image: "postgres:16-alpine", Start: startContainer},
		TextCast:    "%s::text",
		TextType:    "TEXT",
		Placeholder: enginetest.Dollar,
		SessionZone: "SET TIME ZONE 'America/Los_Angeles'",
		ExpectedType: map[catalog.LogicalType]string{
			catalog.String: "text", catalog.Decimal: "numeric(38,9)", catalog.Float: "double precision", catalog.Integer: "bigint",
			catalog.Boolean: "boolean", catalog.Timestamp: "timestamp with time zone", catalog.JSON: "jsonb",
		},
		LossyDecimal: "NUMERIC(18,0)",
		ShortString:  "VARCHAR(256)",
		TextJSON:     "TEXT",
		Delivered:    true,
		// Unsized decimals, as the sync service creates them.
		DeliveredTypes: map[catalog.LogicalType]string{catalog.Decimal: "NUMERIC", catalog.JSON: "TEXT"},
		SlowModel:      "-- materialized: table\nSELECT 1 AS n FROM pg_sleep(60)\n",
		KillLockHolder: killLockHolder,
	})
}

// killLockHolder ends the session holding mtx's advisory lock, keyed by
// the 64-bit FNV-1a hash of the name, whose halves pg_locks shows as
// classid and objid (dialects/postgres).
func killLockHolder(db *sql.DB, lock string) (int, error) {
	h := fnv.New64a()
	h.Write([]byte(lock))
	key := h.Sum64()
	var n int
	err := db.QueryRow("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 1 AND granted AND classid = $1::bigint::oid AND objid = $2::bigint::oid",
		int64(key>>32), int64(uint32(key))).Scan(&n)
	return n, err
}

func startContainer(ctx context.Context, img string) (func(context.Context) error, string, error) {
	c, err := tcpostgres.Run(ctx, img, tcpostgres.WithDatabase("mtx"), tcpostgres.WithUsername("mtx"),
		tcpostgres.WithPassword("mtx"), tcpostgres.BasicWaitStrategies())
	if c == nil { // no container to stop
		return nil, "", err
	}
	stop := func(ctx context.Context) error { return c.Terminate(ctx) }
	if err != nil {
		return stop, "", err
	}
	dsn, err := c.ConnectionString(ctx, "sslmode=disable")
	return stop, dsn, err
}
