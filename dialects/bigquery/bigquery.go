// Package bigquery is the adapter for Google BigQuery. Export tables live in
// a dataset (BigQuery's schema).
package bigquery

import (
	"database/sql"
	"fmt"
	"io/fs"
	"net/url"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/dialects/versiontable"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/database/dialect"
)

// Dialect is the BigQuery adapter.
type Dialect struct{}

var _ dialects.Dialect = Dialect{}

func (Dialect) Name() string              { return "bigquery" }
func (Dialect) Quote(s string) string     { return dialects.QuoteWith("`", "`", s) }
func (Dialect) TransactionalDDL() bool    { return false }
func (Dialect) Templates() fs.FS          { return nil }
func (Dialect) RedactDSN(s string) string { return dialects.RedactDSN(s) }

// ColumnType: NUMERIC is exactly (38,9); a larger configured scale or
// precision needs BIGNUMERIC. TIMESTAMP is a UTC instant in microseconds.
func (Dialect) ColumnType(_ *catalog.Table, c catalog.Column, o dialects.Options) string {
	if c.Type == catalog.Decimal && (o.DecimalScale > 9 || o.DecimalPrecision-o.DecimalScale > 29) {
		return fmt.Sprintf("BIGNUMERIC(%d, %d)", o.DecimalPrecision, o.DecimalScale)
	}
	return types.Of(c.Type, o)
}

var types = dialects.TypeMap{
	catalog.String:    "STRING",
	catalog.Decimal:   "NUMERIC(%d, %d)",
	catalog.Float:     "FLOAT64",
	catalog.Integer:   "INT64",
	catalog.Boolean:   "BOOL",
	catalog.Timestamp: "TIMESTAMP",
	catalog.JSON:      "JSON",
}

// ValidateDSN accepts bigquery://PROJECT[/LOCATION][?endpoint=URL].
func (Dialect) ValidateDSN(dsn string) error {
	u, err := url.Parse(dsn)
	if err != nil || u.Scheme != "bigquery" || u.Host == "" {
		return fmt.Errorf("invalid BigQuery DSN %s: want bigquery://PROJECT[/LOCATION][?endpoint=URL]", dialects.RedactDSN(dsn))
	}
	return nil
}

// Open is not available yet: BigQuery has no database/sql driver in mtx so
// far. Rendering and --dry-run work without a connection.
func (d Dialect) Open(dsn string) (*sql.DB, error) {
	if err := d.ValidateDSN(dsn); err != nil {
		return nil, err
	}
	return nil, fmt.Errorf("connecting to BigQuery is not supported yet; use mtx render or mtx migrate --dry-run --dialect bigquery")
}

func (Dialect) Goose() (goose.Dialect, dialect.Querier) {
	return goose.DialectCustom, versiontable.Querier{BigInt: "INT64", Bool: "BOOL", Timestamp: "TIMESTAMP", Now: "CURRENT_TIMESTAMP()", Param: versiontable.Question}
}

func (d Dialect) ColumnsQuery(schema string) string {
	return "SELECT table_name, column_name, data_type FROM " + d.Quote(schema) + ".INFORMATION_SCHEMA.COLUMNS ORDER BY table_name, ordinal_position"
}
