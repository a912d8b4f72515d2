package singlestore

import (
	"strings"
	"testing"
)

// A SingleStore DSN is go-sql-driver's: its password, holding any of the
// characters that break naive parsing, is among DSNSecrets and never in
// RedactDSN's output (the CLI's redactor hides DSNSecrets everywhere).
func TestRedactDSN(t *testing.T) {
	for _, c := range []string{"@", ":", "/", "?", "#", "%", "'", `"`, `\`, " ", "&", "="} {
		pass := "Se" + c + "cr3t-pass"
		dsn := "mtx:" + pass + "@tcp(db.example.com:3306)/metronome?timeout=2s"
		d := Dialect{}
		got := d.RedactDSN(dsn)
		if strings.Contains(got, "cr3t") || !strings.Contains(got, "mtx:xxxxx@") {
			t.Errorf("password with %q: RedactDSN gives %q", c, got)
		}
		found := false
		for _, s := range d.DSNSecrets(dsn) {
			found = found || s == pass
		}
		if !found {
			t.Errorf("password with %q: DSNSecrets %q lack it", c, d.DSNSecrets(dsn))
		}
		if err := d.ValidateDSN("mtx:" + pass + "@db.example.com/metronome"); err == nil || strings.Contains(err.Error(), "cr3t") {
			t.Errorf("password with %q: a DSN without tcp(...) gives %v", c, err)
		}
	}
}
