package tests

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	shipped "github.com/mtxhq/mtx/cookbook"
	"github.com/mtxhq/mtx/dialects/all"
	"github.com/mtxhq/mtx/dialects/enginetest"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/internal/cookbook"
	"github.com/mtxhq/mtx/internal/demo"
	"github.com/mtxhq/mtx/internal/discover"
	"github.com/mtxhq/mtx/internal/model"
	"github.com/mtxhq/mtx/tests/delivery"
	"github.com/mtxhq/mtx/tests/sqlcheck"
)

// deliver builds, in schema to, the tables Metronome's sync service would
// have delivered for the raw export loaded in schema from (tests/delivery):
// the tables at once where the engine takes statements concurrently.
func deliver(t *testing.T, e engine, db *sql.DB, cat *catalog.Catalog, from, to string, o delivery.Options) {
	t.Helper()
	for _, step := range delivery.Steps(e.a, e.d, cat, from, to, o) {
		execAll(t, e, db, step)
	}
}

func mustExec(t *testing.T, db *sql.DB, st string) {
	t.Helper()
	if _, err := db.Exec(st); err != nil {
		t.Fatalf("%v\n%s", err, st)
	}
}

// inParallel runs jobs, at most n at once (one after another, in order,
// when n < 2), and joins their errors.
func inParallel(n int, jobs ...func() error) error {
	errs := make([]error, len(jobs))
	slots := make(chan struct{}, max(1, n))
	var wg sync.WaitGroup
	for i, job := range jobs {
		slots <- struct{}{}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-slots }()
			errs[i] = job()
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// execAll runs independent statements, as many at once as the engine's
// adapter allows (Concurrent).
func execAll(t *testing.T, e engine, db *sql.DB, sts []string) {
	t.Helper()
	jobs := make([]func() error, len(sts))
	for i, st := range sts {
		jobs[i] = func() error {
			if _, err := db.Exec(st); err != nil {
				return fmt.Errorf("%v\n%s", err, st)
			}
			return nil
		}
	}
	if err := inParallel(e.a.Concurrent, jobs...); err != nil {
		t.Fatal(err)
	}
}

// queryAll reads each query's rows, formatted and sorted, as many queries
// at once as the engine's adapter allows (Concurrent).
func queryAll(t *testing.T, e engine, db *sql.DB, queries []string) [][]string {
	t.Helper()
	out := make([][]string, len(queries))
	jobs := make([]func() error, len(queries))
	for i, q := range queries {
		jobs[i] = func() error {
			rows, err := enginetest.FormattedRows(context.Background(), db, q, " | ")
			if err != nil {
				return fmt.Errorf("%s: %w", q, err)
			}
			sort.Strings(rows)
			out[i] = rows
			return nil
		}
	}
	if err := inParallel(e.a.Concurrent, jobs...); err != nil {
		t.Fatal(err)
	}
	return out
}

// relationQuery selects cols of relation as relationRows compares them;
// JSON documents as text, since the delivered ones are text.
func relationQuery(e engine, relation string, tbl *catalog.Table, except string) string {
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
	return "SELECT " + strings.Join(sel, ", ") + " FROM " + relation
}

// relationRows reads cols of relation, formatted and sorted (relationQuery).
func relationRows(t *testing.T, e engine, db *sql.DB, relation string, tbl *catalog.Table, except string) []string {
	t.Helper()
	return formattedRows(t, db, relationQuery(e, relation, tbl, except), " | ")
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
		// Where every statement is slow and the engine reads s3:// itself,
		// the export is loaded from S3: a table's files in one INSERT.
		from := dir
		if ok, _ := objectLoadable(e, "s3://bucket/exports/metronome"); ok && slow {
			from = s3Export(t, dir)
			phase("upload to S3")
		}
		for _, args := range [][]string{{"migrate", "up"}, {"load", from, "--quiet"}} {
			if out, err := mtx(append(args, "--schema", objects)...); err != nil {
				t.Fatalf("mtx %s: %v\n%s", args[0], err, out)
			}
			phase("object storage: mtx " + args[0])
		}
		runObjects := func() error {
			if out, err := mtx("run", "--schema", objects); err != nil {
				return fmt.Errorf("mtx run: %v\n%s", err, out)
			}
			return nil
		}
		delivered := freshSchema(t, e, conn())
		models := freshSchema(t, e, conn())
		// Where the engine takes statements concurrently, the
		// object-storage models build while the test delivers and builds
		// the delivered ones.
		built := make(chan error, 1)
		if e.a.Concurrent > 1 {
			go func() { built <- runObjects() }()
		} else {
			built <- runObjects()
			phase("object storage: mtx run")
		}
		deliver(t, e, conn(), cat, objects, delivered, delivery.Options{})
		phase("deliver (one CREATE TABLE AS per table)")
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
		if err := <-built; err != nil {
			t.Fatal(err)
		}
		if e.a.Concurrent > 1 {
			phase("object storage: mtx run (beside the two above)")
		}
		if strings.Contains(out, "lacks") || strings.Contains(out, "skipped") {
			t.Errorf("a complete delivery reported something missing:\n%s", out)
		}
		q := e.d.Quote
		// Both sides of every comparison, read at once where the engine
		// allows: the models, then the cookbook views.
		var queries []string
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
			queries = append(queries, relationQuery(e, q(objects)+"."+q(name), tbl, except), relationQuery(e, q(models)+"."+q(name), tbl, except))
		}
		book := cookbookViews(t)
		for _, v := range book {
			queries = append(queries, "SELECT * FROM "+q(objects)+"."+q(v), "SELECT * FROM "+q(models)+"."+q(v))
		}
		var tested []string
		if slow {
			tested = []string{"--select", "current_events", "--select", "current_draft_invoice", "--select", "current_invoice"}
		}
		dataTests := func() error {
			if out, err := mtx(append([]string{"test", "--schema", models, "--source-schema", delivered}, tested...)...); err != nil {
				return fmt.Errorf("mtx test --source-schema: %v\n%s", err, out)
			}
			return nil
		}
		// mtx test only reads: where the engine allows, it runs beside the
		// comparison.
		tests := make(chan error, 1)
		if e.a.Concurrent > 1 {
			go func() { tests <- dataTests() }()
		}
		read := queryAll(t, e, conn(), queries)
		for i, tbl := range cat.Tables() {
			name := "current_" + tbl.Name
			want, got := read[2*i], read[2*i+1]
			if len(want) == 0 {
				t.Errorf("%s: the object-storage path has no rows; the comparison proves nothing", name)
			}
			if d := diff(want, got); d != "" {
				t.Errorf("%s differs between object storage and delivered:\n%s", name, d)
			}
		}
		for i, v := range book {
			at := 2 * (len(cat.Tables()) + i)
			want, got := fakesnowSums(e, read[at]), fakesnowSums(e, read[at+1])
			if d := diff(want, got); d != "" {
				t.Errorf("%s differs between object storage and delivered:\n%s", v, d)
			}
		}
		phase(fmt.Sprintf("compare %d models and %d cookbook views", len(cat.Tables()), len(book)))
		if e.a.Concurrent <= 1 {
			tests <- dataTests()
		}
		if err := <-tests; err != nil {
			t.Error(err)
		}
		phase("delivered: mtx test")

		// The sync service changes rows in place: a newer version of some
		// events, a re-sent row (unchanged), and a new draft_invoice
		// snapshot in which some invoices vanished. A second mtx run must
		// equal a full build from scratch.
		ev := q(delivered) + "." + q("events")
		ds := delivery.For(e.a)
		di := q(delivered) + "." + q("draft_invoice")
		c := conn()
		inOrder := func(sts ...string) func() error {
			return func() error {
				for _, st := range sts {
					if _, err := c.Exec(st); err != nil {
						return fmt.Errorf("%v\n%s", err, st)
					}
				}
				return nil
			}
		}
		if err := inParallel(e.a.Concurrent,
			inOrder(ds.Update(ev, q("transaction_id"), q("event_type")+" = 'changed', "+q("updated_at")+" = "+q("updated_at")+" + "+ds.Day, q("transaction_id")+" IN (SELECT "+q("transaction_id")+" FROM "+ev+" WHERE "+q("customer_id")+" = (SELECT MIN("+q("customer_id")+") FROM "+ev+"))"),
				ds.Update(ev, q("transaction_id"), q("customer_id")+" = "+q("customer_id"), q("event_type")+" = 'changed'")),
			inOrder("INSERT INTO "+di+" SELECT * FROM "+di+" WHERE "+q("snapshot_time")+" = (SELECT MAX("+q("snapshot_time")+") FROM "+di+")",
				ds.Update(di, q("_metronome_metadata_id"), q("snapshot_time")+" = "+q("snapshot_time")+" + "+ds.Day, q("_metronome_metadata_id")+" IN (SELECT "+q("_metronome_metadata_id")+" FROM "+di+" WHERE "+q("snapshot_time")+" = (SELECT MAX("+q("snapshot_time")+") FROM "+di+") AND "+q("total")+" IS NOT NULL) AND "+q("id")+" <> (SELECT MIN("+q("id")+") FROM "+di+")")),
		); err != nil {
			t.Fatal(err)
		}
		phase("in-place updates and a new snapshot")
		// On slow engines only the models of the two changed tables are
		// built again.
		var changedModels []string
		if slow {
			changedModels = []string{"--select", "current_events", "--select", "current_draft_invoice"}
		}
		rebuilt := freshSchema(t, e, conn())
		runInto := func(schema, what string) func() error {
			return func() error {
				if out, err := mtx(append([]string{"run", "--schema", schema, "--source-schema", delivered}, changedModels...)...); err != nil {
					return fmt.Errorf("%s: %v\n%s", what, err, out)
				}
				return nil
			}
		}
		if err := inParallel(e.a.Concurrent, runInto(models, "second mtx run --source-schema"), runInto(rebuilt, "mtx run into a fresh schema")); err != nil {
			t.Fatal(err)
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
		var drops, creates []string
		for _, name := range []string{"line_item", "contracts_contracts", "invoice", "customer"} {
			drops = append(drops, "DROP TABLE "+q(partial)+"."+q(name))
		}
		for _, name := range []string{"invoice", "customer"} {
			tbl, _ := cat.Table(name)
			creates = append(creates, delivery.Table(e.a, e.d, tbl, objects, partial,
				delivery.Options{Drop: map[string]bool{"invoice.credit_type_name": true}, Extra: "loyalty_tier"}))
		}
		execAll(t, e, conn(), drops)
		execAll(t, e, conn(), creates)
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
		if e.a.Concurrent > 1 {
			// The schemas go at once (their cleanups then find them gone).
			execAll(t, e, conn(), []string{e.a.DropSchemaSQL(q(models2)), e.a.DropSchemaSQL(q(partial)), e.a.DropSchemaSQL(q(objects))})
			phase("drop the schemas")
		}
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
			sts := sqlcheck.SplitScript(script)
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
