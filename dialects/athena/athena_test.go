package athena

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/mtxhq/mtx/dialects"
)

func TestValidateDSN(t *testing.T) {
	for _, tc := range []struct {
		dsn, err string // err: a piece of the error, "" for valid
	}{
		{"http://mtx@127.0.0.1:58090?catalog=iceberg", ""},
		{"http://mtx@127.0.0.1:58090?catalog=iceberg&schema=metronome", ""},
		{"https://mtx:pw@trino.example.com:443?catalog=iceberg", ""},
		{"athena://us-east-1?workgroup=primary&output_location=s3://bucket/results/&database=metronome", ""},
		{"athena://eu-west-1", ""},
		{"athena://us-east-1?access_key_id=AKIA&secret_access_key=s&session_token=t", ""},
		{"http://mtx@127.0.0.1:58090", "catalog parameter is missing"},
		{"http://mtx:pw@127.0.0.1:58090?catalog=iceberg", "TLS"},
		{"127.0.0.1:58090", "want http://"},
		{"postgres://x@h/db", "unknown scheme"},
		{"athena://us-east-1?region=us-east-1", "unknown parameter region"},
		{"athena://us-east-1?output_location=/tmp/x", "not an s3:// URL"},
		{"athena://us-east-1?access_key_id=AKIA", "together"},
		{"athena://key:secret@us-east-1", "access_key_id"},
		{"athena:///?workgroup=primary", "want athena://REGION"},
	} {
		err := Dialect{}.ValidateDSN(tc.dsn)
		switch {
		case tc.err == "" && err != nil:
			t.Errorf("ValidateDSN(%q) = %v, want valid", tc.dsn, err)
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("ValidateDSN(%q) = %v, want an error about %q", tc.dsn, err, tc.err)
		}
	}
}

func TestSecretsHidden(t *testing.T) {
	for _, tc := range []struct{ dsn, secret string }{
		{"https://mtx:Sup3rS3cret@h:443?catalog=iceberg", "Sup3rS3cret"},
		{"http://mtx@h:8080?catalog=iceberg&accessToken=Tok3nValue", "Tok3nValue"},
		{"athena://us-east-1?access_key_id=AKIA&secret_access_key=S3cretKey", "S3cretKey"},
		{"athena://us-east-1?access_key_id=AKIA&secret_access_key=x&session_token=Sess1onTok", "Sess1onTok"},
		{"athena://us-east-1?bogus=1&secret_access_key=S3cretKey", "S3cretKey"}, // refused, still hidden
	} {
		if got := (Dialect{}).RedactDSN(tc.dsn); strings.Contains(got, tc.secret) {
			t.Errorf("RedactDSN(%q) = %q: the secret shows", tc.dsn, got)
		}
	}
}

func TestWithDefaultSchema(t *testing.T) {
	for _, tc := range []struct{ dsn, want string }{
		{"http://mtx@h:8080?catalog=iceberg", "schema=metronome"},
		{"athena://us-east-1?workgroup=primary", "database=metronome"},
	} {
		got, err := Dialect{}.WithDefaultSchema(tc.dsn, "metronome")
		if err != nil || !strings.Contains(got, tc.want) {
			t.Errorf("WithDefaultSchema(%q) = %q, %v; want it to hold %s", tc.dsn, got, err, tc.want)
		}
	}
}

func TestLiteral(t *testing.T) {
	for _, tc := range []struct {
		v    any
		want string
	}{
		{nil, "NULL"},
		{"it's", "'it''s'"},
		{`back\slash`, `'back\slash'`},
		{dialects.Decimal("-12.340000000"), "DECIMAL '-12.340000000'"},
		{int64(-9223372036854775808), "BIGINT '-9223372036854775808'"},
		{0.5, "DOUBLE '0.5'"},
		{1e21, "DOUBLE '1e+21'"},
		{math.Inf(-1), "-infinity()"},
		{true, "TRUE"},
		{time.Date(2025, 1, 2, 3, 4, 5, 123456000, time.FixedZone("X", 3600)), "TIMESTAMP '2025-01-02 02:04:05.123456 UTC'"},
	} {
		if got, err := (Dialect{}).literal(tc.v); err != nil || got != tc.want {
			t.Errorf("literal(%#v) = %q, %v; want %q", tc.v, got, err, tc.want)
		}
	}
	if _, err := (Dialect{}).literal(struct{}{}); err == nil {
		t.Error("literal(struct{}{}) gave no error")
	}
}

func TestDescribeType(t *testing.T) {
	type P = dialects.PhysicalType
	for _, tc := range []struct {
		physical string
		want     P
	}{
		{"varchar", P{Class: dialects.ClassText}},
		{"varchar(256)", P{Class: dialects.ClassText, Length: 256}},
		{"string", P{Class: dialects.ClassText}},
		{"decimal(38,9)", P{Class: dialects.ClassDecimal, Precision: 38, Scale: 9}},
		{"decimal(18, 0)", P{Class: dialects.ClassDecimal, Precision: 18}},
		{"timestamp(6) with time zone", P{Class: dialects.ClassTimestamp}},
		{"timestamp(6)", P{Class: dialects.ClassTimestamp, NoTimeZone: true}},
		{"timestamp", P{Class: dialects.ClassTimestamp, NoTimeZone: true}},
		{"date", P{Class: dialects.ClassDate}},
		{"bigint", P{Class: dialects.ClassInteger}},
		{"double", P{Class: dialects.ClassFloat}},
		{"boolean", P{Class: dialects.ClassBoolean}},
		{"json", P{Class: dialects.ClassJSON}},
		{"array(varchar)", P{Class: dialects.ClassOther}},
	} {
		if got := (Dialect{}).DescribeType(tc.physical); got != tc.want {
			t.Errorf("DescribeType(%q) = %+v, want %+v", tc.physical, got, tc.want)
		}
	}
}
