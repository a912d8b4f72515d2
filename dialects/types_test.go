package dialects

import (
	"reflect"
	"testing"
)

func TestParseType(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want TypeName
	}{
		{"numeric", TypeName{Name: "NUMERIC"}},
		{"numeric(18,0)", TypeName{Name: "NUMERIC", Args: []string{"18", "0"}}},
		{"character  varying(256)", TypeName{Name: "CHARACTER VARYING", Args: []string{"256"}}},
		{"timestamp(3) with time zone", TypeName{Name: "TIMESTAMP", Args: []string{"3"}, Suffix: "WITH TIME ZONE"}},
		{"Decimal(38, 9)", TypeName{Name: "DECIMAL", Args: []string{"38", "9"}}},
		{"Nullable(DateTime64(6, 'UTC'))", TypeName{Name: "NULLABLE", Args: []string{"DateTime64(6, 'UTC')"}}},
		{"DateTime64(6, 'a,b)')", TypeName{Name: "DATETIME64", Args: []string{"6", "'a,b)'"}}},
		{"bigint(20) unsigned", TypeName{Name: "BIGINT", Args: []string{"20"}, Suffix: "UNSIGNED"}},
		{"TEXT()", TypeName{Name: "TEXT"}},
		{"broken(1", TypeName{Name: "BROKEN(1"}},
		{"  jsonb ", TypeName{Name: "JSONB"}},
	} {
		if got := ParseType(tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("ParseType(%q) = %+v, want %+v", tc.in, got, tc.want)
		}
	}
}

func TestTypeNameSizes(t *testing.T) {
	for _, tc := range []struct {
		in   string
		dec  PhysicalType
		text PhysicalType
	}{
		{"DECIMAL", PhysicalType{Class: ClassDecimal, Precision: 10}, PhysicalType{Class: ClassText}},
		{"DECIMAL(20)", PhysicalType{Class: ClassDecimal, Precision: 20}, PhysicalType{Class: ClassText, Length: 20}},
		{"DECIMAL(20,4)", PhysicalType{Class: ClassDecimal, Precision: 20, Scale: 4}, PhysicalType{Class: ClassText, Length: 20}},
		{"VARCHAR(70000)", PhysicalType{Class: ClassDecimal, Precision: 70000}, PhysicalType{Class: ClassText}},
		{"VARCHAR(x)", PhysicalType{Class: ClassDecimal}, PhysicalType{Class: ClassText}},
	} {
		tn := ParseType(tc.in)
		if got := tn.Decimal(10, 0); got != tc.dec {
			t.Errorf("%s as decimal = %+v, want %+v", tc.in, got, tc.dec)
		}
		if got := tn.Text(65536); got != tc.text {
			t.Errorf("%s as text = %+v, want %+v", tc.in, got, tc.text)
		}
	}
}
