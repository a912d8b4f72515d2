package demo

import (
	"math/big"
	"testing"
)

func TestNanosFormat(t *testing.T) {
	for _, c := range []struct {
		n    nanos
		want string
	}{
		{0, "0"}, {unit, "1"}, {100 * unit, "100"}, {-1, "-0.000000001"}, {1_500_000_000, "1.5"}, {-25000 * unit, "-25000"}, {123_456_789, "0.123456789"},
	} {
		if got := c.n.String(); got != c.want {
			t.Errorf("nanos(%d) = %s, want %s", int64(c.n), got, c.want)
		}
		if got := bigNanos(big.NewInt(int64(c.n))); got != c.want {
			t.Errorf("bigNanos(%d) = %s, want %s", int64(c.n), got, c.want)
		}
	}
	huge := new(big.Int).Mul(big.NewInt(int64(9e18)), big.NewInt(1000)) // beyond int64
	if got := bigNanos(huge); got != "9000000000000" {
		t.Errorf("bigNanos(9e21) = %s", got)
	}
}
