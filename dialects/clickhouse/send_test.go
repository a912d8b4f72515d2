package clickhouse

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/parquet-go/parquet-go"
)

// TestSendsParquet: files go to the server over HTTP only; the native
// protocol streams rows.
func TestSendsParquet(t *testing.T) {
	for _, tc := range []struct {
		dsn  string
		want bool
	}{
		{"http://127.0.0.1:8123/default", true},
		{"https://u:p@host:8443/db?secure=true", true},
		{"clickhouse://default:pw@localhost:9000/default", false},
		{"tcp://localhost:9000/metronome", false},
	} {
		db, err := Dialect{}.Open(tc.dsn)
		if err != nil {
			t.Fatal(err)
		}
		if got := (Dialect{}).SendsParquet(db); got != tc.want {
			t.Errorf("SendsParquet(%s) = %v, want %v", tc.dsn, got, tc.want)
		}
		db.Close()
	}
}

// TestInputInsert checks the statement a file is sent with: the file's
// columns read as the file stores them, constants as literals, a column
// the file lacks as NULL, and one throwIf for every value mtx refuses.
func TestInputInsert(t *testing.T) {
	at := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	tbl := dialects.LoadTable{Schema: "s", Table: "t", Columns: []dialects.LoadColumn{
		{Name: "id", Type: catalog.String, Source: "id"},
		{Name: "props", Type: catalog.JSON, Source: "props"},
		{Name: "amount", Type: catalog.Decimal, Source: "amount"},
		{Name: "n", Type: catalog.Integer, Source: "n"},
		{Name: "ok", Type: catalog.Boolean, Source: "ok"},
		{Name: "ms", Type: catalog.Timestamp, Source: "ms"},
		{Name: "us", Type: catalog.Timestamp, Source: "us"},
		{Name: "ns", Type: catalog.Timestamp, Source: "ns"},
		{Name: "gone", Type: catalog.String},
		{Name: catalog.SourceFileColumn, Type: catalog.String, Const: "default"},
		{Name: catalog.TransferredAtColumn, Type: catalog.Timestamp, Const: at},
	}}
	file := dialects.ParquetFile{Path: "/x.parquet",
		Consts: map[string]any{catalog.SourceFileColumn: `t/dt=2025-01-02/it's\0_20250102030405.parquet`},
		Columns: []dialects.ObjectColumn{
			{Name: "id", Type: catalog.String}, {Name: "props", Type: catalog.String},
			{Name: "amount", Type: catalog.Decimal, Precision: 18, Scale: 2}, {Name: "n", Type: catalog.Integer},
			{Name: "ok", Type: catalog.Boolean}, {Name: "ms", Type: catalog.Timestamp, Digits: 3},
			{Name: "us", Type: catalog.Timestamp, Digits: 6}, {Name: "ns", Type: catalog.Timestamp, Digits: 9},
			{Name: "unknown", Type: catalog.String},
		}}
	q, err := Dialect{}.inputInsert(tbl, file)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"INSERT INTO `s`.`t` (`id`, `props`, `amount`, `n`, `ok`, `ms`, `us`, `ns`, `gone`, `_mtx_source_file`, `_mtx_transferred_at`) SELECT `id`, `props`, `amount`, `n`, `ok`, `ms`, `us`, `ns`, NULL, " +
			`'t/dt=2025-01-02/it\'s\\0_20250102030405.parquet', toDateTime64('2025-01-02 03:04:05', 6, 'UTC') FROM input(`,
		"`amount` Nullable(Decimal(18, 2))", "`n` Nullable(Int64)", "`ok` Nullable(Bool)",
		"`ms` Nullable(DateTime64(3, \\'UTC\\'))", "`ns` Nullable(DateTime64(9, \\'UTC\\'))",
		" WHERE NOT throwIf(ifNull(NOT isValidUTF8(`id`), 0) OR ifNull(NOT isValidUTF8(`props`), 0) OR ifNull(NOT isValidJSON(`props`), 0) OR ",
		"ifNull(toUnixTimestamp64Milli(`ms`) NOT BETWEEN -62135596800000 AND 253402300799999, 0) OR ",
		"ifNull(toUnixTimestamp64Micro(`us`) NOT BETWEEN -62135596800000000 AND 253402300799999999, 0), " +
			"'a value mtx refuses (text that is not valid UTF-8, JSON that does not parse or a timestamp outside the years 1 to 9999)') FORMAT Parquet",
	} {
		if !strings.Contains(q, want) {
			t.Errorf("statement lacks %s:\n%s", want, q)
		}
	}
	for _, not := range []string{"unknown", "isValidJSON(`id`)", "(`ns`) NOT BETWEEN", "(`amount`"} {
		if strings.Contains(q, not) {
			t.Errorf("statement holds %s:\n%s", not, q)
		}
	}

	// A timestamp of no known unit (engines get native files only, so
	// never one) is an error, not a guess.
	file.Columns[5].Digits = 0
	if _, err := (Dialect{}).inputInsert(tbl, file); err == nil || !strings.Contains(err.Error(), "ms") {
		t.Errorf("a timestamp without a unit: err = %v", err)
	}
}

