package demo

import (
	"bytes"
	"database/sql"
	"fmt"
	"io/fs"
	"math/big"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	_ "github.com/duckdb/duckdb-go/v2"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/internal/exportfile"
)

// testOptions is big enough to have every kind of row and mess, small
// enough to generate in about a second.
var testOptions = Options{Customers: 60, Months: 4, Seed: 7, MaxRowsPerFile: 1500}

func cat(t testing.TB) *catalog.Catalog {
	t.Helper()
	h, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return h.Current()
}

var (
	sharedOnce sync.Once
	sharedDir  string
	sharedM    *Manifest
	sharedErr  error
)

// shared generates testOptions once for the read-only tests.
func shared(t *testing.T) (string, *Manifest) {
	t.Helper()
	sharedOnce.Do(func() {
		dir, err := os.MkdirTemp("", "mtx-demo-test-")
		if err != nil {
			sharedErr = err
			return
		}
		sharedDir = filepath.Join(dir, "export")
		o := testOptions
		// MTX_DEMO_TEST_SIZE=customers,months,seed runs the checks on another export.
		if v := os.Getenv("MTX_DEMO_TEST_SIZE"); v != "" {
			if _, err := fmt.Sscanf(v, "%d,%d,%d", &o.Customers, &o.Months, &o.Seed); err != nil {
				sharedErr = fmt.Errorf("MTX_DEMO_TEST_SIZE=%q: want customers,months,seed", v)
				return
			}
		}
		sharedM, sharedErr = Generate(sharedDir, cat(t), o)
	})
	if sharedErr != nil {
		t.Fatal(sharedErr)
	}
	return sharedDir, sharedM
}

func TestMain(m *testing.M) {
	code := m.Run()
	if sharedDir != "" {
		os.RemoveAll(filepath.Dir(sharedDir))
	}
	os.Exit(code)
}

// tree reads every file under dir: relative path → bytes.
func tree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestDeterministic(t *testing.T) {
	o := Options{Customers: 25, Months: 2, Seed: 3}
	gen := func(o Options) map[string][]byte {
		dir := filepath.Join(t.TempDir(), "x")
		if _, err := Generate(dir, cat(t), o); err != nil {
			t.Fatal(err)
		}
		return tree(t, dir)
	}
	a, b := gen(o), gen(o)
	if len(a) != len(b) {
		t.Fatalf("same seed: %d files, then %d", len(a), len(b))
	}
	for p, data := range a {
		if !bytes.Equal(data, b[p]) {
			t.Fatalf("same seed: %s differs between two runs", p)
		}
	}
	o.Seed = 4
	c := gen(o)
	same := 0
	for p, data := range c {
		if bytes.Equal(data, a[p]) {
			same++
		}
	}
	if cust := "customer/"; same == len(c) {
		t.Fatalf("seeds 3 and 4 wrote identical exports")
	} else {
		for p, data := range c {
			if strings.HasPrefix(p, cust) && bytes.Equal(data, a[p]) {
				t.Fatalf("seeds 3 and 4 wrote the same customers file %s", p)
			}
		}
	}
}

func TestRefusesBadOptions(t *testing.T) {
	for _, c := range []struct {
		o    Options
		want string
	}{
		{Options{Customers: 0, Months: 2}, "--customers"},
		{Options{Customers: 5, Months: 0}, "--months"},
		{Options{Customers: 5, Months: 2, Start: time.Date(2026, 1, 1, 5, 0, 0, 0, time.UTC)}, "--start"},
		{Options{Customers: 5, Months: 2, Transfers: 1}, "transfers"},
	} {
		_, err := Generate(t.TempDir(), cat(t), c.o)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: error %v, want one naming %s", c.o, err, c.want)
		}
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "x"), nil, 0o644)
	if _, err := Generate(dir, cat(t), testOptions); err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Errorf("non-empty folder: %v", err)
	}
}

