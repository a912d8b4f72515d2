package postgres

import (
	"math/big"
	"testing"

	"github.com/jackc/pgx/v5/pgtype"
)

// appendNumeric must produce what pgx's own (big-integer) encoder does.
func TestAppendNumericMatchesPgx(t *testing.T) {
	for _, s := range []string{
		"0", "0.000000000", "-0.5", "1", "10000", "12345.678900000", "-98765432101234567890.123456789",
		"12345678901234567890123456789.123456789", "0.000000001", "+7", ".5", "100000000.000000001", "9999.9999",
	} {
		got, err := appendNumeric(nil, s)
		if err != nil {
			t.Fatalf("%s: %v", s, err)
		}
		var n pgtype.Numeric
		if err := n.Scan(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
		m := pgtype.NewMap()
		want, err := m.Encode(pgtype.NumericOID, pgtype.BinaryFormatCode, n, nil)
		if err != nil {
			t.Fatal(err)
		}
		// Decode both and compare values (pgx may differ in dscale/trailing groups).
		var a, b pgtype.Numeric
		if err := m.Scan(pgtype.NumericOID, pgtype.BinaryFormatCode, got, &a); err != nil {
			t.Fatalf("%s: decoding ours: %v", s, err)
		}
		if err := m.Scan(pgtype.NumericOID, pgtype.BinaryFormatCode, want, &b); err != nil {
			t.Fatal(err)
		}
		if ra, rb := rat(a), rat(b); ra.Cmp(rb) != 0 {
			t.Errorf("%s: ours decodes to %v, pgx's to %v", s, ra, rb)
		}
	}
	for _, bad := range []string{"", "-", "1e5", "1.2.3", "abc"} {
		if _, err := appendNumeric(nil, bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

func rat(n pgtype.Numeric) *big.Rat {
	r := new(big.Rat)
	if n.Int == nil {
		return r
	}
	r.SetInt(n.Int)
	e := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(abs(n.Exp))), nil)
	if n.Exp < 0 {
		return r.Quo(r, new(big.Rat).SetInt(e))
	}
	return r.Mul(r, new(big.Rat).SetInt(e))
}

func abs(x int32) int32 {
	if x < 0 {
		return -x
	}
	return x
}
