package athena

import (
	"embed"
	"errors"
	"io/fs"
	"strings"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/dialects/versiontable"
	"github.com/mtxhq/mtx/internal/catalog"
)

// Athena's own DDL. Through Athena's API (the athena:// DSN) tables are
// created, altered and dropped in Hive's DDL, which Athena's DDL engine
// reads: identifiers in backticks, Hive's type names, an Iceberg table
// needing a LOCATION and TBLPROPERTIES ('table_type' = 'ICEBERG').
// Queries (DML, CTAS) stay Trino's SQL with double quotes. Through Trino,
// the tests' stand-in, everything is Trino's SQL.

var _ dialects.DSNSpecializer = Dialect{}

// apiDDL is what Athena's DDL needs beyond the dialect: where the tables
// it creates live.
type apiDDL struct {
	// location is the DSN's location parameter, ending in "/"; "" when
	// the DSN has none.
	location string
	// unique names a CTAS table's own folder (random hex; tests make it
	// fixed).
	unique func() string
}

// ctas creates an Iceberg table from a query in Athena's CTAS, which its
// Trino engine parses (double quotes): the table type, is_external =
// false (an Iceberg table is managed) and a location. Each CTAS table
// gets a folder of its own, PREFIX/SCHEMA/TABLE/<random>/: a model is
// built under a scratch name and renamed, so the next build's scratch
// table must not land in the folder the renamed table still owns.
// Without the DSN's location parameter the statement has no location
// (mtx run stops before, at CheckWrite).
func (a *apiDDL) ctas(rel, query string) string {
	props := "table_type = 'ICEBERG', is_external = false"
	if a.location != "" {
		schema, table := splitQualified(rel)
		id := a.unique
		if id == nil {
			id = randomFolder
		}
		props += ", location = " + dialects.StringLiteral(a.location+schema+"/"+table+"/"+id()+"/")
	}
	return "CREATE TABLE " + rel + " WITH (" + props + ") AS\n" + query
}

// randomFolder is 16 random hex digits.
func randomFolder() string { return dialects.ScratchName("") }

//go:embed hive/*.sql.tmpl
var hiveTemplates embed.FS

// ForDSN: an athena:// DSN gets Athena's DDL; a Trino DSN, or one that
// does not parse, Trino's.
func (d Dialect) ForDSN(dsn string) dialects.Dialect {
	c, err := parseRaw(dsn)
	if err != nil || c.athena == nil {
		return Dialect{}
	}
	return Dialect{api: &apiDDL{location: c.athena.Location}}
}

// errNoLocation is the one line a DDL statement through Athena's API
// fails with when the DSN does not say where tables go.
var errNoLocation = errors.New("the athena:// DSN has no location parameter: Athena's Iceberg tables need one (add &location=s3://BUCKET/PREFIX/; each table goes in PREFIX/SCHEMA/TABLE/)")

var _ dialects.WriteChecker = Dialect{}

// CheckWrite: through Athena's API, the tables mtx creates (the lock
// tables, the load manifest, the models) need the DSN's location.
func (d Dialect) CheckWrite() error {
	if d.api != nil && d.api.location == "" {
		return errNoLocation
	}
	return nil
}

// tableLocation is the S3 folder of schema.table, as a string literal.
func (a *apiDDL) tableLocation(schema, table string) (string, error) {
	if a.location == "" {
		return "", errNoLocation
	}
	return dialects.StringLiteral(a.location + schema + "/" + table + "/"), nil
}

// hiveQuote quotes an identifier in backticks, as Athena's DDL wants.
func hiveQuote(s string) string { return dialects.QuoteWith("`", "`", s) }

// hiveTypes are Hive's names of the Iceberg types Athena creates: its
// Iceberg timestamp has no zone (microseconds, the UTC wall clock mtx
// writes), JSON is kept verbatim as string.
var hiveTypes = dialects.TypeMap{
	catalog.String:    "string",
	catalog.Decimal:   "decimal(%d,%d)",
	catalog.Float:     "double",
	catalog.Integer:   "bigint",
	catalog.Boolean:   "boolean",
	catalog.Timestamp: "timestamp",
	catalog.JSON:      "string",
}

// TemplateFuncs: bq and bqualify quote in backticks; location is a
// table's LOCATION literal (Athena's form only).
func (d Dialect) TemplateFuncs(o dialects.Options) map[string]any {
	if d.api == nil {
		return nil
	}
	return map[string]any{
		"bq":       hiveQuote,
		"bqualify": func(name string) string { return hiveQuote(o.Schema) + "." + hiveQuote(name) },
		"location": func(name string) (string, error) { return d.api.tableLocation(o.Schema, name) },
	}
}

// templates are the DDL templates of d: none of its own for Trino (the
// defaults are Trino's syntax), Hive's for Athena.
func (d Dialect) templates() fs.FS {
	if d.api == nil {
		return nil
	}
	sub, err := fs.Sub(hiveTemplates, "hive")
	if err != nil {
		panic(err) // the embedded folder exists
	}
	return sub
}

// hiveTable creates an Iceberg table in Athena's DDL: rel is a name as
// Quote qualifies it ("schema"."table"), columns are "name type" pairs.
// Without a location the statement has no LOCATION clause, and Athena
// refuses it naming the clause (migrate stops earlier, at rendering).
func (a *apiDDL) hiveTable(rel string, columns [][2]string) string {
	schema, table := splitQualified(rel)
	defs := make([]string, len(columns))
	for i, c := range columns {
		defs[i] = hiveQuote(c[0]) + " " + c[1]
	}
	out := "CREATE TABLE " + hiveQuote(schema) + "." + hiveQuote(table) + " (" + strings.Join(defs, ", ") + ")"
	if loc, err := a.tableLocation(schema, table); err == nil {
		out += " LOCATION " + loc
	}
	return out + " TBLPROPERTIES ('table_type' = 'ICEBERG')"
}

// splitQualified reads schema.table, each part bare or double-quoted
// (mtx's names hold no dots or quotes).
func splitQualified(rel string) (schema, table string) {
	schema, table, _ = strings.Cut(rel, ".")
	return strings.Trim(schema, `"`), strings.Trim(table, `"`)
}

// goose's version table in Athena's DDL; its queries are Trino's SQL.
type hiveVersionTable struct {
	versiontable.Querier
	api *apiDDL
}

func (q hiveVersionTable) CreateTable(table string) string {
	return q.api.hiveTable(table, [][2]string{{"version_id", "bigint"}, {"is_applied", "boolean"}, {"tstamp", "timestamp"}})
}