// TestLayout: every catalog table has files, every file is where the
// object-storage layout puts it, parts increase with time.
func TestLayout(t *testing.T) {
	dir, m := shared(t)
	files := tree(t, dir)
	if len(files) != len(m.Files) {
		t.Fatalf("%d files on disk, %d in the manifest", len(files), len(m.Files))
	}
	byTable := map[string][]File{}
	for _, f := range m.Files {
		pf, err := exportfile.ParsePath(f.Path)
		if err != nil {
			t.Fatal(err)
		}
		if pf.Table != f.Table || pf.Part != f.Part || !pf.TransferredAt.Equal(f.TransferredAt) {
			t.Fatalf("%s: path says %+v, manifest %+v", f.Path, pf, f)
		}
		if _, ok := files[f.Path]; !ok {
			t.Fatalf("%s in the manifest, not on disk", f.Path)
		}
		byTable[f.Table] = append(byTable[f.Table], f)
	}
	for _, tb := range cat(t).Tables() {
		fs := byTable[tb.Name]
		if len(fs) == 0 {
			t.Errorf("table %s: no files", tb.Name)
			continue
		}
		rows := 0
		for i, f := range fs {
			rows += f.Rows
			if i > 0 && (f.Part <= fs[i-1].Part || f.TransferredAt.Before(fs[i-1].TransferredAt)) {
				t.Errorf("table %s: part %d at %s after part %d at %s", tb.Name, f.Part, f.TransferredAt, fs[i-1].Part, fs[i-1].TransferredAt)
			}
		}
		if rows == 0 {
			t.Errorf("table %s: no rows", tb.Name)
		}
		if m.Known.CurrentRows[tb.Name] == 0 {
			t.Errorf("table %s: empty current state", tb.Name)
		}
	}
}

func duck(t *testing.T) *sql.DB {
	t.Helper()
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	t.Cleanup(func() { db.Close() })
	return db
}

// src is the read_parquet call over every file of a table.
func src(dir, table string) string {
	glob := filepath.ToSlash(filepath.Join(dir, table, "*", "*.parquet"))
	return fmt.Sprintf("read_parquet('%s', hive_partitioning = false, filename = true)", strings.ReplaceAll(glob, "'", "''"))
}

func duckType(lt catalog.LogicalType) string {
	return map[catalog.LogicalType]string{
		catalog.String: "VARCHAR", catalog.JSON: "VARCHAR", catalog.Decimal: "DECIMAL(38,9)", catalog.Timestamp: "TIMESTAMP WITH TIME ZONE",
		catalog.Integer: "BIGINT", catalog.Float: "DOUBLE", catalog.Boolean: "BOOLEAN",
	}[lt]
}

// TestReadableByDuckDB reads every table's files with DuckDB: row counts
// match the manifest, columns are the catalog's (no _mtx_ columns) with
// the specified types, JSON columns hold valid JSON.
func TestReadableByDuckDB(t *testing.T) {
	dir, m := shared(t)
	db := duck(t)
	for _, s := range m.Tables {
		tb, _ := cat(t).Table(s.Table)
		var n int
		if err := db.QueryRow(`SELECT count(*) FROM ` + src(dir, s.Table)).Scan(&n); err != nil {
			t.Fatalf("%s: %v", s.Table, err)
		}
		if n != s.Rows {
			t.Errorf("%s: DuckDB reads %d rows, manifest says %d", s.Table, n, s.Rows)
		}
		rs, err := db.Query(`SELECT column_name, column_type FROM (DESCRIBE SELECT * EXCLUDE (filename) FROM ` + src(dir, s.Table) + `)`)
		if err != nil {
			t.Fatal(err)
		}
		var got, want []string
		for rs.Next() {
			var c, ty string
			rs.Scan(&c, &ty)
			got = append(got, c+" "+ty)
		}
		rs.Close()
		for _, c := range exportfile.Columns(tb) {
			want = append(want, c.Name+" "+duckType(c.Type))
		}
		if strings.Join(got, ", ") != strings.Join(want, ", ") {
			t.Errorf("%s columns:\n got %s\nwant %s", s.Table, strings.Join(got, ", "), strings.Join(want, ", "))
		}
		for _, c := range exportfile.Columns(tb) {
			if c.Type != catalog.JSON {
				continue
			}
			var bad int
			q := fmt.Sprintf(`SELECT count(*) FROM %s WHERE "%s" IS NOT NULL AND NOT json_valid("%s")`, src(dir, s.Table), c.Name, c.Name)
			if err := db.QueryRow(q).Scan(&bad); err != nil {
				t.Fatal(err)
			}
			if bad > 0 {
				t.Errorf("%s.%s: %d values are not JSON", s.Table, c.Name, bad)
			}
		}
		// Documented NOT NULLs hold (the data tests will check them).
		for _, c := range exportfile.Columns(tb) {
			if !c.DocumentedNotNull() {
				continue
			}
			var nulls int
			db.QueryRow(fmt.Sprintf(`SELECT count(*) FROM %s WHERE "%s" IS NULL`, src(dir, s.Table), c.Name)).Scan(&nulls)
			if nulls > 0 {
				t.Errorf("%s.%s is documented NOT NULL; %d rows are NULL", s.Table, c.Name, nulls)
			}
		}
	}
}

