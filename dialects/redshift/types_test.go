package redshift

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
		{"numeric(18,0)", P{Class: dec, Precision: 18}},
		{"DECIMAL", P{Class: dec, Precision: 18}},
		{"DECIMAL(38,9)", P{Class: dec, Precision: 38, Scale: 9}},
		{"character varying(256)", P{Class: text, Length: 256}},
		{"character varying(65535)", P{Class: text, Length: 65535}},
		{"VARCHAR(65535)", P{Class: text, Length: 65535}},
		{"VARCHAR", P{Class: text, Length: 256}},
		{"TEXT", P{Class: text, Length: 256}},
		{"character(1)", P{Class: text, Length: 1}},
		{"super", P{Class: json}},
		{"SUPER", P{Class: json}},
		{"timestamp with time zone", P{Class: ts}},
		{"TIMESTAMPTZ", P{Class: ts}},
		{"timestamp without time zone", P{Class: ts, NoTimeZone: true}},
		{"bigint", P{Class: integer}},
		{"double precision", P{Class: float}},
		{"boolean", P{Class: boolean}},
	} {
		if got := (Dialect{}).DescribeType(tc.physical); got != tc.want {
			t.Errorf("DescribeType(%q) = %+v, want %+v", tc.physical, got, tc.want)
		}
	}
}
