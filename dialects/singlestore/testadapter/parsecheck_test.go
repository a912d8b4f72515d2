package testadapter_test

// An external test package: tests/sqlcheck reads every test adapter
// (dialects/all/alltest), this one included.

import (
	"strings"
	"testing"

	"github.com/mtxhq/mtx/tests/sqlcheck"
)

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
