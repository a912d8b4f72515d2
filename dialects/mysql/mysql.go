// Package mysql is the adapter for MySQL and MariaDB.
package mysql

import (
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"time"

	driver "github.com/go-sql-driver/mysql"
	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/database/dialect"
)

//go:embed templates/*.sql.tmpl
var templates embed.FS

// Dialect is the MySQL/MariaDB adapter.
type Dialect struct{}

var _ dialects.Dialect = Dialect{}

func (Dialect) Name() string              { return "mysql" }
func (Dialect) Quote(s string) string     { return dialects.QuoteWith("`", "`", s) }
func (Dialect) TransactionalDDL() bool    { return false }
func (Dialect) RedactDSN(s string) string { return dialects.RedactDSN(s) }

// Templates: MySQL 8 has no IF [NOT] EXISTS on ADD/DROP COLUMN (MariaDB
// does); mtx checks for the column itself before running either. Tables
// use a binary collation, because ids differing only in case are different ids.
func (Dialect) Templates() fs.FS { sub, _ := fs.Sub(templates, "templates"); return sub }

// ColumnType: DECIMAL is (10,0) unless sized; TEXT cannot be keyed, so key
// and snapshot columns are VARCHAR(768), the most InnoDB can index in
// utf8mb4, and other strings LONGTEXT (4 GB);
// TIMESTAMP ends in 2038, so instants are DATETIME(6) in UTC.
func (Dialect) ColumnType(t *catalog.Table, c catalog.Column, o dialects.Options) string {
	if c.Type == catalog.String && dialects.IsKeyColumn(t, c) {
		return "VARCHAR(768)"
	}
	return types.Of(c.Type, o)
}

var types = dialects.TypeMap{
	catalog.String:    "LONGTEXT",
	catalog.Decimal:   "DECIMAL(%d,%d)",
	catalog.Float:     "DOUBLE",
	catalog.Integer:   "BIGINT",
	catalog.Boolean:   "BOOLEAN",
	catalog.Timestamp: "DATETIME(6)",
	catalog.JSON:      "JSON",
}

// ParseConfig parses a go-sql-driver DSN and pins the session to UTC.
func ParseConfig(dsn string) (*driver.Config, error) {
	cfg, err := driver.ParseDSN(dsn)
	if err != nil {
		return nil, fmt.Errorf("invalid MySQL DSN %s: %w", dialects.RedactDSN(dsn), err)
	}
	cfg.ParseTime = true
	cfg.Loc = time.UTC
	if cfg.Params == nil {
		cfg.Params = map[string]string{}
	}
	cfg.Params["time_zone"] = "'+00:00'"
	return cfg, nil
}

func (Dialect) ValidateDSN(dsn string) error { _, err := ParseConfig(dsn); return err }

func (Dialect) Open(dsn string) (*sql.DB, error) {
	cfg, err := ParseConfig(dsn)
	if err != nil {
		return nil, err
	}
	conn, err := driver.NewConnector(cfg)
	if err != nil {
		return nil, err
	}
	return sql.OpenDB(conn), nil
}

func (Dialect) Goose() (goose.Dialect, dialect.Querier) { return goose.DialectMySQL, nil }

// ColumnsQuery reports column_type, which carries sizes ("decimal(18,0)",
// "varchar(256)"). MariaDB stores JSON as LONGTEXT with a json_valid check
// named after the column; such a column is reported as json. (MySQL 8's
// check_constraints has no table name: table_constraints ties the check to
// its table.)
func (Dialect) ColumnsQuery(schema string) string {
	return "SELECT c.table_name, c.column_name, CASE WHEN c.data_type = 'longtext' AND EXISTS (" +
		"SELECT 1 FROM information_schema.table_constraints tc JOIN information_schema.check_constraints k" +
		" ON k.constraint_schema = tc.constraint_schema AND k.constraint_name = tc.constraint_name" +
		" WHERE tc.table_schema = c.table_schema AND tc.table_name = c.table_name AND tc.constraint_type = 'CHECK'" +
		" AND tc.constraint_name = c.column_name AND k.check_clause = CONCAT('json_valid(`', c.column_name, '`)'))" +
		" THEN 'json' ELSE c.column_type END" +
		" FROM information_schema.columns c WHERE c.table_schema = " + dialects.StringLiteral(schema) +
		" ORDER BY c.table_name, c.ordinal_position"
}
