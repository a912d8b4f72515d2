package singlestore_test

import (
	"context"
	"database/sql"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/mtxhq/mtx/dialects/mysql"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/dialects/singlestore"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/internal/ddl"
	"github.com/mtxhq/mtx/internal/demo"
	"github.com/mtxhq/mtx/internal/export"
	"github.com/mtxhq/mtx/internal/load"
	"github.com/mtxhq/mtx/internal/lock"
	"github.com/mtxhq/mtx/internal/migrate"
	"github.com/mtxhq/mtx/internal/model"
)

// onMariaDB is the SingleStore adapter as the MariaDB harness runs it:
// exactly the clauses only SingleStore has (SHARD KEY, SORT KEY: the
// table_keys template) are left out of its DDL. Everything else (types,
// collation, the version table, the lock table, LOAD DATA, the models'
// SQL, view replacement) is the adapter's own. The cookbook's
// JSON_EXTRACT_STRING is not run here (MariaDB lacks it). Test harness
// only.
type onMariaDB struct{ singlestore.Dialect }

func (d onMariaDB) Templates() fs.FS {
	own := d.Dialect.Templates()
	out := fstest.MapFS{}
	names, _ := fs.Glob(own, "*.sql.tmpl")
	for _, n := range names {
		b, _ := fs.ReadFile(own, n)
		if n == "table_keys.sql.tmpl" {
			b = []byte(`{{ define "table_keys" }}{{ end }}`)
		}
		out[n] = &fstest.MapFile{Data: b}
	}
	return out
}

