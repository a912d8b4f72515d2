package demo

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"math/big"
	"math/rand/v2"
	"strings"
	"time"
)

// nanos is an amount in billionths of a unit (the export's DECIMAL(38,9)
// scale): integer arithmetic keeps every total exact.
type nanos int64

const unit nanos = 1_000_000_000

// String formats n as a decimal with up to 9 fractional digits.
func (n nanos) String() string {
	sign := ""
	if n < 0 {
		sign, n = "-", -n
	}
	s := fmt.Sprintf("%s%d.%09d", sign, n/unit, n%unit)
	for s[len(s)-1] == '0' {
		s = s[:len(s)-1]
	}
	if s[len(s)-1] == '.' {
		s = s[:len(s)-1]
	}
	return s
}

func (n nanos) float() float64 { return float64(n) / float64(unit) }

// rng wraps a seeded generator with the helpers the generator needs. One
// rng is consumed in a fixed order, so a seed always gives the same bytes.
type rng struct{ *rand.Rand }

func newRNG(seed int64, stream uint64) rng {
	return rng{rand.New(rand.NewPCG(uint64(seed), stream))}
}

// uuid returns a random version-4 UUID string.
func (r rng) uuid() string {
	a, b := r.Uint64(), r.Uint64()
	return fmt.Sprintf("%08x-%04x-4%03x-%04x-%012x", a>>32, (a>>16)&0xffff, a&0xfff, 0x8000|(b>>48)&0x3fff, b&0xffffffffffff)
}

func (r rng) chance(p float64) bool { return r.Float64() < p }

func (r rng) between(lo, hi int) int { return lo + r.IntN(hi-lo+1) }

func pick[T any](r rng, xs []T) T { return xs[r.IntN(len(xs))] }

// hashID derives a stable opaque id from parts (snapshot ids, metadata ids):
// it does not consume the rng, so adding a snapshot never shifts other data.
func hashID(prefix string, parts ...any) string {
	h := sha256.New()
	for _, p := range parts {
		fmt.Fprint(h, p, "\x00")
	}
	sum := h.Sum(nil)
	return fmt.Sprintf("%s%016x", prefix, binary.BigEndian.Uint64(sum))
}

// hashUUID derives a stable UUID-shaped id from parts (ids of rows derived
// from other rows: line items, breakdowns, metadata ids).
func hashUUID(parts ...any) string {
	h := sha256.New()
	for _, p := range parts {
		fmt.Fprint(h, p, "\x00")
	}
	b := h.Sum(nil)
	a, c := binary.BigEndian.Uint64(b), binary.BigEndian.Uint64(b[8:])
	return fmt.Sprintf("%08x-%04x-4%03x-%04x-%012x", a>>32, (a>>16)&0xffff, a&0xfff, 0x8000|(c>>48)&0x3fff, c&0xffffffffffff)
}

// bigNanos formats a sum of nanos that may exceed int64.
func bigNanos(n *big.Int) string {
	s := new(big.Rat).SetFrac(n, big.NewInt(int64(unit))).FloatString(9)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

func iso(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z") }

func day(t time.Time) time.Time { return t.UTC().Truncate(24 * time.Hour) }
