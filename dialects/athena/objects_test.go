package athena

import (
	"strings"
	"testing"
	"time"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/catalog"
)

func TestStagingSQL(t *testing.T) {
	lt := dialects.LoadTable{Schema: "m", Table: "invoice", Columns: []dialects.LoadColumn{
		{Name: "id", Type: catalog.String, Source: "id"},
		{Name: "total", Type: catalog.Decimal, Source: "total"},
		{Name: "issued_at", Type: catalog.Timestamp, Source: "Issued_At"},
		{Name: "memo", Type: catalog.String, Source: "memo"}, // not in the files: NULL
		{Name: "_mtx_source_file", Type: catalog.String, Const: "?"},
		{Name: "_mtx_transferred_at", Type: catalog.Timestamp, Const: time.Time{}},
	}}
	cols := []dialects.ObjectColumn{{Name: "id", Type: catalog.String}, {Name: "total", Type: catalog.Decimal, Precision: 18, Scale: 2},
		{Name: "Issued_At", Type: catalog.Timestamp}, {Name: "lines", Type: ""}}
	file := func(rel string, at int) dialects.ObjectFile {
		return dialects.ObjectFile{URL: "s3://b/x/invoice/" + rel, Columns: cols, Consts: map[string]any{
			"_mtx_source_file": "invoice/" + rel, "_mtx_transferred_at": time.Date(2025, 1, at, 0, 0, 0, 0, time.UTC)}}
	}
	files := []dialects.ObjectFile{file("dt=2025-01-02/0_20250102000000.parquet", 2), file("dt=2025-01-02/1_20250102010000.parquet", 2), file("dt=2025-01-03/0_20250103000000.parquet", 3)}
	n := 0
	name := func() string { n++; return "s" + string(rune('0'+n)) }
	for _, tc := range []struct {
		onTrino bool
		create  []string
		drop    []string
	}{
		{true, []string{
			`CREATE SCHEMA IF NOT EXISTS hive."m"`,
			`CREATE TABLE hive."m"."s1" ("id" varchar, "issued_at" timestamp(6), "total" decimal(18,2)) WITH (external_location = 's3://b/x/invoice/dt=2025-01-02/', format = 'PARQUET')`,
			`CREATE TABLE hive."m"."s2" ("id" varchar, "issued_at" timestamp(6), "total" decimal(18,2)) WITH (external_location = 's3://b/x/invoice/dt=2025-01-03/', format = 'PARQUET')`,
		}, []string{`DROP TABLE IF EXISTS hive."m"."s1"`, `DROP TABLE IF EXISTS hive."m"."s2"`}},
		{false, []string{
			"CREATE EXTERNAL TABLE `m`.`s3` (`id` string, `issued_at` timestamp, `total` decimal(18,2)) STORED AS PARQUET LOCATION 's3://b/x/invoice/dt=2025-01-02/'",
			"CREATE EXTERNAL TABLE `m`.`s4` (`id` string, `issued_at` timestamp, `total` decimal(18,2)) STORED AS PARQUET LOCATION 's3://b/x/invoice/dt=2025-01-03/'",
		}, []string{"DROP TABLE IF EXISTS `m`.`s3`", "DROP TABLE IF EXISTS `m`.`s4`"}},
	} {
		d := Dialect{}
		if !tc.onTrino {
			d = Dialect{}.ForDSN(apiDSN).(Dialect)
		}
		st, err := d.stagingSQL(lt, files, name)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Join(st.create, "\n") != strings.Join(tc.create, "\n") || strings.Join(st.drop, "\n") != strings.Join(tc.drop, "\n") {
			t.Errorf("onTrino=%v:\ncreate %q\ndrop %q", tc.onTrino, st.create, st.drop)
		}
		tbl := `hive."m"."s1"`
		if !tc.onTrino {
			tbl = `"m"."s3"`
		}
		want := `INSERT INTO "m"."invoice" ("id", "total", "issued_at", "memo", "_mtx_source_file", "_mtx_transferred_at") SELECT "id", "total", with_timezone("issued_at", 'UTC'), NULL, 'invoice/dt=2025-01-02/0_20250102000000.parquet', TIMESTAMP '2025-01-02 00:00:00 UTC' FROM ` + tbl + ` WHERE "$path" = 's3://b/x/invoice/dt=2025-01-02/0_20250102000000.parquet' UNION ALL `
		if !tc.onTrino {
			// Athena's columns have no zone: the UTC wall clock as read.
			want = `INSERT INTO "m"."invoice" ("id", "total", "issued_at", "memo", "_mtx_source_file", "_mtx_transferred_at") SELECT "id", "total", "issued_at", NULL, 'invoice/dt=2025-01-02/0_20250102000000.parquet', TIMESTAMP '2025-01-02 00:00:00' FROM ` + tbl + ` WHERE "$path" = 's3://b/x/invoice/dt=2025-01-02/0_20250102000000.parquet' UNION ALL `
		}
		if !strings.HasPrefix(st.insert, want) || strings.Count(st.insert, " UNION ALL ") != 2 {
			t.Errorf("onTrino=%v: insert\n%s\nwant it to start\n%s", tc.onTrino, st.insert, want)
		}
	}
	if _, err := (Dialect{}).stagingSQL(lt, []dialects.ObjectFile{{URL: "gs://b/k.parquet", Columns: cols}}, name); err == nil {
		t.Error("a gs:// object was accepted")
	}
}