func rat(t *testing.T, s string) *big.Rat {
	t.Helper()
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		t.Fatalf("%q is not a number", s)
	}
	return r
}

// transferTS extracts the transfer timestamp from DuckDB's filename column.
const transferTS = `strptime(regexp_extract(filename, '_(\d{14})\.parquet$', 1), '%Y%m%d%H%M%S')`

// TestKnownAnswers recomputes the known answers with SQL over the files:
// current-state row counts per table, monthly invoice totals, draft totals.
func TestKnownAnswers(t *testing.T) {
	dir, m := shared(t)
	db := duck(t)
	for _, tb := range cat(t).Tables() {
		key := `"` + strings.Join(tb.Key, `", "`) + `"`
		var q string
		switch {
		case tb.Kind == catalog.Incremental:
			q = fmt.Sprintf(`SELECT count(*) FROM (SELECT DISTINCT %s FROM %s)`, key, src(dir, tb.Name))
		case tb.Snapshot == catalog.TransferredAtColumn:
			q = fmt.Sprintf(`WITH f AS (SELECT *, %s AS ts FROM %s)
				SELECT count(*) FROM (SELECT DISTINCT %s FROM f WHERE ts = (SELECT max(ts) FROM f))`, transferTS, src(dir, tb.Name), key)
		default: // the snapshot delivered by the latest transfer
			q = fmt.Sprintf(`WITH f AS (SELECT *, %s AS ts FROM %s)
				SELECT count(*) FROM (SELECT DISTINCT %s FROM f WHERE "%s" = (SELECT "%s" FROM f ORDER BY ts DESC LIMIT 1))`,
				transferTS, src(dir, tb.Name), key, tb.Snapshot, tb.Snapshot)
		}
		var n int
		if err := db.QueryRow(q).Scan(&n); err != nil {
			t.Fatalf("%s: %v", tb.Name, err)
		}
		if n != m.Known.CurrentRows[tb.Name] {
			t.Errorf("%s: current state has %d rows by SQL, the generator says %d", tb.Name, n, m.Known.CurrentRows[tb.Name])
		}
		// Read per environment (the latest snapshot of each environment),
		// the answer must be the same: no environment vanishes entirely.
		if _, ok := tb.Column("environment_type"); ok && tb.Kind == catalog.Snapshot {
			order := transferTS
			if c, _ := tb.Column(tb.Snapshot); c.Type == catalog.Timestamp && !c.System {
				order = `"` + tb.Snapshot + `"`
			}
			q = fmt.Sprintf(`WITH f AS (SELECT *, %s AS o FROM %s),
				latest AS (SELECT environment_type, max(o) AS o FROM f GROUP BY 1)
				SELECT count(*) FROM (SELECT DISTINCT environment_type, %s FROM f JOIN latest USING (environment_type, o))`, order, src(dir, tb.Name), key)
			if err := db.QueryRow(q).Scan(&n); err != nil {
				t.Fatalf("%s: %v", tb.Name, err)
			}
			if n != m.Known.CurrentRows[tb.Name] {
				t.Errorf("%s: the latest snapshot of each environment has %d rows, the generator says %d", tb.Name, n, m.Known.CurrentRows[tb.Name])
			}
		}
	}

	// Monthly invoice totals from the current version of every invoice.
	rs, err := db.Query(`WITH cur AS (SELECT * FROM ` + src(dir, "invoice") + ` QUALIFY row_number() OVER (PARTITION BY id ORDER BY updated_at DESC) = 1)
		SELECT environment_type, strftime(end_timestamp AT TIME ZONE 'UTC', '%Y-%m'), status, count(*), sum(total)::VARCHAR
		FROM cur GROUP BY ALL ORDER BY ALL`)
	if err != nil {
		t.Fatal(err)
	}
	var got []InvoiceTotal
	for rs.Next() {
		var it InvoiceTotal
		if err := rs.Scan(&it.Environment, &it.Month, &it.Status, &it.Invoices, &it.Total); err != nil {
			t.Fatal(err)
		}
		got = append(got, it)
	}
	rs.Close()
	if err := m.Known.CheckInvoiceTotals(got); err != nil {
		t.Error(err)
	}
	// The check itself fails on a one-nano difference.
	if len(got) > 0 {
		off := append([]InvoiceTotal(nil), got...)
		r := rat(t, off[0].Total)
		off[0].Total = r.Add(r, big.NewRat(1, 1e9)).FloatString(9)
		if err := m.Known.CheckInvoiceTotals(off); err == nil {
			t.Error("CheckInvoiceTotals accepted a total one nano off")
		}
	}
	envs := map[string]bool{}
	for _, it := range got {
		envs[it.Environment] = true
	}
	if !envs[production] || !envs[sandbox] {
		t.Errorf("invoices of both environments expected, got %v", envs)
	}

	// Draft totals of the latest snapshot, deduplicated (the latest snapshot is retried).
	rs, err = db.Query(`WITH f AS (SELECT * FROM ` + src(dir, "draft_invoice") + ` WHERE snapshot_time = (SELECT max(snapshot_time) FROM ` + src(dir, "draft_invoice") + `)),
		d AS (SELECT DISTINCT id, environment_type, total FROM f)
		SELECT environment_type, count(*), sum(total)::VARCHAR FROM d GROUP BY ALL ORDER BY ALL`)
	if err != nil {
		t.Fatal(err)
	}
	var drafts []DraftTotal
	for rs.Next() {
		var d DraftTotal
		rs.Scan(&d.Environment, &d.Invoices, &d.Total)
		drafts = append(drafts, d)
	}
	rs.Close()
	if len(drafts) != len(m.Known.DraftTotals) {
		t.Fatalf("draft totals: SQL %v, generator %v", drafts, m.Known.DraftTotals)
	}
	for i, d := range drafts {
		w := m.Known.DraftTotals[i]
		if d.Environment != w.Environment || d.Invoices != w.Invoices || rat(t, d.Total).Cmp(rat(t, w.Total)) != 0 {
			t.Errorf("draft totals: SQL %+v, generator %+v", d, w)
		}
	}
}

