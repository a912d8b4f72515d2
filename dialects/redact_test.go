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
