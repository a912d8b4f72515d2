package snowflake

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"math"
	"os"
	"strconv"
	"testing"
)

// TestLiveFloatBinding proves the gosnowflake gap docs/engines.md
// records, against MTX_TEST_SNOWFLAKE_DSN (tests/engines/up snowflake
// starts fakesnow): gosnowflake v1.19 formats a float64 bind parameter with
// float32 precision, on any server; bound as text, the value arrives exactly.
func TestLiveFloatBinding(t *testing.T) {
	dsn := os.Getenv("MTX_TEST_SNOWFLAKE_DSN")
	if dsn == "" {
		t.Skip(`MTX_TEST_SNOWFLAKE_DSN not set: run eval "$(tests/engines/up snowflake)"`)
	}
	ctx := context.Background()
	d := Dialect{}
	db, err := d.Open(dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	b := make([]byte, 4)
	rand.Read(b)
	schema := d.Quote("mtx_float_" + hex.EncodeToString(b))
	if _, err := db.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatal(err)
	}
	defer db.ExecContext(ctx, "DROP SCHEMA IF EXISTS "+schema+" CASCADE")
	table := schema + "." + d.Quote("t")
	if _, err := db.ExecContext(ctx, "CREATE TABLE "+table+" (k NUMBER(38,0), f FLOAT)"); err != nil {
		t.Fatal(err)
	}
	const big, fine = 1.5e300, 0.123456789
	for k, arg := range []any{big, fine, strconv.FormatFloat(big, 'g', -1, 64), strconv.FormatFloat(fine, 'g', -1, 64)} {
		if _, err := db.ExecContext(ctx, "INSERT INTO "+table+" (k, f) SELECT ?, TO_DOUBLE(?)", k, arg); err != nil {
			t.Fatalf("insert %v: %v", arg, err)
		}
	}
	got := map[int]float64{}
	rows, err := db.QueryContext(ctx, "SELECT k, f FROM "+table)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var k int
		var f float64
		if err := rows.Scan(&k, &f); err != nil {
			t.Fatal(err)
		}
		got[k] = f
	}
	if got[2] != big || got[3] != fine {
		t.Errorf("floats bound as text: %v and %v, want %v and %v", got[2], got[3], big, fine)
	}
	if got[0] == big && got[1] == fine {
		t.Errorf("gosnowflake now binds float64 exactly: drop the text workaround in tests/roundtrip_test.go and docs/engines.md")
	} else if !math.IsInf(got[0], 1) || float32(got[1]) != float32(fine) {
		t.Errorf("float64 bound directly came back as %v and %v; expected float32 rounding (+Inf and ~%v)", got[0], got[1], float32(fine))
	}
}
