package duckdb

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
		{"DECIMAL(38,9)", P{Class: dec, Precision: 38, Scale: 9}},
		{"DECIMAL(18,0)", P{Class: dec, Precision: 18}},
		{"DECIMAL", P{Class: dec, Precision: 18, Scale: 3}},
		{"VARCHAR", P{Class: text}},
		{"JSON", P{Class: json}},
		{"TIMESTAMP WITH TIME ZONE", P{Class: ts}},
		{"TIMESTAMPTZ", P{Class: ts}},
		{"TIMESTAMP", P{Class: ts, NoTimeZone: true}},
		{"TIMESTAMP_NS", P{Class: ts, NoTimeZone: true}},
		{"DATE", P{Class: date}},
		{"BIGINT", P{Class: integer}},
		{"INTEGER", P{Class: integer}},
		{"HUGEINT", P{Class: integer}},
		{"DOUBLE", P{Class: float}},
		{"BOOLEAN", P{Class: boolean}},
		{"BLOB", P{Class: other}},
		{"INTERVAL", P{Class: other}},
	} {
		if got := (Dialect{}).DescribeType(tc.physical); got != tc.want {
			t.Errorf("DescribeType(%q) = %+v, want %+v", tc.physical, got, tc.want)
		}
	}
}
