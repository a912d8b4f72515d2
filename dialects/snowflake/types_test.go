package snowflake

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
		{"NUMBER(38,0)", P{Class: dec, Precision: 38}},
		{"NUMBER(38,9)", P{Class: dec, Precision: 38, Scale: 9}},
		{"NUMBER", P{Class: dec, Precision: 38}},
		{"INTEGER", P{Class: dec, Precision: 38}},
		{"TEXT(16777216)", P{Class: text}},
		{"TEXT(134217728)", P{Class: text}},
		{"TEXT(256)", P{Class: text, Length: 256}},
		{"VARCHAR", P{Class: text}},
		{"VARIANT", P{Class: json}},
		{"OBJECT", P{Class: json}},
		{"TIMESTAMP_TZ", P{Class: ts}},
		{"TIMESTAMP_TZ(9)", P{Class: ts}},
		{"TIMESTAMP_LTZ", P{Class: ts}},
		{"TIMESTAMP_NTZ", P{Class: ts, NoTimeZone: true}},
		{"DATE", P{Class: date}},
		{"FLOAT", P{Class: float}},
		{"BOOLEAN", P{Class: boolean}},
		{"BINARY", P{Class: other}},
	} {
		if got := (Dialect{}).DescribeType(tc.physical); got != tc.want {
			t.Errorf("DescribeType(%q) = %+v, want %+v", tc.physical, got, tc.want)
		}
	}
}
