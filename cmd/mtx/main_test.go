package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mtxhq/mtx/dialects/all"
	"github.com/mtxhq/mtx/internal/project"
	"github.com/mtxhq/mtx/internal/redact"
	"github.com/pressly/goose/v3"
)

// run executes the CLI in-process from dir and returns its output and error.
func run(t *testing.T, dir string, args ...string) (string, error) {
	t.Helper()
	wd, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	root := newRoot()
	var out bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&out)
	root.SetArgs(args)
	err := root.ExecuteContext(context.Background())
	return out.String(), err
}

func writeProject(t *testing.T, body string) string {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "project.yaml"), []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestErrors(t *testing.T) {
	const secret = "s3cretPassw0rd"
	empty := t.TempDir()
	tests := []struct {
		name    string
		project string
		args    []string
		want    string
	}{
		{"unknown dialect", "", []string{"migrate", "status", "--dialect", "oracle", "--dsn", "x"}, `unknown dialect "oracle"`},
		{"no dialect", "", []string{"migrate", "status"}, "no dialect"},
		{"unreachable postgres", "", []string{"migrate", "status", "--dialect", "postgres", "--dsn", "postgres://mtx:" + secret + "@127.0.0.1:1/mtx?connect_timeout=2"}, "cannot reach postgres at postgres://mtx:xxxxx@127.0.0.1:1"},
		{"unreachable mysql", "", []string{"migrate", "status", "--dialect", "mysql", "--dsn", "mtx:" + secret + "@tcp(127.0.0.1:1)/mtx?timeout=2s"}, "cannot reach mysql at mtx:xxxxx@tcp(127.0.0.1:1)"},
		{"bad mysql dsn", "", []string{"migrate", "status", "--dialect", "mysql", "--dsn", "mtx:" + secret + "@127.0.0.1/mtx"}, "invalid MySQL DSN"},
		{"bad postgres dsn", "", []string{"migrate", "status", "--dialect", "postgres", "--dsn", "postgres://mtx:" + secret + "@host:notaport/db"}, "invalid PostgreSQL DSN"},
		{"bad bigquery dsn", "", []string{"migrate", "status", "--dialect", "bigquery", "--dsn", "project-only"}, "invalid BigQuery DSN"},
		{"hostile schema", "", []string{"render", "ddl", "--dialect", "postgres", "--schema", `x"; DROP TABLE y; --`}, "is not a valid identifier"},
		{"typo in project", "default_target: local\ntargets:\n  local: {dialect: duckdb, dsn: x.duckdb}\nshcema: billing\n", []string{"render", "ddl"}, "shcema"},
		{"unknown group", "default_target: local\ntargets:\n  local: {dialect: duckdb, dsn: x.duckdb}\ntables: {exclude_groups: [legacy]}\n", []string{"render", "ddl"}, `unknown group "legacy"`},
		{"unknown target", "default_target: local\ntargets:\n  local: {dialect: duckdb, dsn: x.duckdb}\n", []string{"render", "ddl", "--target", "prod"}, `no target "prod"`},
		{"unset env var", "default_target: pg\ntargets:\n  pg: {dialect: postgres, dsn: \"${MTX_TEST_SURELY_UNSET}\"}\n", []string{"migrate", "status"}, "MTX_TEST_SURELY_UNSET, which is not set"},
		{"bad decimal", "decimal: {precision: 10, scale: 12}\n", []string{"render", "ddl", "--dialect", "duckdb"}, "not a valid size"},
		{"typo in load settings", "load: {iam_rol: x}\n", []string{"render", "ddl", "--dialect", "duckdb"}, "iam_rol"},
		{"bad iam role", "load: {iam_role: \"arn:aws:iam::123:role/x\"}\n", []string{"render", "ddl", "--dialect", "duckdb"}, `load: iam_role "arn:aws:iam::123:role/x" is not an IAM role ARN`},
		{"bad target region", "default_target: rs\ntargets:\n  rs: {dialect: redshift, dsn: x, load: {region: US_EAST}}\n", []string{"render", "ddl"}, `target rs: load: region "US_EAST" is not an AWS region`},
		{"bad stage flag", "", []string{"load", "--dialect", "duckdb", "--dsn", "x.duckdb", "--stage", "mtx_export", "."}, `--stage "mtx_export" is not a Snowflake stage name`},
		{"bad iam-role flag", "", []string{"load", "--dialect", "duckdb", "--dsn", "x.duckdb", "--iam-role", "role/x", "."}, `--iam-role "role/x" is not an IAM role ARN`},
		{"unknown migrate command", "", []string{"migrate", "sideways", "--dialect", "duckdb"}, `unknown migrate subcommand "sideways"`},
		{"up-to without N", "", []string{"migrate", "up-to", "--dialect", "duckdb"}, "needs a version number"},
		{"bad source schema", "", []string{"source", "check", "--dialect", "duckdb", "--dsn", "x.duckdb", "--source-schema", "a;b"}, `source_schema "a;b" is not a valid identifier`},
		{"bad source check format", "", []string{"source", "check", "--dialect", "duckdb", "--dsn", "x.duckdb", "--format", "csv"}, `unknown format "csv"`},
		{"bad freshness clock", "", []string{"freshness", "--dialect", "duckdb", "--dsn", "x.duckdb", "--now", "yesterday"}, `--now "yesterday" is not an RFC 3339 time`},
		{"typo in freshness", "freshness: {warn_after: {count: 6, period: hour, extra: 1}}\n", []string{"render", "ddl", "--dialect", "duckdb"}, "extra"},
		{"unknown freshness table", "freshness: {tables: {invoices: {warn_after: {count: 6, period: hour}}}}\n", []string{"render", "ddl", "--dialect", "duckdb"}, `freshness: unknown table "invoices"`},
		{"freshness on a missing database", "", []string{"freshness", "--dialect", "duckdb", "--dsn", "surely-missing.duckdb"}, "does not exist yet"},
		{"migrate with a source schema", "", []string{"migrate", "up", "--dialect", "duckdb", "--dsn", "x.duckdb", "--source-schema", "delivered"}, "migrate refuses with a source schema: Metronome's sync service creates and changes the tables in delivered itself"},
		{"load with a source schema", "source_schema: delivered\n", []string{"load", "--dialect", "duckdb", "--dsn", "x.duckdb", "."}, "load refuses with a source schema"},
		{"bad source schema", "", []string{"run", "--dialect", "duckdb", "--source-schema", "a.b"}, `source_schema "a.b" is not a valid identifier`},
		// Issue 13: errors in the user's words, naming the limit or the choices.
		{"project type error", "name: x\nschema:\n  - a\n  - b\n", []string{"render", "ddl", "--dialect", "duckdb"}, "project.yaml: schema: want a string, got a list (line 3)"},
		{"empty project", "# nothing yet\n", []string{"render", "ddl", "--dialect", "duckdb"}, "project.yaml is empty"},
		{"schema too long", "", []string{"render", "ddl", "--dialect", "postgres", "--schema", strings.Repeat("a", 70)}, "is 70 characters long; at most 63 on postgres"},
		{"decimal over the engine's limit", "decimal: {precision: 100, scale: 2}\n", []string{"render", "ddl", "--dialect", "duckdb"}, "decimal: precision 100, scale 2 is more than duckdb allows (precision at most 38"},
		{"empty --select", "", []string{"compile", "--dialect", "duckdb", "--select", ""}, "--select: an empty selector selects nothing"},
		{"up-to a missing version", "", []string{"migrate", "up-to", "99", "--dialect", "duckdb", "--dsn", "x.duckdb"}, "there is no version 99 (versions: 1, 2; 0 = none)"},
		{"athena migrate without location", "", []string{"migrate", "up", "--dialect", "athena", "--dsn", "athena://us-east-1?workgroup=primary&access_key_id=AKIA&secret_access_key=" + secret}, "the athena:// DSN has no location parameter"},
		{"duckdb DSN that is a URL", "", []string{"migrate", "status", "--dialect", "duckdb", "--dsn", "postgres://mtx:" + secret + "@h/db"}, "is a URL: want a database file"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := empty
			if tc.project != "" {
				dir = writeProject(t, tc.project)
			}
			out, err := run(t, dir, tc.args...)
			if err == nil {
				t.Fatalf("no error; output:\n%s", out)
			}
			msg := err.Error()
			if !strings.Contains(msg, tc.want) {
				t.Errorf("error %q does not contain %q", msg, tc.want)
			}
			if strings.Contains(msg+out, secret) {
				t.Errorf("the password leaked: %q", msg+out)
			}
		})
	}
}