// mariaDB connects to MTX_TEST_MYSQL_DSN with a fresh database, dropped at
// the end; without the DSN the test skips, unless CI requires mysql.
func mariaDB(t *testing.T) (*sql.DB, string, string) {
	t.Helper()
	dsn := os.Getenv("MTX_TEST_MYSQL_DSN")
	if dsn == "" {
		for _, e := range strings.Split(os.Getenv("MTX_REQUIRE_ENGINES"), ",") {
			if strings.TrimSpace(e) == (mysql.Dialect{}).Name() {
				t.Fatal("mysql is required (MTX_REQUIRE_ENGINES) but MTX_TEST_MYSQL_DSN is not set")
			}
		}
		t.Skip(`MTX_TEST_MYSQL_DSN not set: run eval "$(tests/engines/up mysql)" to start a local MariaDB`)
	}
	db, err := onMariaDB{}.Open(dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db, freshDatabase(t, db), dsn
}

// migratedUp applies every schema version of the embedded catalog to
// schema through the adapter, as `mtx migrate` does.
func migratedUp(ctx context.Context, t *testing.T, d dialects.Dialect, db *sql.DB, schema string) (*migrate.Migrator, *catalog.History, dialects.Options) {
	t.Helper()
	h, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	o := dialects.DefaultOptions()
	o.Schema = schema
	r, err := ddl.New(d, o)
	if err != nil {
		t.Fatal(err)
	}
	versions, err := r.Versions(h, nil)
	if err != nil {
		t.Fatal(err)
	}
	m, err := migrate.New(ctx, d, db, o, versions)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := m.Provider().Up(ctx); err != nil {
		t.Fatalf("up: %v", err)
	}
	return m, h, o
}

// TestOnMariaDB runs the adapter end to end on MariaDB, the MySQL-protocol
// behaviour SingleStore shares: every schema version up, status, down to
// nothing and up again with the introspected tables equal to the catalog;
// two lock holders on one schema (the second gives up after its timeout);
// a generated export loaded exactly once, in two deliveries, with
// current-state models built after the first and refreshed after the
// second, each equal to the generator's own count, and current_events_live
// equal to current_events.
func TestOnMariaDB(t *testing.T) {
	ctx := context.Background()
	db, schema, _ := mariaDB(t)
	d := onMariaDB{}
	m, h, o := migratedUp(ctx, t, d, db, schema)
	p := m.Provider()
	tables := func() map[string]int {
		got, err := migrate.Introspect(ctx, d, db, schema)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]int{}
		for name, cols := range got {
			if name != migrate.VersionTable {
				out[name] = len(cols)
			}
		}
		return out
	}
	want := map[string]int{}
	for _, tbl := range h.Current().Tables() {
		want[tbl.Name] = len(tbl.Columns)
	}
	if got := tables(); !equal(got, want) {
		t.Fatalf("after up, tables and column counts %v, want %v", got, want)
	}
	sts, err := m.Status(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range sts {
		if !st.Applied {
			t.Errorf("version %d not applied after up", st.Version)
		}
	}
	if _, err := p.DownTo(ctx, 0); err != nil {
		t.Fatalf("down to 0: %v", err)
	}
	if got := tables(); len(got) != 0 {
		t.Fatalf("tables left after down to 0: %v", got)
	}
	if _, err := p.Up(ctx); err != nil {
		t.Fatalf("up again: %v", err)
	}
	if got := tables(); !equal(got, want) {
		t.Fatalf("after up again, tables %v, want %v", got, want)
	}

	// The lock table: a second holder waits, then gives up naming the first.
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	first := lock.Schema{Purpose: lock.Load, Dialect: d, DB: db, Schema: schema, Name: dialects.LoadLockName(schema), Table: "_mtx_load_lock", Timeout: time.Second}
	unlock, err := first.Take(ctx, conn)
	if err != nil {
		t.Fatalf("first lock: %v", err)
	}
	start := time.Now()
	_, err = first.Take(ctx, conn)
	var te *lock.TimeoutError
	if !errors.As(err, &te) || time.Since(start) < time.Second {
		t.Fatalf("second lock holder: %v after %s, want a timeout after 1s", err, time.Since(start))
	}
	if err := unlock(); err != nil {
		t.Fatal(err)
	}

	// Two deliveries of a generated export.
	dir := t.TempDir()
	man, err := demo.Generate(filepath.Join(dir, "all"), h.Current(), demo.Options{Customers: 6, Months: 2, Seed: 5, MaxRowsPerFile: 500})
	if err != nil {
		t.Fatal(err)
	}
	cut := man.Known.AsOf.Add(-20 * 24 * time.Hour)
	early := filepath.Join(dir, "early")
	for _, f := range man.Files {
		if f.TransferredAt.Before(cut) {
			copyFile(t, filepath.Join(man.Dir, f.Path), filepath.Join(early, f.Path))
		}
	}
	runLoad := func(dir string) *load.Summary {
		src, err := export.Open(ctx, dir)
		if err != nil {
			t.Fatal(err)
		}
		defer src.Close()
		sum, err := load.Run(ctx, load.Options{Dialect: d, DB: db, Schema: o, Catalog: h.Current(), Source: src, Warn: func(m string) { t.Log(m) }})
		if err != nil {
			t.Fatal(err)
		}
		if len(sum.Failed) > 0 {
			t.Fatalf("failed files: %v", sum.Failed)
		}
		return sum
	}
	reg, err := model.Load(h.Current(), nil, "")
	if err != nil {
		t.Fatal(err)
	}
	mp := &model.Project{Dialect: d, Schema: schema, Catalog: h.Current(), Models: reg}
	g, err := mp.Compile()
	if err != nil {
		t.Fatal(err)
	}
	sel, err := g.Select(nil)
	if err != nil {
		t.Fatal(err)
	}
	runner := &model.Runner{Project: mp, DB: db}
	count := func(rel string) int {
		var n int
		if err := db.QueryRow("SELECT COUNT(*) FROM " + d.Quote(schema) + "." + d.Quote(rel)).Scan(&n); err != nil {
			t.Fatalf("%s: %v", rel, err)
		}
		return n
	}

	sum := runLoad(early)
	if sum.Loaded == 0 || sum.Loaded == len(man.Files) {
		t.Fatalf("first delivery loaded %d of %d files, want some", sum.Loaded, len(man.Files))
	}
	if err := runner.Run(ctx, g, sel); err != nil {
		t.Fatalf("first run: %v", err)
	}
	sum = runLoad(man.Dir)
	if sum.Loaded+sum.Skipped != len(man.Files) || sum.Skipped == 0 {
		t.Fatalf("second delivery: %d loaded, %d skipped of %d files", sum.Loaded, sum.Skipped, len(man.Files))
	}
	if again := runLoad(man.Dir); again.Loaded != 0 {
		t.Fatalf("a rerun loaded %d files again", again.Loaded)
	}
	var rows int64
	for _, f := range man.Files {
		rows += int64(f.Rows)
	}
	var got int64
	for _, tbl := range h.Current().Tables() {
		got += int64(count(tbl.Name))
	}
	if got != rows {
		t.Fatalf("raw tables hold %d rows, the export has %d", got, rows)
	}
	if err := runner.Run(ctx, g, sel); err != nil {
		t.Fatalf("refresh: %v", err)
	}
	for table, n := range man.Known.CurrentRows {
		if c := count("current_" + table); c != n {
			t.Errorf("current_%s has %d rows, the generator says %d", table, c, n)
		}
	}
	if a, b := count("current_events"), count(model.LiveView("current_events")); a != b || a == 0 {
		t.Errorf("current_events has %d rows, current_events_live %d", a, b)
	}
	t.Logf("%d files (%d rows) in two deliveries; %d current-state models equal to the generator's counts",
		len(man.Files), rows, len(man.Known.CurrentRows))
}

func equal(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
