package duckdb

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The DuckDB DSN is a database: an existing file that is not one, a
// folder or a URL is refused in one line, never opened as an empty
// in-memory database (issue 13).
func TestValidateDSN(t *testing.T) {
	dir := t.TempDir()
	csv := filepath.Join(dir, "a.csv")
	os.WriteFile(csv, []byte("id,amount\n1,2\n"), 0o644)
	empty := filepath.Join(dir, "empty.duckdb")
	os.WriteFile(empty, nil, 0o644)
	real := filepath.Join(dir, "real.duckdb")
	db, err := Dialect{}.Open(real)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("CREATE TABLE t (i INT)"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	for _, tc := range []struct{ dsn, want string }{
		{csv, "is not a DuckDB database"},
		{csv + "?threads=1", "is not a DuckDB database"},
		{dir, "is not a file"},
		{"postgres://mtx:s3cret@h/db", "is a URL"},
		{"?threads=1", "empty DuckDB path"},
		{filepath.Join(dir, "new.duckdb"), ""},
		{empty, ""},
		{real, ""},
		{":memory:", ""},
	} {
		err := Dialect{}.ValidateDSN(tc.dsn)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("ValidateDSN(%q) = %v, want nil", tc.dsn, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("ValidateDSN(%q) = %v, want %q", tc.dsn, err, tc.want)
		case err != nil && strings.Contains(err.Error(), "s3cret"):
			t.Errorf("ValidateDSN(%q) shows the password: %v", tc.dsn, err)
		}
	}
}
