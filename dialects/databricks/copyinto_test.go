package databricks_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/dialects/databricks"
	_ "github.com/mtxhq/mtx/dialects/databricks/testadapter" // its sqlglot dialect
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/tests/sqlcheck"
)

func copyIntoStatement(t *testing.T) string {
	t.Helper()
	lt := dialects.LoadTable{Schema: "metronome", Table: "invoice", Columns: []dialects.LoadColumn{
		{Name: "id", Type: catalog.String, Source: "id"},
		{Name: "total", Type: catalog.Decimal, Source: "total"},
		{Name: "contract_id", Type: catalog.String}, // the file lacks it
		{Name: "_mtx_source_file", Type: catalog.String, Const: ""},
		{Name: "_mtx_transferred_at", Type: catalog.Timestamp, Const: time.Time{}},
	}}
	f := dialects.ObjectFile{
		URL:  "s3://bucket/export/invoice/dt=2025-01-02/0_20250102030405.parquet",
		Root: "s3://bucket/export",
		Consts: map[string]any{
			"_mtx_source_file":    "invoice/dt=2025-01-02/0_20250102030405.parquet",
			"_mtx_transferred_at": time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC),
		},
	}
	sql, err := databricks.CopyInto(lt, f, dialects.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	return sql
}

// TestCopyIntoGolden: the statement a workspace would run for one file.
func TestCopyIntoGolden(t *testing.T) {
	got := copyIntoStatement(t) + "\n"
	path := filepath.Join("testdata", "copy_into.sql")
	if os.Getenv("MTX_UPDATE_GOLDEN") != "" {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("COPY INTO changed (MTX_UPDATE_GOLDEN=1 rewrites %s):\n%s", path, got)
	}
}

// TestCopyIntoParses: sqlglot's databricks dialect parses it.
func TestCopyIntoParses(t *testing.T) {
	if sqlcheck.Python() == "" {
		t.Skipf("%s not set: run eval \"$(tests/engines/up sqlglot)\"", sqlcheck.PythonEnv)
	}
	failures, version, err := sqlcheck.Validate("databricks", []sqlcheck.Statement{{Source: "COPY INTO", SQL: copyIntoStatement(t)}})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range failures {
		t.Errorf("sqlglot %s rejects %s", version, f)
	}
}

// TestObjectLoading: a workspace reads cloud exports with COPY INTO; the
// local Spark stand-in, which has none, gets the rows streamed.
func TestObjectLoading(t *testing.T) {
	d := databricks.Dialect{}
	for _, tc := range []struct {
		url  string
		want bool
	}{
		{"s3://bucket/export/invoice/dt=2025-01-02/0.parquet", true},
		{"gs://bucket/export/invoice/0.parquet", true},
		{"abfss://c@acct.dfs.core.windows.net/export/invoice/0.parquet", true},
		{"/data/export/invoice/0.parquet", false},
		{"https://bucket.s3.amazonaws.com/export/invoice/0.parquet", false},
	} {
		if got, why := d.ObjectLoadable(tc.url, dialects.ObjectOptions{}); got != tc.want || (!got && why == "") {
			t.Errorf("ObjectLoadable(%s) = %v (%q), want %v and a reason when false", tc.url, got, why, tc.want)
		}
	}
	for _, tc := range []struct {
		dsn  string
		want bool
	}{
		{"token:secret@adb-1.azuredatabricks.net:443/sql/1.0/warehouses/abc", true},
		{"https://token:secret@adb-1.azuredatabricks.net:443/sql/1.0/warehouses/abc", true},
		{"http://token:local@127.0.0.1:1/cliservice", false},
	} {
		db, err := d.Open(tc.dsn) // connects on first use only
		if err != nil {
			t.Fatal(err)
		}
		got, why := d.LoadsObjectsOn(db)
		db.Close()
		if got != tc.want || (!got && why == "") {
			t.Errorf("LoadsObjectsOn(%s) = %v (%q), want %v and a reason when false", d.RedactDSN(tc.dsn), got, why, tc.want)
		}
	}
}
