package tests

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/catalog"
)

// TestResetReloadAndJSON is a newcomer's first hour on every engine, as
// the mtx binary runs it: migrate, load, run; `migrate reset` (which must
// drop mtx's models on the raw tables — PostgreSQL refuses to drop a table
// a view reads — and forget the dropped tables' loaded files); migrate and
// load again, which must load every file again; a raw table emptied behind
// mtx's back, which the next load must notice and reload; and a JSON
// column printed as JSON, identically on every engine.
func TestResetReloadAndJSON(t *testing.T) {
	bin := mtxBinary(t)
	cat, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	forEachEngine(t, func(t *testing.T, e engine) {
		ctx := context.Background()
		schema := "mtx_firsthour"
		var db = e.open(t)
		if !e.embedded() {
			schema = freshSchema(t, e, db)
		} else {
			db.Close()
			db = nil
		}
		dsn := e.dsn
		if f := e.a.SessionSchema; f != nil {
			dsn = f(dsn, schema)
		}
		dir := t.TempDir()
		yaml := fmt.Sprintf("name: firsthour\ndefault_target: t\ntargets:\n  t: {dialect: %s, dsn: \"${MTX_FIRSTHOUR_DSN}\"}\nschema: %s\ntables: {include: [invoice, line_item]}\n", e.name, schema)
		if err := os.WriteFile(filepath.Join(dir, "project.yaml"), []byte(yaml), 0o644); err != nil {
			t.Fatal(err)
		}
		export := filepath.Join(dir, "export")
		genExport(t, export, cat.Current(), []string{"invoice", "line_item"}, 1, 1, 5)
		mtx := func(args ...string) (string, error) {
			cmd := execMtx(t, bin, args...)
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), "MTX_FIRSTHOUR_DSN="+dsn)
			var out bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &out
			err := cmd.Run()
			return out.String(), err
		}
		must := func(want string, args ...string) string {
			t.Helper()
			out, err := mtx(args...)
			if err != nil || !strings.Contains(out, want) {
				t.Fatalf("mtx %s: %v, want %q in:\n%s", strings.Join(args, " "), err, want, out)
			}
			return out
		}
		count := func(table string) int64 {
			t.Helper()
			out := must("", "query", "SELECT COUNT(*) AS n FROM "+table, "--format", "csv")
			var n int64
			fmt.Sscanf(strings.TrimPrefix(strings.ToLower(out), "n\n"), "%d", &n)
			return n
		}
		must("OK", "migrate", "up")
		must("loaded 2 files", "load", "export")
		must("built", "run")

		if _, ok := e.d.(dialects.ViewBinder); ok && db != nil {
			// A view mtx did not build on a raw table: the rollback refuses,
			// naming it, and changes nothing.
			q := e.d.Quote
			view := q(schema) + "." + q("bi_invoice")
			if _, err := db.ExecContext(ctx, "CREATE VIEW "+view+" AS SELECT * FROM "+q(schema)+"."+q("invoice")); err != nil {
				t.Fatal(err)
			}
			out, err := mtx("migrate", "reset")
			if err == nil || !strings.Contains(out, schema+".bi_invoice") || !strings.Contains(out, "nothing was changed") || strings.Contains(out, "dropped view") || strings.Contains(out, "dropped table") {
				t.Errorf("migrate reset under a user's view: %v\n%s", err, out)
			}
			if n := count("current_invoice"); n != 5 {
				t.Errorf("after the refused reset, current_invoice has %d rows, want 5", n)
			}
			if _, err := db.ExecContext(ctx, "DROP VIEW "+view); err != nil {
				t.Fatal(err)
			}
		}

		out := must("forgot 1 loaded file of invoice", "migrate", "reset")
		for _, want := range []string{"current_line_item (model current_line_item", "forgot 1 loaded file of line_item"} {
			if !strings.Contains(out, want) {
				t.Errorf("migrate reset: want %q in:\n%s", want, out)
			}
		}
		if strings.Contains(out, "rerunning") {
			t.Errorf("migrate reset printed a hint:\n%s", out)
		}
		must("OK", "migrate", "up")
		must("loaded 2 files, skipped 0", "load", "export")
		if n := count("invoice"); n != 5 {
			t.Errorf("after reset and reload, invoice has %d rows, want 5", n)
		}
		must("built", "run")
		if n := count("current_invoice"); n != 5 {
			t.Errorf("after reset, reload and run, current_invoice has %d rows, want 5", n)
		}

		// Emptied outside mtx (the table re-created by hand, say): the load
		// notices the manifest no longer matches and loads the file again.
		if db == nil {
			db = e.open(t)
		}
		if _, err := db.ExecContext(ctx, "DELETE FROM "+e.d.Quote(schema)+"."+e.d.Quote("invoice")+" WHERE 1 = 1"); err != nil {
			t.Fatal(err)
		}
		if e.embedded() {
			db.Close()
			db = nil
		}
		out = must("loaded 1 file, skipped 1", "load", "export")
		if !strings.Contains(out, "table invoice is empty but the load manifest lists 1 file") {
			t.Errorf("load after emptying invoice did not say why it reloads:\n%s", out)
		}
		if n := count("invoice"); n != 5 {
			t.Errorf("after emptying and reloading, invoice has %d rows, want 5", n)
		}

		// JSON: a JSON value, the same text on every engine.
		query := "SELECT " + e.d.Quote("metadata") + " AS m FROM line_item WHERE " + e.d.Quote("metadata") + " IS NOT NULL"
		out = must("", "query", query, "--format", "json")
		var got []map[string]any
		if err := json.Unmarshal([]byte(out), &got); err != nil || len(got) != 5 {
			t.Fatalf("query --format json: %v (%d rows)\n%s", err, len(got), out)
		}
		for _, row := range got {
			var m map[string]any
			for k, v := range row { // Snowflake's column is M
				m, _ = v.(map[string]any)
				if !strings.EqualFold(k, "m") {
					m = nil
				}
			}
			ok := m != nil
			if !ok || fmt.Sprint(m["tags"]) != "[a b]" || m["s"] != "x\ty\\z" {
				t.Errorf("JSON column printed as %#v, want an object", row["m"])
			}
		}
		out = must("", "query", query, "--format", "csv")
		recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil || len(recs) != 6 {
			t.Fatalf("query --format csv: %v\n%s", err, out)
		}
		for _, rec := range recs[1:] {
			var row int
			fmt.Sscanf(rec[0], `{"row":%d`, &row)
			if want := fmt.Sprintf(`{"row":%d,"s":"x\ty\\z","tags":["a","b"]}`, row); rec[0] != want {
				t.Errorf("query --format csv printed %s, want %s", rec[0], want)
			}
		}
	})
}
