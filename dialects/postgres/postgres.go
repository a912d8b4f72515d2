// Package postgres is the adapter for PostgreSQL (via pgx).
package postgres

import (
	"database/sql"
	"fmt"
	"io/fs"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/database/dialect"
)

// Dialect is the PostgreSQL adapter.
type Dialect struct{}

var _ dialects.Dialect = Dialect{}

func (Dialect) Name() string              { return "postgres" }
func (Dialect) Quote(s string) string     { return dialects.QuoteWith(`"`, `"`, s) }
func (Dialect) TransactionalDDL() bool    { return true }
func (Dialect) Templates() fs.FS          { return nil }
func (Dialect) RedactDSN(s string) string { return dialects.RedactDSN(s) }

// ColumnType: NUMERIC(p,s) never rounds within its size; JSONB holds
// documents up to 255 MB; TIMESTAMPTZ is a UTC instant with microseconds.
func (Dialect) ColumnType(_ *catalog.Table, c catalog.Column, o dialects.Options) string {
	return types.Of(c.Type, o)
}

var types = dialects.TypeMap{
	catalog.String:    "TEXT",
	catalog.Decimal:   "NUMERIC(%d,%d)",
	catalog.Float:     "DOUBLE PRECISION",
	catalog.Integer:   "BIGINT",
	catalog.Boolean:   "BOOLEAN",
	catalog.Timestamp: "TIMESTAMPTZ",
	catalog.JSON:      "JSONB",
}

// ParseConfig parses a URL or keyword/value DSN and pins the session to UTC.
func ParseConfig(dsn string) (*pgx.ConnConfig, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		// pgx masks the password in the DSN it quotes (tested).
		return nil, fmt.Errorf("invalid PostgreSQL DSN: %w", err)
	}
	cfg.RuntimeParams["timezone"] = "UTC"
	return cfg, nil
}

func (Dialect) ValidateDSN(dsn string) error { _, err := ParseConfig(dsn); return err }

func (Dialect) Open(dsn string) (*sql.DB, error) {
	cfg, err := ParseConfig(dsn)
	if err != nil {
		return nil, err
	}
	return stdlib.OpenDB(*cfg), nil
}

func (Dialect) Goose() (goose.Dialect, dialect.Querier) { return goose.DialectPostgres, nil }

func (Dialect) ColumnsQuery(schema string) string {
	return dialects.InformationSchemaTypedColumns(dialects.StringLiteral(schema))
}
