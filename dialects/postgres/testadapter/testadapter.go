// Package testadapter tells the tests what they need to know about
// PostgreSQL (dialects/enginetest). Test support only.
package testadapter

import (
	"context"
	"database/sql"
	"fmt"
	"hash/fnv"
	"net/url"
	"os"
	"strings"

	"github.com/jackc/pgx/v5"
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
		// ReadSession: jit off.
		ReadSessionQuery: "SELECT current_setting('jit') AS jit",
		ReadSessionWant:  "jit\noff\n",
		ExpectedType: map[catalog.LogicalType]string{
			catalog.String: "text", catalog.Decimal: "numeric(38,9)", catalog.Float: "double precision", catalog.Integer: "bigint",
			catalog.Boolean: "boolean", catalog.Timestamp: "timestamp with time zone", catalog.JSON: "jsonb",
		},
		LossyDecimal: "NUMERIC(18,0)",
		ShortString:  "VARCHAR(256)",
		TextJSON:     "TEXT",
		Delivered:    true,
		// Unsized decimals, as the sync service creates them.
		DeliveredTypes: map[catalog.LogicalType]string{catalog.Decimal: "CAST(%s AS NUMERIC)", catalog.JSON: "CAST(%s AS TEXT)"},
		Representative: true,
		Bench: &enginetest.Bench{
			PeerSQL: true,
			// PostgreSQL's own idiom for the newest row per key.
			PeerRebuild: "SELECT DISTINCT ON ({grain}) {columns} FROM {from} WHERE {where} ORDER BY {grain}, {order}",
			EventRows: `INSERT INTO {raw} (transaction_id, customer_id, "timestamp", event_type, properties, environment_type, _metronome_metadata_id, updated_at, _mtx_source_file, _mtx_transferred_at, _mtx_loaded_at)
SELECT 'txn-' || k, 'cust-' || (k % 5000), TIMESTAMPTZ '2026-01-01 00:00:00+00' + (k % 2592000) * INTERVAL '1 second', 'api_call', '{"region": "us-east-1", "units": 3}',
  CASE WHEN k % 10 = 0 THEN 'SANDBOX' ELSE 'PRODUCTION' END, 'meta-' || i, TIMESTAMPTZ '2026-01-01 00:00:00+00' + i * INTERVAL '1 millisecond',
  '{file}', {at}, {at}
FROM (SELECT i, CASE WHEN {fresh} AND i % 2 = 1 THEN i ELSE i % {keys} END AS k FROM generate_series({lo}, {hi} - 1) AS r(i)) AS g`,
			Analyze: "ANALYZE %s",
			Explain: "EXPLAIN (ANALYZE, BUFFERS) ",
		},
		CTASRowsAffected: true,
		BindsViews:       true,
		SlowModel:        "-- materialized: table\nSELECT 1 AS n FROM pg_sleep(60)\n",
		KillLockHolder:   killLockHolder,
		DBTProfile:       dbtProfile,
		SecretDSNs:       SecretDSNs,
		LiveLogin:        LiveLogin,
	})
}

// dbtProfile connects dbt-postgres to the server of a postgres:// DSN; the
// password goes through MTX_TEST_DBT_PASSWORD.
func dbtProfile(dsn, schema string) (string, []string, error) {
	u, err := url.Parse(dsn)
	if err != nil || u.User == nil {
		return "", nil, fmt.Errorf("dbt profile: %s is not a postgres:// URL with a user", dsn)
	}
	port := u.Port()
	if port == "" {
		port = "5432"
	}
	pw, _ := u.User.Password()
	profile := fmt.Sprintf("type: postgres\nhost: %q\nport: %s\nuser: %q\npassword: \"{{ env_var('MTX_TEST_DBT_PASSWORD') }}\"\ndbname: %q\nschema: %s\nthreads: 4\n",
		u.Hostname(), port, u.User.Username(), strings.TrimPrefix(u.Path, "/"), schema)
	return profile, []string{"MTX_TEST_DBT_PASSWORD=" + pw}, nil
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

// SecretDSNs are PostgreSQL's DSN forms holding a password: URL (raw,
// escaped, as a parameter) and keyword/value. Redshift's adapter shares
// the URL and keyword forms.
var SecretDSNs = []enginetest.SecretDSN{
	{Name: "url raw", DSN: func(p, hp, user string) string {
		return "postgres://" + user + ":" + p + "@" + hp + "/mtx?connect_timeout=2&sslmode=disable"
	}},
	{Name: "url escaped", DSN: func(p, hp, user string) string {
		return "postgres://" + url.UserPassword(user, p).String() + "@" + hp + "/mtx?connect_timeout=2&sslmode=disable"
	}},
	{Name: "url ?password=", DSN: func(p, hp, user string) string {
		return "postgres://" + user + "@" + hp + "/mtx?connect_timeout=2&sslmode=disable&password=" + url.QueryEscape(p)
	}},
	{Name: "keyword", DSN: func(p, hp, user string) string {
		host, port := enginetest.HostPort(hp)
		return "host=" + host + " port=" + port + " user=" + user + " password='" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(p) + "' dbname=mtx connect_timeout=2 sslmode=disable"
	}},
}

// LiveLogin is the local PostgreSQL (MTX_TEST_POSTGRES_DSN), where one runs.
func LiveLogin() (string, string, bool) {
	dsn := os.Getenv("MTX_TEST_POSTGRES_DSN")
	cfg, err := pgx.ParseConfig(dsn)
	if dsn == "" || err != nil {
		return "", "", false
	}
	return fmt.Sprintf("%s:%d", cfg.Host, cfg.Port), cfg.User, true
}
