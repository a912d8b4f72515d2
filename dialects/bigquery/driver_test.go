package bigquery

import (
	"context"
	"crypto/rand"
	"database/sql/driver"
	"encoding/hex"
	"encoding/json"
	"math/big"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestParseDSN(t *testing.T) {
	tests := []struct {
		dsn     string
		want    config
		wantErr string
	}{
		{"bigquery://my-project", config{project: "my-project"}, ""},
		{"bigquery://my-project/EU", config{project: "my-project", location: "EU"}, ""},
		{"bigquery://p?endpoint=http://127.0.0.1:59050", config{project: "p", endpoint: "http://127.0.0.1:59050"}, ""},
		{"bigquery://p?dataset=metronome_1", config{project: "p", dataset: "metronome_1"}, ""},
		{"bigquery://p?dataset=a.b", config{}, "is not a dataset name"},
		{"bigquery://p?dataset=", config{}, "is not a dataset name"},
		{"project-only", config{}, "scheme is not bigquery://"},
		{"bigquery://", config{}, "no project"},
		{"bigquery://p/EU/x", config{}, "has a slash"},
		{"bigquery://p?endpont=http://x", config{}, `unknown parameter "endpont"`},
		{"bigquery://p?endpoint=localhost:9050", config{}, "not an http(s) URL"},
		{"bigquery://u:s3cret@p", config{}, "user or password"},
		{"bigquery://p?endpoint=http://u:s3cret@h:1", config{}, "carries a user"},
		{"bigquery://p?endpoint=http://h:1/?key=s3cret", config{}, "carries a user or query"},
	}
	for _, tc := range tests {
		got, err := parseDSN(tc.dsn)
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("%s: error %v, want %q", tc.dsn, err, tc.wantErr)
			}
			if err != nil && strings.Contains(err.Error(), "s3cret") {
				t.Errorf("%s: error leaks the password: %v", tc.dsn, err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("%s: %+v, %v; want %+v", tc.dsn, got, err, tc.want)
		}
	}
}

func TestRedactDSN(t *testing.T) {
	for dsn, want := range map[string]string{
		"bigquery://p/EU?endpoint=http://127.0.0.1:59050": "bigquery://p/EU?endpoint=http://127.0.0.1:59050",
		"bigquery://u:s3cret@p":                           "bigquery://u:xxxxx@p",
		"bigquery://p?endpoint=http://h/?token=s3cret":    "bigquery://p?xxxxx",
	} {
		if got := (Dialect{}).RedactDSN(dsn); strings.Contains(got, "s3cret") || (want != "" && !strings.HasPrefix(got, strings.SplitN(want, "?", 2)[0])) {
			t.Errorf("RedactDSN(%s) = %s", dsn, got)
		}
	}
}

func TestPlaceholders(t *testing.T) {
	tests := []struct {
		sql  string
		want int
	}{
		{"SELECT ?, ?", 2},
		{"SELECT '?', \"?\", `?`, ?", 1},
		{"SELECT '''it's ?''', \"\"\"?\"\"\", ?", 1},
		{`SELECT 'a\'?', ?`, 1},
		{`SELECT r'\', ?`, 1},      // raw: the backslash escapes nothing
		{`SELECT br'\', ?`, 1},     // raw bytes
		{`SELECT bar'a\'b', ?`, 1}, // not raw: "bar" is an identifier, \' escapes
		{"SELECT ? -- ?\n, ? # ?\n, /* ? */ ?", 3},
	}
	for _, tc := range tests {
		if got := placeholders(tc.sql); len(got) != tc.want {
			t.Errorf("%s: %d placeholders at %v, want %d", tc.sql, len(got), got, tc.want)
		}
	}
}

func TestBindNulls(t *testing.T) {
	args := []driver.NamedValue{{Ordinal: 1, Value: int64(1)}, {Ordinal: 2, Value: nil}, {Ordinal: 3, Value: "x"}}
	text, params, err := bind("INSERT INTO t VALUES (?, ?, '?', ?)", args)
	if err != nil {
		t.Fatal(err)
	}
	if text != "INSERT INTO t VALUES (?, NULL, '?', ?)" || len(params) != 2 {
		t.Errorf("got %q with %d parameters", text, len(params))
	}
	if _, _, err := bind("SELECT ?", nil); err != nil {
		t.Errorf("no arguments: %v", err)
	}
	if _, _, err := bind("SELECT ?, ?", args[:1]); err == nil || !strings.Contains(err.Error(), "2 ? placeholders, 1 arguments") {
		t.Errorf("count mismatch: %v", err)
	}
}

func TestFitsNumeric(t *testing.T) {
	for s, want := range map[string]bool{
		"99999999999999999999999999999.999999999":  true,
		"-99999999999999999999999999999.999999999": true,
		"100000000000000000000000000000":           false,
		"0.0000000001":                             false,
	} {
		r, _ := new(big.Rat).SetString(s)
		if got := fitsNumeric(r); got != want {
			t.Errorf("fitsNumeric(%s) = %v", s, got)
		}
	}
}

// TestLive runs the driver against MTX_TEST_BIGQUERY_DSN (tests/engines/up
// bigquery starts an emulator): parameters of the types mtx writes in, exact
// values out. BIGNUMERIC and BYTES parameters are left out: the emulator
// casts BIGNUMERIC parameters to DECIMAL(38,38) and stores BYTES parameters
// as their base64 text (docs/engines.md).
func TestLive(t *testing.T) {
	dsn := os.Getenv("MTX_TEST_BIGQUERY_DSN")
	if dsn == "" {
		t.Skip(`MTX_TEST_BIGQUERY_DSN not set: run eval "$(tests/engines/up bigquery)"`)
	}
	ctx := context.Background()
	db, err := Dialect{}.Open(dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.PingContext(ctx); err != nil {
		t.Fatal(err)
	}
	b := make([]byte, 4)
	rand.Read(b)
	ds := "mtx_driver_" + hex.EncodeToString(b)
	if _, err := db.ExecContext(ctx, "CREATE SCHEMA `"+ds+"`"); err != nil {
		t.Fatal(err)
	}
	defer db.ExecContext(ctx, "DROP SCHEMA `"+ds+"` CASCADE")
	tbl := "`" + ds + "`.t"
	if _, err := db.ExecContext(ctx, "CREATE TABLE "+tbl+" (s STRING, i INT64, f FLOAT64, b BOOL, ts TIMESTAMP, n NUMERIC(38, 9), j JSON)"); err != nil {
		t.Fatal(err)
	}
	n, _ := new(big.Rat).SetString("-99999999999999999999999999999.000000001")
	ts := time.Date(2100, 12, 31, 23, 59, 59, 999999000, time.UTC)
	res, err := db.ExecContext(ctx, "INSERT INTO "+tbl+" (s, i, f, b, ts, n, j) VALUES (?, ?, ?, ?, ?, ?, ?), (NULL, ?, NULL, NULL, NULL, NULL, NULL)",
		"Zoë ? '", int64(-9223372036854775808), 1.5e300, true, ts, n, json.RawMessage(`{"a": [1, "x"]}`), nil)
	if err != nil {
		t.Fatal(err)
	}
	if k, _ := res.RowsAffected(); k != 2 {
		t.Errorf("RowsAffected = %d, want 2", k)
	}
	if _, err := db.BeginTx(ctx, nil); err == nil || !strings.Contains(err.Error(), "transactions are not supported") {
		t.Errorf("Begin: %v", err)
	}
	var (
		s, ns, j string
		i        int64
		f        float64
		bo       bool
		gotTS    time.Time
	)
	err = db.QueryRowContext(ctx, "SELECT s, i, f, b, ts, n, j FROM "+tbl+" WHERE s IS NOT NULL").
		Scan(&s, &i, &f, &bo, &gotTS, &ns, &j)
	if err != nil {
		t.Fatal(err)
	}
	want := []any{"Zoë ? '", int64(-9223372036854775808), 1.5e300, true, ts, "-99999999999999999999999999999.000000001"}
	got := []any{s, i, f, bo, gotTS, ns}
	for k := range want {
		if !reflect.DeepEqual(got[k], want[k]) {
			t.Errorf("column %d: got %v, want %v", k, got[k], want[k])
		}
	}
	var doc any
	if err := json.Unmarshal([]byte(j), &doc); err != nil || !reflect.DeepEqual(doc, map[string]any{"a": []any{1.0, "x"}}) {
		t.Errorf("JSON %q: %v", j, err)
	}
	var nulls int
	if err := db.QueryRowContext(ctx, "SELECT COUNT(*) FROM "+tbl+" WHERE s IS NULL AND n IS NULL").Scan(&nulls); err != nil || nulls != 1 {
		t.Errorf("NULL row: %d, %v", nulls, err)
	}
}

// TestWithDefaultSchema: the schema becomes the DSN's dataset, the rest kept.
func TestWithDefaultSchema(t *testing.T) {
	got, err := Dialect{}.WithDefaultSchema("bigquery://p/EU?endpoint=http://127.0.0.1:59050", "billing_1")
	if err != nil {
		t.Fatal(err)
	}
	c, err := parseDSN(got)
	if err != nil || c != (config{project: "p", location: "EU", endpoint: "http://127.0.0.1:59050", dataset: "billing_1"}) {
		t.Errorf("%s: %+v %v", got, c, err)
	}
	if _, err := (Dialect{}).WithDefaultSchema("bigquery://p", "no-dashes"); err == nil {
		t.Error("an invalid dataset name was accepted")
	}
}
