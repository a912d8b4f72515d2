package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mtxhq/mtx/dialects/enginetest"
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

// leakForms are every engine's DSN forms holding a password, from the
// engines' test adapters (SecretDSNs).
func leakForms() []leakForm {
	var out []leakForm
	for _, a := range enginetest.All() {
		for _, f := range a.SecretDSNs {
			out = append(out, leakForm{a.Name, f.Name, func(p string, h leakHost) string { return f.DSN(p, h.hostPort, h.user) }})
		}
	}
	return out
}

// leakHosts are the hosts of a dialect: a closed port, a malformed port,
// and the live engine with a wrong password where one runs (the
// adapter's LiveLogin).
func leakHosts(dialect string) []leakHost {
	hosts := []leakHost{{"unreachable", "127.0.0.1:1", "mtx"}, {"malformed", "127.0.0.1:notaport", "mtx"}}
	if a, err := enginetest.Get(dialect); err == nil && a.LiveLogin != nil {
		if hp, user, ok := a.LiveLogin(); ok {
			hosts = append(hosts, leakHost{"wrong password", hp, user})
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
	for _, f := range leakForms() {
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
		len(cases), len(dialectsOf(leakForms())), len(leakCommands), runs.Load(), leaks.Load())
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
