package ddl_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/dialects/all"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/internal/ddl"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestGolden pins the rendered schema and goose files of every dialect.
// Review a diff here as you would a migration: it is what users will run.
func TestGolden(t *testing.T) {
	h, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range all.Names() {
		t.Run(name, func(t *testing.T) {
			d, _ := all.Get(name)
			r, err := ddl.New(d, dialects.DefaultOptions())
			if err != nil {
				t.Fatal(err)
			}
			script, err := r.Script(h.Current(), nil)
			if err != nil {
				t.Fatal(err)
			}
			golden(t, filepath.Join("testdata", "golden", name, "schema.sql"), ddl.Join(script))
			versions, err := r.Versions(h, nil)
			if err != nil {
				t.Fatal(err)
			}
			for _, v := range versions {
				golden(t, filepath.Join("testdata", "golden", name, ddl.FileName(v)), ddl.GooseFile(d, v))
			}
		})
	}
}

func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/ddl -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the rendered SQL; run go test ./internal/ddl -update and review the diff", path)
	}
}

// TestDDLRules checks the rules every dialect's DDL must keep, whatever the
// golden files say.
func TestDDLRules(t *testing.T) {
	h, _ := catalog.Embedded()
	o := dialects.DefaultOptions()
	for _, name := range all.Names() {
		d, _ := all.Get(name)
		r, err := ddl.New(d, o)
		if err != nil {
			t.Fatal(err)
		}
		script, _ := r.Script(h.Current(), nil)
		sql := ddl.Join(script)
		lower := strings.ToLower(sql)
		for _, bad := range []string{"not null", "primary key"} {
			if strings.Contains(lower, bad) {
				t.Errorf("%s: DDL contains %q; every export column must be nullable", name, bad)
			}
		}
		for _, tbl := range h.Current().Tables() {
			for _, c := range tbl.Columns {
				typ := d.ColumnType(tbl, c, o)
				if strings.TrimSpace(typ) == "" || strings.Contains(typ, "%!") {
					t.Fatalf("%s: no physical type for %s (%s.%s)", name, c.Type, tbl.Name, c.Name)
				}
				if !strings.Contains(sql, d.Quote(c.Name)+" "+typ) {
					t.Errorf("%s: column %s.%s is not rendered quoted as %s %s", name, tbl.Name, c.Name, d.Quote(c.Name), typ)
				}
				up := strings.ToUpper(typ)
				switch c.Type {
				case catalog.Decimal:
					if !strings.Contains(strings.ReplaceAll(up, " ", ""), "38,9") {
						t.Errorf("%s: decimal %s.%s is %s; precision and scale must be spelled out", name, tbl.Name, c.Name, typ)
					}
				case catalog.String:
					if strings.Contains(up, "(256)") || up == "VARCHAR" && name == "redshift" {
						t.Errorf("%s: string %s.%s is capped at 256 bytes", name, tbl.Name, c.Name)
					}
				case catalog.Timestamp:
					if strings.HasPrefix(up, "TIMESTAMP") && name == "mysql" {
						t.Errorf("mysql: %s.%s uses TIMESTAMP, which ends in 2038", tbl.Name, c.Name)
					}
				}
			}
		}
	}
}

func TestSelection(t *testing.T) {
	h, _ := catalog.Embedded()
	d, _ := all.Get("postgres")
	r, _ := ddl.New(d, dialects.Options{Schema: "billing", DecimalPrecision: 30, DecimalScale: 12})
	sts, err := r.Script(h.Current(), func(n string) bool { return n != "plan" })
	if err != nil {
		t.Fatal(err)
	}
	sql := ddl.Join(sts)
	if strings.Contains(sql, `"billing"."plan" (`) || !strings.Contains(sql, `"billing"."invoice" (`) {
		t.Error("selection not honoured")
	}
	if !strings.Contains(sql, "NUMERIC(30,12)") {
		t.Error("configured decimal size not used")
	}
}
