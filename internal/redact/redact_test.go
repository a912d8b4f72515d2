package redact

import (
	"bytes"
	"strings"
	"testing"
)

func TestString(t *testing.T) {
	for _, tc := range []struct{ secret, in, want string }{
		{"p@ss", "mysql at mtx:p@ss@tcp(h)/db", "mysql at mtx:xxxxx@tcp(h)/db"},
		{"a/b c", `parse "postgres://u:a%2Fb+c@h"`, `parse "postgres://u:xxxxx@h"`},
		{"a/b c", `postgres://u:a%2fb%20c@h`, `postgres://u:xxxxx@h`}, // lower-case escapes
		{`it's`, `password='it\'s'`, `password='xxxxx'`},
		{`say "hi"`, `dsn "u:say \"hi\"@h"`, `dsn "u:xxxxx@h"`},
		{"xa", "xaa", "xxxxxxxxx"}, // the mask spells it again: masked again
	} {
		if got := String(tc.in, tc.secret); got != tc.want {
			t.Errorf("String(%q, %q) = %q, want %q", tc.in, tc.secret, got, tc.want)
		}
	}
}

// A secret split over two writes is still hidden: the writer holds a
// line until it ends.
func TestWriterHoldsLines(t *testing.T) {
	var out bytes.Buffer
	r := New("hunter2")
	w := r.Writer(&out)
	w.Write([]byte("connecting with hun"))
	w.Write([]byte("ter2\nprogress 1\rprogress 2"))
	if strings.Contains(out.String(), "progress 2") {
		t.Errorf("an unfinished line was written early: %q", out.String())
	}
	w.Flush()
	if got := out.String(); got != "connecting with xxxxx\nprogress 1\rprogress 2" {
		t.Errorf("got %q", got)
	}
	// Secrets added later hide from then on.
	r.Add("later")
	w.Write([]byte("a later line\n"))
	if !strings.HasSuffix(out.String(), "a xxxxx line\n") {
		t.Errorf("got %q", out.String())
	}
}

// pgx reads "p" as the password of postgres://mtx:p@ss/w#rd@h: that
// misreading is not masked letter by letter, the whole password is.
func TestShortMisreadSecret(t *testing.T) {
	got := String("cannot reach postgres at postgres://mtx:p@ss/w#rd@h", "p", "p@ss/w#rd")
	if got != "cannot reach postgres at postgres://mtx:xxxxx@h" {
		t.Errorf("got %q", got)
	}
	if got := String("user p", "p"); got != "user xxxxx" {
		t.Errorf("a short password alone is still hidden: %q", got)
	}
}
