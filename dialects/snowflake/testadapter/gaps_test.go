package testadapter

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/mtxhq/mtx/dialects/snowflake"
	"github.com/mtxhq/mtx/internal/output"
)

// TestFakesnowGaps proves the two fakesnow results the tests excuse
// (fakesnowGaps: EpochForNull, FloatSums): when fakesnow answers like
// Snowflake, this fails, and the gap goes. Without fakesnow there is
// nothing to prove.
func TestFakesnowGaps(t *testing.T) {
	dsn := os.Getenv("MTX_TEST_SNOWFLAKE_DSN")
	if !IsFakesnow(dsn) {
		t.Log("MTX_TEST_SNOWFLAKE_DSN is not fakesnow: no emulator gap to prove")
		return
	}
	d := snowflake.Dialect{}
	db, err := d.Open(dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	res, err := output.Query(context.Background(), db, "", "SELECT NULL::TIMESTAMP_TZ AS n, SUM(x) AS s FROM (SELECT CAST('0.000000001' AS NUMBER(38,9)) AS x)")
	if err != nil {
		t.Fatalf("fakesnow at %s: %v", d.RedactDSN(dsn), err)
	}
	row := res.Rows[0]
	if row[0] == nil || *row[0] != "1970-01-01T00:00:00Z" {
		t.Errorf("fakesnow now returns NULL::TIMESTAMP_TZ as %v: drop EpochForNull", row[0])
	}
	if row[1] == nil || !strings.Contains(*row[1], "e") {
		t.Errorf("fakesnow now sums NUMBER(38,9) exactly (%v): drop FloatSums", row[1])
	}
}
