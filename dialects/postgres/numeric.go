package postgres

import (
	"encoding/binary"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5/pgtype"
	"github.com/mtxhq/mtx/dialects"
)

// fastNumeric is pgx's NUMERIC codec, plus an encoder that writes a
// dialects.Decimal's text straight into NUMERIC's binary form (base-10000
// digits), exactly and without big-integer arithmetic: decimals are most of
// the work of a COPY of the export otherwise.
type fastNumeric struct{ pgtype.NumericCodec }

func (c fastNumeric) PlanEncode(m *pgtype.Map, oid uint32, format int16, value any) pgtype.EncodePlan {
	if _, ok := value.(dialects.Decimal); ok && format == pgtype.BinaryFormatCode {
		return decimalPlan{}
	}
	return c.NumericCodec.PlanEncode(m, oid, format, value)
}

type decimalPlan struct{}

func (decimalPlan) Encode(value any, buf []byte) ([]byte, error) {
	return appendNumeric(buf, string(value.(dialects.Decimal)))
}

// appendNumeric appends the binary NUMERIC of a plain decimal text
// ([+-]digits[.digits]): ndigits, weight, sign, dscale, then the digits.
func appendNumeric(buf []byte, s string) ([]byte, error) {
	orig := s
	neg := false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-'
		s = s[1:]
	}
	ip, fp, _ := strings.Cut(s, ".")
	if ip == "" && fp == "" {
		return nil, fmt.Errorf("decimal %q: no digits", orig)
	}
	for _, part := range []string{ip, fp} {
		for i := 0; i < len(part); i++ {
			if part[i] < '0' || part[i] > '9' {
				return nil, fmt.Errorf("decimal %q: not a plain decimal number", orig)
			}
		}
	}
	ip = strings.TrimLeft(ip, "0")
	dscale := len(fp)
	ipad := (4 - len(ip)%4) % 4
	fpad := (4 - len(fp)%4) % 4
	total := (ipad + len(ip) + len(fp) + fpad) / 4
	weight := (ipad+len(ip))/4 - 1
	digit := func(k int) int { // k-th digit of the padded digit string
		k -= ipad
		switch {
		case k < 0:
			return 0
		case k < len(ip):
			return int(ip[k] - '0')
		case k-len(ip) < len(fp):
			return int(fp[k-len(ip)] - '0')
		}
		return 0
	}
	group := func(g int) uint16 {
		return uint16(digit(4*g)*1000 + digit(4*g+1)*100 + digit(4*g+2)*10 + digit(4*g+3))
	}
	first, last := 0, total-1
	for first <= last && group(first) == 0 {
		first++
		weight--
	}
	for last >= first && group(last) == 0 {
		last--
	}
	n := last - first + 1
	sign := uint16(0)
	if n == 0 {
		weight = 0
	} else if neg {
		sign = 0x4000
	}
	buf = binary.BigEndian.AppendUint16(buf, uint16(n))
	buf = binary.BigEndian.AppendUint16(buf, uint16(int16(weight)))
	buf = binary.BigEndian.AppendUint16(buf, sign)
	buf = binary.BigEndian.AppendUint16(buf, uint16(dscale))
	for g := first; g <= last; g++ {
		buf = binary.BigEndian.AppendUint16(buf, group(g))
	}
	return buf, nil
}
