package databricks

import (
	"database/sql/driver"
	"fmt"
	"io"
	"strings"
)

// Open-source Spark has no information_schema, and a Databricks workspace
// has one only for Unity Catalog catalogs (not hive_metastore). Both
// answer SHOW TABLE EXTENDED: one row per table or view whose information
// column holds its type and its schema as a tree ( |-- name: type
// (nullable = true)). The connection (driver.go) turns the rows of these
// two statements into the rows introspection reads.
const (
	columnsMarker   = "/* mtx:columns */ "
	relationsMarker = "/* mtx:relations */ "
)

func showTables(schema string) string {
	return "SHOW TABLE EXTENDED IN " + Dialect{}.Quote(schema) + " LIKE '*'"
}

// table is one row of SHOW TABLE EXTENDED, read.
type table struct {
	name, kind string
	columns    [][2]string // name, type
}

// parseInformation reads the information column.
func parseInformation(name, info string) table {
	t := table{name: name}
	inSchema := false
	for _, line := range strings.Split(info, "\n") {
		switch {
		case strings.HasPrefix(line, "Type: "):
			t.kind = strings.TrimSpace(strings.TrimPrefix(line, "Type: "))
		case strings.HasPrefix(line, "Schema: root"):
			inSchema = true
		case inSchema && strings.HasPrefix(line, " |-- "):
			rest := strings.TrimPrefix(line, " |-- ")
			if i := strings.LastIndex(rest, " (nullable = "); i >= 0 {
				rest = rest[:i]
			}
			col, typ, ok := strings.Cut(rest, ": ")
			if ok {
				t.columns = append(t.columns, [2]string{col, typ})
			}
		case inSchema && !strings.HasPrefix(line, " |"):
			inSchema = false
		}
	}
	return t
}

// reshape reads every row of SHOW TABLE EXTENDED and returns the rows
// rowsOf makes of them.
func reshape(in driver.Rows, columns []string, rowsOf func([]table) [][]driver.Value) (driver.Rows, error) {
	defer in.Close()
	cols := in.Columns()
	name, info := -1, -1
	for i, c := range cols {
		switch strings.ToLower(c) {
		case "tablename":
			name = i
		case "information":
			info = i
		}
	}
	if name < 0 || info < 0 {
		return nil, fmt.Errorf("databricks: SHOW TABLE EXTENDED answered columns %v, without tableName and information", cols)
	}
	var tables []table
	vals := make([]driver.Value, len(cols))
	for {
		err := in.Next(vals)
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		n, _ := vals[name].(string)
		i, _ := vals[info].(string)
		tables = append(tables, parseInformation(n, i))
	}
	return &staticRows{columns: columns, rows: rowsOf(tables)}, nil
}

func columnRows(ts []table) [][]driver.Value {
	var out [][]driver.Value
	for _, t := range ts {
		for _, c := range t.columns {
			out = append(out, []driver.Value{t.name, c[0], c[1]})
		}
	}
	return out
}

func relationRows(ts []table) [][]driver.Value {
	var out [][]driver.Value
	for _, t := range ts {
		out = append(out, []driver.Value{t.name, t.kind})
	}
	return out
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
