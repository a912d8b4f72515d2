package clickhouse

import (
	"strings"
	"testing"

	ch "github.com/ClickHouse/clickhouse-go/v2"
)

// TestWithDefaultSchema: the schema becomes the DSN's database on both
// protocols, keeping credentials and settings.
func TestWithDefaultSchema(t *testing.T) {
	for _, dsn := range []string{
		"http://127.0.0.1:8123/default",
		"http://u:p@127.0.0.1:8123/?max_execution_time=60",
		"clickhouse://u:p@h:9000/other?dial_timeout=5s",
		"https://h:8443?secure=true",
	} {
		got, err := Dialect{}.WithDefaultSchema(dsn, "billing_1")
		if err != nil {
			t.Fatalf("%s: %v", dsn, err)
		}
		opts, err := ch.ParseDSN(got)
		if err != nil {
			t.Fatalf("%s -> %s: %v", dsn, got, err)
		}
		if opts.Auth.Database != "billing_1" {
			t.Errorf("%s -> %s: database %q", dsn, got, opts.Auth.Database)
		}
		if strings.Contains(dsn, "u:p@") && (opts.Auth.Username != "u" || opts.Auth.Password != "p") {
			t.Errorf("%s -> %s lost the credentials", dsn, got)
		}
		if strings.Contains(dsn, "max_execution_time") && !strings.Contains(got, "max_execution_time=60") {
			t.Errorf("%s -> %s lost a setting", dsn, got)
		}
	}
	if _, err := (Dialect{}).WithDefaultSchema("mysql://h/db", "x"); err == nil {
		t.Error("a non-ClickHouse DSN was accepted")
	}
}
