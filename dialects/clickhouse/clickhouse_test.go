package clickhouse

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"math/big"
	"net"
	"os"
	"strings"
	"testing"
	"time"

	ch "github.com/ClickHouse/clickhouse-go/v2"
	"github.com/google/uuid"
	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/internal/ddl"
	"github.com/mtxhq/mtx/internal/migrate"
	"github.com/paulmach/orb"
	"github.com/shopspring/decimal"
)

func TestValidateDSN(t *testing.T) {
	for _, tc := range []struct {
		dsn string
		ok  bool
	}{
		{"clickhouse://default:pw@localhost:9000/default?dial_timeout=1s", true},
		{"tcp://localhost:9000/metronome", true},
		{"http://127.0.0.1:8123/default", true},
		{"https://u:p@host:8443/db?secure=true", true},
		{"https://host:8443/db", false}, // clickhouse-go: https needs secure=true
		{"postgres://localhost/db", false},
		{"localhost:9000", false},
		{"http://host:8123/db?dial_timeout=soon", false},
	} {
		err := Dialect{}.ValidateDSN(tc.dsn)
		if (err == nil) != tc.ok {
			t.Errorf("ValidateDSN(%q) = %v, want ok=%v", tc.dsn, err, tc.ok)
		}
		if err != nil && strings.Contains(err.Error(), "pw") {
			t.Errorf("error shows the password: %v", err)
		}
	}
}

// liveDB connects to MTX_TEST_CLICKHOUSE_DSN (tests/engines/up clickhouse
// starts chDB behind ClickHouse's HTTP interface); without it the test skips,
// unless MTX_REQUIRE_ENGINES names clickhouse.
func liveDB(t testing.TB) *sql.DB {
	t.Helper()
	return openDSN(t, liveDSN(t))
}

func liveDSN(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv("MTX_TEST_CLICKHOUSE_DSN")
	if dsn == "" {
		for _, e := range strings.Split(os.Getenv("MTX_REQUIRE_ENGINES"), ",") {
			if strings.TrimSpace(e) == "clickhouse" {
				t.Fatal("clickhouse is required (MTX_REQUIRE_ENGINES) but MTX_TEST_CLICKHOUSE_DSN is not set")
			}
		}
		t.Skip(`MTX_TEST_CLICKHOUSE_DSN not set: run eval "$(tests/engines/up clickhouse)"`)
	}
	return dsn
}

