package tests

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/dialects/redshift"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/tests/sqlcheck"
	"gocloud.dev/blob"
)

var updateGolden = flag.Bool("update", false, "rewrite tests/testdata golden files")

// TestRedshiftParquetCopySQL renders the statements Redshift's object
// loads run (temporary scratch table, COPY … FORMAT AS PARQUET, INSERT …
// SELECT with casts and provenance constants, DROP) against a golden file,
// and parse-validates them with sqlglot: without a cluster, this is what
// the SQL gets.
func TestRedshiftParquetCopySQL(t *testing.T) {
	d := redshift.Dialect{}
	at := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	loaded := time.Date(2025, 1, 3, 0, 0, 0, 123456000, time.UTC)
	tbl := dialects.LoadTable{Schema: "metronome", Table: "invoice", Columns: []dialects.LoadColumn{
		{Name: "id", Type: catalog.String, Source: "id"},
		{Name: "total", Type: catalog.Decimal, Source: "total"},
		{Name: "subtotal", Type: catalog.Decimal, Source: "subtotal"},
		{Name: "custom_fields", Type: catalog.JSON, Source: "custom_fields"},
		{Name: "issued_at", Type: catalog.Timestamp, Source: "issued_at"},
		{Name: "quantity", Type: catalog.Integer, Source: "quantity"},
		{Name: "billing_provider_type", Type: catalog.String},
		{Name: catalog.SourceFileColumn, Type: catalog.String, Const: "invoice/dt=2025-01-02/0_20250102030405.parquet"},
		{Name: catalog.TransferredAtColumn, Type: catalog.Timestamp, Const: at},
		{Name: catalog.LoadedAtColumn, Type: catalog.Timestamp, Const: loaded},
	}}
	f := dialects.ObjectFile{
		URL:  "s3://acme-metronome/export/invoice/dt=2025-01-02/0_20250102030405.parquet",
		Root: "s3://acme-metronome/export/",
		Consts: map[string]any{
			catalog.SourceFileColumn:    "invoice/dt=2025-01-02/0_20250102030405.parquet",
			catalog.TransferredAtColumn: at,
			catalog.LoadedAtColumn:      loaded,
		},
		Columns: []dialects.ObjectColumn{
			{Name: "id", Type: catalog.String},
			{Name: "total", Type: catalog.Decimal, Precision: 38, Scale: 9},
			{Name: "brand_new_col", Type: catalog.String}, // unknown to mtx: still a scratch column
			{Name: "subtotal", Type: catalog.String},      // a decimal written as text
			{Name: "custom_fields", Type: catalog.String},
			{Name: "line_items", Type: ""}, // nested
			{Name: "issued_at", Type: catalog.Timestamp},
			{Name: "quantity", Type: catalog.Float},
		},
	}
	o := dialects.ObjectOptions{IAMRole: "arn:aws:iam::123456789012:role/mtx-load"}
	sts, err := d.ParquetCopySQL(tbl, f, "mtx_scratch_0123456789abcdef", o, map[string][2]int{"total": {38, 9}, "subtotal": {38, 9}})
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(sts, ";\n") + ";\n"
	golden := filepath.Join("testdata", "redshift_copy_parquet.sql")
	if *updateGolden {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("rendered SQL differs from %s (-update rewrites it):\n%s", golden, got)
	}

	for _, tc := range []struct {
		url  string
		o    dialects.ObjectOptions
		ok   bool
		want string
	}{
		{f.URL, o, true, ""},
		{f.URL, dialects.ObjectOptions{}, false, "--iam-role"},
		{"gs://b/k.parquet", o, false, "only s3://"},
		{f.URL, dialects.ObjectOptions{IAMRole: o.IAMRole, Region: "eu-west-1"}, false, "another region"},
	} {
		ok, why := d.ObjectLoadable(tc.url, tc.o)
		if ok != tc.ok || !strings.Contains(why, tc.want) {
			t.Errorf("ObjectLoadable(%s, %+v) = %v, %q; want %v, %q", tc.url, tc.o, ok, why, tc.ok, tc.want)
		}
	}

	record(parseMatrixName(d.Name()), t)
	needSQLGlot(t, parseMatrixName(d.Name()))
	var check []sqlcheck.Statement
	for i, s := range sts {
		check = append(check, sqlcheck.Statement{Source: fmt.Sprintf("statement %d", i+1), SQL: s})
	}
	failures, version, err := sqlcheck.Validate(d.Name(), check)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range failures {
		t.Errorf("sqlglot %s rejects: %s", version, f)
	}
}

