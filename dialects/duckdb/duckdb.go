// Package duckdb is the adapter for DuckDB, mtx's embedded default: a single
// file, no server.
package duckdb

import (
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	_ "github.com/duckdb/duckdb-go/v2" // registers the "duckdb" driver
	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/dialects/versiontable"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/database/dialect"
)

// Dialect is the DuckDB adapter.
type Dialect struct{}

var _ dialects.Dialect = Dialect{}

func (Dialect) Name() string              { return "duckdb" }
func (Dialect) Quote(s string) string     { return dialects.QuoteWith(`"`, `"`, s) }
func (Dialect) TransactionalDDL() bool    { return true }
func (Dialect) Templates() fs.FS          { return nil }
func (Dialect) RedactDSN(s string) string { return dialects.RedactDSN(s) }

// ColumnType: TIMESTAMPTZ is a UTC instant with microseconds; JSON keeps the
// document as text; VARCHAR has no length cap.
func (Dialect) ColumnType(_ *catalog.Table, c catalog.Column, o dialects.Options) string {
	return types.Of(c.Type, o)
}

var types = dialects.TypeMap{
	catalog.String:    "VARCHAR",
	catalog.Decimal:   "DECIMAL(%d,%d)",
	catalog.Float:     "DOUBLE",
	catalog.Integer:   "BIGINT",
	catalog.Boolean:   "BOOLEAN",
	catalog.Timestamp: "TIMESTAMPTZ",
	catalog.JSON:      "JSON",
}

// ValidateDSN accepts a file path (with optional ?key=value settings).
func (Dialect) ValidateDSN(dsn string) error {
	if strings.TrimSpace(dsn) == "" {
		return fmt.Errorf("empty DuckDB path (use a file name such as mtx.duckdb)")
	}
	return nil
}

// Open opens the database file and pins the session to UTC, so timestamps
// never depend on the client's zone.
func (d Dialect) Open(dsn string) (*sql.DB, error) {
	if err := d.ValidateDSN(dsn); err != nil {
		return nil, err
	}
	db, err := sql.Open("duckdb", dsn)
	if err != nil {
		return nil, err
	}
	return db, nil
}

// OpenReadOnly opens an existing database file read-only (access_mode),
// so a dry run neither creates the file nor writes to it.
func (d Dialect) OpenReadOnly(dsn string) (*sql.DB, error) {
	if err := d.ValidateDSN(dsn); err != nil {
		return nil, err
	}
	path, query, _ := strings.Cut(dsn, "?")
	if path == ":memory:" || strings.HasPrefix(path, ":memory:") {
		return nil, fmt.Errorf("in-memory database: %w", dialects.ErrNoDatabase)
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: %w", path, dialects.ErrNoDatabase)
	}
	params, err := url.ParseQuery(query)
	if err != nil {
		return nil, fmt.Errorf("DuckDB DSN settings %q: %w", query, err)
	}
	params.Set("access_mode", "READ_ONLY")
	return sql.Open("duckdb", path+"?"+params.Encode())
}

var _ dialects.ReadOnlyOpener = Dialect{}

func (Dialect) Goose() (goose.Dialect, dialect.Querier) {
	return goose.DialectCustom, versiontable.Querier{BigInt: "BIGINT", Bool: "BOOLEAN", Timestamp: "TIMESTAMPTZ", Now: "now()", Param: versiontable.Dollar}
}

func (Dialect) ColumnsQuery(schema string) string { return dialects.InformationSchemaColumns(schema) }

var _ dialects.FileDSN = Dialect{}

// ResolveDSN joins a relative file path to dir, keeping any ?settings.
func (Dialect) ResolveDSN(dsn, dir string) string {
	path, query, hasQuery := strings.Cut(dsn, "?")
	if path == "" || filepath.IsAbs(path) || strings.Contains(path, ":") {
		return dsn // absolute, :memory:, or md:…
	}
	out := filepath.Join(dir, path)
	if hasQuery {
		out += "?" + query
	}
	return out
}
