package testadapter

import (
	"testing"
)

// The harness's SHARD KEY / SORT KEY check: well-formed clauses are taken
// out for sqlglot, malformed ones are failures of their own.
func TestStripSingleStoreKeys(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		bad      bool
	}{
		{in: "CREATE TABLE t (`a` BIGINT,\n  SHARD KEY (`a`),\n  SORT KEY (`s`, `a`)\n)", want: "CREATE TABLE t (`a` BIGINT\n)"},
		{in: "CREATE TABLE t (`a` BIGINT, SHARD KEY ())", want: "CREATE TABLE t (`a` BIGINT)"},
		{in: "CREATE TABLE t (`a` BIGINT, SORT KEY (`a` DESC))", want: "CREATE TABLE t (`a` BIGINT)"},
		{in: "CREATE TABLE t (`a``b` BIGINT, SHARD KEY (`a``b`))", want: "CREATE TABLE t (`a``b` BIGINT)"},
		{in: "SELECT 1", want: "SELECT 1"},
		{in: "CREATE TABLE t (`a` BIGINT, SHARD KEY (a))", bad: true},
		{in: "CREATE TABLE t (`a` BIGINT, SHARD KEY (`a` DESC))", bad: true},
		{in: "CREATE TABLE t (`a` BIGINT, SHARD KEY (`a`, ))", bad: true},
		{in: "CREATE TABLE t (SHARD KEY (`a`), `a` BIGINT)", bad: true},
		{in: "CREATE TABLE t (`a` BIGINT, SORT KEY `a`)", bad: true},
	} {
		got, err := stripSingleStoreKeys(tc.in)
		if tc.bad {
			if err == nil {
				t.Errorf("%q: accepted as %q, want an error", tc.in, got)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("%q: got %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}
