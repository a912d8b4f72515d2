package sqlsplit

import "testing"

func TestCount(t *testing.T) {
	for _, tc := range []struct {
		sql  string
		want int
	}{
		{"SELECT 1", 1},
		{"SELECT 1;", 1},
		{"  SELECT 1 ; ; -- done\n", 1},
		{"SELECT 1 AS a; DROP TABLE invoice", 2},
		{"SELECT ';' AS s", 1},
		{"SELECT 'it''s; fine'", 1},
		{`SELECT "a;b" FROM t`, 1},
		{"SELECT `a;b` FROM t", 1},
		{"SELECT 1 -- ; DROP TABLE x\n", 1},
		{"SELECT 1 /* ; DROP TABLE x */", 1},
		{"SELECT $$a;b$$", 1},
		{"SELECT $tag$ ; $$ ; $tag$", 1},
		{"SELECT $1; SELECT 2", 2},
		{"SELECT 1; /* only a comment */", 1},
		// A backslash escapes on MySQL but not in standard SQL: counted
		// as two where one engine would see two.
		{`SELECT 'a\'; DROP TABLE x; --'`, 2},
		// # is MySQL's comment; elsewhere the rest is a second statement.
		{"SELECT 1 # ; DROP TABLE x\n", 2},
		{"", 0},
		{"-- nothing", 0},
	} {
		if got := Count(tc.sql); got != tc.want {
			t.Errorf("Count(%q) = %d, want %d (standard %q, mysql %q)", tc.sql, got, tc.want, Standard.Split(tc.sql), MySQLish.Split(tc.sql))
		}
	}
}
