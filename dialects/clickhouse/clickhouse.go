// Package clickhouse is the adapter for ClickHouse (via clickhouse-go).
package clickhouse

import (
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"net/url"
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

func (Dialect) Name() string                { return "clickhouse" }
func (Dialect) Quote(s string) string       { return dialects.QuoteWith("`", "`", s) }
func (Dialect) TransactionalDDL() bool      { return false }
func (d Dialect) RedactDSN(s string) string { return dialects.Redact(d, s, s) }

// DSNSecrets: the password clickhouse-go reads (userinfo or ?password=).
func (Dialect) DSNSecrets(dsn string) []string {
	out := dialects.LenientSecrets(dsn)
	if o, err := ch.ParseDSN(dsn); err == nil {
		return append(out, o.Auth.Password)
	}
	return out
}

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

// SortingKey is the ReplacingMergeTree sorting key of an export table: the
// snapshot (snapshot tables), the key, then the provenance columns, so
// merges collapse only copies of one row from one load of one file and
// every delivered version stays for the current-state models to choose
// from. (The two environments arrive in different transfers, so the same id
// in both is never collapsed; environment_type is left out of the key
// because a migration adding it could not extend the sorting key.)
func SortingKey(t *catalog.Table, quote func(string) string) string {
	var cols []string
	if t.Kind == catalog.Snapshot {
		cols = append(cols, t.Snapshot)
	}
	cols = append(cols, t.Key...)
	for _, c := range []string{catalog.TransferredAtColumn, catalog.SourceFileColumn, catalog.LoadedAtColumn} {
		if _, ok := t.Column(c); ok {
			cols = append(cols, c)
		}
	}
	seen := map[string]bool{}
	var out []string
	for _, c := range cols {
		if !seen[c] {
			seen[c] = true
			out = append(out, quote(c))
		}
	}
	return strings.Join(out, ", ")
}

// TemplateFuncs adds versionexpr and sortingkey for the templates.
func (d Dialect) TemplateFuncs(dialects.Options) map[string]any {
	return map[string]any{
		"versionexpr": func(t *catalog.Table) string { return VersionExpr(t, d.Quote) },
		"sortingkey":  func(t *catalog.Table) string { return SortingKey(t, d.Quote) },
	}
}

// schemes are the DSN forms clickhouse-go understands: the native protocol
// (clickhouse://, tcp://, port 9000) and the HTTP interface (http://,
// https://, port 8123). Any other scheme would silently mean "native", so it
// is refused instead.
var schemes = map[string]bool{"clickhouse": true, "tcp": true, "http": true, "https": true}

// ValidateDSN accepts clickhouse://user:pass@host:9000/db?settings (native
// protocol) and http://user:pass@host:8123/db?settings (HTTP interface).
func (Dialect) ValidateDSN(dsn string) error {
	scheme, _, ok := strings.Cut(dsn, "://")
	if !ok || !schemes[strings.ToLower(scheme)] {
		return fmt.Errorf("invalid ClickHouse DSN %s: want clickhouse://host:9000/database or http://host:8123/database", Dialect{}.RedactDSN(dsn))
	}
	if _, err := ch.ParseDSN(dsn); err != nil {
		return fmt.Errorf("invalid ClickHouse DSN %s: %s", Dialect{}.RedactDSN(dsn), dialects.Redact(Dialect{}, dsn, err.Error()))
	}
	return nil
}

// Open connects over the protocol the DSN's scheme names.
func (d Dialect) Open(dsn string) (*sql.DB, error) {
	if err := d.ValidateDSN(dsn); err != nil {
		return nil, err
	}
	opts, err := ch.ParseDSN(dsn)
	if err != nil {
		return nil, err
	}
	return openDB(opts), nil
}

// WithDefaultSchema puts schema in the DSN's database (its path), which
// both protocols send with every query, so unqualified names resolve there.
func (d Dialect) WithDefaultSchema(dsn, schema string) (string, error) {
	if err := d.ValidateDSN(dsn); err != nil {
		return "", err
	}
	u, err := url.Parse(dsn)
	if err != nil {
		return "", fmt.Errorf("invalid ClickHouse DSN %s: %s", Dialect{}.RedactDSN(dsn), dialects.Redact(Dialect{}, dsn, err.Error()))
	}
	u.Path, u.RawPath = "/"+schema, ""
	q := u.Query()
	if q.Has("database") {
		q.Set("database", schema)
		u.RawQuery = q.Encode()
	}
	return u.String(), nil
}

func (Dialect) Goose() (goose.Dialect, dialect.Querier) { return goose.DialectClickHouse, nil }

// VersionColumn is the MATERIALIZED column ReplacingMergeTree keeps the
// newest row by (see VersionExpr and templates/create_table.sql.tmpl).
const VersionColumn = "_mtx_version"

// ColumnsQuery lists the export columns. The version column is left out: it
// is how ClickHouse implements the catalog's Version, not a catalog column,
// and no INSERT ever names it.
func (Dialect) ColumnsQuery(schema string) string {
	return "SELECT table, name, type FROM system.columns WHERE database = " + dialects.StringLiteral(schema) +
		" AND name != " + dialects.StringLiteral(VersionColumn) + " ORDER BY table, position"
}

// Limits: ClickHouse: Decimal up to 76 digits.
func (Dialect) Limits() dialects.Limits {
	return dialects.Limits{Identifier: 0, DecimalPrecision: 76, DecimalScale: 76}
}
