package output

import (
	"bytes"
	"math/big"
	"testing"
	"time"
)

func TestText(t *testing.T) {
	la, _ := time.LoadLocation("America/Los_Angeles")
	r, _ := new(big.Rat).SetString("12345678901234567890.123456789")
	for _, tc := range []struct {
		in   any
		want string
		ok   bool
	}{
		{nil, "", false},
		{[]byte("12345678901234567890.123456789"), "12345678901234567890.123456789", true},
		{r, "12345678901234567890.123456789", true},
		{big.NewRat(-3, 1), "-3", true},
		{time.Date(2024, 2, 29, 16, 0, 0, 500, la), "2024-03-01T00:00:00.0000005Z", true},
		{int64(-9223372036854775808), "-9223372036854775808", true},
		{1.5e300, "1.5e+300", true},
		{0.1, "0.1", true},
		{true, "true", true},
	} {
		got, ok := Text(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("Text(%#v) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestJSONValue(t *testing.T) {
	s := func(v string) *string { return &v }
	for _, tc := range []struct {
		v    *string
		k    kind
		want string
	}{
		{nil, decimalKind, "null"},
		{s("12345678901234567890.123456789"), decimalKind, "12345678901234567890.123456789"},
		{s("NaN"), floatKind, `"NaN"`},
		{s("1.5e+300"), floatKind, "1.5e+300"},
		{s("t"), boolKind, "true"},
		{s(`a"b`), textKind, `"a\"b"`},
		{s("0123"), integerKind, `"0123"`},
	} {
		if got := jsonValue(tc.v, tc.k); got != tc.want {
			t.Errorf("jsonValue(%v, %d) = %s, want %s", tc.v, tc.k, got, tc.want)
		}
	}
}

func TestParseFormatAndEmpty(t *testing.T) {
	if _, err := ParseFormat("yaml"); err == nil {
		t.Error("yaml accepted")
	}
	res := &Result{Columns: []string{"a"}}
	for f, want := range map[Format]string{JSON: "[]\n", CSV: "a\n", Table: "a\n(0 rows)\n"} {
		var b bytes.Buffer
		if err := Write(&b, f, res); err != nil || b.String() != want {
			t.Errorf("%s: %q %v, want %q", f, b.String(), err, want)
		}
	}
}
