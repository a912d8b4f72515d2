package tests

import (
	"bytes"
	"database/sql"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	shipped "github.com/mtxhq/mtx/cookbook"
	"github.com/mtxhq/mtx/dialects/all"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/internal/cookbook"
	"github.com/mtxhq/mtx/internal/demo"
	"github.com/mtxhq/mtx/internal/discover"
	"github.com/mtxhq/mtx/internal/model"
	"github.com/mtxhq/mtx/tests/delivery"
	"github.com/mtxhq/mtx/tests/sqlcheck"
)

// deliver builds, in schema to, the tables Metronome's sync service would
// have delivered for the raw export loaded in schema from (tests/delivery).
func deliver(t *testing.T, e engine, db *sql.DB, cat *catalog.Catalog, from, to string, o delivery.Options) {
	t.Helper()
	for _, st := range delivery.Statements(e.a, e.d, cat, from, to, o) {
		mustExec(t, db, st)
	}
}

func mustExec(t *testing.T, db *sql.DB, st string) {
	t.Helper()
	if _, err := db.Exec(st); err != nil {
		t.Fatalf("%v\n%s", err, st)
	}
}

// relationRows reads cols of relation, formatted and sorted; JSON
// documents as text, since the delivered ones are text.
func relationRows(t *testing.T, e engine, db *sql.DB, relation string, tbl *catalog.Table, except string) []string {
	t.Helper()
	m := e.d.Macros()
	var sel []string
	for _, c := range tbl.Columns {
		if c.System || c.Name == except {
			continue
		}
		expr := e.d.Quote(c.Name)
		if c.Type == catalog.JSON {
			expr = m.CastString(expr)
		}
		sel = append(sel, expr)
	}
	return formattedRows(t, db, "SELECT "+strings.Join(sel, ", ")+" FROM "+relation, " | ")
}

