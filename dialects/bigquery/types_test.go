package bigquery

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
		{"NUMERIC", P{Class: dec, Precision: 38, Scale: 9}},
		{"NUMERIC(38, 9)", P{Class: dec, Precision: 38, Scale: 9}},
		{"NUMERIC(18)", P{Class: dec, Precision: 18}},
		{"BIGNUMERIC", P{Class: dec, Precision: 76, Scale: 38}},
		{"BIGNUMERIC(50, 20)", P{Class: dec, Precision: 50, Scale: 20}},
		{"STRING", P{Class: text}},
		{"STRING(256)", P{Class: text, Length: 256}},
		{"JSON", P{Class: json}},
		{"TIMESTAMP", P{Class: ts}},
		{"DATETIME", P{Class: ts, NoTimeZone: true}},
		{"DATE", P{Class: date}},
		{"INT64", P{Class: integer}},
		{"FLOAT64", P{Class: float}},
		{"BOOL", P{Class: boolean}},
		{"STRUCT<a INT64, b NUMERIC(10, 2)>", P{Class: other}},
		{"ARRAY<STRING>", P{Class: other}},
	} {
		if got := (Dialect{}).DescribeType(tc.physical); got != tc.want {
			t.Errorf("DescribeType(%q) = %+v, want %+v", tc.physical, got, tc.want)
		}
	}
}
