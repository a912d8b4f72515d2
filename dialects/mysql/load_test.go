package mysql

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/catalog"
)

// liveDB connects to MTX_TEST_MYSQL_DSN and creates a fresh schema, dropped
// at the end; without the DSN the test skips, unless MTX_REQUIRE_ENGINES
// names mysql.
func liveDB(t *testing.T) (*sql.DB, string) {
	t.Helper()
	dsn := os.Getenv("MTX_TEST_MYSQL_DSN")
	if dsn == "" {
		for _, e := range strings.Split(os.Getenv("MTX_REQUIRE_ENGINES"), ",") {
			if strings.TrimSpace(e) == "mysql" {
				t.Fatal("mysql is required (MTX_REQUIRE_ENGINES) but MTX_TEST_MYSQL_DSN is not set")
			}
		}
		t.Skip(`MTX_TEST_MYSQL_DSN not set: run eval "$(tests/engines/up mysql)" to start a local MariaDB`)
	}
	db, err := Dialect{}.Open(dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	b := make([]byte, 4)
	rand.Read(b)
	schema := "mtx_test_" + hex.EncodeToString(b)
	if _, err := db.Exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Exec("DROP SCHEMA IF EXISTS " + schema) })
	return db, schema
}

// sliceRows is a RowSource over rows held in memory.
type sliceRows struct {
	rows [][]any
	i    int
}

func (s *sliceRows) Next() bool             { s.i++; return s.i <= len(s.rows) }
func (s *sliceRows) Values() ([]any, error) { return s.rows[s.i-1], nil }
func (s *sliceRows) Err() error             { return nil }

var loadCols = []dialects.LoadColumn{
	{Name: "id", Type: catalog.Integer, Source: "id"},
	{Name: "s", Type: catalog.String, Source: "s"},
	{Name: "d", Type: catalog.Decimal, Source: "d"},
	{Name: "f", Type: catalog.Float, Source: "f"},
	{Name: "b", Type: catalog.Boolean, Source: "b"},
	{Name: "ts", Type: catalog.Timestamp, Source: "ts"},
	{Name: "j", Type: catalog.JSON, Source: "j"},
	{Name: "missing", Type: catalog.String},                         // not in the file: NULL
	{Name: "src", Type: catalog.String, Const: `a'b\c/0_1.parquet`}, // provenance: SET once
	{Name: "at", Type: catalog.Timestamp, Const: time.Date(2025, 1, 2, 3, 4, 5, 678901000, time.UTC)},
}

const loadDDL = "(id BIGINT, s LONGTEXT, d DECIMAL(38,9), f DOUBLE, b BOOLEAN, ts DATETIME(6), j JSON, missing LONGTEXT, src VARCHAR(768), `at` DATETIME(6)) ENGINE=InnoDB"

func loadInto(t *testing.T, db *sql.DB, schema string, rows [][]any) (int64, error) {
	t.Helper()
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	n, err := Dialect{}.InsertRows(ctx, conn, tx, dialects.LoadTable{Schema: schema, Table: "t", Columns: loadCols}, &sliceRows{rows: rows})
	if err != nil {
		return n, err
	}
	return n, tx.Commit()
}

// Every value survives LOAD DATA's text format exactly: escapes, NULL
// against the text `\N`, decimals past float precision, microseconds.
func TestInsertRowsRoundTrip(t *testing.T) {
	db, schema := liveDB(t)
	if _, err := db.Exec("CREATE TABLE " + schema + ".t " + loadDDL); err != nil {
		t.Fatal(err)
	}
	ts := time.Date(2025, 6, 30, 23, 59, 59, 123456000, time.UTC)
	in := [][]any{
		{int64(1), "tab\there\nnew line\r\\back\\slash\x00nul", dialects.Decimal("12345678901234567890.123456789"), 0.1, true, ts, `{"s": "x\ty\\z"}`},
		{int64(2), `\N`, dialects.Decimal("-0.000000001"), -1.5e-300, false, ts.Add(time.Microsecond), `[]`},
		{int64(3), nil, nil, nil, nil, nil, nil},
		{int64(4), "NULL", dialects.Decimal("0.000000000"), 1e300, true, time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC), `"ünïcødé ✓"`},
	}
	rows := make([][]any, len(in))
	for i, r := range in {
		rows[i] = append(append([]any{}, r...), nil, nil, nil) // the SET columns' slots
	}
	n, err := loadInto(t, db, schema, rows)
	if err != nil {
		t.Fatal(err)
	}
	if n != int64(len(in)) {
		t.Fatalf("inserted %d rows, want %d", n, len(in))
	}
	q, err := db.Query("SELECT id, s, CAST(d AS CHAR), f, b, ts, j, missing, src, `at` FROM " + schema + ".t ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	i := 0
	for ; q.Next(); i++ {
		var id int64
		var s, d, j, missing, src sql.NullString
		var f sql.NullFloat64
		var b sql.NullBool
		var tsv sql.NullTime
		var at time.Time
		if err := q.Scan(&id, &s, &d, &f, &b, &tsv, &j, &missing, &src, &at); err != nil {
			t.Fatal(err)
		}
		want := in[i]
		check := func(col string, got any, w any) {
			if got != w {
				t.Errorf("row %d, %s: got %#v, want %#v", id, col, got, w)
			}
		}
		check("id", id, want[0])
		check("s", nullable(s.String, s.Valid), want[1])
		if want[2] == nil {
			check("d", nullable(d.String, d.Valid), nil)
		} else {
			check("d", nullable(d.String, d.Valid), any(string(want[2].(dialects.Decimal))))
		}
		check("f", nullable(f.Float64, f.Valid), want[3])
		check("b", nullable(b.Bool, b.Valid), want[4])
		if want[5] == nil {
			check("ts", tsv.Valid, false)
		} else {
			check("ts", tsv.Time.UTC(), want[5])
		}
		if want[6] != nil {
			check("j valid", j.Valid, true)
		} else {
			check("j", j.Valid, false)
		}
		check("missing", missing.Valid, false)
		check("src", src.String, `a'b\c/0_1.parquet`)
		check("at", at.UTC(), time.Date(2025, 1, 2, 3, 4, 5, 678901000, time.UTC))
	}
	if i != len(in) {
		t.Fatalf("read back %d rows, want %d", i, len(in))
	}
}

