package tests

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	shipped "github.com/mtxhq/mtx/cookbook"
	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/dialects/enginetest"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/internal/cookbook"
	"github.com/mtxhq/mtx/internal/ddl"
	"github.com/mtxhq/mtx/internal/output"
)

// openZoned connects with the session in Los Angeles time, far from UTC,
// so a bucket that followed the session's time zone would land in the
// wrong month: a session statement (the adapter's SessionZone) on the
// test's one connection, or a DSN parameter sent with every query
// (ZoneDSNParam) where the session forgets a SET. An engine with neither
// (BigQuery) has UTC as every query's default zone.
func openZoned(t *testing.T, e engine) *sql.DB {
	t.Helper()
	if p := e.a.ZoneDSNParam; p != "" {
		e.dsn = enginetest.WithParam(e.dsn, p)
	}
	db := e.open(t)
	db.SetMaxOpenConns(1)
	if st := e.a.SessionZone; st != "" {
		if _, err := db.Exec(st); err != nil {
			if !(e.gaps().NoSessionZone && strings.Contains(err.Error(), "not implemented")) {
				t.Fatalf("%s: %v", st, err)
			}
			t.Logf("%s: %v (emulator gap; the session keeps the emulator's zone)", st, err)
		}
	}
	return db
}

// gaps are the results an emulator behind the engine's DSN gives unlike
// the engine (fakesnow: the epoch for a NULL timestamp, SUM of a decimal
// as a float; TestFakesnowGaps proves both and fails once they are fixed).
// The harness reads the epoch as NULL (no fixture value is the epoch) and
// accepts a float equal to the expected decimal at float precision, on
// such an emulator only.
func (e engine) gaps() enginetest.Gaps { return e.a.GapsFor(e.dsn) }

const epoch = "1970-01-01T00:00:00Z"

// fakesnowNulls turns an emulator's epoch-for-NULL back into NULL.
func fakesnowNulls(e engine, res *output.Result) {
	if !e.gaps().EpochForNull {
		return
	}
	for _, row := range res.Rows {
		for i, v := range row {
			if v != nil && *v == epoch {
				row[i] = nil
			}
		}
	}
}

// sameAnswer compares normalized rows; on an emulator that sums decimals
// as floats (fakesnow) a float cell matches a decimal that rounds to it.
// It returns the rows to record for the cross-engine comparison: want's
// cells where a float matched.
func sameAnswer(e engine, got, want [][]string) ([][]string, bool) {
	if fmt.Sprint(got) == fmt.Sprint(want) {
		return got, true
	}
	if !e.gaps().FloatSums || len(got) != len(want) {
		return got, false
	}
	out := make([][]string, len(got))
	for i := range got {
		if len(got[i]) != len(want[i]) {
			return got, false
		}
		out[i] = append([]string(nil), got[i]...)
		for j := range got[i] {
			if got[i][j] == want[i][j] {
				continue
			}
			g, err1 := strconv.ParseFloat(got[i][j], 64)
			w, err2 := strconv.ParseFloat(want[i][j], 64)
			if err1 != nil || err2 != nil || g != w || !strings.ContainsAny(got[i][j], "e") {
				return got, false
			}
			out[i][j] = want[i][j]
		}
	}
	return out, true
}