// TestDeliveredMatchesObjectStorage: the same generated export, once loaded
// by mtx from object storage and once as Metronome's sync service would
// deliver it into a warehouse schema (source mode), gives the same
// current_* models and the same cookbook answers; a destination missing
// tables and columns degrades as documented; migrate and load refuse.
func TestDeliveredMatchesObjectStorage(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e engine) {
		if !e.a.Delivered {
			t.Skipf("the delivered-destination simulation is not written for %s yet (README: tests)", e.name)
		}
		bin := mtxBinary(t)
		s := newSetup(t, e)
		cat := s.history.Current()
		dir := t.TempDir()
		// Where every statement costs the engine a fraction of a second
		// (emulators), the export keeps 2 transfers per table (the first
		// and the latest snapshot; incremental changes in two batches):
		// the same current state in a fifth of the files, each of which
		// the load pays for in several statements; and mtx test and the
		// runs after the first build only the models the in-place changes
		// and the partial delivery touch (the others are views over
		// delivered tables).
		slow := e.a.SlowRows
		opts := demo.Options{Customers: 6, Months: 2, Seed: 3, MaxRowsPerFile: 1000}
		if slow {
			opts.Transfers = 2
		}
		m, err := demo.Generate(dir, cat, opts)
		if err != nil {
			t.Fatal(err)
		}
		start, last := time.Now(), time.Now()
		phase := func(what string) {
			t.Logf("%-46s %6.1f s (total %6.1f s)", what, time.Since(last).Seconds(), time.Since(start).Seconds())
			last = time.Now()
		}
		phase(fmt.Sprintf("generate (%d files)", len(m.Files)))
		db := s.db
		mtx := func(args ...string) (string, error) {
			if e.embedded() && db != nil {
				db.Close() // one process at a time holds a DuckDB file
				db = nil
			}
			cmd := execMtx(t, bin, append(args, "--dialect", e.name, "--dsn", e.dsn)...)
			var out, errOut bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &errOut
			err := cmd.Run()
			return out.String() + errOut.String(), err
		}
		conn := func() *sql.DB {
			if db == nil {
				db = e.open(t)
			}
			return db
		}
		objects := s.o.Schema
		for _, args := range [][]string{{"migrate", "up"}, {"load", dir, "--quiet"}, {"run"}} {
			if out, err := mtx(append(args, "--schema", objects)...); err != nil {
				t.Fatalf("mtx %s: %v\n%s", args[0], err, out)
			}
			phase("object storage: mtx " + args[0])
		}
		delivered := freshSchema(t, e, conn())
		deliver(t, e, conn(), cat, objects, delivered, delivery.Options{})
		phase("deliver (one CREATE TABLE AS per table)")
		models := freshSchema(t, e, conn())
		for _, args := range [][]string{{"migrate", "up"}, {"load", dir}} {
			out, err := mtx(append(args, "--schema", models, "--source-schema", delivered)...)
			if err == nil || !strings.Contains(out, "refuses with a source schema") {
				t.Errorf("mtx %s in source mode: %v, want a refusal\n%s", args[0], err, out)
			}
		}
		out, err := mtx("run", "--schema", models, "--source-schema", delivered)
		if err != nil {
			t.Fatalf("mtx run --source-schema: %v\n%s", err, out)
		}
		phase("delivered: mtx run")
		if strings.Contains(out, "lacks") || strings.Contains(out, "skipped") {
			t.Errorf("a complete delivery reported something missing:\n%s", out)
		}
		q := e.d.Quote
		for _, tbl := range cat.Tables() {
			name := "current_" + tbl.Name
			// Where updated_at is when a row last changed (not when it was
			// exported), two snapshot ids with the same newest row cannot
			// be ordered without the transfer time: the delivered model may
			// name the earlier one (docs/models.md), its rows the same.
			except := ""
			if up, _ := tbl.Column("updated_at"); tbl.Snapshot == "snapshot_id" && !strings.Contains(up.Description, "exported") {
				except = "snapshot_id"
			}
			want := relationRows(t, e, conn(), q(objects)+"."+q(name), tbl, except)
			got := relationRows(t, e, conn(), q(models)+"."+q(name), tbl, except)
			if len(want) == 0 {
				t.Errorf("%s: the object-storage path has no rows; the comparison proves nothing", name)
			}
			if d := diff(want, got); d != "" {
				t.Errorf("%s differs between object storage and delivered:\n%s", name, d)
			}
		}
		book := cookbookViews(t)
		for _, v := range book {
			want := fakesnowSums(e, formattedRows(t, conn(), "SELECT * FROM "+q(objects)+"."+q(v), " | "))
			got := fakesnowSums(e, formattedRows(t, conn(), "SELECT * FROM "+q(models)+"."+q(v), " | "))
			if d := diff(want, got); d != "" {
				t.Errorf("%s differs between object storage and delivered:\n%s", v, d)
			}
		}
		phase(fmt.Sprintf("compare %d models and %d cookbook views", len(cat.Tables()), len(book)))
		var tested []string
		if slow {
			tested = []string{"--select", "current_events", "--select", "current_draft_invoice", "--select", "current_invoice"}
		}
		if out, err := mtx(append([]string{"test", "--schema", models, "--source-schema", delivered}, tested...)...); err != nil {
			t.Errorf("mtx test --source-schema: %v\n%s", err, out)
		}
		phase("delivered: mtx test")

		// The sync service changes rows in place: a newer version of some
		// events, a re-sent row (unchanged), and a new draft_invoice
		// snapshot in which some invoices vanished. A second mtx run must
		// equal a full build from scratch.
		ev := q(delivered) + "." + q("events")
		ds := delivery.For(e.a)
		mustExec(t, conn(), ds.Update(ev, q("event_type")+" = 'changed', "+q("updated_at")+" = "+q("updated_at")+" + "+ds.Day, q("transaction_id")+" IN (SELECT "+q("transaction_id")+" FROM "+ev+" WHERE "+q("customer_id")+" = (SELECT MIN("+q("customer_id")+") FROM "+ev+"))"))
		mustExec(t, conn(), ds.Update(ev, q("customer_id")+" = "+q("customer_id"), q("event_type")+" = 'changed'"))
		di := q(delivered) + "." + q("draft_invoice")
		mustExec(t, conn(), "INSERT INTO "+di+" SELECT * FROM "+di+" WHERE "+q("snapshot_time")+" = (SELECT MAX("+q("snapshot_time")+") FROM "+di+")")
		mustExec(t, conn(), ds.Update(di, q("snapshot_time")+" = "+q("snapshot_time")+" + "+ds.Day, q("_metronome_metadata_id")+" IN (SELECT "+q("_metronome_metadata_id")+" FROM "+di+" WHERE "+q("snapshot_time")+" = (SELECT MAX("+q("snapshot_time")+") FROM "+di+") AND "+q("total")+" IS NOT NULL) AND "+q("id")+" <> (SELECT MIN("+q("id")+") FROM "+di+")"))
		phase("in-place updates and a new snapshot")
		// On slow engines only the models of the two changed tables are
		// built again.
		var changedModels []string
		if slow {
			changedModels = []string{"--select", "current_events", "--select", "current_draft_invoice"}
		}
		if out, err := mtx(append([]string{"run", "--schema", models, "--source-schema", delivered}, changedModels...)...); err != nil {
			t.Fatalf("second mtx run --source-schema: %v\n%s", err, out)
		}
		rebuilt := freshSchema(t, e, conn())
		if out, err := mtx(append([]string{"run", "--schema", rebuilt, "--source-schema", delivered}, changedModels...)...); err != nil {
			t.Fatalf("mtx run into a fresh schema: %v\n%s", err, out)
		}
		phase("second mtx run, and a full build into a fresh schema")
		var changed int
		if err := conn().QueryRow("SELECT COUNT(*) FROM " + q(models) + "." + q("current_events") + " WHERE event_type = 'changed'").Scan(&changed); err != nil || changed == 0 {
			t.Errorf("current_events after in-place updates: %d changed rows (err %v), want some", changed, err)
		}
		for _, tbl := range cat.Tables() {
			if slow && tbl.Name != "events" && tbl.Name != "draft_invoice" {
				continue
			}
			name := "current_" + tbl.Name
			want := relationRows(t, e, conn(), q(rebuilt)+"."+q(name), tbl, "")
			got := relationRows(t, e, conn(), q(models)+"."+q(name), tbl, "")
			if d := diff(want, got); d != "" {
				t.Errorf("%s after a second run differs from a full build:\n%s", name, d)
			}
		}

		phase("compare the second run with the full build")

		// A destination without some tables and columns, and with a column
		// the catalog does not know: the delivered schema without
		// line_item and contracts_contracts, invoice delivered again
		// without credit_type_name, customer with loyalty_tier.
		// The schemas built on it go first: PostgreSQL refuses to drop a
		// table that a view reads.
		for _, built := range []string{models, rebuilt} {
			mustExec(t, conn(), e.a.DropSchemaSQL(q(built)))
		}
		partial := delivered
		for _, name := range []string{"line_item", "contracts_contracts", "invoice", "customer"} {
			mustExec(t, conn(), "DROP TABLE "+q(partial)+"."+q(name))
		}
		for _, name := range []string{"invoice", "customer"} {
			tbl, _ := cat.Table(name)
			mustExec(t, conn(), delivery.Table(e.a, e.d, tbl, objects, partial,
				delivery.Options{Drop: map[string]bool{"invoice.credit_type_name": true}, Extra: "loyalty_tier"}))
		}
		phase("make the delivery partial")
		models2 := freshSchema(t, e, conn())
		// The report and the skipped models are printed whatever is selected.
		var partialModels []string
		if slow {
			partialModels = []string{"--select", "current_invoice", "--select", "current_customer"}
		}
		out, err = mtx(append([]string{"run", "--schema", models2, "--source-schema", partial}, partialModels...)...)
		if err != nil {
			t.Fatalf("mtx run on a partial delivery: %v\n%s", err, out)
		}
		phase("partial delivery: mtx run")
		for _, want := range []string{
			"source schema " + partial + " lacks 2 export tables (no model for them): line_item, contracts_contracts",
			"lacks columns credit_type_name (NULL in the models)",
			"has columns the catalog does not know (drift; passed through in current_customer): loyalty_tier",
			"skipped current_line_item: source schema lacks table line_item",
		} {
			if !strings.Contains(strings.ToLower(out), strings.ToLower(want)) { // names as found: upper case on Snowflake
				t.Errorf("mtx run output lacks %q:\n%s", want, out)
			}
		}
		out2, err := mtx("cookbook", "run", "archived_contracts", "--schema", models2, "--source-schema", partial)
		if err == nil || !strings.Contains(out2, "cookbook archived_contracts is skipped: source schema "+partial+" lacks table contracts_contracts") {
			t.Errorf("mtx cookbook run on a missing table: %v\n%s", err, out2)
		}
		if strings.Count(out, "lacks 2 export tables") != 1 {
			t.Errorf("missing tables reported other than once:\n%s", out)
		}
		var n int
		if err := conn().QueryRow("SELECT COUNT(*) FROM " + q(models2) + "." + q("current_invoice") + " WHERE credit_type_name IS NOT NULL").Scan(&n); err != nil || n != 0 {
			t.Errorf("current_invoice.credit_type_name: %d non-NULL rows, err %v; want 0", n, err)
		}
		if err := conn().QueryRow("SELECT COUNT(*) FROM " + q(models2) + "." + q("current_customer") + " WHERE loyalty_tier = 'drift'").Scan(&n); err != nil || n == 0 {
			t.Errorf("current_customer.loyalty_tier: %d rows, err %v; want the drift column passed through", n, err)
		}
		for _, m := range []string{"current_line_item", "current_contracts_contracts", "cookbook_archived_contracts"} {
			if err := conn().QueryRow("SELECT COUNT(*) FROM " + q(models2) + "." + q(m)).Scan(&n); err == nil {
				t.Errorf("%s was built, though its table is missing", m)
			}
		}
		phase("partial delivery: checks")
	})
}

