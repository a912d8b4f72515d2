package databricks

import (
	"context"
	"database/sql/driver"
	"fmt"
	"io"
	"strings"
)

// Open-source Spark has no information_schema, and a Databricks workspace
// has one only for Unity Catalog catalogs (not hive_metastore); and a
// Delta table's columns live in its transaction log, not in the
// metastore, so SHOW TABLE EXTENDED shows none. What both answer is SHOW
// TABLES, SHOW VIEWS and DESCRIBE TABLE. The connection (driver.go) runs
// the statements behind these two markers itself and answers the rows
// introspection reads: (table, column, type) and (name, kind).
const (
	columnsMarker   = "/* mtx:columns */ "
	relationsMarker = "/* mtx:relations */ "
)

func showTables(schema string) string { return "SHOW TABLES IN " + Dialect{}.Quote(schema) }

// introspect answers a marked statement: query is SHOW TABLES IN schema.
func (c *conn) introspect(ctx context.Context, query string) (driver.Rows, error) {
	show := strings.TrimPrefix(strings.TrimPrefix(query, columnsMarker), relationsMarker)
	// Spark names the schema column namespace, Databricks database.
	tables, err := c.rows(ctx, show, "namespace|database", "tableName", "isTemporary")
	if errorClass(err, "SCHEMA_NOT_FOUND") {
		// As information_schema answers on other engines: no relations
		// (so mtx load says to migrate first, and migrate creates it).
		tables, err = nil, nil
	}
	if err != nil {
		return nil, err
	}
	var names [][2]string // schema, table
	for _, t := range tables {
		if tmp, _ := t[2].(bool); !tmp {
			s, _ := t[0].(string)
			n, _ := t[1].(string)
			names = append(names, [2]string{s, n})
		}
	}
	if strings.HasPrefix(query, relationsMarker) {
		views, err := c.rows(ctx, strings.Replace(show, "SHOW TABLES", "SHOW VIEWS", 1), "viewName", "isTemporary")
		if err != nil {
			return nil, err
		}
		isView := map[string]bool{}
		for _, v := range views {
			n, _ := v[0].(string)
			isView[n] = true
		}
		out := &staticRows{columns: []string{"table_name", "table_type"}}
		for _, n := range names {
			kind := "TABLE"
			if isView[n[1]] {
				kind = "VIEW"
			}
			out.rows = append(out.rows, []driver.Value{n[1], kind})
		}
		return out, nil
	}
	out := &staticRows{columns: []string{"table_name", "column_name", "data_type"}}
	q := Dialect{}.Quote
	for _, n := range names {
		cols, err := c.rows(ctx, "DESCRIBE TABLE "+q(n[0])+"."+q(n[1]), "col_name", "data_type")
		if errorClass(err, "TABLE_OR_VIEW_NOT_FOUND") {
			continue // dropped since SHOW TABLES listed it
		}
		if err != nil {
			return nil, err
		}
		for _, col := range describedColumns(cols) {
			out.rows = append(out.rows, []driver.Value{n[1], col[0], col[1]})
		}
	}
	return out, nil
}

// describedColumns are the table's columns among DESCRIBE's rows, which
// go on after a blank or "# Partition Information" row with other facts.
func describedColumns(rows [][]driver.Value) [][2]string {
	var out [][2]string
	for _, r := range rows {
		name, _ := r[0].(string)
		typ, _ := r[1].(string)
		if name == "" || strings.HasPrefix(name, "#") {
			break
		}
		out = append(out, [2]string{name, typ})
	}
	return out
}

// rows runs query and returns the named columns of every row (a|b: the
// column named a or b).
func (c *conn) rows(ctx context.Context, query string, names ...string) ([][]driver.Value, error) {
	rs, err := c.Conn.(driver.QueryerContext).QueryContext(ctx, query, nil)
	if err != nil {
		return nil, explain(err)
	}
	defer rs.Close()
	cols := rs.Columns()
	idx := make([]int, len(names))
	for i, n := range names {
		idx[i] = -1
		for j, c := range cols {
			for _, alt := range strings.Split(n, "|") {
				if strings.EqualFold(c, alt) {
					idx[i] = j
				}
			}
		}
		if idx[i] < 0 {
			return nil, fmt.Errorf("databricks: %s answered columns %v, without %s", query, cols, n)
		}
	}
	var out [][]driver.Value
	vals := make([]driver.Value, len(cols))
	for {
		err := rs.Next(vals)
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		row := make([]driver.Value, len(names))
		for i, j := range idx {
			row[i] = vals[j]
		}
		out = append(out, row)
	}
}

type staticRows struct {
	columns []string
	rows    [][]driver.Value
	next    int
}

func (r *staticRows) Columns() []string { return r.columns }
func (r *staticRows) Close() error      { return nil }
func (r *staticRows) Next(dest []driver.Value) error {
	if r.next >= len(r.rows) {
		return io.EOF
	}
	copy(dest, r.rows[r.next])
	r.next++
	return nil
}

// errorClass reports whether err is Spark's (and Databricks') error of
// that class: its message starts "[CLASS]".
func errorClass(err error, class string) bool {
	return err != nil && strings.Contains(err.Error(), "["+class+"]")
}
