package dialects

import (
	"strings"
	"testing"
)

func TestRedactDSN(t *testing.T) {
	tests := []struct{ dsn, secret, keep string }{
		{"postgres://mtx:s3cr%40t@db.example.com:5432/app?sslmode=disable", "s3cr", "db.example.com"},
		{"mtx:hunter2@tcp(127.0.0.1:3306)/mtx?parseTime=true", "hunter2", "tcp(127.0.0.1:3306)"},
		{"host=db user=mtx password='p w' dbname=x", "p w", "host=db"},
		{"host=db user=mtx password=plain dbname=x", "plain", "dbname=x"},
		{"user:pa:ss@acct/db/schema?warehouse=wh&privateKey=abc", "abc", "warehouse=wh"},
		{"clickhouse://default:chpass@localhost:9000/default?dial_timeout=1s", "chpass", "localhost:9000"},
		{"md:mydb?motherduck_token=tok123", "tok123", "md:mydb"},
	}
	for _, tc := range tests {
		got := RedactDSN(tc.dsn)
		if strings.Contains(got, tc.secret) || !strings.Contains(got, tc.keep) {
			t.Errorf("RedactDSN(%q) = %q; must hide %q and keep %q", tc.dsn, got, tc.secret, tc.keep)
		}
	}
}

// The forms that leaked before secrets were found by a parser (issue 13).
func TestLenientSecrets(t *testing.T) {
	for _, tc := range []struct{ dsn, secret, keep string }{
		{"mtx:p@ss@tcp(127.0.0.1:3306)/mtx", "p@ss", "mtx:xxxxx@tcp(127.0.0.1:3306)/mtx"},
		{"postgres://mtx:p@ss@h:5432/db", "p@ss", "postgres://mtx:xxxxx@h:5432/db"},
		{"postgres://mtx@h/db?password=p%40ss", "p@ss", "postgres://mtx@h/db?password=xxxxx"},
		{`host=h user=mtx password='it\'s' dbname=db`, "it's", `host=h user=mtx password='xxxxx' dbname=db`},
		{"postgres://mtx:a/b#c@h/db", "a/b#c", "postgres://mtx:xxxxx@h/db"},
	} {
		got := RedactDSN(tc.dsn)
		if got != tc.keep {
			t.Errorf("RedactDSN(%q) = %q, want %q", tc.dsn, got, tc.keep)
		}
		found := false
		for _, s := range LenientSecrets(tc.dsn) {
			found = found || s == tc.secret
		}
		if !found {
			t.Errorf("LenientSecrets(%q) = %q, want %q among them", tc.dsn, LenientSecrets(tc.dsn), tc.secret)
		}
	}
}