// TestLoadRedshiftCopy loads an s3:// export on a real Redshift cluster
// through COPY … FORMAT AS PARQUET: every file read by the engine, the
// rows counted, a rerun loads nothing. It needs a cluster, a bucket the
// test may write to (AWS credentials from the environment) and a role
// the cluster can assume to read it.
func TestLoadRedshiftCopy(t *testing.T) {
	d := redshift.Dialect{}
	record(d.Name(), t)
	dsn, loc, role := os.Getenv("MTX_TEST_REDSHIFT_DSN"), os.Getenv("MTX_TEST_REDSHIFT_S3"), os.Getenv("MTX_TEST_REDSHIFT_IAM_ROLE")
	if dsn == "" || loc == "" || role == "" {
		msg := "set MTX_TEST_REDSHIFT_DSN (postgres://user:pass@cluster:5439/db), MTX_TEST_REDSHIFT_S3 (s3://bucket/prefix the test may write to, in the cluster's region; AWS credentials from the environment) and MTX_TEST_REDSHIFT_IAM_ROLE (a role ARN the cluster can assume to read it)"
		if required(d.Name()) {
			t.Fatal(d.Name() + " is required (MTX_REQUIRE_ENGINES): " + msg)
		}
		t.Skip(msg)
	}
	e := engine{name: d.Name(), a: adapterOf(d.Name()), d: d, dsn: dsn}
	bin := mtxBinary(t)
	tables := []string{"invoice", "line_item"}
	s := newLoadSetup(t, e, tables)
	dir := t.TempDir()
	files := genExport(t, dir, s.history.Current(), tables, 1, 2, 200)
	b := make([]byte, 4)
	rand.Read(b)
	bucket, prefix, _ := strings.Cut(strings.TrimPrefix(loc, "s3://"), "/")
	prefix = strings.Trim(prefix, "/") + "/mtx-test-" + hex.EncodeToString(b)
	ctx := context.Background()
	bk, err := blob.OpenBucket(ctx, "s3://"+bucket)
	if err != nil {
		t.Fatal(err)
	}
	defer bk.Close()
	t.Cleanup(func() {
		it := bk.List(&blob.ListOptions{Prefix: prefix + "/"})
		for {
			o, err := it.Next(ctx)
			if err != nil {
				break
			}
			bk.Delete(ctx, o.Key)
		}
	})
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		data, _ := os.ReadFile(p)
		if err := bk.WriteAll(ctx, prefix+"/"+filepath.ToSlash(rel), data, nil); err != nil {
			t.Fatal(err)
		}
		return nil
	})
	src := "s3://" + bucket + "/" + prefix
	run := func() string {
		out, err := execMtx(t, bin, "load", src, "--dialect", d.Name(), "--dsn", dsn, "--schema", s.o.Schema, "--iam-role", role).CombinedOutput()
		if err != nil {
			t.Fatalf("mtx load: %v\n%s", err, out)
		}
		if strings.Contains(string(out), dsn) {
			t.Fatal("the DSN (with its password) is in the output")
		}
		return string(out)
	}
	out := run()
	if !strings.Contains(out, fmt.Sprintf("%d of %d files read by the engine", len(files), len(files))) {
		t.Fatalf("not every file was COPYed by Redshift:\n%s", out)
	}
	if got, want := s.counts(t, tables), rowsPerTable(files); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("rows %v, want %v", got, want)
	}
	s.checkValues(t, files[0])
	if out := run(); !strings.Contains(out, fmt.Sprintf("loaded 0 files, skipped %d", len(files))) {
		t.Fatalf("rerun:\n%s", out)
	}
}
