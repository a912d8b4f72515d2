package mysql

import (
	"strings"
	"testing"
)

// TestColumnsQuery reads a schema's columns on a live server: JSON columns
// (MariaDB's LONGTEXT with a json_valid check named after the column) are
// json, a LONGTEXT of the same name in another table is not, every column
// comes once, and no subquery runs once per column (a correlated EXISTS
// made MariaDB scan information_schema for every LONGTEXT column: seconds
// before every load).
func TestColumnsQuery(t *testing.T) {
	db, schema := liveDB(t)
	for _, ddl := range []string{
		"CREATE TABLE " + schema + ".a (doc JSON, note LONGTEXT, n BIGINT)",
		"CREATE TABLE " + schema + ".b (doc LONGTEXT, meta JSON)",
	} {
		if _, err := db.Exec(ddl); err != nil {
			t.Fatal(err)
		}
	}
	q := Dialect{}.ColumnsQuery(schema)
	rows, err := db.Query(q)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	n := 0
	for rows.Next() {
		var table, col, typ string
		if err := rows.Scan(&table, &col, &typ); err != nil {
			t.Fatal(err)
		}
		got[table+"."+col] = strings.ToLower(typ)
		n++
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"a.doc": "json", "a.note": "longtext", "a.n": "bigint(20)", "b.doc": "longtext", "b.meta": "json"}
	if n != len(want) {
		t.Errorf("%d rows for %d columns: %v", n, len(want), got)
	}
	for k, w := range want {
		if g := got[k]; g != w && !(k == "a.n" && g == "bigint") {
			t.Errorf("%s is %q, want %q", k, g, w)
		}
	}
	plan, err := db.Query("EXPLAIN " + q)
	if err != nil {
		t.Fatal(err)
	}
	defer plan.Close()
	cols, _ := plan.Columns()
	for plan.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := plan.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		for i, c := range cols {
			if v, ok := vals[i].([]byte); ok && strings.EqualFold(c, "select_type") && strings.Contains(strings.ToUpper(string(v)), "DEPENDENT") {
				t.Errorf("the columns query runs a dependent subquery (once per column): %s", v)
			}
		}
	}
	if err := plan.Err(); err != nil {
		t.Fatal(err)
	}
}