// cookbookViews are the cookbook_ views mtx run builds: one per shipped entry.
func cookbookViews(t *testing.T) []string {
	book, err := cookbook.Load(shipped.FS)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, entry := range book.Entries() {
		out = append(out, cookbook.ViewName(entry))
	}
	return out
}

// fakesnowSums rounds float cells to 12 significant digits on fakesnow,
// which returns SUM of a NUMBER column as a float whose last digits depend
// on the order it adds the rows in (Snowflake itself sums exactly).
func fakesnowSums(e engine, rows []string) []string {
	if !e.gaps().FloatSums {
		return rows
	}
	out := make([]string, len(rows))
	for i, r := range rows {
		cells := strings.Split(r, " | ")
		for j, c := range cells {
			if f, err := strconv.ParseFloat(c, 64); err == nil && strings.Contains(c, ".") {
				cells[j] = strconv.FormatFloat(f, 'g', 12, 64)
			}
		}
		out[i] = strings.Join(cells, " | ")
	}
	sort.Strings(out)
	return out
}

// diff describes the rows only in want or only in got (both sorted).
func diff(want, got []string) string {
	count := map[string]int{}
	for _, r := range want {
		count[r]++
	}
	for _, r := range got {
		count[r]--
	}
	var b strings.Builder
	n := 0
	for _, r := range append(append([]string{}, want...), got...) {
		c := count[r]
		if c == 0 || n >= 6 {
			continue
		}
		if c > 0 {
			fmt.Fprintf(&b, "  only object storage: %s\n", r)
		} else {
			fmt.Fprintf(&b, "  only delivered:      %s\n", r)
		}
		count[r] = 0
		n++
	}
	if len(want) != len(got) {
		fmt.Fprintf(&b, "  %d rows vs %d\n", len(want), len(got))
	}
	return b.String()
}

