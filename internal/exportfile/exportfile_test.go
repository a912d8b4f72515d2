package exportfile

import (
	"database/sql"
	"math/big"
	"path/filepath"
	"strings"
	"testing"
	"time"

	_ "github.com/duckdb/duckdb-go/v2"
	"github.com/mtxhq/mtx/internal/catalog"
)

func table(t *testing.T, name string) *catalog.Table {
	t.Helper()
	h, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	tb, ok := h.Current().Table(name)
	if !ok {
		t.Fatalf("no table %s", name)
	}
	return tb
}

// TestTypesReadByDuckDB writes every logical type and reads it back with
// DuckDB: the physical types DuckDB sees and exact decimal values.
func TestTypesReadByDuckDB(t *testing.T) {
	// invoice has string, decimal, timestamp, json... line_item adds more.
	tb := &catalog.Table{Name: "typed", Columns: []catalog.Column{
		{Name: "s", Type: catalog.String}, {Name: "d", Type: catalog.Decimal},
		{Name: "ts", Type: catalog.Timestamp}, {Name: "j", Type: catalog.JSON},
		{Name: "i", Type: catalog.Integer}, {Name: "f", Type: catalog.Float},
		{Name: "b", Type: catalog.Boolean}, {Name: "_mtx_loaded_at", Type: catalog.Timestamp, System: true},
	}}
	ts := time.Date(2026, 3, 1, 12, 30, 45, 123456000, time.UTC)
	rows := []Row{
		{"s": "héllo", "d": "12345678901234567890.123456789", "ts": ts, "j": map[string]any{"a": 1}, "i": int64(-7), "f": 1.5, "b": true},
		{"d": "-0.000000001"},
		{"d": big.NewRat(-1, 4), "i": 3},
	}
	dir := t.TempDir()
	at := time.Date(2026, 3, 2, 1, 2, 3, 0, time.UTC)
	p, err := WriteFile(dir, tb, 7, at, rows)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "typed", "dt=2026-03-02", "7_20260302010203.parquet"); p != want {
		t.Fatalf("path %s, want %s", p, want)
	}
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	// Column types as DuckDB sees them, in catalog order, without _mtx_ columns.
	trs, err := db.Query(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet(?, hive_partitioning = false))`, p)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for trs.Next() {
		var n, ty string
		if err := trs.Scan(&n, &ty); err != nil {
			t.Fatal(err)
		}
		got = append(got, n+" "+ty)
	}
	trs.Close()
	want := "s VARCHAR,d DECIMAL(38,9),ts TIMESTAMP WITH TIME ZONE,j VARCHAR,i BIGINT,f DOUBLE,b BOOLEAN"
	if strings.Join(got, ",") != want {
		t.Fatalf("columns\n got %s\nwant %s", strings.Join(got, ","), want)
	}
	// Physical types in the file itself.
	var phys []string
	prs, err := db.Query(`SELECT name || ' ' || type || CASE WHEN type = 'FIXED_LEN_BYTE_ARRAY' THEN '(' || type_length || ')' ELSE '' END || ' ' || repetition_type FROM parquet_schema(?) WHERE type IS NOT NULL ORDER BY name`, p)
	if err != nil {
		t.Fatal(err)
	}
	for prs.Next() {
		var x string
		if err := prs.Scan(&x); err != nil {
			t.Fatal(err)
		}
		phys = append(phys, x)
	}
	prs.Close()
	wantPhys := "b BOOLEAN OPTIONAL,d FIXED_LEN_BYTE_ARRAY(16) OPTIONAL,f DOUBLE OPTIONAL,i INT64 OPTIONAL,j BYTE_ARRAY OPTIONAL,s BYTE_ARRAY OPTIONAL,ts INT64 OPTIONAL"
	if strings.Join(phys, ",") != wantPhys {
		t.Fatalf("physical\n got %s\nwant %s", strings.Join(phys, ","), wantPhys)
	}
	var s, d, j, tsText string
	var i int64
	var f float64
	var b bool
	err = db.QueryRow(`SELECT s, d::VARCHAR, strftime(ts AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M:%S.%f'), j, i, f, b FROM read_parquet(?, hive_partitioning = false) WHERE s IS NOT NULL`, p).
		Scan(&s, &d, &tsText, &j, &i, &f, &b)
	if err != nil {
		t.Fatal(err)
	}
	if s != "héllo" || d != "12345678901234567890.123456789" || tsText != "2026-03-01 12:30:45.123456" || j != `{"a":1}` || i != -7 || f != 1.5 || !b {
		t.Fatalf("row 1 read back as %q %q %q %q %d %v %v", s, d, tsText, j, i, f, b)
	}
	var sum string
	var nulls int
	if err := db.QueryRow(`SELECT sum(d)::VARCHAR, count(*) FILTER (WHERE s IS NULL) FROM read_parquet(?, hive_partitioning = false)`, p).Scan(&sum, &nulls); err != nil {
		t.Fatal(err)
	}
	if sum != "12345678901234567889.873456788" || nulls != 2 {
		t.Fatalf("sum %s nulls %d", sum, nulls)
	}
}

func TestRefusesBadInput(t *testing.T) {
	tb := table(t, "invoice")
	cases := []struct {
		row  Row
		want string
	}{
		{Row{"nope": "x"}, `table invoice has no export column "nope"`},
		{Row{"total": 1.5}, "table invoice, column total: float64 is not a valid decimal value"},
		{Row{"total": "0.0000000001"}, "more than 9 decimal places"},
		{Row{"total": "1e30"}, "does not fit DECIMAL(38,9)"},
		{Row{"total": "abc"}, `"abc" is not a decimal number`},
		{Row{"_mtx_loaded_at": time.Now()}, `no export column "_mtx_loaded_at"`},
	}
	for _, c := range cases {
		_, err := Encode(tb, []Row{c.row})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: error %v, want %q", c.row, err, c.want)
		}
	}
}

func TestParsePath(t *testing.T) {
	at := time.Date(2025, 1, 2, 15, 4, 5, 0, time.UTC)
	p := "bucket/folder/" + Path("invoice", 12, at)
	if p != "bucket/folder/invoice/dt=2025-01-02/12_20250102150405.parquet" {
		t.Fatal(p)
	}
	f, err := ParsePath(p)
	if err != nil || f.Table != "invoice" || f.Part != 12 || !f.TransferredAt.Equal(at) {
		t.Fatalf("%+v %v", f, err)
	}
	for _, bad := range []string{"invoice/12_20250102150405.parquet", "invoice/dt=2025-01-03/1_20250102150405.parquet", "invoice/dt=2025-01-02/x_20250102150405.parquet"} {
		if _, err := ParsePath(bad); err == nil {
			t.Errorf("%s: no error", bad)
		}
	}
}

func TestDeterministic(t *testing.T) {
	tb := table(t, "customer")
	rows := []Row{{"id": "c1", "name": "Acme", "created_at": time.Unix(0, 0)}}
	a, err := Encode(tb, rows)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Encode(tb, rows)
	if string(a) != string(b) {
		t.Fatal("two encodings of the same rows differ")
	}
}