// TestAthenaRenderFollowsDSN: the DDL follows the DSN, Athena's own
// through an athena:// DSN, Trino's through Trino's or without one.
func TestAthenaRenderFollowsDSN(t *testing.T) {
	for _, tc := range []struct {
		dsn, want string
	}{
		{"athena://us-east-1?location=s3://lake/x", "CREATE TABLE `metronome`.`alert` (\n  `id` string,"},
		{"http://mtx@127.0.0.1:1?catalog=iceberg", `CREATE TABLE IF NOT EXISTS "metronome"."alert" (` + "\n" + `  "id" varchar,`},
		{"", `CREATE TABLE IF NOT EXISTS "metronome"."alert" (`},
	} {
		args := []string{"render", "ddl", "--dialect", "athena"}
		if tc.dsn != "" {
			args = append(args, "--dsn", tc.dsn)
		}
		out, err := run(t, t.TempDir(), args...)
		if err != nil {
			t.Fatalf("%s: %v", tc.dsn, err)
		}
		if !strings.Contains(out, tc.want) {
			t.Errorf("render ddl with DSN %q lacks %q", tc.dsn, tc.want)
		}
	}
}

// TestDuckDBDefaultProject runs the README's main command on the demo
// project: migrate up on the embedded DuckDB default, then status.
func TestDuckDBDefaultProject(t *testing.T) {
	data, err := os.ReadFile("../../project.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dir := writeProject(t, string(data))
	if out, err := run(t, dir, "migrate", "up"); err != nil || !strings.Contains(out, "00002_contracts_era") {
		t.Fatalf("migrate up: %v\n%s", err, out)
	}
	out, err := run(t, dir, "migrate", "status")
	if err != nil || strings.Count(out, "applied") != 2 {
		t.Fatalf("status: %v\n%s", err, out)
	}
	if out, err := run(t, dir, "migrate", "up"); err != nil || !strings.Contains(out, "nothing to do") {
		t.Fatalf("second up: %v\n%s", err, out)
	}
	if out, _ := run(t, dir, "migrate", "version"); strings.TrimSpace(out) != "2" {
		t.Errorf("version = %q", out)
	}
}

// TestRenderedGooseFilesApplyWithStockGoose applies `mtx render migrations`
// output with goose's own SQL reader (as the goose CLI does) on PostgreSQL
// and MariaDB.
func TestRenderedGooseFilesApplyWithStockGoose(t *testing.T) {
	for _, tc := range []struct{ dialect, env string }{{"postgres", "MTX_TEST_POSTGRES_DSN"}, {"mysql", "MTX_TEST_MYSQL_DSN"}} {
		t.Run(tc.dialect, func(t *testing.T) {
			dsn := os.Getenv(tc.env)
			if dsn == "" {
				if strings.Contains(os.Getenv("MTX_REQUIRE_ENGINES"), tc.dialect) {
					t.Fatalf("%s is required but %s is not set", tc.dialect, tc.env)
				}
				t.Skipf("%s not set: run eval \"$(tests/engines/up)\"", tc.env)
			}
			out := t.TempDir()
			schema := "mtx_goose_cli_test"
			if _, err := run(t, t.TempDir(), "render", "migrations", "--dialect", tc.dialect, "--schema", schema, "--out", out); err != nil {
				t.Fatal(err)
			}
			d, _ := all.Get(tc.dialect)
			db, err := d.Open(dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			gd, _ := d.Goose()
			p, err := goose.NewProvider(gd, db, os.DirFS(out), goose.WithTableName("mtx_goose_cli_test_version"))
			if err != nil {
				t.Fatal(err)
			}
			ctx := context.Background()
			defer db.Exec("DROP SCHEMA IF EXISTS " + d.Quote(schema))
			defer db.Exec("DROP TABLE IF EXISTS mtx_goose_cli_test_version")
			defer p.DownTo(ctx, 0)
			if _, err := p.Up(ctx); err != nil {
				t.Fatalf("stock goose up: %v", err)
			}
			if _, err := p.DownTo(ctx, 0); err != nil {
				t.Fatalf("stock goose down: %v", err)
			}
			if _, err := p.Up(ctx); err != nil {
				t.Fatalf("stock goose up again: %v", err)
			}
			if n := len(p.ListSources()); n != 2 {
				t.Errorf("%d goose files, want 2", n)
			}
		})
	}
}

// TestCLIWording: the one line a mistyped command line gets names the
// mistake.
func TestCLIWording(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--bogus", "migrate", "status"}, "unknown flag: --bogus"},
		{[]string{"migrat"}, `unknown command "migrat" for "mtx" (did you mean migrate?)`},
		{[]string{"render", "dl"}, `unknown command "dl" for "mtx render"`},
		{[]string{"migrate", "foo", "bar"}, `unknown migrate subcommand "foo" (up, up-to`},
		{[]string{"migrate", "foo"}, `unknown migrate subcommand "foo"`},
		{[]string{"migrate", "status", "x"}, "migrate status takes no argument"},
	} {
		out, err := run(t, dir, c.args...)
		if err == nil || !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%v: error %v, want one line containing %q\n%s", c.args, err, c.want, out)
		}
	}
}