// TestDeliveredModelSQLParses parse-validates with sqlglot every statement
// `mtx run` would execute in source mode for the built-in models (the
// source views and the current-state models on delivered tables), in every
// dialect: Redshift and BigQuery get no live delivered test, so this is
// what their source-mode SQL gets.
func TestDeliveredModelSQLParses(t *testing.T) {
	h, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range all.Names() {
		t.Run(name, func(t *testing.T) {
			record(parseMatrixName(name), t)
			needSQLGlot(t, parseMatrixName(name))
			d, err := all.Get(name)
			if err != nil {
				t.Fatal(err)
			}
			reg, err := model.Load(h.Current(), nil, "", model.SourceViewNodes(h.Current(), nil)...)
			if err != nil {
				t.Fatal(err)
			}
			p := &model.Project{Dialect: d, Schema: "metronome", Catalog: h.Current(), Models: reg,
				Source: discover.Assume("delivered", h.Current(), nil)}
			g, err := p.Compile()
			if err != nil {
				t.Fatal(err)
			}
			script, err := g.Script(p, g.Order)
			if err != nil {
				t.Fatal(err)
			}
			sts := splitScript(script)
			failures, version, err := sqlcheck.Validate(name, sts)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range failures {
				if _, ok := gapFor(name, f.SQL); ok {
					continue
				}
				if renameGap(name) && strings.HasPrefix(f.SQL, "RENAME TABLE ") {
					continue
				}
				t.Errorf("sqlglot %s rejects %s source-mode SQL: %s", version, name, f)
			}
			t.Logf("%d source-mode statements checked by sqlglot %s (%s dialect)", len(sts), version, name)
		})
	}
}
