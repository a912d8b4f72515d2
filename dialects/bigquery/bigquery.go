// Package bigquery is the adapter for Google BigQuery. Export tables live in
// a dataset (BigQuery's schema).
package bigquery

import (
	"database/sql"
	"fmt"
	"io/fs"
	"net/url"
	"strings"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/dialects/versiontable"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/database/dialect"
)

// Dialect is the BigQuery adapter.
type Dialect struct{}

var _ dialects.Dialect = Dialect{}

func (Dialect) Name() string           { return "bigquery" }
func (Dialect) Quote(s string) string  { return dialects.QuoteWith("`", "`", s) }
func (Dialect) TransactionalDDL() bool { return false }
func (Dialect) Templates() fs.FS       { return nil }

// RedactDSN: a valid BigQuery DSN holds no secret (credentials come from
// the environment, and parseDSN refuses user:password and unknown
// parameters), so it is shown as written; anything else is redacted.
func (d Dialect) RedactDSN(s string) string {
	if _, err := parseDSN(s); err == nil {
		return s
	}
	return redact(s)
}

// DSNSecrets: a valid BigQuery DSN has none; one it refuses may.
func (Dialect) DSNSecrets(dsn string) []string {
	return dialects.LenientSecrets(dsn)
}

// redact hides the password and the whole query of a DSN that did not
// parse: its parameters may hold anything.
func redact(s string) string {
	s = dialects.Redact(Dialect{}, s, s)
	if i := strings.IndexByte(s, '?'); i >= 0 {
		return s[:i] + "?xxxxx"
	}
	return s
}

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

// ValidateDSN accepts bigquery://PROJECT[/LOCATION][?endpoint=URL][&dataset=NAME]
// (dataset: the default dataset of unqualified table names). Without
// endpoint the client uses Application Default Credentials; an http://
// endpoint (an emulator) is reached without any.
func (Dialect) ValidateDSN(dsn string) error { _, err := parseDSN(dsn); return err }

// Open returns a database/sql handle over mtx's own small BigQuery driver
// (driver.go): one client shared by the pool, positional ? parameters, no
// transactions.
func (Dialect) Open(dsn string) (*sql.DB, error) {
	cfg, err := parseDSN(dsn)
	if err != nil {
		return nil, err
	}
	return sql.OpenDB(&connector{cfg: cfg}), nil
}

// WithDefaultSchema sets the DSN's dataset: the default dataset of every
// query, so unqualified table names resolve to schema.
func (Dialect) WithDefaultSchema(dsn, schema string) (string, error) {
	if _, err := parseDSN(dsn); err != nil {
		return "", err
	}
	u, err := url.Parse(dsn)
	if err != nil {
		return "", err
	}
	q := u.Query()
	q.Set("dataset", schema)
	u.RawQuery = q.Encode()
	out := u.String()
	if _, err := parseDSN(out); err != nil {
		return "", err
	}
	return out, nil
}

func (Dialect) Goose() (goose.Dialect, dialect.Querier) {
	return goose.DialectCustom, versiontable.Querier{BigInt: "INT64", Bool: "BOOL", Timestamp: "TIMESTAMP", Now: "CURRENT_TIMESTAMP()", Param: versiontable.Question}
}

func (d Dialect) ColumnsQuery(schema string) string {
	return "SELECT table_name, column_name, data_type FROM " + d.Quote(schema) + ".INFORMATION_SCHEMA.COLUMNS ORDER BY table_name, ordinal_position"
}

// Limits: BigQuery: dataset names up to 1024 characters; BIGNUMERIC up to 76 digits, scale 38.
func (Dialect) Limits() dialects.Limits {
	return dialects.Limits{Identifier: 1024, DecimalPrecision: 76, DecimalScale: 38}
}
