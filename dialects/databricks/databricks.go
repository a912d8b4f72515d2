// Package databricks is the adapter for Databricks SQL (Delta tables),
// reached through Databricks' database/sql driver; the same code path
// reaches Apache Spark's Thrift server with Delta Lake, which the tests
// run (see driver.go).
package databricks

import (
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"strings"

	dbsqllog "github.com/databricks/databricks-sql-go/logger"
	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/dialects/versiontable"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/database/dialect"
)

// Dialect is the Databricks adapter.
type Dialect struct{}

var _ dialects.Dialect = Dialect{}

//go:embed templates/*.sql.tmpl
var templates embed.FS

func (Dialect) Name() string { return "databricks" }

// Quote uses backticks, Spark SQL's identifier quotes.
func (Dialect) Quote(s string) string { return dialects.QuoteWith("`", "`", s) }

// TransactionalDDL: every statement commits on its own.
func (Dialect) TransactionalDDL() bool { return false }

func (Dialect) Templates() fs.FS {
	sub, _ := fs.Sub(templates, "templates")
	return sub
}

// ColumnType follows seed 001's Databricks column: JSON is STRING (what
// Metronome writes; get_json_object reads it), decimals are sized,
// TIMESTAMP is an instant.
func (Dialect) ColumnType(_ *catalog.Table, c catalog.Column, o dialects.Options) string {
	return types.Of(c.Type, o)
}

var types = dialects.TypeMap{
	catalog.String:    "STRING",
	catalog.Decimal:   "DECIMAL(%d,%d)",
	catalog.Float:     "DOUBLE",
	catalog.Integer:   "BIGINT",
	catalog.Boolean:   "BOOLEAN",
	catalog.Timestamp: "TIMESTAMP",
	catalog.JSON:      "STRING",
}

func (d Dialect) ValidateDSN(dsn string) error { _, err := d.parse(dsn); return err }

func (d Dialect) parse(dsn string) (config, error) {
	c, err := parseDSN(dsn)
	if err != nil {
		return c, fmt.Errorf("invalid Databricks DSN %s: %s; want token:ACCESS_TOKEN@HOST:443/sql/1.0/warehouses/ID", d.RedactDSN(dsn), dialects.Redact(d, dsn, err.Error()))
	}
	return c, nil
}

// DSNSecrets: the access token (the password of token:TOKEN@host).
func (Dialect) DSNSecrets(dsn string) []string {
	out := dialects.LenientSecrets(dsn)
	if !strings.Contains(dsn, "://") {
		// token:TOKEN@host/…: the driver reads it as https://…
		out = append(out, dialects.LenientSecrets("https://"+dsn)...)
	}
	if c, err := parseDSN(dsn); err == nil {
		out = append(out, c.token)
	}
	return out
}

func (d Dialect) RedactDSN(s string) string { return dialects.Redact(d, s, s) }

func (d Dialect) Open(dsn string) (*sql.DB, error) {
	c, err := d.parse(dsn)
	if err != nil {
		return nil, err
	}
	// The driver logs every failed statement to stderr besides returning
	// it (goose probes for its table with one that fails); mtx reports
	// errors itself.
	_ = dbsqllog.SetLogLevel("disabled")
	conn, err := c.connector()
	if err != nil {
		return nil, fmt.Errorf("databricks %s: %s", d.RedactDSN(dsn), dialects.Redact(d, dsn, err.Error()))
	}
	return sql.OpenDB(conn), nil
}

// Goose keeps its version table as a Delta table; parameters are inlined
// by the connection.
func (Dialect) Goose() (goose.Dialect, dialect.Querier) {
	return goose.DialectCustom, versiontable.Querier{BigInt: "BIGINT", Bool: "BOOLEAN", Timestamp: "TIMESTAMP", Now: "current_timestamp()", Param: versiontable.Question}
}

// ColumnsQuery: SHOW TABLES and DESCRIBE TABLE, run by the connection
// (introspect.go). Types come as Spark's simple strings: string,
// decimal(38,9), timestamp.
func (Dialect) ColumnsQuery(schema string) string { return columnsMarker + showTables(schema) }

// Limits: names up to 255 characters; DECIMAL up to 38 digits.
func (Dialect) Limits() dialects.Limits {
	return dialects.Limits{Identifier: 255, DecimalPrecision: 38, DecimalScale: 38}
}
