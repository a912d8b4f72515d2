package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestDocsGenerate writes the site for a project with its own model and
// without the Plans-era tables, as a user would, and checks what the
// command promises: the default folder, the dialect's types, the project's
// models, no connection.
func TestDocsGenerate(t *testing.T) {
	dir := writeProject(t, "name: acme\ndefault_target: wh\ntargets:\n  wh: {dialect: mysql, dsn: \"nobody:x@tcp(127.0.0.1:1)/db\"}\ntables: {exclude_groups: [legacy_plans]}\n")
	os.MkdirAll(filepath.Join(dir, "models"), 0o755)
	os.WriteFile(filepath.Join(dir, "models", "invoice_totals.sql"), []byte(
		"-- materialized: table\n-- unique_key: customer_id\nSELECT customer_id, SUM(total) AS total FROM {{ ref \"current_invoice\" }} GROUP BY customer_id\n"), 0o644)
	out, err := run(t, dir, "docs", "generate")
	if err != nil {
		t.Fatalf("docs generate: %v\n%s", err, out)
	}
	// 34 current-state models, the project's own, 17 cookbook views (as mtx run builds).
	if !strings.Contains(out, "wrote 34 tables, 52 models and 22 cookbook entries to target/docs") {
		t.Errorf("docs generate printed %q", out)
	}
	site := filepath.Join(dir, "target", "docs")
	page := func(rel string) string {
		data, err := os.ReadFile(filepath.Join(site, rel))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	if p := page("index.html"); !strings.Contains(p, "acme data dictionary") || !strings.Contains(p, "mysql") {
		t.Error("index.html does not name the project and its dialect")
	}
	if p := page("tables/invoice.html"); !strings.Contains(p, "<code>DECIMAL(38,9)</code>") || !strings.Contains(p, "<code>DATETIME(6)</code>") {
		t.Error("tables/invoice.html lacks MySQL's physical types")
	}
	if p := page("models/invoice_totals.html"); !strings.Contains(p, "models/invoice_totals.sql") || !strings.Contains(p, "CREATE TABLE") {
		t.Error("the project's model page lacks its origin or build statements")
	}
	if _, err := os.Stat(filepath.Join(site, "tables", "plan.html")); err == nil {
		t.Error("an unselected table has a page")
	}

	// --dialect overrides the target; the site is replaced, not merged.
	out, err = run(t, dir, "docs", "generate", "--dialect", "bigquery", "--out", "target/docs")
	if err != nil {
		t.Fatalf("docs generate --dialect bigquery: %v\n%s", err, out)
	}
	if p := page("tables/invoice.html"); !strings.Contains(p, "<code>NUMERIC(38, 9)</code>") || !strings.Contains(p, "<code>TIMESTAMP</code>") {
		t.Error("tables/invoice.html lacks BigQuery's types after --dialect bigquery")
	}

	// A folder that is not a site is refused, in one line, and left alone.
	_, err = run(t, dir, "docs", "generate", "--out", ".")
	if err == nil || !strings.Contains(err.Error(), "--out . is not empty and not a site mtx generated") {
		t.Errorf("--out .: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "project.yaml")); err != nil {
		t.Fatal("--out . touched the project")
	}
}

// syncBuffer is a bytes.Buffer safe to read while the command writes it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

// TestDocsServe serves the site on a free port, fetches pages over HTTP,
// and stops when the context ends (Ctrl-C).
func TestDocsServe(t *testing.T) {
	dir := t.TempDir()
	site := filepath.Join(dir, "site")
	root := newRoot()
	var out syncBuffer
	root.SetOut(&out)
	root.SetErr(&out)
	root.SetArgs([]string{"docs", "serve", "--dialect", "duckdb", "--port", "0", "--out", site})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- root.ExecuteContext(ctx) }()
	addr := regexp.MustCompile(`at (http://127\.0\.0\.1:\d+/)`)
	var base string
	for deadline := time.Now().Add(30 * time.Second); base == "" && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if m := addr.FindStringSubmatch(out.String()); m != nil {
			base = m[1]
		}
		select {
		case err := <-done:
			t.Fatalf("serve ended early: %v\n%s", err, out.String())
		default:
		}
	}
	if base == "" {
		cancel()
		t.Fatalf("serve printed no URL: %q", out.String())
	}
	for _, p := range []string{"", "erd.html", "tables/invoice.html", "models/current_invoice.html", "assets/search-index.js"} {
		resp, err := http.Get(base + p)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || len(body) < 100 {
			t.Errorf("GET /%s: %s, %d bytes", p, resp.Status, len(body))
		}
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve after Ctrl-C: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop when its context ended")
	}
	if _, err := http.Get(base); err == nil {
		t.Error("the server still answers after stopping")
	}
	if _, err := run(t, dir, "docs", "serve", "--dialect", "duckdb", "--port", "70000"); err == nil || !strings.Contains(err.Error(), "--port 70000 is not a TCP port") {
		t.Errorf("--port 70000: %v", err)
	}
}
