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

// TestStructuredValues: decoded JSON, lists, structs and maps print as
// compact JSON with sorted keys (never Go's map[k:v] or [1 2]), and JSON
// text from any engine normalizes to the same text.
func TestStructuredValues(t *testing.T) {
	big, _ := new(big.Int).SetString("123456789012345678901234567890", 10)
	for _, tc := range []struct {
		in   any
		want string
	}{
		{map[string]any{"unit": "seconds", "quantity": float64(1477), "region": "us-east-1"}, `{"quantity":1477,"region":"us-east-1","unit":"seconds"}`},
		{[]any{int32(1), int32(2)}, `[1,2]`},
		{[]int64{1, 2}, `[1,2]`},
		{map[any]any{"b": []any{true, nil}, 1: "x<y"}, `{"1":"x<y","b":[true,null]}`},
		{map[string]any{"at": time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), "n": big}, `{"at":"2026-01-02T03:04:05Z","n":123456789012345678901234567890}`},
	} {
		got, ok := Text(tc.in)
		if !ok || got != tc.want {
			t.Errorf("Text(%#v) = %q, want %q", tc.in, got, tc.want)
		}
	}
	for _, tc := range []struct {
		in      string
		k       kind
		text    string // after Read's normalization
		jsonOut string // in --format json
	}{
		{`{"unit": "seconds", "quantity": 1477.50}`, jsonKind, `{"quantity":1477.50,"unit":"seconds"}`, `{"quantity":1477.50,"unit":"seconds"}`},
		{`{"row": 1, "s": "x\ty\\z"}`, textKind, `{"row":1,"s":"x\ty\\z"}`, `{"row":1,"s":"x\ty\\z"}`},
		{`"abc"`, jsonKind, `"abc"`, `"abc"`},
		{`"abc"`, textKind, `"abc"`, `"\"abc\""`},
		{`42`, textKind, `42`, `"42"`},
		{`{not json`, textKind, `{not json`, `"{not json"`},
		{`[1, 2]`, jsonKind, `[1,2]`, `[1,2]`},
	} {
		got := normalizeJSON(tc.in, tc.k == jsonKind)
		if got != tc.text {
			t.Errorf("normalizeJSON(%q, %d) = %q, want %q", tc.in, tc.k, got, tc.text)
		}
		if j := jsonValue(&got, tc.k); j != tc.jsonOut {
			t.Errorf("jsonValue(%q, %d) = %s, want %s", got, tc.k, j, tc.jsonOut)
		}
	}
	for n, want := range map[string]kind{"JSON": jsonKind, "JSONB": jsonKind, "INTEGER[]": jsonKind, "STRUCT(A INTEGER)": jsonKind, "MAP(VARCHAR, INTEGER)": jsonKind, "VARIANT": jsonKind, "ARRAY(INT64)": jsonKind, "BIGINT": integerKind} {
		if got := kindOfName(n); got != want {
			t.Errorf("kind of %s = %d, want %d", n, got, want)
		}
	}
}