// execArgs runs one statement with arguments the way a loader would: a
// prepared statement in a transaction, which on ClickHouse is
// clickhouse-go's batch (its plain Exec binds time.Time as whole seconds);
// BigQuery has no transactions, so its statement runs on the pool.
func execArgs(ctx context.Context, e engine, db *sql.DB, query string, args ...any) error {
	if e.a.NoTransactions {
		_, err := db.ExecContext(ctx, query, args...)
		return err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	st, err := tx.PrepareContext(ctx, query)
	if err != nil {
		return err
	}
	if _, err := st.ExecContext(ctx, args...); err != nil {
		st.Close()
		return err
	}
	if err := st.Close(); err != nil {
		return err
	}
	return tx.Commit()
}

// setupCookbook creates, in a fresh schema, the raw export tables the
// cookbook reads and a current_<table> copy of each with the catalog's
// columns (the current-state models come from `mtx run`; plain tables with
// the same columns are enough to run the queries, and prove every column
// they name exists), then loads the fixture with the session in Los
// Angeles time.
func setupCookbook(t *testing.T, e engine) (*cookbook.Book, *cookbook.Renderer, dialects.Options, *sql.DB) {
	t.Helper()
	ctx := context.Background()
	db := openZoned(t, e)
	o := dialects.DefaultOptions()
	o.Schema = freshSchema(t, e, db)
	h, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	cur := h.Current()
	b, err := cookbook.Load(shipped.FS)
	if err != nil {
		t.Fatal(err)
	}
	r, err := cookbook.NewRenderer(e.d, o, cur)
	if err != nil {
		t.Fatal(err)
	}
	needed := map[string]bool{}
	for _, entry := range b.Entries() {
		rd, err := r.Render(entry, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, tb := range rd.Tables {
			needed[tb] = true
		}
	}
	var ops []catalog.Operation
	for _, tb := range cur.Tables() {
		if !needed[tb.Name] {
			continue
		}
		for _, name := range []string{tb.Name, cookbook.CurrentPrefix + tb.Name} {
			cp := *tb
			cp.Name = name
			cp.Columns = nil
			for _, c := range tb.Columns {
				if !c.System {
					cp.Columns = append(cp.Columns, c)
				}
			}
			ops = append(ops, catalog.Operation{CreateTable: &cp})
		}
	}
	cat, err := catalog.Empty().Apply(catalog.Changeset{Version: 1, File: "cookbook fixture", Operations: ops})
	if err != nil {
		t.Fatal(err)
	}
	dr, err := ddl.New(e.d, o)
	if err != nil {
		t.Fatal(err)
	}
	sts, err := dr.Script(cat, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range sts {
		if _, err := db.ExecContext(ctx, st.SQL); err != nil {
			t.Fatalf("%s: %v", st.SQL, err)
		}
	}
	// The fixture's rows.
	for key, rows := range fixture {
		name := cookbook.CurrentPrefix + key
		if raw, ok := strings.CutPrefix(key, "raw:"); ok {
			name = raw
		} else if !needed[key] {
			t.Fatalf("fixture table %s is read by no entry", key)
		}
		if _, ok := cat.Table(name); !ok {
			t.Fatalf("fixture table %s is not in the catalog", name)
		}
		tbl, _ := cat.Table(name)
		// One multi-row INSERT per table: the columns any row names, NULL
		// where a row leaves one out (no column has a default).
		seen := map[string]bool{}
		var keys []string
		for _, rw := range rows {
			for k := range rw {
				if !seen[k] {
					seen[k] = true
					keys = append(keys, k)
				}
			}
		}
		sort.Strings(keys)
		var cols []catalog.Column
		for _, k := range keys {
			c, ok := tbl.Column(k)
			if !ok {
				t.Fatalf("fixture column %s.%s is not in the catalog", name, k)
			}
			cols = append(cols, c)
		}
		// Rows sharing a key (one id in both environments) go in separate
		// INSERTs, as separate loads would: an engine that deduplicates a
		// block by key as it writes it (ClickHouse's ReplacingMergeTree)
		// would keep only one.
		var batches [][][]any
		var batchKeys []map[string]bool
		for _, rw := range rows {
			var vs []any
			for _, k := range keys {
				vs = append(vs, rw[k])
			}
			id := fmt.Sprint(keyOf(tbl, rw))
			i := 0
			for i < len(batches) && batchKeys[i][id] {
				i++
			}
			if i == len(batches) {
				batches = append(batches, nil)
				batchKeys = append(batchKeys, map[string]bool{})
			}
			batches[i] = append(batches[i], vs)
			batchKeys[i][id] = true
		}
		for _, vals := range batches {
			if err := insertValues(ctx, e, db, o.Schema, name, cols, vals); err != nil {
				t.Fatalf("fixture %s: %v", name, err)
			}
		}
	}
	return b, r, o, db
}

// keyOf is a fixture row's values of the table's key columns.
func keyOf(tbl *catalog.Table, rw row) []any {
	var k []any
	for _, c := range tbl.Key {
		k = append(k, rw[c])
	}
	return k
}

var trailingZeros = regexp.MustCompile(`^(-?\d+)\.(\d*?)0*$`)

// normalize removes formatting differences between engines: decimals'
// trailing zeros (NUMERIC(38,9) prints 10.500000000, DuckDB 10.5).
func normalize(res *output.Result) [][]string {
	var out [][]string
	for _, row := range res.Rows {
		var r []string
		for _, v := range row {
			if v == nil {
				r = append(r, N)
				continue
			}
			s := *v
			if m := trailingZeros.FindStringSubmatch(s); m != nil {
				s = m[1]
				if m[2] != "" {
					s += "." + m[2]
				}
			}
			r = append(r, s)
		}
		out = append(out, r)
	}
	return out
}

// queryTyped is output.Query, also returning the engine's column types.
func queryTyped(ctx context.Context, db *sql.DB, query string) (*output.Result, []*sql.ColumnType, error) {
	rows, err := db.QueryContext(ctx, query)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	cts, err := rows.ColumnTypes()
	if err != nil {
		return nil, nil, err
	}
	res, err := output.Read(rows)
	return res, cts, err
}

// moneyColumn matches the names of the columns that hold amounts of money
// (invoice_total, total_amount, revenue, subtotal_sum, threshold, ...).
var moneyColumn = regexp.MustCompile(`(?i)(^|_)(total|amount|revenue|balance|threshold|subtotal)(_sum)?$`)

// checkColumns checks an entry's result columns on one engine: named as the
// entry's SQL names them (so every engine answers with the same names,
// Snowflake folding them to upper case), no float anywhere (a sum of
// money through a float picks up noise), and money as exact decimals.
func checkColumns(t *testing.T, e engine, entry, query string, res *output.Result, cts []*sql.ColumnType) {
	t.Helper()
	want, err := cookbook.OutputColumns(query)
	if err != nil {
		t.Errorf("%s: %v", entry, err)
		return
	}
	for i, w := range want {
		if e.a.FoldsUpper {
			want[i] = strings.ToUpper(w)
		}
	}
	if strings.Join(res.Columns, ",") != strings.Join(want, ",") {
		t.Errorf("%s: columns %q, want %q", entry, res.Columns, want)
	}
	if e.gaps().FloatSums {
		return // fakesnow sums NUMBER as FLOAT (TestFakesnowGaps)
	}
	for i, ct := range cts {
		typ := strings.ToUpper(ct.DatabaseTypeName())
		float := strings.Contains(typ, "FLOAT") || strings.Contains(typ, "DOUBLE") || typ == "REAL"
		exact := strings.Contains(typ, "DECIMAL") || strings.Contains(typ, "NUMERIC") || strings.HasPrefix(typ, "NUMBER") || typ == "FIXED"
		switch {
		case float:
			t.Errorf("%s: column %s is a float (%s); sum money as the project's DECIMAL", entry, res.Columns[i], typ)
		case moneyColumn.MatchString(res.Columns[i]) && !exact:
			t.Errorf("%s: money column %s is %s, want an exact decimal", entry, res.Columns[i], typ)
		}
	}
}

// TestCookbookKnownAnswers runs every cookbook entry on every live engine
// against the fixture, with the session in Los Angeles time, and checks
// the exact answers, the columns' names and that money comes back as exact
// decimals; then checks the engines agree with each other.
func TestCookbookKnownAnswers(t *testing.T) {
	answers := map[string]map[string]string{} // engine -> run -> answer
	var answersMu sync.Mutex                  // the engines run at once
	forEachEngine(t, func(t *testing.T, e engine) {
		ctx := context.Background()
		b, r, _, db := setupCookbook(t, e)
		mine := map[string]string{}
		defer func() {
			answersMu.Lock()
			answers[e.name] = mine
			answersMu.Unlock()
			shareAnswers(t, e.name, mine)
		}()
		for _, entry := range b.Entries() {
			exps, ok := expected[entry.Name]
			if !ok {
				t.Errorf("%s: no expected answer in the fixture", entry.Name)
				continue
			}
			for i, x := range exps {
				rd, err := r.Render(entry, x.params)
				if err != nil {
					t.Fatal(err)
				}
				res, cts, err := queryTyped(ctx, db, rd.SQL)
				if err != nil {
					t.Errorf("%s %v: %v\n%s", entry.Name, x.params, err, rd.SQL)
					continue
				}
				if i == 0 {
					checkColumns(t, e, entry.Name, rd.SQL, res, cts)
					// Compared across engines below, whatever the SQL says.
					mine[entry.Name+"#columns"] = strings.ToLower(strings.Join(res.Columns, ","))
				}
				fakesnowNulls(e, res)
				got, ok := sameAnswer(e, normalize(res), x.rows)
				if !ok {
					t.Errorf("%s %v:\n got %q\nwant %q\n%s", entry.Name, x.params, got, x.rows, rd.SQL)
				}
				mine[fmt.Sprintf("%s#%d", entry.Name, i)] = fmt.Sprint(got)
			}
		}
	})
	var engines []string
	for n := range answers {
		engines = append(engines, n)
	}
	sort.Strings(engines)
	for _, a := range engines[min(1, len(engines)):] {
		for run, ans := range answers[engines[0]] {
			if answers[a][run] != ans {
				t.Errorf("%s: %s answers %s, %s answers %s", run, engines[0], ans, a, answers[a][run])
			}
		}
	}
}

// TestCookbookViews creates the cookbook_<name> views (what `mtx run`
// does) and reads two of them back.
func TestCookbookViews(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e engine) {
		ctx := context.Background()
		b, r, o, db := setupCookbook(t, e)
		created, err := cookbook.CreateViews(ctx, db, r, b, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(created) != len(b.Entries()) {
			t.Errorf("created %d views for %d entries", len(created), len(b.Entries()))
		}
		// Twice: a rerun replaces them.
		if _, err := cookbook.CreateViews(ctx, db, r, b, nil); err != nil {
			t.Fatal(err)
		}
		q := func(view string) [][]string {
			res, err := output.Query(ctx, db, "", "SELECT * FROM "+e.d.Quote(o.Schema)+"."+e.d.Quote(view))
			if err != nil {
				t.Fatal(err)
			}
			fakesnowNulls(e, res)
			return normalize(res)
		}
		if got := fmt.Sprint(q("cookbook_active_customers")); got != "[[2]]" {
			t.Errorf("cookbook_active_customers: %s", got)
		}
		if got, ok := sameAnswer(e, q("cookbook_monthly_invoice_totals"), expected["monthly_invoice_totals"][0].rows); !ok {
			t.Errorf("cookbook_monthly_invoice_totals: %s, want %s", got, expected["monthly_invoice_totals"][0].rows)
		}
		// Skipped when a table is not selected.
		none, err := cookbook.CreateViews(ctx, db, r, b, func(string) bool { return false })
		if err != nil || len(none) != 0 {
			t.Errorf("views with no table selected: %v %v", none, err)
		}
	})
}

// TestLiteralsAreData renders hostile strings through the dialect's
// StringLiteral and reads them back unchanged: no value can end a literal.
func TestLiteralsAreData(t *testing.T) {
	hostile := []string{`'`, `''`, `\`, `\'`, `\\'`, `x' OR '1'='1`, `a\' OR 1=1 -- `, "line\nbreak", `"; DROP TABLE x; --`, `$$`, "tab\tend\\", "Zoë 🧾"}
	forEachEngine(t, func(t *testing.T, e engine) {
		db := e.open(t)
		m := e.d.Macros()
		for _, h := range hostile {
			var got string
			if err := db.QueryRow("SELECT " + m.StringLiteral(h)).Scan(&got); err != nil {
				t.Errorf("%q: %v", h, err)
			} else if got != h {
				t.Errorf("%q came back as %q", h, got)
			}
		}
	})
}

// TestMacrosOnEngines checks the macros' answers on real engines with the
// session in Los Angeles time.
func TestMacrosOnEngines(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e engine) {
		ctx := context.Background()
		db := openZoned(t, e)
		m := e.d.Macros()
		at := m.TimestampLiteral(ts("2024-03-01T07:59:59.5Z")) // Feb 29 in Los Angeles
		dst := m.TimestampLiteral(ts("2024-03-09T12:00:00Z"))  // a DST change follows in Los Angeles
		for _, tc := range []struct{ expr, want string }{
			{m.DateTrunc(dialects.Month, at), "2024-03-01T00:00:00Z"},
			{m.DateTrunc(dialects.Day, at), "2024-03-01T00:00:00Z"},
			{m.DateTrunc(dialects.Hour, at), "2024-03-01T07:00:00Z"},
			{m.DateTrunc(dialects.Minute, at), "2024-03-01T07:59:00Z"},
			{m.DateTrunc(dialects.Year, at), "2024-01-01T00:00:00Z"},
			{m.AddInterval(dst, 1, dialects.Day), "2024-03-10T12:00:00Z"},
			{m.AddInterval(dst, -7, dialects.Day), "2024-03-02T12:00:00Z"},
			{m.AddInterval(dst, 90, dialects.Minute), "2024-03-09T13:30:00Z"},
			{m.CastDecimal("'"+huge+"'", 38, 9), huge},
			{m.CastString(m.CastDecimal("'1.5'", 38, 9)), "1.5"},
			{m.JSONText(m.StringLiteral(`{"type": "flat", "n": 2}`), "type"), "flat"},
			{m.JSONText(m.StringLiteral(`{"type": "flat"}`), "missing"), N},
			{"CASE WHEN " + m.BoolLiteral(true) + " THEN 'yes' ELSE 'no' END", "yes"},
		} {
			res, err := output.Query(ctx, db, "", "SELECT "+tc.expr+" AS v")
			if err != nil {
				t.Errorf("%s: %v", tc.expr, err)
				continue
			}
			if got := normalize(res)[0][0]; got != tc.want {
				t.Errorf("%s = %s, want %s", tc.expr, got, tc.want)
			}
		}
		// Now is within a minute of the test's clock.
		res, err := output.Query(ctx, db, "", "SELECT "+m.Now()+" AS v")
		if err != nil {
			t.Fatal(err)
		}
		got, err := time.Parse(time.RFC3339Nano, *res.Rows[0][0])
		if err != nil || time.Since(got).Abs() > time.Minute {
			t.Errorf("now() = %s (%v)", *res.Rows[0][0], err)
		}
		if _, err := output.Query(ctx, db, "", "SELECT 1 AS x "+m.Limit(1)); err != nil {
			t.Error(err)
		}
	})
}

// TestQueryOutputExact prints an exact decimal and a timestamp in every
// format, from every engine, with the project schema as the default.
func TestQueryOutputExact(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e engine) {
		ctx := context.Background()
		db := e.open(t)
		schema := freshSchema(t, e, db)
		q := e.d.Quote
		m := e.d.Macros()
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
		// The engine's own types for the catalog's decimal, timestamp and string.
		ct, err := dr.CreateTable(&catalog.Table{Name: "amounts", Kind: catalog.Incremental, Key: []string{"total"}, Columns: []catalog.Column{
			{Name: "total", Type: catalog.Decimal}, {Name: "at", Type: catalog.Timestamp}, {Name: "s", Type: catalog.String},
		}})
		if err != nil {
			t.Fatal(err)
		}
		for _, st := range []string{
			cs.SQL,
			ct.SQL,
			fmt.Sprintf("INSERT INTO %s.%s (%s, %s, %s) VALUES (%s, %s, 'a,\"b\"'), (-0.000000001, NULL, NULL)", q(schema), q("amounts"), q("total"), q("at"), q("s"),
				m.CastDecimal("'"+huge+"'", 38, 9), m.TimestampLiteral(ts("2024-02-29T23:59:59.123456Z"))),
		} {
			if _, err := db.ExecContext(ctx, st); err != nil {
				t.Fatalf("%s: %v", st, err)
			}
		}
		// Unqualified: the default schema is what `mtx query` sets, a
		// session statement or (ClickHouse, BigQuery) the DSN.
		dsn, use, err := dialects.DefaultSchema(e.d, e.dsn, schema)
		if err != nil {
			t.Fatal(err)
		}
		qdb := db
		if dsn != e.dsn {
			qe := e
			qe.dsn = dsn
			qdb = qe.open(t)
		}
		res, err := output.Query(ctx, qdb, use, "SELECT total, "+q("at")+", "+q("s")+" FROM amounts ORDER BY total DESC")
		if err != nil {
			t.Fatal(err)
		}
		fakesnowNulls(e, res)
		var csv, js, table bytes.Buffer
		output.Write(&csv, output.CSV, res)
		output.Write(&js, output.JSON, res)
		output.Write(&table, output.Table, res)
		col := func(name string) string {
			if e.a.FoldsUpper {
				return strings.ToUpper(name)
			}
			return name
		}
		if want := col("total") + "," + col("at") + "," + col("s") + "\n" + huge + ",2024-02-29T23:59:59.123456Z,\"a,\"\"b\"\"\"\n-0.000000001,,\n"; csv.String() != want {
			t.Errorf("csv:\n%s\nwant:\n%s", csv.String(), want)
		}
		if want := fmt.Sprintf("[\n  {%q: "+huge+", %[2]q: \"2024-02-29T23:59:59.123456Z\", %[3]q: \"a,\\\"b\\\"\"},\n  {%[1]q: -0.000000001, %[2]q: null, %[3]q: null}\n]\n", col("total"), col("at"), col("s")); js.String() != want {
			t.Errorf("json:\n%s\nwant:\n%s", js.String(), want)
		}
		if !strings.Contains(table.String(), huge) || !strings.Contains(table.String(), "NULL") || !strings.Contains(table.String(), "(2 rows)") {
			t.Errorf("table:\n%s", table.String())
		}
		// An SQL error is returned, naming the failure.
		if _, err := output.Query(ctx, qdb, use, "SELECT nope FROM amounts"); err == nil || !strings.Contains(err.Error(), "query failed") {
			t.Errorf("bad SQL: %v", err)
		}
	})
}
