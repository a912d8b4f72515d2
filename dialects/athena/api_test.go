package athena

import (
	"database/sql/driver"
	"errors"
	"fmt"
	"math"
	"net"
	"os"
	"reflect"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go"
)

func TestStartInput(t *testing.T) {
	c, err := parseAthena("athena://eu-west-1?workgroup=etl&output_location=s3://b/results/&database=metronome")
	if err != nil {
		t.Fatal(err)
	}
	in, err := c.startInput("SELECT ? , ?", []driver.NamedValue{{Ordinal: 1, Value: "it's"}, {Ordinal: 2, Value: []byte("x")}})
	if err != nil {
		t.Fatal(err)
	}
	if aws.ToString(in.WorkGroup) != "etl" || aws.ToString(in.QueryExecutionContext.Database) != "metronome" ||
		aws.ToString(in.QueryExecutionContext.Catalog) != "AwsDataCatalog" || aws.ToString(in.ResultConfiguration.OutputLocation) != "s3://b/results/" {
		t.Errorf("request %+v %+v", in, in.QueryExecutionContext)
	}
	if want := []string{"'it''s'", "'x'"}; !reflect.DeepEqual(in.ExecutionParameters, want) {
		t.Errorf("parameters %q, want %q", in.ExecutionParameters, want)
	}
	bare, _ := parseAthena("athena://us-east-1")
	in, _ = bare.startInput("SELECT 1", nil)
	if in.QueryExecutionContext.Database != nil || in.ResultConfiguration != nil || aws.ToString(in.WorkGroup) != "primary" {
		t.Errorf("a bare DSN sets %+v", in)
	}
	if _, err := bare.startInput("SELECT ?", []driver.NamedValue{{Ordinal: 1, Value: struct{}{}}}); err == nil {
		t.Error("an argument of an unknown type was accepted")
	}
}

func TestAPIValue(t *testing.T) {
	la, _ := time.LoadLocation("America/Los_Angeles")
	for _, tc := range []struct {
		typ, s string
		want   driver.Value
	}{
		{"varchar", "x y", "x y"},
		{"decimal", "-12.340000000", "-12.340000000"},
		{"bigint", "-9223372036854775808", int64(math.MinInt64)},
		{"integer", "7", int64(7)},
		{"double", "0.5", 0.5},
		{"double", "-Infinity", math.Inf(-1)},
		{"boolean", "true", true},
		{"date", "2025-01-02", time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC)},
		{"timestamp", "2025-01-02 03:04:05.123456", time.Date(2025, 1, 2, 3, 4, 5, 123456000, time.UTC)},
		{"timestamp with time zone", "2025-01-02 03:04:05.123 UTC", time.Date(2025, 1, 2, 3, 4, 5, 123000000, time.UTC)},
		{"timestamp with time zone", "2025-01-02 03:04:05.000 America/Los_Angeles", time.Date(2025, 1, 2, 3, 4, 5, 0, la)},
		{"timestamp(6) with time zone", "2025-01-02 03:04:05.000001 +01:00", time.Date(2025, 1, 2, 2, 4, 5, 1000, time.UTC)},
		{"json", `{"a":1}`, `{"a":1}`},
	} {
		got, err := apiValue(tc.typ, tc.s)
		if err != nil {
			t.Errorf("apiValue(%q, %q): %v", tc.typ, tc.s, err)
			continue
		}
		if gt, ok := got.(time.Time); ok {
			if !gt.Equal(tc.want.(time.Time)) {
				t.Errorf("apiValue(%q, %q) = %v, want %v", tc.typ, tc.s, gt, tc.want)
			}
			continue
		}
		if got != tc.want {
			t.Errorf("apiValue(%q, %q) = %#v, want %#v", tc.typ, tc.s, got, tc.want)
		}
	}
	for _, bad := range [][2]string{{"bigint", "x"}, {"timestamp", "yesterday"}, {"timestamp with time zone", "2025-01-02 03:04:05 Nowhere/Land"}} {
		if _, err := apiValue(bad[0], bad[1]); err == nil {
			t.Errorf("apiValue(%q, %q) accepted", bad[0], bad[1])
		}
	}
}

// TestAPILive runs statements through Athena's API when
// MTX_TEST_ATHENA_API_DSN names a workgroup (athena://REGION?workgroup=…&
// output_location=s3://…; AWS credentials from the environment).
func TestAPILive(t *testing.T) {
	dsn := os.Getenv("MTX_TEST_ATHENA_API_DSN")
	if dsn == "" {
		t.Skip("MTX_TEST_ATHENA_API_DSN not set: set it to athena://REGION?workgroup=W&output_location=s3://BUCKET/PATH/ (AWS credentials from the environment) to run statements on Athena")
	}
	db, err := Dialect{}.Open(dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int64
	var d string
	var ts time.Time
	if err := db.QueryRow("SELECT 1, CAST(DECIMAL '12345678901234567890.123456789' AS varchar), TIMESTAMP '2025-01-02 03:04:05.123 UTC' WHERE ? = 'x'", "x").Scan(&n, &d, &ts); err != nil {
		t.Fatal(err)
	}
	if n != 1 || d != "12345678901234567890.123456789" || !ts.Equal(time.Date(2025, 1, 2, 3, 4, 5, 123000000, time.UTC)) {
		t.Errorf("got %d, %s, %v", n, d, ts)
	}
	if _, err := db.Exec("SELECT no_such_column"); err == nil {
		t.Error("a failing statement succeeded")
	}
}

// TestHopeless: an unreachable endpoint or refused credentials stop every
// later statement at once; throttling does not.
func TestHopeless(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want bool
	}{
		{fmt.Errorf("athena: %w", &net.DNSError{Err: "no such host", Name: "athena.xx.amazonaws.com", IsNotFound: true}), true},
		{&net.OpError{Op: "dial", Err: errors.New("connection refused")}, true},
		{&smithy.GenericAPIError{Code: "UnrecognizedClientException"}, true},
		{&smithy.GenericAPIError{Code: "TooManyRequestsException"}, false},
		{errors.New("query failed"), false},
	} {
		if got := hopeless(tc.err); got != tc.want {
			t.Errorf("hopeless(%v) = %v, want %v", tc.err, got, tc.want)
		}
	}
}
