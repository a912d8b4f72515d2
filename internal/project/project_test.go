package project

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/dialects/all"
)

func TestLoadSettings(t *testing.T) {
	const role = "arn:aws:iam::123456789012:role/mtx-load"
	for _, tc := range []struct {
		name, yaml, target string
		env                map[string]string
		want               LoadSettings
		err                string
	}{
		{name: "project wide", yaml: "load: {stage: \"@mtx_export\", stream: true}\ntargets:\n  a: {dialect: duckdb}\n", target: "a",
			want: LoadSettings{Stage: "@mtx_export", Stream: true}},
		{name: "target wins field by field", yaml: "load: {stage: \"@s\", region: us-east-1}\ntargets:\n  rs: {dialect: redshift, load: {iam_role: \"" + role + "\", region: eu-west-1}}\n", target: "rs",
			want: LoadSettings{Stage: "@s", IAMRole: role, Region: "eu-west-1"}},
		{name: "env in a target", yaml: "targets:\n  rs: {dialect: redshift, load: {iam_role: \"${MTX_TEST_ROLE}\"}}\n", target: "rs",
			env: map[string]string{"MTX_TEST_ROLE": role}, want: LoadSettings{IAMRole: role}},
		{name: "env with a bad value", yaml: "targets:\n  rs: {dialect: redshift, load: {iam_role: \"${MTX_TEST_ROLE}\"}}\n", target: "rs",
			env: map[string]string{"MTX_TEST_ROLE": "mtx-load"}, err: `target rs: load: iam_role "mtx-load" is not an IAM role ARN`},
		{name: "qualified stage", yaml: "load: {stage: \"@db.sch.\\\"My Stage\\\"/sub\"}\n", want: LoadSettings{Stage: `@db.sch."My Stage"/sub`}},
		{name: "typo", yaml: "load: {iam_rol: x}\n", err: "iam_rol"},
		{name: "stage without @", yaml: "load: {stage: mtx_export}\n", err: `load: stage "mtx_export" is not a Snowflake stage name`},
		{name: "stage with a quote", yaml: "load: {stage: \"@x'; drop\"}\n", err: "is not a Snowflake stage name"},
		{name: "role chain", yaml: "load: {iam_role: \"" + role + "," + role + "\"}\n", want: LoadSettings{IAMRole: role + "," + role}},
		{name: "bad region", yaml: "targets:\n  a: {dialect: duckdb, load: {region: Frankfurt}}\n", err: `target a: load: region "Frankfurt" is not an AWS region`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for k, v := range tc.env {
				t.Setenv(k, v)
			}
			path := filepath.Join(t.TempDir(), FileName)
			if err := os.WriteFile(path, []byte(tc.yaml), 0o644); err != nil {
				t.Fatal(err)
			}
			p, err := Load(path)
			var r *Resolved
			if err == nil {
				f := Flags{Target: tc.target}
				if tc.target == "" {
					f.Dialect = "duckdb"
				}
				r, err = Resolve(p, f, func(n string) (dialects.Dialect, error) { return all.Get(n) })
			}
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want one containing %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if r.Load != tc.want {
				t.Errorf("load settings %+v, want %+v", r.Load, tc.want)
			}
		})
	}
}

func TestSourceSchema(t *testing.T) {
	for _, tc := range []struct {
		name, yaml string
		flags      Flags
		env        map[string]string
		want       string
		err        string
	}{
		{name: "unset", yaml: "targets:\n  a: {dialect: duckdb}\n", flags: Flags{Target: "a"}, want: ""},
		{name: "project wide", yaml: "source_schema: delivered\ntargets:\n  a: {dialect: duckdb}\n", flags: Flags{Target: "a"}, want: "delivered"},
		{name: "target wins", yaml: "source_schema: delivered\ntargets:\n  a: {dialect: duckdb, source_schema: other}\n", flags: Flags{Target: "a"}, want: "other"},
		{name: "flag wins", yaml: "source_schema: delivered\ntargets:\n  a: {dialect: duckdb, source_schema: other}\n", flags: Flags{Target: "a", SourceSchema: "flagged"}, want: "flagged"},
		{name: "env in a target", yaml: "targets:\n  a: {dialect: duckdb, source_schema: \"${MTX_TEST_SOURCE}\"}\n", flags: Flags{Target: "a"},
			env: map[string]string{"MTX_TEST_SOURCE": "from_env"}, want: "from_env"},
		{name: "invalid", yaml: "source_schema: \"x; drop\"\ntargets:\n  a: {dialect: duckdb}\n", flags: Flags{Target: "a"}, err: `source_schema "x; drop" is not a valid identifier`},
		{name: "invalid flag", yaml: "targets:\n  a: {dialect: duckdb}\n", flags: Flags{Target: "a", SourceSchema: "Bad-Name"}, err: `source_schema "Bad-Name" is not a valid identifier`},
		{name: "typo", yaml: "source_shema: x\n", err: "source_shema"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for k, v := range tc.env {
				t.Setenv(k, v)
			}
			path := filepath.Join(t.TempDir(), FileName)
			if err := os.WriteFile(path, []byte(tc.yaml), 0o644); err != nil {
				t.Fatal(err)
			}
			p, err := Load(path)
			var r *Resolved
			if err == nil {
				r, err = Resolve(p, tc.flags, func(n string) (dialects.Dialect, error) { return all.Get(n) })
			}
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want one containing %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if r.SourceSchema != tc.want {
				t.Errorf("source schema %q, want %q", r.SourceSchema, tc.want)
			}
		})
	}
}

// TestFileDSNNextToProject: a relative DuckDB path in project.yaml is
// resolved next to project.yaml (as models/ is), one given with --dsn
// stays relative to the current directory, absolute paths and in-memory
// databases are left alone.
func TestFileDSNNextToProject(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "proj")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		dsn, flag, want string
	}{
		{dsn: "mtx.duckdb", want: filepath.Join(dir, "mtx.duckdb")},
		{dsn: "data/mtx.duckdb?threads=2", want: filepath.Join(dir, "data", "mtx.duckdb") + "?threads=2"},
		{dsn: "/abs/mtx.duckdb", want: "/abs/mtx.duckdb"},
		{dsn: ":memory:", want: ":memory:"},
		{dsn: "mtx.duckdb", flag: "here.duckdb", want: "here.duckdb"},
	} {
		path := filepath.Join(dir, FileName)
		yaml := "default_target: local\ntargets:\n  local: {dialect: duckdb, dsn: \"" + tc.dsn + "\"}\n"
		if err := os.WriteFile(path, []byte(yaml), 0o644); err != nil {
			t.Fatal(err)
		}
		p, err := Load(path)
		if err != nil {
			t.Fatal(err)
		}
		r, err := Resolve(p, Flags{DSN: tc.flag}, func(n string) (dialects.Dialect, error) { return all.Get(n) })
		if err != nil {
			t.Fatal(err)
		}
		if r.DSN != tc.want {
			t.Errorf("dsn %q (--dsn %q) resolved to %q, want %q", tc.dsn, tc.flag, r.DSN, tc.want)
		}
	}
}