func TestNegativeLockTimeout(t *testing.T) {
	for _, c := range []string{"migrate", "load", "run"} {
		args := []string{c, "--dialect", "duckdb", "--dsn", "x.duckdb", "--lock-timeout", "-1s"}
		if c == "load" {
			args = append(args, ".")
		}
		out, err := run(t, t.TempDir(), args...)
		if err == nil || !strings.Contains(err.Error(), "--lock-timeout -1s is negative") {
			t.Errorf("mtx %s --lock-timeout -1s: %v\n%s", c, err, out)
		}
	}
}

// TestFailedHint: a failed migration's hint is true for the engine: a
// transactional version changed nothing; elsewhere a rerun finishes it.
func TestFailedHint(t *testing.T) {
	for name, want := range map[string]string{
		"duckdb":     "the failed version changed nothing",
		"postgres":   "the failed version changed nothing",
		"clickhouse": "rerunning `mtx migrate reset` finishes it",
		"mysql":      "rerunning `mtx migrate reset` finishes it",
	} {
		d, err := all.Get(name)
		if err != nil {
			t.Fatal(err)
		}
		e := &env{Resolved: &project.Resolved{Dialect: d}}
		if got := failedHint(e, "reset"); !strings.Contains(got, want) {
			t.Errorf("%s: hint %q, want %q", name, got, want)
		}
	}
}

// TestInterrupted: a command stopped by Ctrl-C (its context cancelled)
// says so in one line and exits 130, not "context canceled".
func TestInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errb bytes.Buffer
	db := filepath.Join(t.TempDir(), "x.duckdb")
	code := execute(ctx, &redact.Redactor{}, []string{"migrate", "up", "--dialect", "duckdb", "--dsn", db}, &out, &errb)
	if code != 130 || strings.TrimSpace(errb.String()) != "mtx: interrupted" {
		t.Fatalf("exit %d, stderr %q; want 130 and one line mtx: interrupted", code, errb.String())
	}
}
