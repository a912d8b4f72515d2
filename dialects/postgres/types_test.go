package postgres

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
		// as information_schema reports them (ColumnsQuery)
		{"numeric", P{Class: dec}},
		{"numeric(18,0)", P{Class: dec, Precision: 18}},
		{"numeric(38,9)", P{Class: dec, Precision: 38, Scale: 9}},
		{"character varying(256)", P{Class: text, Length: 256}},
		{"character varying", P{Class: text}},
		{"character(5)", P{Class: text, Length: 5}},
		{"text", P{Class: text}},
		{"jsonb", P{Class: json}},
		{"json", P{Class: json}},
		{"timestamp with time zone", P{Class: ts}},
		{"timestamp without time zone", P{Class: ts, NoTimeZone: true}},
		{"date", P{Class: date}},
		{"bigint", P{Class: integer}},
		{"double precision", P{Class: float}},
		{"boolean", P{Class: boolean}},
		{"ARRAY", P{Class: other}},
		// as DDL spells them (ColumnType)
		{"TEXT", P{Class: text}},
		{"NUMERIC(38,9)", P{Class: dec, Precision: 38, Scale: 9}},
		{"TIMESTAMPTZ", P{Class: ts}},
		{"timestamp(3) with time zone", P{Class: ts}},
		{"timestamp(3)", P{Class: ts, NoTimeZone: true}},
		{"JSONB", P{Class: json}},
	} {
		if got := (Dialect{}).DescribeType(tc.physical); got != tc.want {
			t.Errorf("DescribeType(%q) = %+v, want %+v", tc.physical, got, tc.want)
		}
	}
}