// TestConsistentIDs: rows reference each other across tables, and the
// parts of an invoice add up to it.
func TestConsistentIDs(t *testing.T) {
	dir, _ := shared(t)
	db := duck(t)
	for _, c := range []struct{ name, q string }{
		{"line items without invoice", `SELECT count(*) FROM LINE WHERE invoice_id NOT IN (SELECT id FROM INV)`},
		{"invoices of unknown customers", `SELECT count(*) FROM INV WHERE customer_id NOT IN (SELECT id FROM CUST)`},
		{"events of unknown customers", `SELECT count(*) FROM EVT WHERE customer_id NOT IN (SELECT id FROM CUST)`},
		{"invoices of unknown contracts", `SELECT count(*) FROM INV WHERE contract_id NOT IN (SELECT id FROM CONTRACTS)`},
		{"payments of unknown invoices", `SELECT count(*) FROM PAY WHERE invoice_id NOT IN (SELECT id FROM INV)`},
		{"line items whose total is not quantity × unit price", `SELECT count(*) FROM LINE WHERE quantity::HUGEINT * (unit_price * 1000000000)::HUGEINT <> (total * 1000000000)::HUGEINT`},
		{"invoices whose line items do not add up", `SELECT count(*) FROM (SELECT i.id FROM (SELECT DISTINCT id, total FROM INV QUALIFY row_number() OVER (PARTITION BY id ORDER BY total) = 1) i
			JOIN (SELECT DISTINCT id, invoice_id, total FROM LINE) l ON l.invoice_id = i.id GROUP BY i.id, i.total HAVING sum(l.total) <> i.total)`},
		{"invoices whose breakdowns do not add up", `SELECT count(*) FROM (SELECT b.invoice_id FROM (SELECT DISTINCT id, invoice_id, total FROM BD) b
			JOIN (SELECT DISTINCT id, total FROM INV) i ON i.id = b.invoice_id GROUP BY b.invoice_id, i.total HAVING sum(b.total) <> i.total)`},
	} {
		q := c.q
		for short, table := range map[string]string{"LINE": "line_item", "INV": "invoice", "CUST": "customer", "EVT": "events", "CONTRACTS": "contracts_contracts", "PAY": "payment", "BD": "breakdowns_invoices"} {
			q = strings.ReplaceAll(q, short, src(dir, table))
		}
		var n int
		if err := db.QueryRow(q).Scan(&n); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if n != 0 {
			t.Errorf("%s: %d", c.name, n)
		}
	}
}

