// Package snowflake is the adapter for Snowflake (via gosnowflake).
package snowflake

import (
	"database/sql"
	"fmt"
	"io/fs"
	"strings"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/dialects/versiontable"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/database/dialect"
	sf "github.com/snowflakedb/gosnowflake"
)

// Dialect is the Snowflake adapter.
type Dialect struct{}

var _ dialects.Dialect = Dialect{}

func (Dialect) Name() string { return "snowflake" }

// Quote upper-cases before quoting: a quoted upper-case identifier is the
// same object as the unquoted name, so analysts can write metronome.invoice
// while reserved words (timestamp, date, type) stay safe.
func (Dialect) Quote(s string) string       { return dialects.QuoteWith(`"`, `"`, strings.ToUpper(s)) }
func (Dialect) TransactionalDDL() bool      { return false }
func (Dialect) Templates() fs.FS            { return nil }
func (d Dialect) RedactDSN(s string) string { return dialects.Redact(d, s, s) }

// DSNSecrets: the password, token and passcode gosnowflake reads.
func (Dialect) DSNSecrets(dsn string) []string {
	// Its form has no scheme, so one that looks like a URL is a password.
	out := append(dialects.LenientSecrets(dsn), dialects.UserinfoPassword(dsn))
	if cfg, err := sf.ParseDSN(dsn); err == nil {
		return append(out, cfg.Password, cfg.Token, cfg.Passcode, cfg.OauthClientSecret)
	}
	return out
}

// ColumnType: bare NUMBER is (38,0), so decimals are sized; TIMESTAMP_TZ(9)
// keeps the instant and its UTC offset without truncation; VARIANT holds
// JSON up to 16 MB and is queryable with path syntax.
func (Dialect) ColumnType(_ *catalog.Table, c catalog.Column, o dialects.Options) string {
	return types.Of(c.Type, o)
}

var types = dialects.TypeMap{
	catalog.String:    "VARCHAR",
	catalog.Decimal:   "NUMBER(%d,%d)",
	catalog.Float:     "FLOAT",
	catalog.Integer:   "NUMBER(38,0)",
	catalog.Boolean:   "BOOLEAN",
	catalog.Timestamp: "TIMESTAMP_TZ(9)",
	catalog.JSON:      "VARIANT",
}

func parse(dsn string) (*sf.Config, error) {
	cfg, err := sf.ParseDSN(dsn)
	if err != nil {
		return nil, fmt.Errorf("invalid Snowflake DSN %s: %s", Dialect{}.RedactDSN(dsn), dialects.Redact(Dialect{}, dsn, err.Error()))
	}
	if cfg.Params == nil {
		cfg.Params = map[string]*string{}
	}
	utc := "UTC"
	cfg.Params["timezone"] = &utc
	return cfg, nil
}

func (Dialect) ValidateDSN(dsn string) error { _, err := parse(dsn); return err }

func (Dialect) Open(dsn string) (*sql.DB, error) {
	cfg, err := parse(dsn)
	if err != nil {
		return nil, err
	}
	if cfg.Tracing == "" {
		// gosnowflake logs every failed statement to stderr besides returning
		// it, and goose probes for its version table with a query that fails
		// on a fresh schema. mtx reports errors itself; ?tracing=debug brings
		// the driver's log back.
		_ = sf.GetLogger().SetLogLevel("fatal")
	}
	return sql.OpenDB(sf.NewConnector(sf.SnowflakeDriver{}, *cfg)), nil
}

func (Dialect) Goose() (goose.Dialect, dialect.Querier) {
	return goose.DialectCustom, versiontable.Querier{BigInt: "NUMBER(38,0)", Bool: "BOOLEAN", Timestamp: "TIMESTAMP_TZ(9)", Now: "CURRENT_TIMESTAMP()", Param: versiontable.Question}
}

// ColumnsQuery: Snowflake stores the upper-case names this adapter creates
// (and whatever case a quoted name was created with); the names come back
// as stored, and migrate.Introspect folds them to the catalog's lower case.
// data_type is the bare name: the size comes from information_schema's
// precision, scale and length columns.
func (Dialect) ColumnsQuery(schema string) string {
	return dialects.InformationSchemaTypedColumns(dialects.StringLiteral(strings.ToUpper(schema)))
}

// QuoteAsFound quotes a name as the database stores it, where Quote would
// upper-case it: a table delivered with a quoted lower-case name.
func (Dialect) QuoteAsFound(s string) string { return dialects.QuoteWith(`"`, `"`, s) }

// Limits: Snowflake: names up to 255 characters; NUMBER up to 38 digits, scale 37.
func (Dialect) Limits() dialects.Limits {
	return dialects.Limits{Identifier: 255, DecimalPrecision: 38, DecimalScale: 37}
}
