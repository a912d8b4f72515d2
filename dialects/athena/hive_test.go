package athena

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/internal/ddl"
	"github.com/mtxhq/mtx/internal/model"
	"github.com/mtxhq/mtx/tests/sqlcheck"
)

const apiDSN = "athena://us-east-1?workgroup=primary&output_location=s3://results/q/&location=s3://lake/mtx"

func TestForDSN(t *testing.T) {
	for _, tc := range []struct {
		dsn, location string // location "-": Trino's DDL
	}{
		{apiDSN, "s3://lake/mtx/"},
		{"athena://us-east-1?location=s3://lake/", "s3://lake/"},
		{"athena://us-east-1", ""},
		{"http://mtx@127.0.0.1:58090?catalog=iceberg", "-"},
		{"athena://us-east-1?bogus=1", "-"}, // refused later by ValidateDSN
	} {
		d := Dialect{}.ForDSN(tc.dsn).(Dialect)
		switch {
		case tc.location == "-" && d.api != nil:
			t.Errorf("ForDSN(%q) speaks Athena's DDL, want Trino's", tc.dsn)
		case tc.location != "-" && (d.api == nil || d.api.location != tc.location):
			t.Errorf("ForDSN(%q) = %+v, want Athena's DDL with location %q", tc.dsn, d.api, tc.location)
		}
	}
	if err := (Dialect{}).ValidateDSN("athena://us-east-1?location=/tmp/x"); err == nil || !strings.Contains(err.Error(), "location") {
		t.Errorf("a location that is no s3:// URL: %v", err)
	}
}

// athenaDDL renders, through Athena's API, every catalog table, every
// schema version (the second adds columns), goose's version table and the
// migration lock table: the files under testdata/athena-ddl.
func athenaDDL(t *testing.T, d Dialect) map[string]string {
	t.Helper()
	out := renderedFiles(t, d)
	_, q := d.Goose()
	out["goose_version_table.sql"] = q.CreateTable("metronome.goose_db_version") + ";\n"
	out["lock_table.sql"] = d.LockTableDDL(`"metronome"."mtx_lock"`) + ";\n"
	return out
}

func TestAthenaDDLGolden(t *testing.T) {
	d := Dialect{}.ForDSN(apiDSN).(Dialect)
	got := athenaDDL(t, d)
	for name, sql := range got {
		path := filepath.Join("testdata", "athena-ddl", name)
		if os.Getenv("MTX_UPDATE_GOLDEN") != "" {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(sql), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (MTX_UPDATE_GOLDEN=1 go test ./dialects/athena -run TestAthenaDDLGolden writes it)", err)
		}
		if sql != string(want) {
			t.Errorf("%s differs from Athena's rendered DDL (MTX_UPDATE_GOLDEN=1 rewrites it; review the diff)", path)
		}
	}
	// What Athena's DDL must be, whatever the goldens say.
	for _, tc := range []struct{ file, want string }{
		{"schema.sql", "CREATE DATABASE IF NOT EXISTS `metronome`"},
		{"schema.sql", "CREATE TABLE `metronome`.`alert` (\n  `id` string,"},
		{"schema.sql", "\nLOCATION 's3://lake/mtx/metronome/alert/'\nTBLPROPERTIES ('table_type' = 'ICEBERG')"},
		{"schema.sql", " decimal(38,9)"},
		{"00002_contracts_era.sql", "ALTER TABLE `metronome`."},
		{"00002_contracts_era.sql", "` ADD COLUMNS (`"},
		{"00001_plans_era.sql", "DROP TABLE IF EXISTS `metronome`."},
		{"goose_version_table.sql", "CREATE TABLE `metronome`.`goose_db_version` (`version_id` bigint, `is_applied` boolean, `tstamp` timestamp) LOCATION 's3://lake/mtx/metronome/goose_db_version/' TBLPROPERTIES ('table_type' = 'ICEBERG')"},
		{"lock_table.sql", "CREATE TABLE `metronome`.`mtx_lock` (`owner` string, `beat` bigint) LOCATION 's3://lake/mtx/metronome/mtx_lock/'"},
	} {
		if !strings.Contains(got[tc.file], tc.want) {
			t.Errorf("%s lacks %q", tc.file, tc.want)
		}
	}
	for name, sql := range got {
		for _, trino := range []string{"varchar", "with time zone", "IF NOT EXISTS \"", "ADD COLUMN IF"} {
			if strings.Contains(sql, trino) {
				t.Errorf("%s: Trino's %q in Athena's DDL", name, trino)
			}
		}
	}
}

