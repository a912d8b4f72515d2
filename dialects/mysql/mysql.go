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

func (Dialect) Name() string                { return "mysql" }
func (Dialect) Quote(s string) string       { return dialects.QuoteWith("`", "`", s) }
func (Dialect) TransactionalDDL() bool      { return false }
func (d Dialect) RedactDSN(s string) string { return dialects.Redact(d, s, s) }

// DSNSecrets: the password go-sql-driver reads (everything between the
// first colon and the last @ before the database, so it may hold @ and :).
func (Dialect) DSNSecrets(dsn string) []string {
	// Its form has no scheme, so one that looks like a URL is a password.
	out := append(dialects.LenientSecrets(dsn), dialects.UserinfoPassword(dsn))
	if cfg, err := driver.ParseDSN(dsn); err == nil {
		return append(out, cfg.Passwd)
	}
	return out
}

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
		return nil, fmt.Errorf("invalid MySQL DSN %s: %s", Dialect{}.RedactDSN(dsn), Dialect{}.RedactDSN(err.Error()))
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
// its table.) The schema's JSON checks are listed once, in a derived table
// joined to the columns: a correlated EXISTS per column made MariaDB scan
// information_schema once per LONGTEXT column (10 s and 5 s of server CPU
// for the export schema on a server with 15 schemas, before every load).
func (Dialect) ColumnsQuery(schema string) string {
	s := dialects.StringLiteral(schema)
	return "SELECT c.table_name, c.column_name, CASE WHEN c.data_type = 'longtext' AND j.constraint_name IS NOT NULL" +
		" THEN 'json' ELSE c.column_type END" +
		" FROM information_schema.columns c LEFT JOIN (" +
		"SELECT DISTINCT tc.table_name, tc.constraint_name FROM information_schema.table_constraints tc JOIN information_schema.check_constraints k" +
		" ON k.constraint_schema = tc.constraint_schema AND k.constraint_name = tc.constraint_name" +
		" WHERE tc.table_schema = " + s + " AND k.constraint_schema = " + s + " AND tc.constraint_type = 'CHECK'" +
		" AND k.check_clause = CONCAT('json_valid(`', tc.constraint_name, '`)')" +
		") j ON j.table_name = c.table_name AND j.constraint_name = c.column_name" +
		" WHERE c.table_schema = " + s +
		" ORDER BY c.table_name, c.ordinal_position"
}

// TypedNull: CAST takes CHAR, DECIMAL, DATETIME, SIGNED and DOUBLE, not
// the column types themselves (VARCHAR(768), LONGTEXT, BOOLEAN).
func (Dialect) TypedNull(_ *catalog.Table, c catalog.Column, o dialects.Options) string {
	switch c.Type {
	case catalog.Decimal:
		return fmt.Sprintf("CAST(NULL AS DECIMAL(%d,%d))", o.DecimalPrecision, o.DecimalScale)
	case catalog.Timestamp:
		return "CAST(NULL AS DATETIME(6))"
	case catalog.Integer, catalog.Boolean:
		return "CAST(NULL AS SIGNED)"
	case catalog.Float:
		return "CAST(NULL AS DOUBLE)"
	}
	return "CAST(NULL AS CHAR)"
}

// Limits: MySQL: names up to 64 characters; DECIMAL up to 65 digits, scale 30.
func (Dialect) Limits() dialects.Limits {
	return dialects.Limits{Identifier: 64, DecimalPrecision: 65, DecimalScale: 30}
}
