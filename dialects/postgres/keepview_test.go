package postgres

import (
	"reflect"
	"testing"
)

// TestGrants: ACL entries become one GRANT per run of the same grantee and
// grant option, in their order, with hostile role and column names quoted.
func TestGrants(t *testing.T) {
	d := Dialect{}
	for _, tc := range []struct {
		name    string
		entries []aclEntry
		want    []string
	}{
		{"none", nil, nil},
		{"owner then public", []aclEntry{
			{role: "mtx", privilege: "SELECT"},
			{role: "mtx", privilege: "UPDATE"},
			{public: true, privilege: "SELECT"},
		}, []string{
			`GRANT SELECT, UPDATE ON v TO "mtx"`,
			`GRANT SELECT ON v TO PUBLIC`,
		}},
		{"grant option splits a grantee", []aclEntry{
			{role: `bi "x'`, privilege: "SELECT", grantable: true},
			{role: `bi "x'`, privilege: "INSERT"},
		}, []string{
			`GRANT SELECT ON v TO "bi ""x'" WITH GRANT OPTION`,
			`GRANT INSERT ON v TO "bi ""x'"`,
		}},
		{"columns", []aclEntry{
			{column: `a"b`, role: "bi", privilege: "SELECT"},
			{column: "c", role: "bi", privilege: "SELECT"},
		}, []string{
			`GRANT SELECT ("a""b"), SELECT ("c") ON v TO "bi"`,
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := d.grants(tc.entries, "v"); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %q\nwant %q", got, tc.want)
			}
		})
	}
}

// TestPrivileges: only privilege keywords reach a GRANT.
func TestPrivileges(t *testing.T) {
	for p, want := range map[string]bool{
		"SELECT": true, "TRUNCATE": true, "MAINTAIN": true,
		"": false, "select": false, "SELECT;DROP": false, "SELECT ON X TO Y": false,
	} {
		if got := privileges[p]; got != want {
			t.Errorf("privileges[%q] = %v, want %v", p, got, want)
		}
	}
}