func nullable[T any](v T, ok bool) any {
	if !ok {
		return nil
	}
	return v
}

// LOAD DATA LOCAL turns a bad value into a warning and a clamped or
// truncated value, even in strict mode; InsertRows must fail instead,
// naming the column and row, and leave nothing behind.
func TestInsertRowsRejectsWhatTheServerWouldClamp(t *testing.T) {
	db, schema := liveDB(t)
	if _, err := db.Exec("CREATE TABLE " + schema + ".t " + loadDDL); err != nil {
		t.Fatal(err)
	}
	ts := time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC)
	row := func(id int64, d string) []any {
		return []any{id, "x", dialects.Decimal(d), 1.0, true, ts, `{}`, nil, nil, nil}
	}
	for _, tc := range []struct {
		name, want string
		rows       [][]any
	}{
		{"decimal out of range", "column 'd' at row 3", [][]any{row(1, "1"), row(2, "2"), row(3, "123456789012345678901234567890.5")}},
		{"not a number", "at row 2", [][]any{row(1, "1"), row(2, "12,50")}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := loadInto(t, db, schema, tc.rows)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got error %v, want one containing %q", err, tc.want)
			}
			var n int
			db.QueryRow("SELECT COUNT(*) FROM " + schema + ".t").Scan(&n)
			if n != 0 {
				t.Fatalf("%d rows left behind", n)
			}
		})
	}
}

func TestAppendTSV(t *testing.T) {
	for _, tc := range []struct {
		in   any
		want string
	}{
		{nil, `\N`},
		{`\N`, `\\N`},
		{"a\tb\nc\rd\\e\x00f", `a\tb\nc\rd\\e\0f`},
		{"plain ✓", "plain ✓"},
		{dialects.Decimal("-12.340000000"), "-12.340000000"},
		{int64(-42), "-42"},
		{0.1, "0.1"},
		{1e21, "1e+21"},
		{true, "1"},
		{false, "0"},
		{time.Date(2025, 1, 2, 3, 4, 5, 600000, time.FixedZone("x", 3600)), "2025-01-02 02:04:05.0006"},
	} {
		if got := string(appendTSV(nil, tc.in)); got != tc.want {
			t.Errorf("%#v: got %q, want %q", tc.in, got, tc.want)
		}
	}
	// appendTimestamp agrees with dialects.UTCText (time.Format) everywhere.
	for _, tm := range []time.Time{
		time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC),
		time.Date(2025, 12, 31, 23, 59, 59, 999999999, time.UTC),
		time.Date(1, 1, 1, 0, 0, 0, 1000, time.UTC),
		time.Date(9999, 10, 11, 12, 13, 14, 120000000, time.UTC),
		time.Date(2024, 2, 29, 0, 0, 0, 100, time.FixedZone("m", -5*3600)),
		time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Unix(1700000000, 123456789),
	} {
		if got, want := string(appendTimestamp(nil, tm)), dialects.UTCText(tm); got != want {
			t.Errorf("%v: got %q, want %q", tm, got, want)
		}
	}
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	n, err := writeTSV(w, &sliceRows{rows: [][]any{{int64(1), "skip", "a"}, {int64(2), "skip", nil}}}, []int{0, 2})
	w.Flush()
	if err != nil || n != 2 || buf.String() != "1\ta\n2\t\\N\n" {
		t.Fatalf("writeTSV: %d rows, %v, %q", n, err, buf.String())
	}
}
