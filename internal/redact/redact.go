// Package redact hides secrets in text: given the secret substrings a DSN
// holds (each engine's own parser finds them), it replaces every one of
// them, written raw or escaped the ways drivers and URL parsers quote
// them, with xxxxx. The CLI passes everything it prints through one
// Redactor, so a driver error that echoes a DSN cannot leak it.
package redact

import (
	"bytes"
	"encoding/json"
	"io"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Mask replaces a secret.
const Mask = "xxxxx"

// Redactor replaces a growing set of secrets. The zero value hides nothing
// and is ready to use; it is safe for concurrent use.
type Redactor struct {
	mu      sync.RWMutex
	secrets map[string]bool
	// alts are every form of every secret, longest first, so a secret
	// that contains another is hidden whole. Plain byte strings, not a
	// regexp: a decoded secret need not be valid UTF-8.
	alts []string
}

// New returns a Redactor hiding secrets.
func New(secrets ...string) *Redactor {
	r := &Redactor{}
	r.Add(secrets...)
	return r
}

// Add hides secrets from now on (empty ones are ignored).
func (r *Redactor) Add(secrets ...string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.secrets == nil {
		r.secrets = map[string]bool{}
	}
	changed := false
	for _, s := range secrets {
		if s == "" || r.secrets[s] {
			continue
		}
		r.secrets[s] = true
		changed = true
	}
	if !changed {
		return
	}
	var alts []string
	seen := map[string]bool{}
	for s := range r.secrets {
		if misread(s, r.secrets) {
			continue
		}
		for _, f := range Forms(s) {
			// %2F is also written %2f.
			for _, v := range []string{f, hexEscape.ReplaceAllStringFunc(f, strings.ToLower)} {
				if v != "" && !seen[v] {
					seen[v] = true
					alts = append(alts, v)
				}
			}
		}
	}
	sort.Slice(alts, func(i, j int) bool {
		if len(alts[i]) != len(alts[j]) {
			return len(alts[i]) > len(alts[j])
		}
		return alts[i] < alts[j]
	})
	r.alts = alts
}

// misread reports whether a short secret (under 4 bytes) is part of a
// longer one: a parser's misreading of a password with a raw @ or / (pgx
// reads "p" of "p@ss/w#rd"), whose every letter would otherwise be masked
// wherever it occurs. The longer secret is hidden instead.
func misread(s string, all map[string]bool) bool {
	if len(s) >= 4 {
		return false
	}
	for t := range all {
		if len(t) > len(s) && strings.Contains(t, s) {
			return true
		}
	}
	return false
}

// hexEscape is a %XY escape.
var hexEscape = regexp.MustCompile(`%[0-9A-F]{2}`)

// Forms are the ways s may be written in a DSN or an error quoting one:
// raw, URL-escaped (query, path, userinfo), quoted as Go and JSON quote
// strings, backslash-escaped (libpq keyword values) and as an SQL literal.
func Forms(s string) []string {
	out := []string{s, url.QueryEscape(s), url.PathEscape(s)}
	out = append(out, strings.TrimPrefix(url.UserPassword("", s).String(), ":"))
	q := strconv.Quote(s)
	out = append(out, q[1:len(q)-1])
	if j, err := json.Marshal(s); err == nil {
		out = append(out, string(j[1:len(j)-1]))
	}
	out = append(out, strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s))
	out = append(out, strings.ReplaceAll(s, "'", "''"))
	return out
}

// String returns s with every secret replaced by Mask.
func (r *Redactor) String(s string) string {
	r.mu.RLock()
	alts := r.alts
	r.mu.RUnlock()
	mask := func(s, with string) (string, bool) {
		hit := false
		for _, a := range alts {
			if strings.Contains(s, a) {
				s, hit = strings.ReplaceAll(s, a, with), true
			}
		}
		return s, hit
	}
	out, hit := mask(s, Mask)
	// A mask next to the rest of the text can spell a secret again (the
	// secret "xa" in "xaa"): mask again, then with stars.
	for i := 0; hit && i < 3; i++ {
		out, hit = mask(out, Mask)
	}
	if hit {
		out, _ = mask(out, "*****")
	}
	return out
}

// String hides secrets in s: the one-off form of Redactor.String.
func String(s string, secrets ...string) string { return New(secrets...).String(s) }

// Writer passes lines through a Redactor: it holds an unfinished line (a
// secret may arrive in two writes) until its newline or carriage return,
// or until Flush.
type Writer struct {
	r   *Redactor
	w   io.Writer
	mu  sync.Mutex
	buf bytes.Buffer
}

// Writer returns a redacting writer onto w. Call Flush when done.
func (r *Redactor) Writer(w io.Writer) *Writer { return &Writer{r: r, w: w} }

// Write buffers p and writes every finished line, redacted.
func (w *Writer) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	b := w.buf.Bytes()
	end := bytes.LastIndexAny(b, "\n\r")
	if end < 0 {
		return len(p), nil
	}
	done := string(b[:end+1])
	rest := append([]byte(nil), b[end+1:]...)
	w.buf.Reset()
	w.buf.Write(rest)
	if _, err := io.WriteString(w.w, w.r.String(done)); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Flush writes what is buffered, redacted.
func (w *Writer) Flush() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.buf.Len() == 0 {
		return nil
	}
	s := w.buf.String()
	w.buf.Reset()
	_, err := io.WriteString(w.w, w.r.String(s))
	return err
}