// TestMess: the export has what a loader and the models must cope with.
func TestMess(t *testing.T) {
	dir, m := shared(t)
	db := duck(t)
	count := func(q string) int {
		t.Helper()
		var n int
		if err := db.QueryRow(q).Scan(&n); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		return n
	}
	// Retries: the same event delivered in two files.
	if n := count(`SELECT count(*) FROM (SELECT transaction_id FROM ` + src(dir, "events") + ` GROUP BY 1 HAVING count(DISTINCT filename) > 1)`); n == 0 {
		t.Error("no event delivered twice")
	}
	// Updates: the same customer with two versions, in two transfers.
	if n := count(`SELECT count(*) FROM (SELECT id FROM ` + src(dir, "customer") + ` GROUP BY 1 HAVING count(DISTINCT updated_at) > 1 AND count(DISTINCT filename) > 1)`); n == 0 {
		t.Error("no customer updated in a later transfer")
	}
	if n := count(`SELECT count(*) FROM (SELECT id FROM ` + src(dir, "invoice") + ` GROUP BY 1 HAVING count(DISTINCT status) > 1)`); n == 0 {
		t.Error("no invoice whose status changed (voided)")
	}
	// Vanishing snapshot rows: drafts present earlier, absent from the latest snapshot.
	vanished := count(`WITH f AS (SELECT * FROM ` + src(dir, "draft_invoice") + `)
		SELECT count(DISTINCT id) FROM f WHERE id NOT IN (SELECT id FROM f WHERE snapshot_time = (SELECT max(snapshot_time) FROM f))`)
	if vanished == 0 || vanished != m.Known.VanishedDrafts {
		t.Errorf("vanished drafts: %d by SQL, generator says %d", vanished, m.Known.VanishedDrafts)
	}
	// A finalized draft: the same id in draft_invoice and invoice.
	if n := count(`SELECT count(DISTINCT id) FROM ` + src(dir, "draft_invoice") + ` WHERE id IN (SELECT id FROM ` + src(dir, "invoice") + `)`); n == 0 {
		t.Error("no draft invoice later finalized under the same id")
	}
	// An override removed near the end: in an earlier snapshot, not the latest.
	if n := count(`WITH f AS (SELECT *, ` + transferTS + ` AS ts FROM ` + src(dir, "contracts_overrides") + `)
		SELECT count(DISTINCT id) FROM f WHERE id NOT IN (SELECT id FROM f WHERE ts = (SELECT max(ts) FROM f))`); n == 0 {
		t.Error("no contract override vanishing from the latest snapshot")
	}
	// The latest draft snapshot is delivered twice.
	if n := count(`SELECT count(DISTINCT filename) FROM ` + src(dir, "draft_invoice") + ` WHERE snapshot_time = (SELECT max(snapshot_time) FROM ` + src(dir, "draft_invoice") + `)`); n != 2 {
		t.Errorf("latest draft snapshot in %d files, want 2 (a retry)", n)
	}
	// Both environments in every table that has the column.
	for _, tb := range cat(t).Tables() {
		if _, ok := tb.Column("environment_type"); !ok {
			continue
		}
		if n := count(`SELECT count(DISTINCT environment_type) FROM ` + src(dir, tb.Name)); n != 2 {
			t.Errorf("%s: %d environments, want SANDBOX and PRODUCTION", tb.Name, n)
		}
	}
	// Transfers split in several parts with the same timestamp happen on big days.
	var stamps []string
	seen := map[string]int{}
	for _, f := range m.Files {
		k := f.Table + f.TransferredAt.String()
		if seen[k]++; seen[k] == 2 && !f.Retry {
			stamps = append(stamps, k)
		}
	}
	sort.Strings(stamps)
	if len(stamps) == 0 {
		t.Error("no transfer split in several parts")
	}
}

