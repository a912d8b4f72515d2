package snowflake

import (
	"strings"
	"testing"
	"time"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/catalog"
)

func TestObjectLoadable(t *testing.T) {
	for _, tc := range []struct {
		url, stage string
		ok         bool
		why        string
	}{
		{"s3://b/f/invoice/dt=2025-01-02/0_20250102030405.parquet", "@mtx_export", true, ""},
		{"gs://b/f/invoice/dt=2025-01-02/0_20250102030405.parquet", "@db.s.stage", true, ""},
		{"s3://b/f/x.parquet", "", false, "--stage"},
		{"s3://b/f/x.parquet", "  ", false, "--stage"},
		{"/tmp/x.parquet", "@mtx_export", false, "s3://"},
	} {
		ok, why := Dialect{}.ObjectLoadable(tc.url, dialects.ObjectOptions{Stage: tc.stage})
		if ok != tc.ok || !strings.Contains(why, tc.why) || (ok && why != "") {
			t.Errorf("ObjectLoadable(%q, %q) = %v, %q; want %v, ~%q", tc.url, tc.stage, ok, why, tc.ok, tc.why)
		}
	}
}

func TestCopyStatement(t *testing.T) {
	transferred := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	lt := dialects.LoadTable{Schema: "metronome", Table: "invoice", Columns: []dialects.LoadColumn{
		{Name: "id", Type: catalog.String, Source: "id"},
		{Name: "total", Type: catalog.Decimal, Source: "total"},
		{Name: "credit", Type: catalog.Decimal, Source: "credit"},
		{Name: "created_at", Type: catalog.Timestamp, Source: "created_at"},
		{Name: "custom_fields", Type: catalog.JSON, Source: "custom_fields"},
		{Name: "gone", Type: catalog.String, Source: "gone"},
		{Name: "_mtx_source_file", Type: catalog.String, Const: "x"},
		{Name: "_mtx_transferred_at", Type: catalog.Timestamp, Const: transferred},
	}}
	f := dialects.ObjectFile{
		URL:  "s3://bucket/exports/metronome/invoice/dt=2025-01-02/0_20250102030405.parquet",
		Root: "s3://bucket/exports/metronome/",
		Consts: map[string]any{
			"_mtx_source_file":    "invoice/dt=2025-01-02/0_20250102030405.parquet",
			"_mtx_transferred_at": transferred,
		},
		Columns: []dialects.ObjectColumn{
			{Name: "id", Type: catalog.String},
			{Name: "total", Type: catalog.Decimal, Precision: 38, Scale: 9},
			{Name: "credit", Type: catalog.String},
			{Name: "created_at", Type: catalog.Timestamp},
			{Name: "custom_fields", Type: catalog.String},
		},
	}
	got, err := Dialect{}.CopyStatement(lt, f, dialects.ObjectOptions{Stage: "@mtx_export"})
	if err != nil {
		t.Fatal(err)
	}
	want := `COPY INTO "METRONOME"."INVOICE" ("ID", "TOTAL", "CREDIT", "CREATED_AT", "CUSTOM_FIELDS", "GONE", "_MTX_SOURCE_FILE", "_MTX_TRANSFERRED_AT")` +
		` FROM (SELECT $1:"id"::VARCHAR, $1:"total"::NUMBER(38,9), $1:"credit"::VARCHAR, $1:"created_at"::TIMESTAMP_TZ(9), PARSE_JSON($1:"custom_fields"::VARCHAR), NULL,` +
		` 'invoice/dt=2025-01-02/0_20250102030405.parquet', '2025-01-02 03:04:05 +00:00'::TIMESTAMP_TZ(9)` +
		` FROM @mtx_export/invoice/dt=2025-01-02/) FILES = ('0_20250102030405.parquet')` +
		` FILE_FORMAT = (TYPE = PARQUET) ON_ERROR = ABORT_STATEMENT FORCE = TRUE`
	if got != want {
		t.Errorf("COPY statement\n got %s\nwant %s", got, want)
	}

	// Root with the query parameters of mtx's own client, a stage with a path.
	f.Root = "s3://bucket/exports?endpoint=http://127.0.0.1:9000"
	got, err = Dialect{}.CopyStatement(lt, f, dialects.ObjectOptions{Stage: `@db."My Schema".stage/sub/`})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(got, ` FROM @db."My Schema".stage/sub/metronome/invoice/dt=2025-01-02/) FILES = ('0_20250102030405.parquet')`) {
		t.Errorf("stage path: %s", got)
	}

	for _, tc := range []struct {
		name, stage, url, root, want string
	}{
		{"bad stage", "@x; DROP TABLE y", f.URL, "s3://bucket/exports/metronome", "not a Snowflake stage name"},
		{"quote in stage", "@x/'", f.URL, "s3://bucket/exports/metronome", "not a Snowflake stage name"},
		{"other bucket", "@x", f.URL, "s3://other/exports/metronome", "not inside the export location"},
		{"other folder", "@x", f.URL, "s3://bucket/exports/elsewhere", "not inside the export location"},
		{"odd path", "@x", "s3://bucket/exports/metronome/invoice/dt=2025 01/0_1.parquet", "s3://bucket/exports/metronome", "cannot be named in a Snowflake stage path"},
	} {
		g := f
		g.URL, g.Root = tc.url, tc.root
		_, err := Dialect{}.CopyStatement(lt, g, dialects.ObjectOptions{Stage: tc.stage})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.want)
		}
	}
}
