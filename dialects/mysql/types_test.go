package mysql

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
		{"decimal(38,9)", P{Class: dec, Precision: 38, Scale: 9}},
		{"decimal(10,0)", P{Class: dec, Precision: 10}},
		{"DECIMAL", P{Class: dec, Precision: 10}},
		{"varchar(768)", P{Class: text, Length: 768}},
		{"varchar(255)", P{Class: text, Length: 255}},
		{"text", P{Class: text, Length: 65535}},
		{"mediumtext", P{Class: text, Length: 16777215}},
		{"longtext", P{Class: text}},
		{"LONGTEXT", P{Class: text}},
		{"json", P{Class: json}},
		{"datetime(6)", P{Class: ts, NoTimeZone: true}},
		{"timestamp", P{Class: ts}},
		{"date", P{Class: date}},
		{"tinyint(1)", P{Class: boolean}},
		{"BOOLEAN", P{Class: boolean}},
		{"tinyint(4)", P{Class: integer}},
		{"bigint(20)", P{Class: integer}},
		{"bigint(20) unsigned", P{Class: integer}},
		{"double", P{Class: float}},
		{"blob", P{Class: other}},
	} {
		if got := (Dialect{}).DescribeType(tc.physical); got != tc.want {
			t.Errorf("DescribeType(%q) = %+v, want %+v", tc.physical, got, tc.want)
		}
	}
}
