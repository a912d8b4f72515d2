package singlestore_test

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/dialects/enginetest"
	_ "github.com/mtxhq/mtx/dialects/singlestore/testadapter"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/internal/demo"
	"github.com/mtxhq/mtx/internal/discover"
	"github.com/mtxhq/mtx/internal/export"
	"github.com/mtxhq/mtx/internal/load"
	"github.com/mtxhq/mtx/internal/model"
	"github.com/mtxhq/mtx/internal/source"
	"github.com/mtxhq/mtx/tests/delivery"
)

// TestDeliveredOnMariaDB is the delivered-tables simulation of
// tests/delivered_test.go for SingleStore's adapter, on MariaDB (the
// MySQL-protocol harness of TestOnMariaDB): a generated export loaded the
// object-storage way and modelled, a delivered database built from it as
// the sync service would (tests/delivery, with SingleStore's test
// adapter), then source mode — discover, the source views and every
// current-state model of SingleStore's SQL — must give the same current_*
// rows. A partial delivery degrades as documented, and source check passes
// the clean delivery and fails a lossy decimal. Not covered here, for want
// of a SingleStore cluster: the cookbook views (JSON_EXTRACT_STRING), SHARD
// and SORT keys, and SingleStore's own catalog types (its JSON type; MariaDB
// stores JSON as LONGTEXT) — the source check's unit test covers those.
func TestDeliveredOnMariaDB(t *testing.T) {
	ctx := context.Background()
	db, objects, _ := mariaDB(t)
	d := onMariaDB{}
	a, err := enginetest.Get(d.Name())
	if err != nil {
		t.Fatal(err)
	}
	if !a.Delivered {
		t.Fatal("SingleStore's test adapter does not mark the delivered simulation as written (Delivered)")
	}
	_, h, o := migratedUp(ctx, t, d, db, objects)
	cat := h.Current()
	dir := filepath.Join(t.TempDir(), "export")
	if _, err := demo.Generate(dir, cat, demo.Options{Customers: 6, Months: 2, Seed: 3, MaxRowsPerFile: 1000, Transfers: 3}); err != nil {
		t.Fatal(err)
	}
	src, err := export.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	sum, err := load.Run(ctx, load.Options{Dialect: d, DB: db, Schema: o, Catalog: cat, Source: src, Warn: func(m string) { t.Log(m) }})
	if err != nil || len(sum.Failed) > 0 {
		t.Fatalf("load: %v, failed files %v", err, sum.Failed)
	}
	build := func(schema string, found *discover.Schema, selectors ...string) *model.Graph {
		t.Helper()
		var extra []*model.Node
		if found != nil {
			extra = model.SourceViewNodes(cat, nil)
		}
		reg, err := model.Load(cat, nil, "", extra...)
		if err != nil {
			t.Fatal(err)
		}
		p := &model.Project{Dialect: d, Schema: schema, Catalog: cat, Models: reg, Source: found}
		g, err := p.Compile()
		if err != nil {
			t.Fatal(err)
		}
		names, err := g.Select(selectors)
		if err != nil {
			t.Fatal(err)
		}
		if err := (&model.Runner{Project: p, DB: db}).Run(ctx, g, names); err != nil {
			t.Fatalf("building %s: %v", schema, err)
		}
		return g
	}
	build(objects, nil)

	delivered := freshDatabase(t, db)
	for _, st := range delivery.Statements(a, d, cat, objects, delivered, delivery.Options{}) {
		mustExec(t, db, st)
	}
	found, err := discover.Discover(ctx, d, db, delivered, cat, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep := found.Report(); len(rep) != 0 {
		t.Errorf("a complete delivery reported %q", rep)
	}
	models := freshDatabase(t, db)
	mustExec(t, db, "CREATE DATABASE "+d.Quote(models))
	build(models, found)
	for _, tbl := range cat.Tables() {
		// As in tests/delivered_test.go: where updated_at is when a row
		// last changed, the delivered model may name an earlier snapshot
		// id of the same rows (docs/models.md).
		except := ""
		if up, _ := tbl.Column("updated_at"); tbl.Snapshot == "snapshot_id" && !strings.Contains(up.Description, "exported") {
			except = "snapshot_id"
		}
		want := rows(t, db, d, objects, tbl, except)
		got := rows(t, db, d, models, tbl, except)
		if len(want) == 0 {
			t.Errorf("current_%s: the object-storage path has no rows; the comparison proves nothing", tbl.Name)
		}
		if strings.Join(want, "\n") != strings.Join(got, "\n") {
			t.Errorf("current_%s differs between object storage (%d rows) and delivered (%d rows)", tbl.Name, len(want), len(got))
		}
	}

	// Source check: the clean delivery has no error; a decimal that drops
	// the fraction is one.
	check := func() *source.Report {
		t.Helper()
		found, err := discover.Discover(ctx, d, db, delivered, cat, nil)
		if err != nil {
			t.Fatal(err)
		}
		rep, err := source.Check(discover.Source{Dialect: d, Schema: delivered, Delivered: true}, found, cat.Tables(), dialects.DefaultOptions())
		if err != nil {
			t.Fatal(err)
		}
		return rep
	}
	if rep := check(); rep.Errors != 0 {
		t.Errorf("source check of the clean delivery: %d errors, want 0: %+v", rep.Errors, rep.Findings)
	}
	mustExec(t, db, "ALTER TABLE "+d.Quote(delivered)+"."+d.Quote("invoice")+" MODIFY "+d.Quote("total")+" "+a.LossyDecimal)
	rep := check()
	flagged := false
	for _, tr := range rep.Tables {
		for _, f := range tr.Findings {
			flagged = flagged || (tr.Table == "invoice" && f.Column == "total" && f.Severity == source.Error)
		}
	}
	if rep.Errors == 0 || !flagged {
		t.Errorf("source check with invoice.total %s: %d errors, invoice.total flagged %v", a.LossyDecimal, rep.Errors, flagged)
	}

	// A partial delivery: two tables and a column missing, a column the
	// catalog does not know.
	partial := freshDatabase(t, db)
	for _, st := range delivery.Statements(a, d, cat, objects, partial, delivery.Options{Skip: map[string]bool{"line_item": true, "contracts_contracts": true},
		Drop: map[string]bool{"invoice.credit_type_name": true}, Extra: "loyalty_tier"}) {
		mustExec(t, db, st)
	}
	found, err = discover.Discover(ctx, d, db, partial, cat, nil)
	if err != nil {
		t.Fatal(err)
	}
	report := strings.Join(found.Report(), "\n")
	for _, want := range []string{
		"source schema " + partial + " lacks 2 export tables (no model for them): line_item, contracts_contracts",
		"lacks columns credit_type_name (NULL in the models)",
		"has columns the catalog does not know (drift; passed through in current_customer): loyalty_tier",
	} {
		if !strings.Contains(report, want) {
			t.Errorf("discover's report lacks %q:\n%s", want, report)
		}
	}
	models2 := freshDatabase(t, db)
	mustExec(t, db, "CREATE DATABASE "+d.Quote(models2))
	g := build(models2, found, "current_invoice", "current_customer")
	if why := g.Skipped["current_line_item"]; why != "source schema lacks table line_item" {
		t.Errorf("current_line_item skipped because %q", why)
	}
	var n int
	if err := db.QueryRow("SELECT COUNT(*) FROM " + d.Quote(models2) + ".current_invoice WHERE credit_type_name IS NOT NULL").Scan(&n); err != nil || n != 0 {
		t.Errorf("current_invoice.credit_type_name: %d non-NULL rows, err %v; want 0", n, err)
	}
	if err := db.QueryRow("SELECT COUNT(*) FROM " + d.Quote(models2) + ".current_customer WHERE loyalty_tier = 'drift'").Scan(&n); err != nil || n == 0 {
		t.Errorf("current_customer.loyalty_tier: %d rows, err %v; want the drift column passed through", n, err)
	}
}

// freshDatabase names a database no other run uses, dropped at the end.
func freshDatabase(t *testing.T, db *sql.DB) string {
	b := make([]byte, 4)
	rand.Read(b)
	name := "mtx_test_" + hex.EncodeToString(b)
	t.Cleanup(func() { db.Exec("DROP DATABASE IF EXISTS " + name) })
	return name
}

func mustExec(t *testing.T, db *sql.DB, st string) {
	t.Helper()
	if _, err := db.Exec(st); err != nil {
		t.Fatalf("%v\n%s", err, st)
	}
}

// rows reads current_<table> in schema, catalog columns but except, each
// row formatted, sorted.
func rows(t *testing.T, db *sql.DB, d dialects.Dialect, schema string, tbl *catalog.Table, except string) []string {
	t.Helper()
	var cols []string
	for _, c := range tbl.Columns {
		if !c.System && c.Name != except {
			cols = append(cols, d.Quote(c.Name))
		}
	}
	query := "SELECT " + strings.Join(cols, ", ") + " FROM " + d.Quote(schema) + "." + d.Quote("current_"+tbl.Name)
	out, err := enginetest.FormattedRows(context.Background(), db, query, " | ")
	if err != nil {
		t.Fatalf("current_%s in %s: %v", tbl.Name, schema, err)
	}
	sort.Strings(out)
	return out
}
