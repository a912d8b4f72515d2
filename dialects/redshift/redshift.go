// Package redshift is the adapter for Amazon Redshift (PostgreSQL wire
// protocol, via pgx).
package redshift

import (
	"database/sql"
	"embed"
	"io/fs"

	"github.com/jackc/pgx/v5/stdlib"
	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/dialects/postgres"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/database/dialect"
)

//go:embed templates/*.sql.tmpl
var templates embed.FS

// Dialect is the Redshift adapter.
type Dialect struct{}

var _ dialects.Dialect = Dialect{}

func (Dialect) Name() string              { return "redshift" }
func (Dialect) Quote(s string) string     { return dialects.QuoteWith(`"`, `"`, s) }
func (Dialect) TransactionalDDL() bool    { return true }
func (Dialect) RedactDSN(s string) string { return dialects.RedactDSN(s) }

// Templates: Redshift has no IF [NOT] EXISTS on ADD/DROP COLUMN.
func (Dialect) Templates() fs.FS { sub, _ := fs.Sub(templates, "templates"); return sub }

// ColumnType: bare VARCHAR is 256 bytes and bare DECIMAL is (18,0), so both
// are sized; SUPER holds JSON documents up to 16 MB.
func (Dialect) ColumnType(_ *catalog.Table, c catalog.Column, o dialects.Options) string {
	return types.Of(c.Type, o)
}

var types = dialects.TypeMap{
	catalog.String:    "VARCHAR(65535)",
	catalog.Decimal:   "DECIMAL(%d,%d)",
	catalog.Float:     "DOUBLE PRECISION",
	catalog.Integer:   "BIGINT",
	catalog.Boolean:   "BOOLEAN",
	catalog.Timestamp: "TIMESTAMPTZ",
	catalog.JSON:      "SUPER",
}

func (Dialect) ValidateDSN(dsn string) error { _, err := postgres.ParseConfig(dsn); return err }

func (Dialect) Open(dsn string) (*sql.DB, error) {
	cfg, err := postgres.ParseConfig(dsn)
	if err != nil {
		return nil, err
	}
	return stdlib.OpenDB(*cfg), nil
}

func (Dialect) Goose() (goose.Dialect, dialect.Querier) { return goose.DialectRedshift, nil }

func (Dialect) ColumnsQuery(schema string) string {
	return dialects.InformationSchemaTypedColumns(dialects.StringLiteral(schema))
}
