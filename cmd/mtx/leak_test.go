package main

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/go-sql-driver/mysql"
	"github.com/jackc/pgx/v5"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/internal/exportfile"
	"github.com/mtxhq/mtx/internal/redact"
)

// The two halves of every password the leak test uses, around one special
// character: neither half may appear anywhere mtx prints or writes.
const leakHead, leakTail = "Qz7kLEAK", "Wv5jLEAK"

// leakChars are the characters that broke redaction of some DSN form
// (issue 13): each goes between the halves.
var leakChars = []string{"@", ":", "/", "?", "#", "%", "'", `"`, `\`, " ", ""}

// leakCommands are the commands the leak test runs with each DSN; a new
// command that connects is one more line (dir holds an export folder).
var leakCommands = []struct {
	name string
	args func(dir string) []string
}{
	{"migrate up", func(string) []string { return []string{"migrate", "up", "--lock-timeout", "2s"} }},
	{"migrate status", func(string) []string { return []string{"migrate", "status"} }},
	{"load", func(dir string) []string {
		return []string{"load", filepath.Join(dir, "export"), "--lock-timeout", "2s"}
	}},
	{"load --dry-run", func(dir string) []string { return []string{"load", filepath.Join(dir, "export"), "--dry-run"} }},
	{"run", func(string) []string { return []string{"run", "--lock-timeout", "2s"} }},
	{"test", func(string) []string { return []string{"test"} }},
	{"query", func(string) []string { return []string{"query", "SELECT 1"} }},
	{"cookbook run", func(string) []string { return []string{"cookbook", "run", "active_customers"} }},
	{"source check", func(string) []string { return []string{"source", "check"} }},
	{"freshness", func(string) []string { return []string{"freshness"} }},
	{"run in source mode", func(string) []string { return []string{"run", "--source-schema", "delivered", "--lock-timeout", "2s"} }},
}

// leakHost is where a DSN points: host:port, the user, and whether the
// password is the only thing wrong (a live engine answers).
type leakHost struct{ name, hostPort, user string }

// leakForm writes one DSN form of a dialect for a password and a host.
type leakForm struct {
	dialect, name string
	dsn           func(pass string, h leakHost) string
}

func hostOnly(hp string) (string, string) {
	h, p, _ := strings.Cut(hp, ":")
	return h, p
}

var leakForms = []leakForm{
	{"postgres", "url raw", func(p string, h leakHost) string {
		return "postgres://" + h.user + ":" + p + "@" + h.hostPort + "/mtx?connect_timeout=2&sslmode=disable"
	}},
	{"postgres", "url escaped", func(p string, h leakHost) string {
		return "postgres://" + url.UserPassword(h.user, p).String() + "@" + h.hostPort + "/mtx?connect_timeout=2&sslmode=disable"
	}},
	{"postgres", "url ?password=", func(p string, h leakHost) string {
		return "postgres://" + h.user + "@" + h.hostPort + "/mtx?connect_timeout=2&sslmode=disable&password=" + url.QueryEscape(p)
	}},
	{"postgres", "keyword", func(p string, h leakHost) string {
		host, port := hostOnly(h.hostPort)
		return "host=" + host + " port=" + port + " user=" + h.user + " password='" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(p) + "' dbname=mtx connect_timeout=2 sslmode=disable"
	}},
	{"redshift", "url raw", func(p string, h leakHost) string {
		return "postgres://" + h.user + ":" + p + "@" + h.hostPort + "/mtx?connect_timeout=2&sslmode=disable"
	}},
	{"redshift", "keyword", func(p string, h leakHost) string {
		host, port := hostOnly(h.hostPort)
		return "host=" + host + " port=" + port + " user=" + h.user + " password='" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(p) + "' dbname=mtx connect_timeout=2 sslmode=disable"
	}},
	{"mysql", "go-sql-driver", func(p string, h leakHost) string {
		return h.user + ":" + p + "@tcp(" + h.hostPort + ")/mtx?timeout=2s"
	}},
	{"clickhouse", "native raw", func(p string, h leakHost) string {
		return "clickhouse://" + h.user + ":" + p + "@" + h.hostPort + "/default?dial_timeout=1s"
	}},
	{"clickhouse", "http escaped", func(p string, h leakHost) string {
		return "http://" + url.UserPassword(h.user, p).String() + "@" + h.hostPort + "/default?dial_timeout=1s"
	}},
	{"clickhouse", "http ?password=", func(p string, h leakHost) string {
		return "http://" + h.user + "@" + h.hostPort + "/default?dial_timeout=1s&password=" + url.QueryEscape(p)
	}},
	{"snowflake", "gosnowflake", func(p string, h leakHost) string {
		return h.user + ":" + p + "@" + h.hostPort + "/MTX?account=acct&protocol=http&loginTimeout=2"
	}},
	{"snowflake", "?password=", func(p string, h leakHost) string {
		return h.user + "@" + h.hostPort + "/MTX?account=acct&protocol=http&loginTimeout=2&password=" + url.QueryEscape(p)
	}},
	{"bigquery", "userinfo", func(p string, h leakHost) string {
		return "bigquery://" + h.user + ":" + p + "@project?endpoint=http://" + h.hostPort
	}},
	{"bigquery", "?token=", func(p string, h leakHost) string {
		return "bigquery://project?endpoint=http://" + h.hostPort + "&token=" + url.QueryEscape(p)
	}},
	{"athena", "trino https userinfo", func(p string, h leakHost) string {
		return "https://" + h.user + ":" + p + "@" + h.hostPort + "?catalog=iceberg&request_retry_timeout=1s"
	}},
	{"athena", "trino ?accessToken=", func(p string, h leakHost) string {
		return "http://" + h.user + "@" + h.hostPort + "?catalog=iceberg&request_retry_timeout=1s&accessToken=" + url.QueryEscape(p)
	}},
	{"athena", "athena ?secret_access_key=", func(p string, h leakHost) string {
		return "athena://us-east-1?workgroup=primary&output_location=s3://b/r/&access_key_id=AKIA&secret_access_key=" + url.QueryEscape(p)
	}},
	{"athena", "athena ?session_token=", func(p string, h leakHost) string {
		return "athena://us-east-1?access_key_id=AKIA&secret_access_key=x&session_token=" + url.QueryEscape(p)
	}},
	{"duckdb", "a URL", func(p string, h leakHost) string {
		return "postgres://" + h.user + ":" + p + "@" + h.hostPort + "/mtx"
	}},
	{"duckdb", "?motherduck_token=", func(p string, h leakHost) string {
		return "leak.duckdb?motherduck_token=" + url.QueryEscape(p)
	}},
}

// leakHosts are the hosts of a dialect: a closed port, a malformed port,
// and the live engine with a wrong password where one runs.
func leakHosts(dialect string) []leakHost {
	hosts := []leakHost{{"unreachable", "127.0.0.1:1", "mtx"}, {"malformed", "127.0.0.1:notaport", "mtx"}}
	switch dialect { // test harness only: where each live engine listens
	case "postgres", "redshift":
		if cfg, err := pgx.ParseConfig(os.Getenv("MTX_TEST_POSTGRES_DSN")); err == nil && os.Getenv("MTX_TEST_POSTGRES_DSN") != "" {
			hosts = append(hosts, leakHost{"wrong password", fmt.Sprintf("%s:%d", cfg.Host, cfg.Port), cfg.User})
		}
	case "mysql":
		if cfg, err := mysql.ParseDSN(os.Getenv("MTX_TEST_MYSQL_DSN")); err == nil && os.Getenv("MTX_TEST_MYSQL_DSN") != "" {
			hosts = append(hosts, leakHost{"wrong password", cfg.Addr, cfg.User})
		}
	}
	return hosts
}

// TestSecretsNeverPrinted runs every command with every DSN form of every
// dialect, a password holding each special character, against closed
// ports, malformed DSNs and live engines with a wrong password: the
// password appears nowhere in standard output, standard error or the
// files mtx writes.
func TestSecretsNeverPrinted(t *testing.T) {
	dir := t.TempDir()
	inv, _ := embeddedTable(t, "invoice")
	if _, err := exportfile.WriteFile(filepath.Join(dir, "export"), inv, 0, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), nil); err != nil {
		t.Fatal(err)
	}
	wd, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)

	type leakCase struct{ name, dialect, dsn, pass string }
	var cases []leakCase
	hostKinds := map[string]bool{}
	for _, f := range leakForms {
		for _, h := range leakHosts(f.dialect) {
			hostKinds[h.name] = true
			for _, c := range leakChars {
				pass := leakHead + c + leakTail
				cases = append(cases, leakCase{fmt.Sprintf("%s/%s/%s/%q", f.dialect, f.name, h.name, c), f.dialect, f.dsn(pass, h), pass})
			}
		}
	}
	if !hostKinds["wrong password"] {
		t.Log("no live engine: only closed ports and malformed DSNs (eval \"$(tests/engines/up)\" adds wrong passwords on PostgreSQL and MariaDB)")
	}
	var runs, leaks atomic.Int64
	var mu sync.Mutex
	leaked := map[string]int{}
	sem := make(chan struct{}, 8)
	var wg sync.WaitGroup
	for _, c := range cases {
		for _, cmd := range leakCommands {
			wg.Add(1)
			sem <- struct{}{}
			go func() {
				defer wg.Done()
				defer func() { <-sem }()
				args := append(cmd.args(dir), "--dialect", c.dialect, "--dsn", c.dsn)
				var out, errb bytes.Buffer
				ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
				code := execute(ctx, &redact.Redactor{}, args, &out, &errb)
				cancel()
				runs.Add(1)
				text := out.String() + errb.String()
				if strings.Contains(text, leakHead) || strings.Contains(text, leakTail) {
					leaks.Add(1)
					mu.Lock()
					leaked[c.dialect+"/"+cmd.name]++
					if leaked[c.dialect+"/"+cmd.name] <= 2 {
						t.Errorf("%s, mtx %s: the password leaked (exit %d):\n%s", c.name, cmd.name, code, text)
					}
					mu.Unlock()
				}
				// A dry run lists the export even without its target; a
				// DuckDB file with a setting is a database.
				if code == 0 && !strings.Contains(c.name, "motherduck_token") && cmd.name != "load --dry-run" {
					t.Errorf("%s, mtx %s: exit 0 with a bad DSN:\n%s", c.name, cmd.name, text)
				}
			}()
		}
	}
	wg.Wait()
	// Files mtx wrote (DuckDB databases, anything else) hold no password.
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return nil
		}
		b, _ := os.ReadFile(p)
		if bytes.Contains(b, []byte(leakHead)) || bytes.Contains(b, []byte(leakTail)) {
			t.Errorf("the password is in a file mtx wrote: %s", p)
		}
		return nil
	})
	if len(leaked) > 0 {
		t.Logf("leaks by dialect and command: %v", leaked)
	}
	t.Logf("secret leak test: %d DSN cases (forms x characters x hosts over %d dialects) x %d commands = %d runs, %d leaks",
		len(cases), len(dialectsOf(leakForms)), len(leakCommands), runs.Load(), leaks.Load())
}

func dialectsOf(fs []leakForm) map[string]bool {
	m := map[string]bool{}
	for _, f := range fs {
		m[f.dialect] = true
	}
	return m
}

func embeddedTable(t *testing.T, name string) (*catalog.Table, bool) {
	t.Helper()
	h, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	tb, ok := h.Current().Table(name)
	if !ok {
		t.Fatalf("no table %s", name)
	}
	return tb, ok
}