// TestLiveSendParquet sends parquet files to the server over HTTP: a good
// one loads its rows with the provenance literal, one with text that is
// not JSON in a JSON column is refused.
func TestLiveSendParquet(t *testing.T) {
	db := liveDB(t)
	if !(Dialect{}).SendsParquet(db) {
		t.Skip("MTX_TEST_CLICKHOUSE_DSN is not an http:// DSN: parquet files are sent over HTTP only")
	}
	b := make([]byte, 4)
	rand.Read(b)
	schema := "mtx_test_" + hex.EncodeToString(b)
	for _, q := range []string{
		"CREATE DATABASE " + schema,
		"CREATE TABLE " + schema + ".t (id Nullable(String), props Nullable(String), at Nullable(DateTime64(6, 'UTC')), src Nullable(String)) ENGINE = MergeTree ORDER BY tuple()",
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() { db.Exec("DROP DATABASE " + schema) })
	type row struct {
		ID    string    `parquet:"id"`
		Props string    `parquet:"props"`
		At    time.Time `parquet:"at,timestamp(microsecond)"`
	}
	at := time.Date(2025, 1, 2, 3, 4, 5, 123456000, time.UTC)
	tbl := dialects.LoadTable{Schema: schema, Table: "t", Columns: []dialects.LoadColumn{
		{Name: "id", Type: catalog.String, Source: "id"},
		{Name: "props", Type: catalog.JSON, Source: "props"},
		{Name: "at", Type: catalog.Timestamp, Source: "at"},
		{Name: "src", Type: catalog.String, Const: "t/dt=2025-01-02/0_20250102030405.parquet"},
	}}
	cols := []dialects.ObjectColumn{{Name: "id", Type: catalog.String}, {Name: "props", Type: catalog.String}, {Name: "at", Type: catalog.Timestamp, Digits: 6}}
	send := func(rows []row) (int64, error) {
		path := filepath.Join(t.TempDir(), "f.parquet")
		if err := parquet.WriteFile(path, rows); err != nil {
			t.Fatal(err)
		}
		return Dialect{}.SendParquet(context.Background(), db, tbl, dialects.ParquetFile{Path: path, Columns: cols})
	}
	n, err := send([]row{{"a", `{"k": 1}`, at}, {"b", `[]`, at}})
	if err != nil || n != 2 {
		t.Fatalf("good file: %d rows, %v", n, err)
	}
	var count int
	var got time.Time
	if err := db.QueryRow("SELECT count(), max(at) FROM "+schema+".t WHERE src = 't/dt=2025-01-02/0_20250102030405.parquet' AND props IS NOT NULL").Scan(&count, &got); err != nil {
		t.Fatal(err)
	}
	if count != 2 || !got.Equal(at) {
		t.Errorf("loaded %d rows, latest at %s; want 2 at %s", count, got, at)
	}
	// The server's error names no column: the loader reads a refused file
	// itself to name the value (TestLoadCorpus checks that message).
	if _, err := send([]row{{"c", `{"k": 1}`, at}, {"d", `{"k": `, at}}); err == nil || !strings.Contains(err.Error(), "a value mtx refuses") {
		t.Errorf("a file with broken JSON: err = %v", err)
	}
}