func BenchmarkGenerate(b *testing.B) {
	for _, o := range []struct {
		name string
		o    Options
	}{{"small-40x3", Small}, {"default-200x6", Defaults}} {
		b.Run(o.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				dir := filepath.Join(b.TempDir(), "x")
				m, err := Generate(dir, cat(b), o.o)
				if err != nil {
					b.Fatal(err)
				}
				f, r := 0, 0
				for _, s := range m.Tables {
					f, r = f+s.Files, r+s.Rows
				}
				b.ReportMetric(float64(f), "files")
				b.ReportMetric(float64(r), "rows")
			}
		})
	}
}

// TestTransfersCap: capping the transfers keeps at most that many per
// table (retries aside) and leaves the current state, the known answers,
// retries and vanished drafts as they are, in a fraction of the files.
func TestTransfersCap(t *testing.T) {
	o := Options{Customers: 6, Months: 2, Seed: 3}
	full, err := Generate(filepath.Join(t.TempDir(), "x"), cat(t), o)
	if err != nil {
		t.Fatal(err)
	}
	o.Transfers = 3
	capped, err := Generate(filepath.Join(t.TempDir(), "x"), cat(t), o)
	if err != nil {
		t.Fatal(err)
	}
	transfers := map[string]map[time.Time]bool{}
	retries := map[string]int{}
	for _, f := range capped.Files {
		if f.Retry {
			retries[f.Table]++
			continue
		}
		if transfers[f.Table] == nil {
			transfers[f.Table] = map[time.Time]bool{}
		}
		transfers[f.Table][f.TransferredAt] = true
	}
	for table, at := range transfers {
		if len(at) > 3 {
			t.Errorf("%s: %d transfers, want at most 3", table, len(at))
		}
	}
	if retries["events"] == 0 || retries["draft_invoice"] == 0 {
		t.Errorf("retries of events and draft_invoice: %d and %d, want both", retries["events"], retries["draft_invoice"])
	}
	if len(transfers["events"]) != 3 || len(transfers["draft_invoice"]) != 3 {
		t.Errorf("events and draft_invoice: %d and %d transfers, want 3 each (they have more uncapped)", len(transfers["events"]), len(transfers["draft_invoice"]))
	}
	if capped.Known.VanishedDrafts == 0 {
		t.Error("no draft vanishes from the latest of the capped snapshots")
	}
	for name, k := range map[string]func(Known) any{
		"current rows":   func(k Known) any { return k.CurrentRows },
		"invoice totals": func(k Known) any { return k.InvoiceTotals },
		"draft totals":   func(k Known) any { return k.DraftTotals },
	} {
		if a, b := fmt.Sprint(k(full.Known)), fmt.Sprint(k(capped.Known)); a != b {
			t.Errorf("%s differ with capped transfers:\n  %s\n  %s", name, a, b)
		}
	}
	if len(capped.Files)*2 > len(full.Files) {
		t.Errorf("%d files capped, %d uncapped: want fewer than half", len(capped.Files), len(full.Files))
	}
	t.Logf("%d files capped at 3 transfers, %d uncapped", len(capped.Files), len(full.Files))
}

// TestLateEvents: some events arrive in a transfer days after their timestamp.
func TestLateEvents(t *testing.T) {
	dir, _ := shared(t)
	db := duck(t)
	var n int
	q := `SELECT count(*) FROM ` + src(dir, "events") + ` WHERE ` + transferTS + ` > timezone('UTC', "timestamp") + INTERVAL 2 DAY`
	if err := db.QueryRow(q).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Error("no late-arriving event")
	}
}
