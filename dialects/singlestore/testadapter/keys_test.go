package testadapter

import (
	"strings"
	"testing"

	"github.com/mtxhq/mtx/tests/sqlcheck"
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

// The parse check uses the rewrite: a malformed SHARD KEY, which sqlglot
// alone would accept as a column, fails; a well-formed statement passes.
func TestParseCheckChecksKeys(t *testing.T) {
	if sqlcheck.Python() == "" {
		t.Skipf("%s not set: run eval \"$(tests/engines/up sqlglot)\"", sqlcheck.PythonEnv)
	}
	sts := []sqlcheck.Statement{
		{Source: "good", SQL: "CREATE TABLE `s`.`t` (`a` BIGINT,\n  SHARD KEY (`a`),\n  SORT KEY (`a`)\n)"},
		{Source: "bad", SQL: "CREATE TABLE `s`.`t` (`a` BIGINT, SHARD KEY (`a` DESC))"},
	}
	failures, _, err := sqlcheck.Validate("singlestore", sts)
	if err != nil {
		t.Fatal(err)
	}
	if len(failures) == 0 || failures[0].Source != "bad" || !strings.Contains(failures[0].Error, "SHARD KEY") {
		t.Fatalf("failures %v, want the bad SHARD KEY only", failures)
	}
	for _, f := range failures {
		if f.Source == "good" {
			t.Errorf("well-formed statement rejected: %v", f)
		}
	}
}
