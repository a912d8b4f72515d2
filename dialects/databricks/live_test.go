package databricks_test

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/dialects/databricks"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/internal/ddl"
	"github.com/mtxhq/mtx/internal/demo"
	"github.com/mtxhq/mtx/internal/export"
	"github.com/mtxhq/mtx/internal/load"
	"github.com/mtxhq/mtx/internal/migrate"
	"github.com/mtxhq/mtx/internal/model"
)

// liveDB opens the engine MTX_TEST_DATABRICKS_DSN names (tests/engines/up
// databricks starts Spark's Thrift server with Delta Lake) and a fresh
// schema, dropped at the end. Spark statements take 0.1 s to seconds
// each, so the live tests keep their statement count small.
func liveDB(t *testing.T) (*sql.DB, string) {
	t.Helper()
	dsn := os.Getenv("MTX_TEST_DATABRICKS_DSN")
	if dsn == "" {
		for _, e := range strings.Split(os.Getenv("MTX_REQUIRE_ENGINES"), ",") {
			if strings.TrimSpace(e) == "databricks" {
				t.Fatal("databricks is required (MTX_REQUIRE_ENGINES) but MTX_TEST_DATABRICKS_DSN is not set")
			}
		}
		t.Skip(`MTX_TEST_DATABRICKS_DSN not set: run eval "$(tests/engines/up databricks)" to start Spark with Delta Lake, or set it to a workspace's token:…@host:443/sql/1.0/warehouses/ID`)
	}
	d := databricks.Dialect{}
	db, err := d.Open(dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	b := make([]byte, 4)
	rand.Read(b)
	schema := "mtx_test_" + hex.EncodeToString(b)
	t.Cleanup(func() {
		if _, err := db.Exec("DROP SCHEMA IF EXISTS " + d.Quote(schema) + " CASCADE"); err != nil {
			t.Logf("dropping %s: %v", schema, err)
		}
	})
	return db, schema
}

// TestLiveMigrate applies both schema versions for two tables through
// goose's version store, checks the physical types introspection reads
// back, and rolls everything back.
func TestLiveMigrate(t *testing.T) {
	db, schema := liveDB(t)
	ctx := context.Background()
	d := databricks.Dialect{}
	o := dialects.DefaultOptions()
	o.Schema = schema
	h, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	r, err := ddl.New(d, o)
	if err != nil {
		t.Fatal(err)
	}
	// invoice gains columns in version 2 (ALTER TABLE ADD COLUMN);
	// contracts_balances is created there.
	sel := func(name string) bool { return name == "invoice" || name == "contracts_balances" }
	versions, err := r.Versions(h, sel)
	if err != nil {
		t.Fatal(err)
	}
	m, err := migrate.New(ctx, d, db, o, versions)
	if err != nil {
		t.Fatal(err)
	}
	p := m.Provider()
	if _, err := p.Up(ctx); err != nil {
		t.Fatal(err)
	}
	sts, err := m.Status(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sts {
		if !s.Applied {
			t.Errorf("version %d is not applied after up", s.Version)
		}
	}
	got, err := migrate.Introspect(ctx, d, db, schema)
	if err != nil {
		t.Fatal(err)
	}
	want := map[catalog.LogicalType]string{
		catalog.String: "string", catalog.Decimal: "decimal(38,9)", catalog.Timestamp: "timestamp",
		catalog.JSON: "string", catalog.Boolean: "boolean", catalog.Integer: "bigint", catalog.Float: "double",
	}
	cat := h.Current()
	for _, name := range []string{"invoice", "contracts_balances"} {
		tb, _ := cat.Table(name)
		if len(got[name]) != len(tb.Columns) {
			t.Errorf("%s: %d columns, want %d: %v", name, len(got[name]), len(tb.Columns), got[name])
		}
		for _, c := range tb.Columns {
			if typ := got[name][c.Name]; typ != want[c.Type] {
				t.Errorf("%s.%s: %q, want %q", name, c.Name, typ, want[c.Type])
			}
		}
	}
	if _, err := p.DownTo(ctx, 0); err != nil {
		t.Fatal(err)
	}
	got, err = migrate.Introspect(ctx, d, db, schema)
	if err != nil {
		t.Fatal(err)
	}
	delete(got, migrate.VersionTable)
	if len(got) != 0 {
		t.Errorf("tables left after down-to 0: %v", got)
	}
}

// TestLiveValues sends every neutral value through the connection's
// inlined parameters and reads it back: decimals to the last digit,
// instants to the microsecond, text with quotes and backslashes.
func TestLiveValues(t *testing.T) {
	db, schema := liveDB(t)
	d := databricks.Dialect{}
	tbl := d.Quote(schema) + "." + d.Quote("v")
	for _, q := range []string{
		"CREATE SCHEMA IF NOT EXISTS " + d.Quote(schema),
		"CREATE TABLE " + tbl + " (`amount` DECIMAL(38,9), `at` TIMESTAMP, `name` STRING, `f` DOUBLE, `ok` BOOLEAN, `n` BIGINT) USING DELTA",
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	at := time.Date(2025, 3, 4, 5, 6, 7, 123456000, time.UTC)
	amount := "-12345678901234567890.123456789"
	name := `it's a \ back-slash? -- not a comment`
	if _, err := db.Exec("INSERT INTO "+tbl+" VALUES (?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?)",
		dialects.Decimal(amount), at, name, 0.1, true, int64(1)<<62,
		nil, nil, nil, nil, nil, nil); err != nil {
		t.Fatal(err)
	}
	var gotAmount, gotName string
	var gotAt time.Time
	var f float64
	var ok bool
	var n int64
	err := db.QueryRow("SELECT CAST(`amount` AS STRING), `at`, `name`, `f`, `ok`, `n` FROM "+tbl+" WHERE `amount` IS NOT NULL").
		Scan(&gotAmount, &gotAt, &gotName, &f, &ok, &n)
	if err != nil {
		t.Fatal(err)
	}
	if gotAmount != amount || !gotAt.Equal(at) || gotName != name || f != 0.1 || !ok || n != 1<<62 {
		t.Errorf("read back %q %v %q %v %v %d", gotAmount, gotAt, gotName, f, ok, n)
	}
	var nulls int
	if err := db.QueryRow("SELECT COUNT(*) FROM " + tbl + " WHERE `amount` IS NULL AND `name` IS NULL").Scan(&nulls); err != nil {
		t.Fatal(err)
	}
	if nulls != 1 {
		t.Errorf("%d all-NULL rows, want 1", nulls)
	}
}

// TestLiveLoadCurrentState loads one table of a generated export (retried
// transfers included), loads it again (nothing new: exactly once), and
// checks the current state the dialect renders against the generator's
// known answer.
func TestLiveLoadCurrentState(t *testing.T) {
	db, schema := liveDB(t)
	ctx := context.Background()
	d := databricks.Dialect{}
	o := dialects.DefaultOptions()
	o.Schema = schema
	h, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	cat := h.Current()
	const table = "customer"
	dir := t.TempDir()
	man, err := demo.Generate(dir, cat, demo.Options{Customers: 3, Months: 2, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	var want demo.TableSummary
	for _, s := range man.Tables {
		if s.Table == table {
			want = s
		}
	}
	r, err := ddl.New(d, o)
	if err != nil {
		t.Fatal(err)
	}
	versions, err := r.Versions(h, func(n string) bool { return n == table })
	if err != nil {
		t.Fatal(err)
	}
	m, err := migrate.New(ctx, d, db, o, versions)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := m.Provider().Up(ctx); err != nil {
		t.Fatal(err)
	}
	loadOnce := func() load.Summary {
		src, err := export.Open(ctx, dir)
		if err != nil {
			t.Fatal(err)
		}
		defer src.Close()
		sum, err := load.Run(ctx, load.Options{Dialect: d, DB: db, Schema: o, Catalog: cat, Source: src,
			Tables: func(n string) bool { return n == table }, Progress: load.NewProgress(io.Discard, true), Warn: func(string) {}})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range sum.Failed {
			t.Error(f)
		}
		return *sum
	}
	first := loadOnce()
	if first.Loaded != want.Files || first.Rows[table] != int64(want.Rows) {
		t.Errorf("first load: %d files, %d rows; the export has %d files, %d rows", first.Loaded, first.Rows[table], want.Files, want.Rows)
	}
	if again := loadOnce(); again.Loaded != 0 || again.Skipped != want.Files {
		t.Errorf("second load: %d loaded, %d skipped; want 0 and %d", again.Loaded, again.Skipped, want.Files)
	}
	tb, _ := cat.Table(table)
	cs := model.CurrentStateOf(tb, d.Quote(schema)+"."+d.Quote(table), d.Quote)
	var n int
	if err := db.QueryRow("SELECT COUNT(*) FROM (" + d.CurrentStateSQL(cs) + ") AS `c`").Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != want.CurrentRows {
		t.Errorf("current state of %s: %d rows, the generator says %d", table, n, want.CurrentRows)
	}
}
