// Package singlestore is the adapter for SingleStore (formerly MemSQL).
//
// SingleStore speaks MySQL's wire protocol and most of its SQL, so this
// adapter reaches go-sql-driver through dialects/mysql and calls that
// adapter wherever SingleStore behaves the same: each such method below is
// one line naming what it takes from MySQL. It says its own SQL where
// SingleStore differs: columnstore tables with a SHARD KEY and SORT KEY,
// no named locks (a lock table instead), no CREATE OR REPLACE VIEW,
// JSON_EXTRACT_STRING, and a load that does not rely on LOAD DATA joining
// a transaction.
//
// There is no local SingleStore engine: sqlglot's singlestore dialect
// parses every statement rendered here, MariaDB runs the MySQL-protocol
// part, and the live suite runs on a real cluster when
// MTX_TEST_SINGLESTORE_DSN is set (README, "What is tested where").
package singlestore

import (
	"database/sql"
	"embed"
	"io/fs"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/dialects/mysql"
	"github.com/mtxhq/mtx/dialects/versiontable"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/database/dialect"
)

//go:embed templates/*.sql.tmpl
var templates embed.FS

// my is the MySQL adapter this one calls where SingleStore behaves the same.
var my mysql.Dialect

// Dialect is the SingleStore adapter.
type Dialect struct{}

var _ dialects.Dialect = Dialect{}

func (Dialect) Name() string { return "singlestore" }

// Quote: backticks, as MySQL.
func (Dialect) Quote(s string) string { return my.Quote(s) }

// TransactionalDDL: DDL commits on its own, as on MySQL; mtx checks the
// catalog before each statement so a rerun finishes a broken version.
func (Dialect) TransactionalDDL() bool { return false }

// ColumnType: MySQL's types, which SingleStore has with the same limits
// (DECIMAL up to 65 digits, DATETIME(6) with microseconds, JSON, LONGTEXT;
// key and snapshot columns VARCHAR(768), so SHARD KEY and SORT KEY take
// them). Metronome publishes no SingleStore column types (seed 001 has
// none). Strings are compared byte for byte: the templates add COLLATE
// utf8mb4_bin to each string column (ids differing only in case are
// different ids; SingleStore's default collation ignores case).
func (Dialect) ColumnType(t *catalog.Table, c catalog.Column, o dialects.Options) string {
	return my.ColumnType(t, c, o)
}

// TypedNull: SingleStore's CAST takes MySQL's target types.
func (Dialect) TypedNull(t *catalog.Table, c catalog.Column, o dialects.Options) string {
	return my.TypedNull(t, c, o)
}

// Templates: columnstore tables (SingleStore's default table type) with
// SHARD KEY on the export key, so the rows of one key, in both
// environments, sit on one partition and the current-state window needs no
// reshuffle, and SORT KEY on the snapshot column (snapshot tables) and the
// key, so the segments a key or snapshot filter reads are few. No IF
// [NOT] EXISTS on ADD/DROP COLUMN: mtx checks the catalog itself first.
func (Dialect) Templates() fs.FS { sub, _ := fs.Sub(templates, "templates"); return sub }

// The DSN is go-sql-driver's, as for MySQL.
func (Dialect) ValidateDSN(dsn string) error     { return my.ValidateDSN(dsn) }
func (Dialect) DSNSecrets(dsn string) []string   { return my.DSNSecrets(dsn) }
func (d Dialect) RedactDSN(dsn string) string    { return dialects.Redact(d, dsn, dsn) }
func (Dialect) Open(dsn string) (*sql.DB, error) { return my.Open(dsn) }

// Goose: a version table of mtx's own rather than goose's MySQL one, whose
// SERIAL id (AUTO_INCREMENT) is unique but not ordered across aggregators
// on SingleStore; goose's MySQL store orders versions by it.
func (Dialect) Goose() (goose.Dialect, dialect.Querier) {
	return goose.DialectCustom, versiontable.Querier{BigInt: "BIGINT", Bool: "BOOLEAN", Timestamp: "DATETIME(6)", Now: "UTC_TIMESTAMP(6)", Param: versiontable.Question}
}

// Limits: SingleStore's are MySQL's: names up to 64 characters, DECIMAL up
// to 65 digits with scale 30.
func (Dialect) Limits() dialects.Limits { return my.Limits() }

// ColumnsQuery reads column_type, which carries sizes ("decimal(18,0)").
// MySQL's query also reads check constraints (MariaDB's JSON), which
// SingleStore's information_schema does not have.
func (Dialect) ColumnsQuery(schema string) string {
	return "SELECT table_name, column_name, column_type FROM information_schema.columns WHERE table_schema = " +
		dialects.StringLiteral(schema) + " ORDER BY table_name, ordinal_position"
}

// DescribeType reads column types as MySQL spells them.
func (Dialect) DescribeType(physical string) dialects.PhysicalType { return my.DescribeType(physical) }

// Fatal: SingleStore answers with MySQL's error codes.
func (Dialect) Fatal(err error) bool { return my.Fatal(err) }