// TestTrinoDDLUnchanged: through Trino (the zero Dialect, and what a
// Trino DSN gets) the DDL is internal/ddl's Trino goldens, byte for byte.
func TestTrinoDDLUnchanged(t *testing.T) {
	golden := filepath.Join("..", "..", "internal", "ddl", "testdata", "golden", "athena")
	for _, d := range []dialects.Dialect{Dialect{}, Dialect{}.ForDSN("http://mtx@127.0.0.1:58090?catalog=iceberg")} {
		files := renderedFiles(t, d)
		for name, sql := range files {
			want, err := os.ReadFile(filepath.Join(golden, name))
			if err != nil {
				t.Fatal(err)
			}
			if sql != string(want) {
				t.Errorf("Trino's %s changed", name)
			}
		}
		if _, q := d.Goose(); !strings.Contains(q.CreateTable("m.v"), "timestamp(6) with time zone") {
			t.Errorf("Trino's version table changed: %s", q.CreateTable("m.v"))
		}
		if got := d.(Dialect).LockTableDDL(`"m"."l"`); got != `CREATE TABLE "m"."l" ("owner" varchar, "beat" bigint)` {
			t.Errorf("Trino's lock table changed: %s", got)
		}
	}
}

// TestAthenaDDLNeedsLocation: without location=, rendering the migrations
// fails with one line naming the parameter.
func TestAthenaDDLNeedsLocation(t *testing.T) {
	h, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	r, err := ddl.New(Dialect{}.ForDSN("athena://us-east-1?workgroup=primary"), dialects.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	_, err = r.Versions(h, nil)
	if err == nil || !strings.Contains(err.Error(), "no location parameter") || strings.Contains(err.Error(), "\n") {
		t.Errorf("rendering without location: %v, want one line naming the location parameter", err)
	}
}

// TestAthenaDDLParses: sqlglot's athena dialect, which reads CREATE,
// ALTER and DROP statements without a SELECT as Hive (Athena's DDL
// engine), parses every statement of Athena's DDL.
func TestAthenaDDLParses(t *testing.T) {
	needSQLGlot(t)
	var sts []sqlcheck.Statement
	for name, script := range athenaDDL(t, Dialect{}.ForDSN(apiDSN).(Dialect)) {
		for _, s := range strings.Split(script, ";\n") {
			var lines []string
			for _, l := range strings.Split(s, "\n") {
				if !strings.HasPrefix(l, "--") {
					lines = append(lines, l)
				}
			}
			if s := strings.TrimSpace(strings.Join(lines, "\n")); s != "" {
				sts = append(sts, sqlcheck.Statement{Source: name, SQL: s})
			}
		}
	}
	if len(sts) < 50 {
		t.Fatalf("only %d statements to parse", len(sts))
	}
	failures, version, err := sqlcheck.ValidateAs("athena", sts)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range failures {
		t.Errorf("sqlglot %s rejects %s", version, f)
	}
	t.Logf("sqlglot %s parses %d statements of Athena's DDL", version, len(sts))
}

// renderedFiles is what `mtx render` writes for d: the whole schema and
// one goose file per schema version, by file name.
func renderedFiles(t *testing.T, d dialects.Dialect) map[string]string {
	t.Helper()
	h, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	r, err := ddl.New(d, dialects.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	script, err := r.Script(h.Current(), nil)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{"schema.sql": ddl.Join(script)}
	versions, err := r.Versions(h, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range versions {
		out[ddl.FileName(v)] = ddl.GooseFile(d, v)
	}
	return out
}

// TestWriteNeedsLocation: through Athena's API without location=, a
// command that creates tables stops with one line naming the parameter
// before it sends anything; with it, or through Trino, nothing stops.
func TestWriteNeedsLocation(t *testing.T) {
	for _, tc := range []struct {
		dsn  string
		stop bool
	}{
		{"athena://us-east-1?workgroup=primary", true},
		{apiDSN, false},
		{"http://mtx@127.0.0.1:58090?catalog=iceberg", false},
	} {
		err := dialects.CheckWrite(Dialect{}.ForDSN(tc.dsn))
		if (err != nil) != tc.stop || (err != nil && (!strings.Contains(err.Error(), "no location parameter") || strings.Contains(err.Error(), "\n"))) {
			t.Errorf("CheckWrite(%q) = %v, want a stop: %v", tc.dsn, err, tc.stop)
		}
	}
	d := Dialect{}.ForDSN("athena://us-east-1?workgroup=primary")
	h, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	reg, err := model.Load(h.Current(), nil, "")
	if err != nil {
		t.Fatal(err)
	}
	p := &model.Project{Dialect: d, Schema: "metronome", Catalog: h.Current(), Models: reg}
	g, err := p.Compile()
	if err != nil {
		t.Fatal(err)
	}
	rec := sqlcheck.NewRecorder()
	defer rec.DB.Close()
	err = (&model.Runner{Project: p, DB: rec.DB}).Run(context.Background(), g, []string{"current_invoice"})
	if err == nil || !strings.Contains(err.Error(), "no location parameter") {
		t.Errorf("mtx run without location: %v", err)
	}
	if sent := rec.Statements(); len(sent) > 0 {
		t.Errorf("mtx run without location sent %q", sent)
	}
}
