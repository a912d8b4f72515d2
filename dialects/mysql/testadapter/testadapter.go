// Package testadapter tells the tests what they need to know about
// MySQL/MariaDB (dialects/enginetest). Test support only.
package testadapter

import (
	"context"
	"database/sql"
	"fmt"
	"os"

	"github.com/go-sql-driver/mysql"
	"github.com/mtxhq/mtx/dialects/enginetest"
	"github.com/mtxhq/mtx/internal/catalog"
	tcmysql "github.com/testcontainers/testcontainers-go/modules/mysql"
)

func init() {
	enginetest.Register(&enginetest.Adapter{
		// The refresh benchmark generates its raw events in one statement.
		Bench: &enginetest.Bench{EventRows: "INSERT INTO {raw} (transaction_id, customer_id, `timestamp`, event_type, properties, environment_type, _metronome_metadata_id, updated_at, _mtx_source_file, _mtx_transferred_at, _mtx_loaded_at)\n" +
			"SELECT CONCAT('txn-', k), CONCAT('cust-', k % 5000), TIMESTAMP '2026-01-01 00:00:00' + INTERVAL (k % 2592000) SECOND, 'api_call', '{\"region\": \"us-east-1\", \"units\": 3}',\n" +
			"  CASE WHEN k % 10 = 0 THEN 'SANDBOX' ELSE 'PRODUCTION' END, CONCAT('meta-', i), TIMESTAMP '2026-01-01 00:00:00' + INTERVAL (i * 1000) MICROSECOND,\n" +
			"  '{file}', {at}, {at}\n" +
			"FROM (SELECT seq AS i, CASE WHEN {fresh} AND seq % 2 = 1 THEN seq ELSE seq % {keys} END AS k FROM seq_{lo}_to_{last}) AS g"},
		Name:        "mysql",
		DSNEnv:      "MTX_TEST_MYSQL_DSN",
		SQLGlot:     "mysql",
		Container:   &enginetest.Container{Image: "mysql:8.4", Start: startContainer},
		DropSchema:  "DROP SCHEMA IF EXISTS %s",
		TextCast:    "CAST(%s AS CHAR)",
		TextType:    "CHAR",
		Placeholder: enginetest.Question,
		SessionZone: "SET time_zone = '-08:00'",
		ExpectedType: map[catalog.LogicalType]string{
			// column_type; MariaDB stores JSON as longtext with a json_valid
			// check, which the introspection reports as json.
			catalog.String: "longtext|varchar(768)", catalog.Decimal: "decimal(38,9)", catalog.Float: "double", catalog.Integer: "bigint|bigint(20)",
			catalog.Boolean: "tinyint(1)", catalog.Timestamp: "datetime(6)", catalog.JSON: "json",
		},
		LossyDecimal:   "DECIMAL(18,0)",
		ShortString:    "VARCHAR(255)",
		TextJSON:       "LONGTEXT",
		Delivered:      true,
		KillLockHolder: killLockHolder,
		SecretDSNs: []enginetest.SecretDSN{{Name: "go-sql-driver", DSN: func(p, hp, user string) string {
			return user + ":" + p + "@tcp(" + hp + ")/mtx?timeout=2s"
		}}},
		LiveLogin: func() (string, string, bool) {
			dsn := os.Getenv("MTX_TEST_MYSQL_DSN")
			cfg, err := mysql.ParseDSN(dsn)
			if dsn == "" || err != nil {
				return "", "", false
			}
			return cfg.Addr, cfg.User, true
		},
		// Two VARCHAR(768) key columns exceed the 3072-byte index limit.
		NoCompositeStringKey: true,
		// MySQL documents RENAME TABLE a TO b ("RENAME TABLE Statement").
		RenameUnparsed: true,
	})
}

// killLockHolder ends the connection holding mtx's GET_LOCK(name), whose
// name is at most 64 characters (dialects/mysql).
func killLockHolder(db *sql.DB, lock string) (int, error) {
	if len(lock) > 64 {
		lock = lock[:64]
	}
	var id sql.NullInt64
	if err := db.QueryRow("SELECT IS_USED_LOCK(?)", lock).Scan(&id); err != nil || !id.Valid {
		return 0, err
	}
	_, err := db.Exec(fmt.Sprintf("KILL %d", id.Int64))
	return 1, err
}

func startContainer(ctx context.Context, img string) (func(context.Context) error, string, error) {
	// root: the tests create and drop databases (mtx schemas).
	c, err := tcmysql.Run(ctx, img, tcmysql.WithUsername("root"), tcmysql.WithPassword("mtx"), tcmysql.WithDatabase("mtx"))
	if c == nil { // no container to stop
		return nil, "", err
	}
	stop := func(ctx context.Context) error { return c.Terminate(ctx) }
	if err != nil {
		return stop, "", err
	}
	dsn, err := c.ConnectionString(ctx, "parseTime=true", "multiStatements=true")
	return stop, dsn, err
}
