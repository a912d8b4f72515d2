package tests

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/internal/ddl"
)

// TestMtxQueryDefaultSchema runs the mtx binary's `query` with an
// unqualified table name on every engine: the project's schema must be the
// default (a session statement on the query's connection, or the DSN on
// ClickHouse and BigQuery), and a schema without the table must not answer.
func TestMtxQueryDefaultSchema(t *testing.T) {
	bin := mtxBinary(t)
	forEachEngine(t, func(t *testing.T, e engine) {
		ctx := context.Background()
		db := e.open(t)
		schema := "mtx_query_test"
		if !e.embedded() { // DuckDB's is a fresh file, closed before mtx opens it
			schema = freshSchema(t, e, db)
		}
		o := dialects.DefaultOptions()
		o.Schema = schema
		dr, err := ddl.New(e.d, o)
		if err != nil {
			t.Fatal(err)
		}
		cs, err := dr.CreateSchema()
		if err != nil {
			t.Fatal(err)
		}
		ct, err := dr.CreateTable(&catalog.Table{Name: "current_x", Kind: catalog.Incremental, Key: []string{"id"},
			Columns: []catalog.Column{{Name: "id", Type: catalog.String}}})
		if err != nil {
			t.Fatal(err)
		}
		for _, st := range []string{cs.SQL, ct.SQL} {
			if _, err := db.ExecContext(ctx, st); err != nil {
				t.Fatalf("%s: %v", st, err)
			}
		}
		ins := fmt.Sprintf("INSERT INTO %s.%s (%s) VALUES (%s)", e.d.Quote(schema), e.d.Quote("current_x"), e.d.Quote("id"), e.a.Placeholder(1))
		for _, id := range []string{"a", "b"} {
			if err := execArgs(ctx, e, db, ins, id); err != nil {
				t.Fatalf("%s: %v", ins, err)
			}
		}
		if e.embedded() {
			db.Close()
		}
		query := func(schema string) (string, error) {
			out, err := execMtx(t, bin, "query", "SELECT COUNT(*) AS n FROM current_x", "--dialect", e.name, "--dsn", e.dsn, "--schema", schema, "--format", "csv").CombinedOutput()
			return string(out), err
		}
		out, err := query(schema)
		if err != nil || !strings.EqualFold(out, "n\n2\n") {
			t.Errorf("mtx query with --schema %s: %v\n%s", schema, err, out)
		}
		// The default is really the project's schema: elsewhere, no table.
		if !e.embedded() {
			other := freshSchema(t, e, db)
			o.Schema = other
			dr, _ := ddl.New(e.d, o)
			cs, _ := dr.CreateSchema()
			if _, err := db.ExecContext(ctx, cs.SQL); err != nil {
				t.Fatalf("%s: %v", cs.SQL, err)
			}
			if out, err := query(other); err == nil {
				t.Errorf("mtx query with --schema %s (no current_x there) answered:\n%s", other, out)
			}
		}
	})
}

// TestMtxQueryReadSession: on engines whose dialect prepares read sessions
// (dialects.ReadSessioner), mtx query's statement runs after those
// settings, read back by the adapter's ReadSessionQuery.
func TestMtxQueryReadSession(t *testing.T) {
	bin := mtxBinary(t)
	forEachEngine(t, func(t *testing.T, e engine) {
		if e.a.ReadSessionQuery == "" {
			if len(dialects.ReadSession(e.d)) > 0 {
				t.Fatalf("%s prepares read sessions (%v): its test adapter needs a ReadSessionQuery", e.name, dialects.ReadSession(e.d))
			}
			t.Skip("no read-session settings")
		}
		schema := freshSchema(t, e, e.open(t))
		out, err := execMtx(t, bin, "query", e.a.ReadSessionQuery, "--dialect", e.name, "--dsn", e.dsn, "--schema", schema, "--format", "csv").CombinedOutput()
		if err != nil || string(out) != e.a.ReadSessionWant {
			t.Fatalf("mtx query %q: %v\n%s, want %q", e.a.ReadSessionQuery, err, out, e.a.ReadSessionWant)
		}
	})
}
