package output

import (
	"bytes"
	"encoding/json"
	"math"
	"math/big"
	"reflect"
	"strings"
	"time"
)

// JSON values come out the same on every engine: DuckDB's driver decodes
// JSON, lists and structs into Go maps and slices, PostgreSQL sends jsonb
// as text with its own spacing and key order, ClickHouse and MariaDB keep
// JSON in a text column verbatim. Each is re-encoded as compact JSON with
// the keys sorted and the numbers' digits kept.

// isStructured reports whether an engine's type name holds JSON or a
// nested value (DuckDB's INTEGER[], STRUCT(…), MAP(…); ClickHouse's
// Array(…), Map(…), Tuple(…); Snowflake's VARIANT, OBJECT, ARRAY;
// Redshift's SUPER).
func isStructured(upper string) bool {
	if strings.HasSuffix(upper, "]") {
		return true
	}
	for _, p := range []string{"JSON", "VARIANT", "OBJECT", "ARRAY", "SUPER", "STRUCT", "MAP", "LIST", "TUPLE", "UNION", "RECORD"} {
		if strings.HasPrefix(upper, p) {
			return true
		}
	}
	return false
}

// structured reports whether v is a decoded map, slice or array (not bytes).
func structured(v any) bool {
	switch reflect.ValueOf(v).Kind() {
	case reflect.Map:
		return true
	case reflect.Slice, reflect.Array:
		return reflect.TypeOf(v).Elem().Kind() != reflect.Uint8
	}
	return false
}

// jsonCompatible turns a driver's decoded value into one encoding/json
// writes as JSON: maps with any keys get string keys, times RFC 3339 in
// UTC, exact numbers keep their digits.
func jsonCompatible(v any) any {
	switch v := v.(type) {
	case nil, bool, string, json.Number:
		return v
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			s, _ := Text(v)
			return s
		}
		return v
	case float32:
		return jsonCompatible(float64(v))
	case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
		return v
	case []byte:
		return string(v)
	case time.Time:
		return v.UTC().Format(time.RFC3339Nano)
	case *big.Int, *big.Rat:
		s, _ := Text(v)
		return json.Number(s)
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Map:
		out := make(map[string]any, rv.Len())
		it := rv.MapRange()
		for it.Next() {
			k, _ := Text(it.Key().Interface())
			out[k] = jsonCompatible(it.Value().Interface())
		}
		return out
	case reflect.Slice, reflect.Array:
		if structured(v) {
			out := make([]any, rv.Len())
			for i := range out {
				out[i] = jsonCompatible(rv.Index(i).Interface())
			}
			return out
		}
	}
	s, _ := Text(v) // decimals, UUIDs: their text; numbers stay numbers
	if isJSONNumber(s) {
		return json.Number(s)
	}
	return s
}

// marshalJSON writes v as compact JSON without HTML escaping.
func marshalJSON(v any) (string, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return "", err
	}
	return strings.TrimSuffix(b.String(), "\n"), nil
}

// decodeJSON parses s as one JSON value, numbers kept as written.
func decodeJSON(s string) (any, bool) {
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, false
	}
	if _, err := dec.Token(); err == nil {
		return nil, false // more than one value
	}
	return v, true
}

// isJSONDocument reports whether s is JSON to write as a value: anything
// valid in a JSON column, only an object or array in a text column
// (ClickHouse and MariaDB keep JSON as text; a plain word stays a string).
func isJSONDocument(s string, anyValue bool) bool {
	t := strings.TrimSpace(s)
	if t == "" {
		return false
	}
	if !anyValue && t[0] != '{' && t[0] != '[' {
		return false
	}
	return json.Valid([]byte(t))
}

// normalizeJSON re-encodes s compactly with sorted keys when it is a JSON
// document (see isJSONDocument); anything else is returned unchanged.
func normalizeJSON(s string, anyValue bool) string {
	if !isJSONDocument(s, anyValue) {
		return s
	}
	v, ok := decodeJSON(s)
	if !ok {
		return s
	}
	out, err := marshalJSON(v)
	if err != nil {
		return s
	}
	return out
}
