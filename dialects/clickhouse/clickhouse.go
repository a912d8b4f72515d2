// Package clickhouse is the adapter for ClickHouse (via clickhouse-go).
package clickhouse

import (
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"strings"

	ch "github.com/ClickHouse/clickhouse-go/v2"
	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/database/dialect"
)

//go:embed templates/*.sql.tmpl
var templates embed.FS

// Dialect is the ClickHouse adapter.
type Dialect struct{}

var _ dialects.Dialect = Dialect{}

func (Dialect) Name() string              { return "clickhouse" }
func (Dialect) Quote(s string) string     { return dialects.QuoteWith("`", "`", s) }
func (Dialect) TransactionalDDL() bool    { return false }
func (Dialect) RedactDSN(s string) string { return dialects.RedactDSN(s) }

// Templates: databases instead of schemas, and ReplacingMergeTree tables.
func (Dialect) Templates() fs.FS { sub, _ := fs.Sub(templates, "templates"); return sub }

// ColumnType: every column Nullable; DateTime64(6,'UTC') spans 1900-2299;
// JSON documents are kept verbatim as String.
func (Dialect) ColumnType(_ *catalog.Table, c catalog.Column, o dialects.Options) string {
	return "Nullable(" + types.Of(c.Type, o) + ")"
}

var types = dialects.TypeMap{
	catalog.String:    "String",
	catalog.Decimal:   "Decimal(%d, %d)",
	catalog.Float:     "Float64",
	catalog.Integer:   "Int64",
	catalog.Boolean:   "Bool",
	catalog.Timestamp: "DateTime64(6, 'UTC')",
	catalog.JSON:      "String",
}

// VersionExpr is the non-nullable expression ReplacingMergeTree keeps the
// newest row by: the table's version columns, first non-NULL wins.
func VersionExpr(t *catalog.Table, quote func(string) string) string {
	var parts []string
	for _, v := range t.Version {
		parts = append(parts, quote(v))
	}
	parts = append(parts, "toDateTime64(0, 6, 'UTC')")
	return "coalesce(" + strings.Join(parts, ", ") + ")"
}

// TemplateFuncs adds versionexpr for the templates.
func (d Dialect) TemplateFuncs(dialects.Options) map[string]any {
	return map[string]any{"versionexpr": func(t *catalog.Table) string { return VersionExpr(t, d.Quote) }}
}

func (Dialect) ValidateDSN(dsn string) error {
	if _, err := ch.ParseDSN(dsn); err != nil {
		return fmt.Errorf("invalid ClickHouse DSN %s: %w", dialects.RedactDSN(dsn), err)
	}
	return nil
}

func (d Dialect) Open(dsn string) (*sql.DB, error) {
	opts, err := ch.ParseDSN(dsn)
	if err != nil {
		return nil, d.ValidateDSN(dsn)
	}
	return ch.OpenDB(opts), nil
}

func (Dialect) Goose() (goose.Dialect, dialect.Querier) { return goose.DialectClickHouse, nil }

func (Dialect) ColumnsQuery(schema string) string {
	return "SELECT table, name, type FROM system.columns WHERE database = " + dialects.StringLiteral(schema) + " ORDER BY table, position"
}
