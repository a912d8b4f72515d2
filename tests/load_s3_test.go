package tests

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/dialects/enginetest"
	"gocloud.dev/blob"
	_ "gocloud.dev/blob/gcsblob"
	_ "gocloud.dev/blob/s3blob"
)

// s3Export uploads a generated export to a fresh bucket of the local
// S3-compatible server and returns its s3:// location.
func s3Export(t *testing.T, dir string) string {
	t.Helper()
	record("s3", t)
	endpoint := os.Getenv("MTX_TEST_S3_ENDPOINT")
	if endpoint == "" {
		if required("s3") {
			t.Fatal("s3 is required (MTX_REQUIRE_ENGINES) but MTX_TEST_S3_ENDPOINT is not set")
		}
		t.Skip("MTX_TEST_S3_ENDPOINT not set: run eval \"$(tests/engines/up s3)\" to start a local S3 server (moto)")
	}
	setProcessEnv(t, map[string]string{"AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test", "AWS_REGION": "us-east-1"})
	b := make([]byte, 4)
	rand.Read(b)
	name := "mtx-test-" + hex.EncodeToString(b)
	req, _ := http.NewRequest(http.MethodPut, endpoint+"/"+name, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("creating bucket %s: %v", name, err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("creating bucket %s: %s", name, resp.Status)
	}
	query := "?endpoint=" + endpoint + "&use_path_style=true&region=us-east-1"
	upload(t, "s3://"+name+query, dir)
	return "s3://" + name + "/exports/metronome" + query
}

// processEnvMu guards setProcessEnv.
var processEnvMu sync.Mutex

// setProcessEnv points this process's object-storage clients, and the mtx
// binaries it starts, at the local emulators, for the rest of the test
// binary. Not t.Setenv: engines' subtests run at the same time, and one
// subtest's end would restore the variables under another still using
// them. The values are the same for every test.
func setProcessEnv(t testing.TB, vars map[string]string) {
	t.Helper()
	processEnvMu.Lock()
	defer processEnvMu.Unlock()
	for k, v := range vars {
		if err := os.Setenv(k, v); err != nil {
			t.Fatalf("setting %s: %v", k, err)
		}
	}
}

// gcsExport uploads a generated export to a fresh bucket of the local GCS
// emulator and returns its gs:// location.
func gcsExport(t *testing.T, dir string) string {
	t.Helper()
	record("gcs", t)
	return gcsExportTB(t, dir)
}

// gcsExportTB is gcsExport for tests and benchmarks alike.
func gcsExportTB(t testing.TB, dir string) string {
	t.Helper()
	endpoint := os.Getenv("MTX_TEST_GCS_ENDPOINT")
	if endpoint == "" {
		if required("gcs") {
			t.Fatal("gcs is required (MTX_REQUIRE_ENGINES) but MTX_TEST_GCS_ENDPOINT is not set")
		}
		t.Skip("MTX_TEST_GCS_ENDPOINT not set: run eval \"$(tests/engines/up gcs)\" to start a local GCS emulator")
	}
	setProcessEnv(t, map[string]string{"STORAGE_EMULATOR_HOST": strings.TrimPrefix(endpoint, "http://")})
	b := make([]byte, 4)
	rand.Read(b)
	name := "mtx-test-" + hex.EncodeToString(b)
	resp, err := http.Post(endpoint+"/storage/v1/b?project=mtx", "application/json", strings.NewReader(`{"name": "`+name+`"}`))
	if err != nil {
		t.Fatalf("creating bucket %s: %v", name, err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("creating bucket %s: %s", name, resp.Status)
	}
	upload(t, "gs://"+name, dir)
	if root := os.Getenv(bqGCSRootEnv); root != "" {
		// The BigQuery emulator's load jobs read gs:// objects from disk.
		mirror := filepath.Join(root, name, "exports", "metronome")
		t.Cleanup(func() { os.RemoveAll(filepath.Join(root, name)) })
		if err := os.CopyFS(mirror, os.DirFS(dir)); err != nil {
			t.Fatalf("mirroring the export for the BigQuery emulator: %v", err)
		}
	}
	return "gs://" + name + "/exports/metronome"
}

// bqGCSRootEnv names the folder where the BigQuery emulator (bqemulator,
// BQEMU_GCS_LOCAL_ROOT) finds gs://bucket/key as bucket/key: the GCS
// emulator keeps objects in memory, so the tests mirror what they upload
// there (tests/engines/up sets both up).
const bqGCSRootEnv = "MTX_TEST_BIGQUERY_GCS_ROOT"

// bqGCSRoot skips (or, where BigQuery is required, fails) a test of BigQuery
// load jobs from gs:// when the emulator cannot read the test's objects.
func bqGCSRoot(t *testing.T, e engine) {
	t.Helper()
	if os.Getenv(bqGCSRootEnv) != "" {
		return
	}
	if required(e.name) {
		t.Fatalf("%s is required (MTX_REQUIRE_ENGINES) but %s is not set: its load jobs cannot read gs:// objects", e.name, bqGCSRootEnv)
	}
	t.Skipf("%s not set: run eval \"$(tests/engines/up bigquery gcs)\" (the BigQuery emulator's load jobs read gs:// objects from that folder)", bqGCSRootEnv)
}

// putGCS writes one object below a gs:// export location from gcsExport
// (and its mirror for the BigQuery emulator).
func putGCS(t *testing.T, loc, rel string, data []byte) {
	t.Helper()
	bucket, prefix, _ := strings.Cut(strings.TrimPrefix(loc, "gs://"), "/")
	b, err := blob.OpenBucket(context.Background(), "gs://"+bucket)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if err := b.WriteAll(context.Background(), prefix+"/"+rel, data, nil); err != nil {
		t.Fatal(err)
	}
	if root := os.Getenv(bqGCSRootEnv); root != "" {
		p := filepath.Join(root, bucket, filepath.FromSlash(prefix), filepath.FromSlash(rel))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// objectLoadable is what an engine says of reading the export at loc
// itself with no settings (an IAM role, a stage).
func objectLoadable(e engine, loc string) (bool, string) {
	ol, ok := e.d.(dialects.ObjectLoader)
	if !ok {
		return false, ""
	}
	if c, ok := ol.(dialects.ConnObjectLoader); ok {
		db, err := e.d.Open(e.dsn) // connects on first use only
		if err != nil {
			return false, err.Error()
		}
		defer db.Close()
		if ok, why := c.LoadsObjectsOn(db); !ok {
			return false, why
		}
	}
	u, _, _ := strings.Cut(loc, "?")
	return ol.ObjectLoadable(u+"/invoice/dt=2025-01-02/0_20250102000000.parquet", dialects.ObjectOptions{})
}

// upload copies dir's files below exports/metronome/ in the bucket.
func upload(t testing.TB, bucketURL, dir string) {
	ctx := context.Background()
	bucket, err := blob.OpenBucket(ctx, bucketURL)
	if err != nil {
		t.Fatal(err)
	}
	defer bucket.Close()
	err = filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return bucket.WriteAll(ctx, "exports/metronome/"+filepath.ToSlash(rel), data, nil)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestLoadFromS3 loads an export from an S3-compatible server (moto): the
// same rows as from a folder, selected tables only, --since honoured, and a
// rerun loads nothing.
func TestLoadFromS3(t *testing.T) { testLoadFromBucket(t, s3Export) }

// TestLoadFromGCS is the same from a GCS emulator (gs://).
func TestLoadFromGCS(t *testing.T) { testLoadFromBucket(t, gcsExport) }

func testLoadFromBucket(t *testing.T, put func(t *testing.T, dir string) string) {
	forEachEngine(t, func(t *testing.T, e engine) {
		bin := mtxBinary(t)
		s := newLoadSetup(t, e, loadTables)
		if e.embedded() {
			s.db.Close()
		}
		dir := t.TempDir()
		files := genExport(t, dir, s.history.Current(), loadTables, 2, 2, 100)
		os.WriteFile(filepath.Join(dir, "invoice", "stray.parquet"), []byte("x"), 0o644)
		loc := put(t, dir)
		if e.a.LoadJobs && strings.HasPrefix(loc, "gs://") {
			bqGCSRoot(t, e) // its load jobs read the files
		}
		run := func(args ...string) string {
			cmd := execMtx(t, bin, append([]string{"load", loc, "--dialect", e.name, "--dsn", e.dsn, "--schema", s.o.Schema}, args...)...)
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("mtx load %s: %v\n%s", strings.Join(args, " "), err, out)
			}
			if strings.Contains(string(out), "test") && strings.Contains(string(out), "AWS_SECRET") {
				t.Fatalf("credentials in output:\n%s", out)
			}
			return string(out)
		}
		out := run("--dry-run", "--tables", "invoice", "--since", "2025-01-02")
		if !strings.Contains(out, "2 would be loaded") || !strings.Contains(out, "invoice/dt=2025-01-02/0_20250102000000.parquet") || strings.Contains(out, "dt=2025-01-01") {
			t.Fatalf("dry run output:\n%s", out)
		}
		out = run("--tables", "invoice,line_item", "--since", "2025-01-02")
		if !strings.Contains(out, "loaded 4 files") || !strings.Contains(out, "ignored invoice/stray.parquet") {
			t.Fatalf("first load output:\n%s", out)
		}
		// Engines that read buckets themselves do so where they can, and say
		// why not where they cannot.
		_, objects := e.d.(dialects.ObjectLoader)
		if ok, why := objectLoadable(e, loc); ok && !strings.Contains(out, "4 of 4 files read by the engine") {
			t.Errorf("%s reads %s itself, but the summary does not say so:\n%s", e.name, loc, out)
		} else if objects && !ok && !(strings.Contains(out, "mtx streams the rows instead") && strings.Contains(out, why)) {
			t.Errorf("%s cannot read %s itself (%s), but mtx did not say so:\n%s", e.name, loc, why, out)
		}
		out = run()
		if !strings.Contains(out, "loaded 8 files, skipped 4 already loaded") {
			t.Fatalf("second load output:\n%s", out)
		}
		out = run()
		if !strings.Contains(out, "loaded 0 files, skipped 12 already loaded") {
			t.Fatalf("third load output:\n%s", out)
		}
		db := e.open(t)
		s.db = db
		if got, want := s.counts(t, loadTables), rowsPerTable(files); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("rows %v, want %v", got, want)
		}
	})
}

// TestLoadGCSWithoutCredentials: with no Google credentials, `mtx load
// gs://…` fails saying how to provide them, on standard error, and prints
// nothing on standard output (gocloud's own gs:// opener printed a warning
// there and went on unauthenticated).
func TestLoadGCSWithoutCredentials(t *testing.T) {
	bin := mtxBinary(t)
	// An embedded engine: a dry run on it needs no server.
	emb := enginetest.Find(func(a *enginetest.Adapter) bool { return a.Embedded != nil })[0]
	cmd := execMtx(t, bin, "load", "gs://mtx-no-such-bucket/exports", "--dry-run", "--dialect", emb.Name, "--dsn", emb.Embedded(t.TempDir()))
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "STORAGE_EMULATOR_HOST") && !strings.HasPrefix(kv, "GOOGLE_") && !strings.HasPrefix(kv, "CLOUDSDK_") && !strings.HasPrefix(kv, "HOME=") {
			env = append(env, kv)
		}
	}
	// A credentials file that does not exist: the lookup fails at once.
	cmd.Env = append(env, "HOME="+t.TempDir(), "GOOGLE_APPLICATION_CREDENTIALS="+filepath.Join(t.TempDir(), "none.json"))
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err == nil {
		t.Fatalf("mtx load without Google credentials succeeded:\n%s%s", stdout.String(), stderr.String())
	}
	if stdout.Len() != 0 {
		t.Errorf("standard output is not clean: %q", stdout.String())
	}
	if want := "no Google credentials for gs://mtx-no-such-bucket"; !strings.Contains(stderr.String(), want) {
		t.Errorf("standard error %q does not say %q", stderr.String(), want)
	}
}
