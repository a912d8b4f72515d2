package databricks

import (
	"bytes"
	"database/sql/driver"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mtxhq/mtx/dialects"
)

func TestInline(t *testing.T) {
	at := time.Date(2025, 1, 2, 3, 4, 5, 600000000, time.FixedZone("x", 3600))
	cases := []struct {
		query string
		args  []any
		want  string
		err   string
	}{
		{"SELECT ?, ?, ?", []any{int64(-3), true, nil}, "SELECT -3, TRUE, NULL", ""},
		{"SELECT ?", []any{`it's \ ?`}, `SELECT 'it\'s \\ ?'`, ""},
		{"SELECT ?", []any{dialects.Decimal("-12.500000000")}, "SELECT -12.500000000BD", ""},
		{"SELECT ?", []any{dialects.Decimal("1e3")}, "", "not a decimal number"},
		{"SELECT ?", []any{at}, "SELECT TIMESTAMP'2025-01-02 02:04:05.6+00:00'", ""},
		{"SELECT ?", []any{0.1}, "SELECT CAST('0.1' AS DOUBLE)", ""},
		{"SELECT ?", []any{[]byte{0xab, 1}}, "SELECT X'ab01'", ""},
		// ? inside literals, quoted names and comments is text.
		{"SELECT '?', `a?`, \"?\" -- ?\n, ? /* ? */", []any{int64(1)}, "SELECT '?', `a?`, \"?\" -- ?\n, 1 /* ? */", ""},
		{`SELECT 'it\'s ?', ?`, []any{int64(2)}, `SELECT 'it\'s ?', 2`, ""},
		{"SELECT ?, ?", []any{int64(1)}, "", "more ?"},
		{"SELECT ?", []any{int64(1), int64(2)}, "", "1 ? for 2 arguments"},
	}
	for _, c := range cases {
		args := make([]driver.NamedValue, len(c.args))
		for i, a := range c.args {
			args[i] = driver.NamedValue{Ordinal: i + 1, Value: a}
		}
		got, err := inline(c.query, args)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%q: error %v, want one containing %q", c.query, err, c.err)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("%q: got %q, %v; want %q", c.query, got, err, c.want)
		}
	}
}

func TestDescribedColumns(t *testing.T) {
	rows := [][]driver.Value{{"id", "string"}, {"total", "decimal(38,9)"}, {"", ""}, {"# Partitioning", ""}, {"Part 0", "dt"}}
	got := describedColumns(rows)
	if len(got) != 2 || got[0] != [2]string{"id", "string"} || got[1] != [2]string{"total", "decimal(38,9)"} {
		t.Errorf("got %v", got)
	}
	if got := describedColumns([][]driver.Value{{"a", "int"}, {"# Partition Information", ""}, {"a", "int"}}); len(got) != 1 {
		t.Errorf("partition rows read as columns: %v", got)
	}
}

func TestParseDSN(t *testing.T) {
	for _, c := range []struct{ dsn, err string }{
		{"token:dapi123@adb-1.azuredatabricks.net:443/sql/1.0/warehouses/abc?catalog=main&schema=s&timeout=30", ""},
		{"http://token:x@127.0.0.1:59310/cliservice", ""},
		{"http://127.0.0.1:59310/cliservice", ""},
		{"token:dapi@host/sql/1.0/warehouses/abc", "no port"},
		{"token:dapi@host:443", "no HTTP path"},
		{"me:dapi@host:443/sql/1.0/warehouses/abc", "the word token"},
		{"host:443/sql/1.0/warehouses/abc", "no access token"},
		{"token:x@host:443/p?timeout=soon", "timeout=soon"},
		{"token:x@host:443/p?retries=0", ""},
		{"token:x@host:443/p?retries=-1", "retries=-1"},
	} {
		_, err := parseDSN(c.dsn)
		if (err == nil) != (c.err == "") || (err != nil && !strings.Contains(err.Error(), c.err)) {
			t.Errorf("%s: error %v, want %q", c.dsn, err, c.err)
		}
	}
}

func TestDSNSecretsRedacted(t *testing.T) {
	d := Dialect{}
	for _, dsn := range []string{
		"token:dapiSECRET1234@adb-1.azuredatabricks.net:443/sql/1.0/warehouses/abc",
		"https://token:dapiSECRET1234@adb-1.azuredatabricks.net:443/sql/1.0/warehouses/abc",
		"token:dapiSECRET1234@host/sql/1.0/warehouses/abc", // refused: no port
	} {
		out := d.RedactDSN(dsn)
		if strings.Contains(out, "SECRET") || !strings.Contains(out, "token") {
			t.Errorf("RedactDSN(%s) = %s", dsn, out)
		}
		if err := d.ValidateDSN(dsn); err != nil && strings.Contains(err.Error(), "SECRET") {
			t.Errorf("ValidateDSN leaks: %v", err)
		}
	}
}

type capture struct{ body []byte }

func (c *capture) RoundTrip(r *http.Request) (*http.Response, error) {
	c.body, _ = io.ReadAll(r.Body)
	return &http.Response{StatusCode: 200, Body: io.NopCloser(bytes.NewReader(nil))}, nil
}

// TestProtocolV10 rewrites the version of an OpenSession call only.
func TestProtocolV10(t *testing.T) {
	head := append([]byte{0x80, 1, 0, 1, 0, 0, 0, 11}, "OpenSession"...)
	head = append(head, 0, 0, 0, 0) // sequence id
	open := append(append([]byte{}, head...), 0x0c, 0, 1, 0x08, 0, 1, 0, 0, 0, 0, 0x0b)
	for _, c := range []struct {
		in   []byte
		want byte
	}{
		{open, 9},
		{append(append([]byte{}, head...), 0x0c, 0, 1, 0x08, 0, 1, 0, 0, 0, 7, 0x0b), 7}, // already set
	} {
		cap := &capture{}
		req, _ := http.NewRequest("POST", "http://127.0.0.1/cliservice", bytes.NewReader(c.in))
		if _, err := (sparkHTTP{cap}).RoundTrip(req); err != nil {
			t.Fatal(err)
		}
		if got := cap.body[len(head)+9]; got != c.want {
			t.Errorf("version byte %d, want %d", got, c.want)
		}
	}
	other := []byte("ExecuteStatement\x0c\x00\x01\x08\x00\x01\x00\x00\x00\x00")
	cap := &capture{}
	req, _ := http.NewRequest("POST", "http://127.0.0.1/cliservice", bytes.NewReader(other))
	sparkHTTP{cap}.RoundTrip(req)
	if !bytes.Equal(cap.body, other) {
		t.Errorf("another call was changed: %q", cap.body)
	}
}