func openDSN(t testing.TB, dsn string) *sql.DB {
	t.Helper()
	db, err := Dialect{}.Open(dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := db.Ping(); err != nil {
		t.Fatalf("clickhouse at %s does not answer: %v", Dialect{}.RedactDSN(dsn), err)
	}
	return db
}

// TestLiveNativeTypes reads a value of each common type through
// clickhouse-go, so every column layout the HTTP shim reframes is decoded
// by the real driver.
func TestLiveNativeTypes(t *testing.T) {
	db := liveDB(t)
	row := db.QueryRow(`SELECT
		toInt8(-128), toUInt8(255), toInt16(-32768), toUInt16(65535), toInt32(-2147483648), toUInt32(4294967295),
		toInt64(-9223372036854775808), toUInt64(18446744073709551615), toFloat32(1.5), toFloat64(-2.2250738585072014e-308),
		true, toDecimal128('-99999999999999999999999999999.999999999', 9),
		toDateTime64('2262-04-11 23:47:16.854775', 6, 'UTC'), toDate('2149-06-06'), toDate32('1900-01-01'),
		'Zoë 请求 🧾', toFixedString('ab', 3), CAST(NULL AS Nullable(String)), CAST('x' AS Nullable(String)),
		[1.5, NULL]::Array(Nullable(Decimal(38, 9))), toLowCardinality('lc'), CAST(NULL AS LowCardinality(Nullable(String))),
		map('k', 7)::Map(String, UInt64), tuple('s', -1)::Tuple(a String, b Int8),
		toUUID('123e4567-e89b-12d3-a456-426614174000'), CAST('b' AS Enum8('a' = 1, 'b' = 2)),
		toIPv4('10.1.2.3'), toIPv6('::1'), toInt128('-170141183460469231731687303715884105728'),
		toDecimal256('1.5', 40), CAST((1.5, -2.5) AS Point), CAST([(0, 0), (1, 0), (1, 1)] AS Ring)`)
	var (
		i8    int8
		u8    uint8
		i16   int16
		u16   uint16
		i32   int32
		u32   uint32
		i64   int64
		u64   uint64
		f32   float32
		f64   float64
		b     bool
		dec   decimal.Decimal
		ts    time.Time
		d     time.Time
		d32   time.Time
		s     string
		fs    string
		nul   *string
		nnul  *string
		arr   []*decimal.Decimal
		lc    string
		lcnul *string
		m     map[string]uint64
		tup   map[string]any
		id    uuid.UUID
		enum  string
		ip4   net.IP
		ip6   net.IP
		i128  *big.Int
		d256  decimal.Decimal
		point orb.Point
		ring  orb.Ring
	)
	if err := row.Scan(&i8, &u8, &i16, &u16, &i32, &u32, &i64, &u64, &f32, &f64, &b, &dec, &ts, &d, &d32, &s, &fs, &nul, &nnul,
		&arr, &lc, &lcnul, &m, &tup, &id, &enum, &ip4, &ip6, &i128, &d256, &point, &ring); err != nil {
		t.Fatal(err)
	}
	check := func(what string, ok bool, got any) {
		if !ok {
			t.Errorf("%s: got %v", what, got)
		}
	}
	check("ints", i8 == -128 && u8 == 255 && i16 == -32768 && u16 == 65535 && i32 == -2147483648 && u32 == 4294967295, []any{i8, u8, i16, u16, i32, u32})
	check("int64", i64 == -9223372036854775808 && u64 == 18446744073709551615, []any{i64, u64})
	check("floats", f32 == 1.5 && f64 == -2.2250738585072014e-308, []any{f32, f64})
	check("bool", b, b)
	check("decimal", dec.String() == "-99999999999999999999999999999.999999999", dec)
	// clickhouse-go (ch-go) converts DateTime64 through int64 nanoseconds, so
	// Go sees 1677-09-21..2262-04-11 of the type's 1900..2299 range.
	check("datetime64", ts.Equal(time.Date(2262, 4, 11, 23, 47, 16, 854775000, time.UTC)), ts)
	check("date", d.Format("2006-01-02") == "2149-06-06" && d32.Format("2006-01-02") == "1900-01-01", []any{d, d32})
	check("strings", s == "Zoë 请求 🧾" && fs == "ab\x00", []any{s, fs})
	check("nullable", nul == nil && nnul != nil && *nnul == "x", []any{nul, nnul})
	check("array", len(arr) == 2 && arr[0] != nil && arr[0].String() == "1.5" && arr[1] == nil, arr)
	check("lowcardinality", lc == "lc" && lcnul == nil, []any{lc, lcnul})
	check("map", len(m) == 1 && m["k"] == 7, m)
	check("tuple", tup["a"] == "s" && tup["b"] == int8(-1), tup)
	check("uuid", id.String() == "123e4567-e89b-12d3-a456-426614174000", id)
	check("enum", enum == "b", enum)
	check("ip", ip4.String() == "10.1.2.3" && ip6.String() == "::1", []any{ip4, ip6})
	check("int128", i128 != nil && i128.String() == "-170141183460469231731687303715884105728", i128)
	check("decimal256", d256.String() == "1.5", d256)
	check("geo", point == orb.Point{1.5, -2.5} && len(ring) == 3 && ring[2] == orb.Point{1, 1}, []any{point, ring})
}

// TestLiveManyBlocks reads a result that arrives in many Native blocks, and
// one that is empty.
func TestLiveManyBlocks(t *testing.T) {
	db := liveDB(t)
	rows, err := db.Query("SELECT number, toString(number) FROM numbers(100000) SETTINGS max_block_size = 1000")
	if err != nil {
		t.Fatal(err)
	}
	var n, sum uint64
	for rows.Next() {
		var v uint64
		var s string
		if err := rows.Scan(&v, &s); err != nil {
			t.Fatal(err)
		}
		n++
		sum += v
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if n != 100000 || sum != 100000*99999/2 {
		t.Errorf("read %d rows summing to %d", n, sum)
	}
	var one uint8
	if err := db.QueryRow("SELECT 1 WHERE 0").Scan(&one); !errors.Is(err, sql.ErrNoRows) {
		t.Errorf("empty result: %v", err)
	}
}

// TestLiveBatchInsert sends rows the way clickhouse-go batches them over
// HTTP: INSERT ... FORMAT Native with a Native block as the request body.
func TestLiveBatchInsert(t *testing.T) {
	dsn := liveDSN(t)
	variants := []string{"plain"}
	if strings.HasPrefix(dsn, "http") {
		// HTTP compression clickhouse-go offers: gzip/deflate request bodies.
		variants = append(variants, "compress=gzip", "compress=deflate")
	}
	for _, v := range variants {
		t.Run(v, func(t *testing.T) {
			d := dsn
			if v != "plain" {
				sep := "?"
				if strings.Contains(d, "?") {
					sep = "&"
				}
				d += sep + v
			}
			testBatchInsert(t, openDSN(t, d))
		})
	}
}

func testBatchInsert(t *testing.T, db *sql.DB) {
	ctx := context.Background()
	dbname := freshDatabase(t, db)
	table := dbname + ".t"
	if _, err := db.Exec("CREATE TABLE " + table + " (id String, amount Nullable(Decimal(38, 9)), at DateTime64(6, 'UTC'), n Int64) ENGINE = ReplacingMergeTree ORDER BY id"); err != nil {
		t.Fatal(err)
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	st, err := tx.Prepare("INSERT INTO " + table)
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2100, 12, 31, 23, 59, 59, 999999000, time.UTC)
	const rowsN = 5000
	for i := 0; i < rowsN; i++ {
		var amount *decimal.Decimal
		if i%2 == 0 {
			v := decimal.RequireFromString("123456789012345678901234.123456789").Add(decimal.NewFromInt(int64(i)))
			amount = &v
		}
		if _, err := st.Exec(strings.Repeat("k", i%7)+string(rune('a'+i%26))+itoa(i), amount, at, int64(i)); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	var n, sum uint64
	var maxAmount string
	if err := db.QueryRow("SELECT count(), sum(n), toString(max(amount)) FROM "+table).Scan(&n, &sum, &maxAmount); err != nil {
		t.Fatal(err)
	}
	if n != rowsN || sum != rowsN*(rowsN-1)/2 || maxAmount != "123456789012345678906232.123456789" {
		t.Errorf("after batch insert: %d rows, sum %d, max amount %s", n, sum, maxAmount)
	}
	// A batch that fails inside the server reports the server's error.
	tx, _ = db.BeginTx(ctx, nil)
	if _, err := tx.Prepare("INSERT INTO " + dbname + ".no_such_table"); err == nil {
		t.Error("preparing an insert into a missing table succeeded")
	}
	tx.Rollback()
}

// TestLiveErrors: a server exception reaches the caller as clickhouse-go's
// typed *Exception with the server's code.
func TestLiveErrors(t *testing.T) {
	db := liveDB(t)
	_, err := db.Exec("SELECT * FROM system.no_such_table")
	var ex *ch.Exception
	if !errors.As(err, &ex) || ex.Code != 60 {
		t.Fatalf("want exception code 60 (UNKNOWN_TABLE), got %v", err)
	}
	if _, err := db.Exec("SELEC 1"); !errors.As(err, &ex) || ex.Code != 62 {
		t.Fatalf("want exception code 62 (SYNTAX_ERROR), got %v", err)
	}
}

// TestLiveParametersAndSettings: server-side query parameters ({name:Type})
// and per-query settings travel in the URL.
func TestLiveParametersAndSettings(t *testing.T) {
	db := liveDB(t)
	ctx := ch.Context(context.Background(),
		ch.WithParameters(ch.Parameters{"s": "it's", "n": "42"}),
		ch.WithSettings(ch.Settings{"max_threads": 3}))
	var s string
	var n int64
	var threads string
	if err := db.QueryRowContext(ctx, "SELECT {s:String}, {n:Int64}, getSetting('max_threads')").Scan(&s, &n, &threads); err != nil {
		t.Fatal(err)
	}
	if s != "it's" || n != 42 || threads != "3" {
		t.Errorf("got %q %d %s", s, n, threads)
	}
	// The setting applied to that query only.
	if err := db.QueryRow("SELECT toString(getSetting('max_threads'))").Scan(&threads); err != nil || threads == "3" {
		t.Errorf("max_threads leaked into the next query: %s %v", threads, err)
	}
}

func freshDatabase(t *testing.T, db *sql.DB) string {
	t.Helper()
	b := make([]byte, 4)
	rand.Read(b)
	name := "mtx_test_" + hex.EncodeToString(b)
	if _, err := db.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if _, err := db.Exec("DROP DATABASE IF EXISTS " + name + " SYNC"); err != nil {
			t.Logf("dropping %s: %v", name, err)
		}
	})
	return name
}

func itoa(i int) string { return big.NewInt(int64(i)).String() }

// TestLiveReplacingMergeTree migrates the embedded history and checks what
// the rendered DDL means on a real ClickHouse engine: every table is a
// ReplacingMergeTree sorted by SortingKey (snapshot, key, provenance),
// whose version column follows the catalog after every version (events
// changes its version columns in version 2), and whose merges keep
// the newest of rows repeated with the same provenance, but every snapshot
// of snapshot tables.
func TestLiveReplacingMergeTree(t *testing.T) {
	db := liveDB(t)
	ctx := context.Background()
	o := dialects.DefaultOptions()
	o.Schema = freshDatabase(t, db)
	h, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	r, err := ddl.New(Dialect{}, o)
	if err != nil {
		t.Fatal(err)
	}
	versions, err := r.Versions(h, nil)
	if err != nil {
		t.Fatal(err)
	}
	m, err := migrate.New(ctx, Dialect{}, db, o, versions)
	if err != nil {
		t.Fatal(err)
	}
	checkTables := func(c *catalog.Catalog) {
		t.Helper()
		for _, tbl := range c.Tables() {
			var engine, sortingKey, kind, expr string
			err := db.QueryRow("SELECT t.engine, t.sorting_key, c.default_kind, c.default_expression FROM system.tables AS t "+
				"JOIN system.columns AS c ON c.database = t.database AND c.table = t.name "+
				"WHERE t.database = ? AND t.name = ? AND c.name = ?", o.Schema, tbl.Name, VersionColumn).Scan(&engine, &sortingKey, &kind, &expr)
			if err != nil {
				t.Fatalf("%s: %v", tbl.Name, err)
			}
			bare := func(s string) string { return s }
			key := SortingKey(tbl, bare)
			// A one-column ORDER BY (`id`) reads back as "(id)".
			if strings.HasPrefix(sortingKey, "(") && strings.HasSuffix(sortingKey, ")") {
				sortingKey = sortingKey[1 : len(sortingKey)-1]
			}
			if engine != "ReplacingMergeTree" || sortingKey != key || kind != "MATERIALIZED" || expr != VersionExpr(tbl, bare) {
				t.Errorf("%s: engine %s, sorting key %q, version %s %s; want ReplacingMergeTree, %q, MATERIALIZED %s",
					tbl.Name, engine, sortingKey, kind, expr, key, VersionExpr(tbl, bare))
			}
		}
	}
	p := m.Provider()
	if _, err := p.UpTo(ctx, 1); err != nil {
		t.Fatal(err)
	}
	checkTables(h.States[0])
	if _, err := p.Up(ctx); err != nil {
		t.Fatal(err)
	}
	checkTables(h.Current())
	if _, err := p.Down(ctx); err != nil {
		t.Fatal(err)
	}
	checkTables(h.States[0])
	if _, err := p.Up(ctx); err != nil {
		t.Fatal(err)
	}

	cur := h.Current()
	events, _ := cur.Table("events")
	if len(events.Version) != 2 {
		t.Fatalf("events versions by %v; this test expects two version columns", events.Version)
	}
	t0 := time.Date(2026, 1, 2, 3, 4, 5, 123456000, time.UTC)
	// One key, four versions, inserted in separate parts and out of order: a
	// row whose updated_at is NULL falls back to its timestamp.
	insertRows(t, db, o.Schema, events, []map[string]any{
		{"transaction_id": "k", "updated_at": t0.Add(time.Hour), "customer_id": "newest"},
		{"transaction_id": "k", "updated_at": t0, "customer_id": "old"},
	})
	insertRows(t, db, o.Schema, events, []map[string]any{
		{"transaction_id": "k", "timestamp": t0.Add(30 * time.Minute), "customer_id": "timestamp only"},
		{"transaction_id": "k", "customer_id": "no version"},
		// Key k2 has no updated_at at all: its timestamp decides, not the
		// insertion order.
		{"transaction_id": "k2", "timestamp": t0.Add(2 * time.Hour), "customer_id": "late timestamp"},
	})
	insertRows(t, db, o.Schema, events, []map[string]any{
		{"transaction_id": "k2", "timestamp": t0, "customer_id": "early timestamp"},
	})
	survivors := func(final string) string {
		t.Helper()
		var got string
		if err := db.QueryRow("SELECT arrayStringConcat(groupArray(concat(transaction_id, '=', customer_id)), ',') FROM (SELECT * FROM " +
			o.Schema + ".events " + final + " ORDER BY transaction_id)").Scan(&got); err != nil {
			t.Fatal(err)
		}
		return got
	}
	const want = "k=newest,k2=late timestamp"
	if got := survivors("FINAL"); got != want {
		t.Errorf("events FINAL: %s; want %s", got, want)
	}
	if _, err := db.Exec("OPTIMIZE TABLE " + o.Schema + ".events FINAL"); err != nil {
		t.Fatal(err)
	}
	if got := survivors(""); got != want {
		t.Errorf("events after merge: %s; want %s", got, want)
	}
	var n uint64

	// Snapshot tables: the same key in two snapshots stays twice; a transfer
	// retried inside one snapshot collapses.
	var snap *catalog.Table
	for _, tbl := range cur.Tables() {
		if tbl.Kind == catalog.Snapshot && len(tbl.Key) == 1 {
			snap = tbl
			break
		}
	}
	if snap == nil {
		t.Fatal("no snapshot table with a one-column key in the catalog")
	}
	sv := func(i int) any {
		if c, _ := snap.Column(snap.Snapshot); c.Type == catalog.Timestamp {
			return t0.Add(time.Duration(i) * time.Hour)
		}
		return "snapshot-" + itoa(i)
	}
	rows := []map[string]any{
		{snap.Snapshot: sv(1), snap.Key[0]: "k"},
		{snap.Snapshot: sv(2), snap.Key[0]: "k"},
		{snap.Snapshot: sv(2), snap.Key[0]: "k"},
	}
	insertRows(t, db, o.Schema, snap, rows[:2])
	insertRows(t, db, o.Schema, snap, rows[2:])
	if err := db.QueryRow("SELECT count() FROM " + o.Schema + "." + snap.Name + " FINAL").Scan(&n); err != nil || n != 2 {
		t.Errorf("%s FINAL: %d rows, %v; want one per snapshot (2)", snap.Name, n, err)
	}
}

// insertRows writes rows (column -> value; other columns NULL) as one batch.
func insertRows(t *testing.T, db *sql.DB, schema string, tbl *catalog.Table, rows []map[string]any) {
	t.Helper()
	q := Dialect{}.Quote
	var cols []string
	for _, c := range tbl.Columns {
		cols = append(cols, q(c.Name))
	}
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	st, err := tx.Prepare("INSERT INTO " + q(schema) + "." + q(tbl.Name) + " (" + strings.Join(cols, ", ") + ")")
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range rows {
		args := make([]any, len(tbl.Columns))
		for i, c := range tbl.Columns {
			args[i] = row[c.Name]
		}
		if _, err := st.Exec(args...); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkLiveBatchInsert measures rows written through mtx's path
// (clickhouse-go batch → HTTP → engine) against the engine writing the same
// rows itself (INSERT ... SELECT), and reports the ratio.
func BenchmarkLiveBatchInsert(b *testing.B) {
	db := liveDB(b)
	const rowsN = 100_000
	name := "mtx_bench_" + itoa(int(time.Now().UnixNano()%1e9))
	if _, err := db.Exec("CREATE DATABASE " + name); err != nil {
		b.Fatal(err)
	}
	defer db.Exec("DROP DATABASE IF EXISTS " + name + " SYNC")
	create := " (id String, amount Nullable(Decimal(38, 9)), at Nullable(DateTime64(6, 'UTC')), doc Nullable(String), n Nullable(Int64)) ENGINE = ReplacingMergeTree ORDER BY id"
	for _, tb := range []string{"viago", "native"} {
		if _, err := db.Exec("CREATE TABLE " + name + "." + tb + create); err != nil {
			b.Fatal(err)
		}
	}
	at := time.Date(2026, 1, 2, 3, 4, 5, 123456000, time.UTC)
	amount := decimal.RequireFromString("1234567.123456789")
	doc := `{"a":1,"b":"two","c":[1,2,3]}`
	var goTime, nativeTime time.Duration
	for i := 0; i < b.N; i++ {
		start := time.Now()
		tx, err := db.Begin()
		if err != nil {
			b.Fatal(err)
		}
		st, err := tx.Prepare("INSERT INTO " + name + ".viago")
		if err != nil {
			b.Fatal(err)
		}
		for r := 0; r < rowsN; r++ {
			if _, err := st.Exec("id-"+itoa(r), amount, at, doc, int64(r)); err != nil {
				b.Fatal(err)
			}
		}
		if err := tx.Commit(); err != nil {
			b.Fatal(err)
		}
		goTime += time.Since(start)

		start = time.Now()
		if _, err := db.Exec("INSERT INTO " + name + ".native SELECT concat('id-', toString(number)), toDecimal128('1234567.123456789', 9), toDateTime64('2026-01-02 03:04:05.123456', 6, 'UTC'), '" + doc + "', number FROM numbers(" + itoa(rowsN) + ")"); err != nil {
			b.Fatal(err)
		}
		nativeTime += time.Since(start)
	}
	b.ReportMetric(float64(rowsN*b.N)/goTime.Seconds(), "rows/s")
	b.ReportMetric(goTime.Seconds()/nativeTime.Seconds(), "x-native")
	b.Logf("%d rows: batch via clickhouse-go/HTTP %v, engine INSERT SELECT %v per run, ratio %.1fx",
		rowsN, goTime/time.Duration(b.N), nativeTime/time.Duration(b.N), goTime.Seconds()/nativeTime.Seconds())
}
