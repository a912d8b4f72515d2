package load

import (
	"math"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/format"
)

func TestDecimalReader(t *testing.T) {
	be := func(s string, n int) []byte {
		x, _ := new(big.Int).SetString(s, 10)
		if x.Sign() < 0 {
			x.Add(x, new(big.Int).Lsh(big.NewInt(1), uint(8*n)))
		}
		return x.FillBytes(make([]byte, n))
	}
	for _, tc := range []struct {
		phys  format.Type
		scale int
		v     parquet.Value
		want  string
	}{
		{format.Int32, 2, parquet.Int32Value(-5), "-0.05"},
		{format.Int32, 0, parquet.Int32Value(42), "42"},
		{format.Int64, 9, parquet.Int64Value(1_000_000_001), "1.000000001"},
		{format.Int64, 3, parquet.Int64Value(-123456), "-123.456"},
		{format.FixedLenByteArray, 9, parquet.FixedLenByteArrayValue(be("12345678901234567890123456789123456789", 16)), "12345678901234567890123456789.123456789"},
		{format.FixedLenByteArray, 9, parquet.FixedLenByteArrayValue(be("-12345678901234567890123456789123456789", 16)), "-12345678901234567890123456789.123456789"},
		{format.FixedLenByteArray, 9, parquet.FixedLenByteArrayValue(be("-1", 16)), "-0.000000001"},
		{format.FixedLenByteArray, 2, parquet.FixedLenByteArrayValue(be("9223372036854775807", 16)), "92233720368547758.07"},
		{format.FixedLenByteArray, 2, parquet.FixedLenByteArrayValue(be("-9223372036854775808", 16)), "-92233720368547758.08"},
		{format.FixedLenByteArray, 2, parquet.FixedLenByteArrayValue(be("9223372036854775808", 16)), "92233720368547758.08"},
		{format.ByteArray, 1, parquet.ByteArrayValue(be("-255", 2)), "-25.5"},
	} {
		got, err := decimalReader(tc.phys, tc.scale)(tc.v)
		if err != nil || got != dialects.Decimal(tc.want) {
			t.Errorf("%v scale %d: got %v (%v), want %s", tc.phys, tc.scale, got, err, tc.want)
		}
	}
}

func TestCoerce(t *testing.T) {
	ts := time.Date(2025, 1, 2, 3, 4, 5, 6000, time.UTC)
	for _, tc := range []struct {
		v    any
		to   catalog.LogicalType
		want any
		err  string
	}{
		{"1.50", catalog.Decimal, dialects.Decimal("1.50"), ""},
		{" -7 ", catalog.Decimal, dialects.Decimal("-7"), ""},
		{"12,50 EUR", catalog.Decimal, nil, "is not a decimal number"},
		{"1e5", catalog.Decimal, nil, "is not a decimal number"},
		{int64(3), catalog.Decimal, dialects.Decimal("3"), ""},
		{dialects.Decimal("2.000"), catalog.Integer, int64(2), ""},
		{dialects.Decimal("2.5"), catalog.Integer, nil, "not a 64-bit integer"},
		{2.0, catalog.Integer, int64(2), ""},
		{"true", catalog.Boolean, true, ""},
		{int64(2), catalog.Boolean, nil, "is not a boolean"},
		{"2025-01-02T03:04:05.000006Z", catalog.Timestamp, ts, ""},
		{"2025-01-02 03:04:05.000006", catalog.Timestamp, ts, ""},
		{"yesterday", catalog.Timestamp, nil, "is not a timestamp"},
		{int64(5), catalog.Timestamp, nil, "cannot be a timestamp"},
		{`{"a": 1}`, catalog.JSON, `{"a": 1}`, ""},
		{`{"a": 1`, catalog.JSON, nil, "is not valid JSON"},
		{int64(7), catalog.String, "7", ""},
		{"caf\xe9", catalog.String, nil, "is not valid UTF-8 text"},
		{"{\"a\": \"\xff\"}", catalog.JSON, nil, "is not valid UTF-8 text"},
		{"café", catalog.String, "café", ""},
		// Only exact conversions (issue 13): no rounding, no guessing.
		{dialects.Decimal("30.5"), catalog.Integer, nil, "not a 64-bit integer"},
		{30.7, catalog.Integer, nil, "is not an integer"},
		{"yes", catalog.Boolean, nil, "is not a boolean"},
		{true, catalog.Decimal, nil, "cannot be a decimal"},
		{dialects.Decimal("1.500000000000"), catalog.Decimal, dialects.Decimal("1.500000000"), ""},
		{dialects.Decimal("1.123456789123"), catalog.Decimal, nil, "more than 9 decimal places"},
		{dialects.Decimal("-0.000000000000"), catalog.Decimal, dialects.Decimal("0.000000000"), ""},
		{dialects.Decimal("1000000000000000000000000000000"), catalog.Decimal, nil, "more than 29 digits before the decimal point"},
		{"+12.5", catalog.Decimal, dialects.Decimal("12.5"), ""},
		{int64(1) << 60, catalog.Float, nil, "cannot be stored exactly as a float"},
		{time.UnixMicro(math.MaxInt64), catalog.Timestamp, nil, "outside the years 1 to 9999"},
		{"10000-01-01T00:00:00Z", catalog.Timestamp, nil, "is not a timestamp"},
		{ts, catalog.JSON, nil, "cannot be a json"},
		{math.NaN(), catalog.JSON, nil, "is not valid JSON"},
		{2.5, catalog.JSON, "2.5", ""},
		{ts, catalog.String, "2025-01-02T03:04:05.000006Z", ""},
	} {
		got, err := coerce(tc.v, tc.to, decimalSpec{38, 9})
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("coerce(%#v, %s) error %v, want %q", tc.v, tc.to, err, tc.err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("coerce(%#v, %s) = %#v, %v; want %#v", tc.v, tc.to, got, err, tc.want)
		}
	}
}
