package athena

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/catalog"
)

var (
	_ dialects.ObjectLoader = Dialect{}
	_ dialects.LoadGrouper  = Dialect{}
)

// stagingCatalog is the catalog of the Hive tables a load reads S3
// through on Trino: the local stand-in's "hive" (tests/engines/up athena),
// whose metastore holds no other tables. On Athena the external tables sit
// in the load's own Glue database.
const stagingCatalog = "hive"

// ObjectLoadable: the engine reads s3:// objects itself, with its own
// credentials (Athena: the workgroup's role; Trino: its hive catalog's S3
// settings).
func (Dialect) ObjectLoadable(url string, _ dialects.ObjectOptions) (bool, string) {
	if !strings.HasPrefix(url, "s3://") {
		return false, "Athena reads only s3:// objects"
	}
	return true, ""
}

// GroupFiles: every statement is an Iceberg commit (a second or more), so
// a group of objects goes in one INSERT, and a group's manifest entries in
// one statement.
func (Dialect) GroupFiles() bool { return true }

// InsertObjects reads a group of parquet objects through external
// (Hive) tables over their folders, one per folder and column layout, and
// inserts them into t in one INSERT … SELECT: one Iceberg commit for the
// group. Each file's rows are picked by "$path", so other files in the
// folder are not read. The external tables are dropped afterwards (the
// data stays where it is).
func (d Dialect) InsertObjects(ctx context.Context, _ *sql.Conn, q dialects.Querier, t dialects.LoadTable, files []dialects.ObjectFile, _ dialects.ObjectOptions) (int64, error) {
	st, err := d.stagingSQL(t, files, func() string { return dialects.ScratchName("mtx_scratch_") })
	if err != nil {
		return 0, err
	}
	defer func() {
		for _, s := range st.drop {
			q.ExecContext(context.WithoutCancel(ctx), s)
		}
	}()
	for i, s := range st.create {
		if _, err := q.ExecContext(ctx, s); err != nil {
			if i < len(st.drop) {
				st.drop = st.drop[:i] // only the tables created so far
			}
			return 0, fmt.Errorf("creating a table over the export's folder: %w", err)
		}
	}
	res, err := q.ExecContext(ctx, st.insert)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// staging is the SQL of one group's load: the external tables' CREATE
// statements (on Trino a CREATE SCHEMA first), the INSERT and the DROPs.
type staging struct {
	create []string
	insert string
	drop   []string
}

// stagingSQL renders the load of files into t. Through Trino, Trino's
// DDL (a table of the hive catalog WITH (external_location …)); through
// Athena's API, Athena's (CREATE EXTERNAL TABLE … STORED AS PARQUET
// LOCATION …, Hive DDL, in t's Glue database). The INSERT … SELECT is
// Trino's SQL on both. name makes a unique table name.
func (d Dialect) stagingSQL(t dialects.LoadTable, files []dialects.ObjectFile, name func() string) (staging, error) {
	onTrino := d.api == nil
	var st staging
	schema := d.Quote(t.Schema)
	if onTrino {
		schema = stagingCatalog + "." + schema
		// Its own schema in the hive catalog, as in Iceberg's.
		st.create = append(st.create, "CREATE SCHEMA IF NOT EXISTS "+schema)
	}
	tables := map[string]string{} // folder and layout -> table name
	var selects []string
	cols := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		cols[i] = d.Quote(c.Name)
	}
	for _, f := range files {
		if !strings.HasPrefix(f.URL, "s3://") {
			return st, fmt.Errorf("%s: not an s3:// object", f.URL)
		}
		defs, byName := stagingColumns(f, onTrino)
		if len(defs) == 0 {
			return st, fmt.Errorf("%s: no columns to read", f.URL)
		}
		dir := f.URL[:strings.LastIndex(f.URL, "/")+1]
		key := dir + "\x00" + strings.Join(defs, ",")
		tbl, ok := tables[key]
		if !ok {
			tbl = schema + "." + d.Quote(name())
			tables[key] = tbl
			if onTrino {
				st.create = append(st.create, "CREATE TABLE "+tbl+" ("+strings.Join(defs, ", ")+") WITH (external_location = "+dialects.StringLiteral(dir)+", format = 'PARQUET')")
				st.drop = append(st.drop, "DROP TABLE IF EXISTS "+tbl)
			} else {
				hive := "`" + t.Schema + "`.`" + tbl[strings.LastIndex(tbl, ".")+2:len(tbl)-1] + "`"
				st.create = append(st.create, "CREATE EXTERNAL TABLE "+hive+" ("+strings.Join(defs, ", ")+") STORED AS PARQUET LOCATION "+dialects.StringLiteral(dir))
				st.drop = append(st.drop, "DROP TABLE IF EXISTS "+hive)
			}
		}
		sel := make([]string, len(t.Columns))
		for i, c := range t.Columns {
			switch {
			case c.Const != nil:
				v := f.ConstOf(c)
				lit, err := dialects.ConstLiteral(d.Macros(), v)
				if err != nil {
					return st, fmt.Errorf("column %s: %w", c.Name, err)
				}
				sel[i] = lit
			case c.Source == "" || byName[c.Source] == "":
				sel[i] = "NULL"
			case c.Type == catalog.Timestamp && onTrino:
				// The external table's timestamp is the UTC instant's wall
				// clock; Trino's column has a zone (Athena's has none).
				sel[i] = "with_timezone(" + byName[c.Source] + ", 'UTC')"
			default:
				sel[i] = byName[c.Source]
			}
		}
		selects = append(selects, "SELECT "+strings.Join(sel, ", ")+" FROM "+tbl+" WHERE \"$path\" = "+dialects.StringLiteral(f.URL))
	}
	st.insert = "INSERT INTO " + d.Quote(t.Schema) + "." + d.Quote(t.Table) + " (" + strings.Join(cols, ", ") + ") " + strings.Join(selects, " UNION ALL ")
	return st, nil
}

// stagingColumns are the external table's column definitions for a
// file's own columns, sorted by name (files with the same columns share a
// table), and the quoted column each file column is read as. Nested
// columns are left out: the parquet reader maps columns by name, so the
// table need not list every one.
func stagingColumns(f dialects.ObjectFile, onTrino bool) ([]string, map[string]string) {
	var d Dialect
	byName := map[string]string{}
	seen := map[string]bool{}
	var defs []string
	for _, c := range f.Columns {
		typ := stagingType(c, onTrino)
		lower := strings.ToLower(c.Name)
		if typ == "" || seen[lower] {
			continue // nested, or a name differing from another only in case (Glue folds it)
		}
		seen[lower] = true
		if onTrino {
			defs = append(defs, d.Quote(lower)+" "+typ)
		} else {
			defs = append(defs, "`"+lower+"` "+typ)
		}
		byName[c.Name] = d.Quote(lower)
	}
	sort.Strings(defs)
	return defs, byName
}

// stagingType is the external table's type of a parquet column: Trino's
// names, or Hive's in Athena's DDL; "" for a nested column.
func stagingType(c dialects.ObjectColumn, onTrino bool) string {
	switch c.Type {
	case catalog.Decimal:
		p, s := c.DecimalSize()
		return fmt.Sprintf("decimal(%d,%d)", p, s)
	case catalog.Integer:
		return "bigint"
	case catalog.Float:
		return "double"
	case catalog.Boolean:
		return "boolean"
	case catalog.Timestamp:
		if onTrino {
			return "timestamp(6)"
		}
		return "timestamp"
	case catalog.String, catalog.JSON:
		if onTrino {
			return "varchar"
		}
		return "string"
	}
	return ""
}
