// Package athena is the adapter for Amazon Athena (engine version 3, whose
// SQL is Trino's) over Iceberg tables: the only Athena tables that take
// UPDATE, DELETE and MERGE. The schema is a Glue database.
//
// Two DSN forms reach it (dsn.go): the Trino one, which the tests use
// against a local Trino whose Iceberg catalog stands in for Glue, and the
// Athena one (region, workgroup, S3 output location, Glue database).
package athena

import (
	"database/sql"
	"io/fs"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/dialects/versiontable"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/database/dialect"
	"github.com/trinodb/trino-go-client/trino"
)

// Dialect is the Athena adapter. Its zero value speaks Trino's SQL
// throughout; ForDSN (hive.go) gives an athena:// DSN the dialect that
// says DDL in Athena's own (Hive) form.
type Dialect struct {
	api *apiDDL // nil: Trino's DDL
}

var _ dialects.Dialect = Dialect{}

func (Dialect) Name() string { return "athena" }

// Quote: double quotes, as in Athena's DML and Trino. Names are stored in
// lower case by Glue and by Trino's Iceberg catalog; mtx's are lower case.
func (Dialect) Quote(s string) string { return dialects.QuoteWith(`"`, `"`, s) }

// TransactionalDDL: no transaction spans two statements on Athena or on
// Trino's Iceberg connector; every DDL statement is idempotent instead.
func (Dialect) TransactionalDDL() bool { return false }

// Templates: through Trino, the default templates (CREATE … IF NOT
// EXISTS, ADD COLUMN IF NOT EXISTS, DROP … IF EXISTS) are Trino's syntax,
// and Trino's Iceberg connector makes every table an Iceberg table.
// Through Athena's API, Hive's DDL (hive/*.sql.tmpl).
func (d Dialect) Templates() fs.FS { return d.templates() }

// ColumnType: Iceberg's types. JSON is kept verbatim as varchar (Iceberg
// has no JSON type); timestamps are Iceberg's timestamptz, microseconds,
// through Trino. Athena's DDL spells them in Hive's names (hiveTypes).
func (d Dialect) ColumnType(_ *catalog.Table, c catalog.Column, o dialects.Options) string {
	if d.api != nil {
		return hiveTypes.Of(c.Type, o)
	}
	return types.Of(c.Type, o)
}

var types = dialects.TypeMap{
	catalog.String:    "varchar",
	catalog.Decimal:   "decimal(%d, %d)",
	catalog.Float:     "double",
	catalog.Integer:   "bigint",
	catalog.Boolean:   "boolean",
	catalog.Timestamp: "timestamp(6) with time zone",
	catalog.JSON:      "varchar",
}

// Open connects through trino-go-client for the Trino form, through
// Athena's API (api.go) for the Athena form. Neither connects yet.
func (Dialect) Open(dsn string) (*sql.DB, error) {
	c, err := parseDSN(dsn)
	if err != nil {
		return nil, err
	}
	if c.trino == nil {
		conn, err := newAPIConnector(*c.athena)
		if err != nil {
			return nil, dsnError(dsn, err)
		}
		return sql.OpenDB(conn), nil
	}
	conn, err := trino.NewConnector(c.trino)
	if err != nil {
		return nil, dsnError(dsn, err)
	}
	return sql.OpenDB(conn), nil
}

// Goose keeps its version table as an Iceberg table; through Athena's
// API it is created in Athena's DDL, with a zoneless timestamp column
// that gets UTC's wall clock.
func (d Dialect) Goose() (goose.Dialect, dialect.Querier) {
	if d.api != nil {
		q := versiontable.Querier{BigInt: "bigint", Bool: "boolean", Timestamp: "timestamp", Now: "CAST(current_timestamp AT TIME ZONE 'UTC' AS timestamp(6))", Param: versiontable.Question}
		return goose.DialectCustom, hiveVersionTable{Querier: q, api: d.api}
	}
	return goose.DialectCustom, versiontable.Querier{BigInt: "bigint", Bool: "boolean", Timestamp: "timestamp(6) with time zone", Now: "current_timestamp", Param: versiontable.Question}
}

// ColumnsQuery: information_schema of the session's catalog (Athena:
// AwsDataCatalog); data_type spells sizes ("decimal(38,9)").
func (Dialect) ColumnsQuery(schema string) string {
	return dialects.InformationSchemaColumns(schema)
}

// Limits: Glue: names up to 255 characters; decimal up to 38 digits.
func (Dialect) Limits() dialects.Limits {
	return dialects.Limits{Identifier: 255, DecimalPrecision: 38, DecimalScale: 38}
}
