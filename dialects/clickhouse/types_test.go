package clickhouse

import (
	"testing"

	"github.com/mtxhq/mtx/dialects"
)

func TestDescribeType(t *testing.T) {
	type P = dialects.PhysicalType
	const (
		text, dec, integer, float = dialects.ClassText, dialects.ClassDecimal, dialects.ClassInteger, dialects.ClassFloat
		ts, date, json, boolean   = dialects.ClassTimestamp, dialects.ClassDate, dialects.ClassJSON, dialects.ClassBoolean
		other                     = dialects.ClassOther
	)
	for _, tc := range []struct {
		physical string
		want     P
	}{
		{"Nullable(Decimal(38, 9))", P{Class: dec, Precision: 38, Scale: 9}},
		{"Decimal(38, 0)", P{Class: dec, Precision: 38}},
		{"Decimal64(4)", P{Class: dec, Precision: 18, Scale: 4}},
		{"Decimal128(9)", P{Class: dec, Precision: 38, Scale: 9}},
		{"Nullable(String)", P{Class: text}},
		{"LowCardinality(Nullable(String))", P{Class: text}},
		{"FixedString(8)", P{Class: text, Length: 8}},
		{"Nullable(DateTime64(6, 'UTC'))", P{Class: ts}},
		{"DateTime64(6)", P{Class: ts}},
		{"DateTime", P{Class: ts}},
		{"Date32", P{Class: date}},
		{"Nullable(Int64)", P{Class: integer}},
		{"UInt8", P{Class: integer}},
		{"Nullable(Float64)", P{Class: float}},
		{"Nullable(Bool)", P{Class: boolean}},
		{"Nullable(JSON)", P{Class: json}},
		{"Object('json')", P{Class: json}},
		{"Array(String)", P{Class: other}},
		{"DecimalX(3)", P{Class: other}},
	} {
		if got := (Dialect{}).DescribeType(tc.physical); got != tc.want {
			t.Errorf("DescribeType(%q) = %+v, want %+v", tc.physical, got, tc.want)
		}
	}
}
