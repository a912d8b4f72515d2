package load

import (
	"strconv"
	"strings"
	"time"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/internal/ddl"
)

// The statements the loader builds itself (the rows' own INSERTs are the
// dialect's Loader), one function each, so Statements can list them for
// engines whose SQL is checked without an engine.

// manifestDDL creates the manifest table.
func manifestDDL(d dialects.Dialect, o dialects.Options) (string, error) {
	r, err := ddl.New(d, o)
	if err != nil {
		return "", err
	}
	st, err := r.CreateTable(manifestTable())
	if err != nil {
		return "", err
	}
	return st.SQL, nil
}

// manifestRelation is the manifest table, quoted and qualified.
func manifestRelation(d dialects.Dialect, schema string) string {
	return d.Quote(schema) + "." + d.Quote(ManifestTable)
}

// manifestPaths reads the loaded paths and their sizes.
func manifestPaths(d dialects.Dialect, schema string) string {
	return "SELECT " + d.Quote("path") + ", " + d.Quote("size") + " FROM " + manifestRelation(d, schema)
}

// manifestInsert records entries (manifestEntry) in one statement.
func manifestInsert(d dialects.Dialect, schema string, entries []string) string {
	cols := []string{"path", "table_name", "size", "etag", "rows", "transferred_at", "loaded_at"}
	for i, c := range cols {
		cols[i] = d.Quote(c)
	}
	return "INSERT INTO " + manifestRelation(d, schema) + " (" + strings.Join(cols, ", ") + ") VALUES " + strings.Join(entries, ", ")
}

// manifestEntry is one file's row of manifestInsert.
func manifestEntry(lit dialects.SQLMacros, path, table string, size int64, etag string, rows int64, transferredAt, loadedAt time.Time) string {
	return "(" + strings.Join([]string{
		lit.StringLiteral(path), lit.StringLiteral(table), strconv.FormatInt(size, 10), lit.StringLiteral(etag),
		strconv.FormatInt(rows, 10), lit.TimestampLiteral(transferredAt), lit.TimestampLiteral(loadedAt)}, ", ") + ")"
}

// leftoversDelete deletes the rows of table whose source file the
// manifest does not list (an interrupted load's).
func leftoversDelete(d dialects.Dialect, schema, table string) string {
	src := d.Quote(catalog.SourceFileColumn)
	rel := d.Quote(schema) + "." + d.Quote(table)
	list := "SELECT " + d.Quote("path") + " FROM " + manifestRelation(d, schema)
	if ud, ok := d.(dialects.UnlistedDeleter); ok {
		return ud.DeleteUnlisted(rel, src, list)
	}
	return "DELETE FROM " + rel + " WHERE " + src + " IS NOT NULL AND " + src + " NOT IN (" + list + ")"
}

// sourceDelete deletes the rows of one source file from table.
func sourceDelete(d dialects.Dialect, lit dialects.SQLMacros, schema, table, path string) string {
	return "DELETE FROM " + d.Quote(schema) + "." + d.Quote(table) + " WHERE " + d.Quote(catalog.SourceFileColumn) + " = " + lit.StringLiteral(path)
}

// manifestCountsQuery sums the manifest's files and rows by table.
func manifestCountsQuery(d dialects.Dialect, schema string) string {
	tn := d.Quote("table_name")
	return "SELECT " + tn + ", COUNT(*), SUM(" + d.Quote("rows") + ") FROM " + manifestRelation(d, schema) + " GROUP BY " + tn
}

// forgetDelete removes the manifest entries of tables.
func forgetDelete(d dialects.Dialect, schema string, tables []string) string {
	lits := make([]string, len(tables))
	for i, t := range tables {
		lits[i] = dialects.StringLiteral(t) // table names are identifiers: no escapes to differ by engine
	}
	return "DELETE FROM " + manifestRelation(d, schema) + " WHERE " + d.Quote("table_name") + " IN (" + strings.Join(lits, ", ") + ")"
}

// anyRow asks whether table holds a row.
func anyRow(d dialects.Dialect, schema, table string) string {
	return "SELECT 1 FROM " + d.Quote(schema) + "." + d.Quote(table) + " LIMIT 1"
}

// Statements are the statements a load sends on d besides the dialect's
// own row INSERTs (Loader, ObjectLoader) and the load lock, for one file
// of table: the manifest's CREATE, reads and INSERT, the deletes of an
// interrupted or failed load, and the checks of an emptied table. For
// tests that check an engine's SQL where no engine runs.
func Statements(d dialects.Dialect, o dialects.Options, table, path string, transferredAt, loadedAt time.Time) ([]string, error) {
	create, err := manifestDDL(d, o)
	if err != nil {
		return nil, err
	}
	lit := d.Macros()
	entry := manifestEntry(lit, path, table, 1234, "etag-1", 5, transferredAt, loadedAt)
	return []string{
		create,
		manifestPaths(d, o.Schema),
		leftoversDelete(d, o.Schema, table),
		sourceDelete(d, lit, o.Schema, table, path),
		manifestInsert(d, o.Schema, []string{entry}),
		manifestInsert(d, o.Schema, []string{entry, entry}),
		manifestCountsQuery(d, o.Schema),
		anyRow(d, o.Schema, table),
		forgetDelete(d, o.Schema, []string{table}),
	}, nil
}
