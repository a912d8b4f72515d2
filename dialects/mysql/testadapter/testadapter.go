// Package testadapter tells the tests what they need to know about
// MySQL/MariaDB (dialects/enginetest). Test support only.
package testadapter

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/mtxhq/mtx/dialects/enginetest"
	"github.com/mtxhq/mtx/internal/catalog"
	tcmysql "github.com/testcontainers/testcontainers-go/modules/mysql"
)

func init() {
	enginetest.Register(&enginetest.Adapter{
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
