package export

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"gocloud.dev/blob/fileblob"
)

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		rel, table, part, stamp, date, err string
	}{
		{rel: "invoice/dt=2025-01-02/0_20250102030405.parquet", table: "invoice", part: "0", stamp: "2025-01-02T03:04:05Z", date: "2025-01-02"},
		{rel: "line_item/dt=2024-12-31/part-0001_abc_20241231235959.parquet", table: "line_item", part: "part-0001_abc", stamp: "2024-12-31T23:59:59Z", date: "2024-12-31"},
		{rel: "invoice/0_20250102030405.parquet", err: "not <table>/dt="},
		{rel: "invoice/date=2025-01-02/0_20250102030405.parquet", err: `folder "date=2025-01-02"`},
		{rel: "invoice/dt=2025-13-02/0_20250102030405.parquet", err: "month out of range"},
		{rel: "invoice/dt=2025-01-02/0_2025010203040.parquet", err: "is not <part>_<YYYYMMDDHHmmss>.parquet"},
		{rel: "invoice/dt=2025-01-02/0_20250102030405.csv", err: "is not <part>_"},
		{rel: "invoice/dt=2025-01-02/0_20251302030405.parquet", err: "bad transfer timestamp"},
		{rel: "invoice/dt=2025-01-02/x/0_20250102030405.parquet", err: "not <table>/dt="},
	} {
		f, err := Parse(tc.rel)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%s: error %v, want one containing %q", tc.rel, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tc.rel, err)
			continue
		}
		if f.Table != tc.table || f.Part != tc.part || f.TransferredAt.Format(time.RFC3339) != tc.stamp || f.Date.Format("2006-01-02") != tc.date {
			t.Errorf("%s: got %+v", tc.rel, f)
		}
	}
}

func TestDiscoverLocalFolder(t *testing.T) {
	dir := t.TempDir()
	for _, rel := range []string{
		"invoice/dt=2025-01-02/1_20250102000000.parquet",
		"invoice/dt=2025-01-01/0_20250101120000.parquet",
		"invoice/dt=2025-01-01/0_20250101000000.parquet",
		"customer/dt=2025-01-01/0_20250101000000.parquet",
		"invoice/notes.txt",
		"payment/dt=2025-01-01/0_20250101000000.parquet",
	} {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("data"), 0o644)
	}
	src, err := Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	files, skipped, err := src.Discover(context.Background(), Filter{
		Tables: func(t string) bool { return t != "payment" },
		Since:  time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC),
	})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range files {
		got = append(got, f.Path)
	}
	want := "customer/dt=2025-01-01/0_20250101000000.parquet invoice/dt=2025-01-01/0_20250101000000.parquet invoice/dt=2025-01-01/0_20250101120000.parquet invoice/dt=2025-01-02/1_20250102000000.parquet"
	if strings.Join(got, " ") != want {
		t.Errorf("files %v, want %s (by table, then transfer time)", got, want)
	}
	if len(skipped) != 1 || skipped[0].Key != "invoice/notes.txt" {
		t.Errorf("skipped %v, want invoice/notes.txt", skipped)
	}
	files, _, _ = src.Discover(context.Background(), Filter{Since: time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC)})
	if len(files) != 1 {
		t.Errorf("--since 2025-01-02 kept %d files, want 1", len(files))
	}
	r, err := src.Open(context.Background(), files[0])
	if err != nil {
		t.Fatal(err)
	}
	r.Close()
}

func TestOpenErrors(t *testing.T) {
	for loc, want := range map[string]string{
		"":                   "no export location",
		"s3:///folder":       "no bucket name",
		"ftp://host/folder":  "unsupported scheme",
		"/does/not/exist/42": "export folder /does/not/exist/42",
	} {
		_, err := Open(context.Background(), loc)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Open(%q) = %v, want an error containing %q", loc, err, want)
		}
	}
}

// TestOpenRanged reads a remote-style source (a bucket without a local
// folder) with ranged reads: every offset gives the file's bytes, reads
// past the end give io.EOF, and the object URL carries no query.
func TestOpenRanged(t *testing.T) {
	dir := t.TempDir()
	data := make([]byte, 200<<10)
	for i := range data {
		data[i] = byte(i * 7)
	}
	key := "exports/invoice/dt=2025-01-02/0_20250102030405.parquet"
	if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(key)), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, key), data, 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := fileblob.OpenBucket(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	s := &Source{URL: "gs://b/exports/", bucket: b, prefix: "exports/", scheme: "gs", host: "b"}
	defer s.Close()
	f := File{Key: key, Path: "invoice/dt=2025-01-02/0_20250102030405.parquet", Size: int64(len(data))}
	if got := s.ObjectURL(f); got != "gs://b/"+key || !s.Remote() {
		t.Fatalf("ObjectURL = %s, Remote = %v", got, s.Remote())
	}
	ra, err := s.OpenRanged(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	defer ra.Close()
	for _, tc := range []struct {
		off, n int
		eof    bool
	}{
		{len(data) - 8, 8, false}, // the parquet magic and footer length
		{len(data) - 5000, 4992, false},
		{0, 4, false},
		{100 << 10, 1000, false},
		{len(data) - 70<<10, 10 << 10, false}, // across the cached tail's start
		{len(data) - 4, 10, true},
		{len(data), 1, true},
	} {
		p := make([]byte, tc.n)
		n, err := ra.ReadAt(p, int64(tc.off))
		want := data[min(tc.off, len(data)):min(tc.off+tc.n, len(data))]
		if string(p[:n]) != string(want) {
			t.Errorf("ReadAt(%d, %d) returned other bytes (%d read)", tc.off, tc.n, n)
		}
		if (err == io.EOF) != tc.eof || (err != nil && err != io.EOF) {
			t.Errorf("ReadAt(%d, %d): error %v, want EOF %v", tc.off, tc.n, err, tc.eof)
		}
	}
}

// TestDiscoverHostileFolders: links are followed (a linked file counts
// with its target's size), and every folder or file mtx cannot use is an
// error naming it — never a silent "0 files".
func TestDiscoverHostileFolders(t *testing.T) {
	const rel = "invoice/dt=2025-01-02/0_20250102030405.parquet"
	data := []byte("twelve bytes")
	// real writes rel under a folder outside the export.
	real := func(t *testing.T) string {
		d := t.TempDir()
		p := filepath.Join(d, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return d
	}
	link := func(t *testing.T, target, name string) {
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(target, name); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name string
		// build returns the root to open.
		build func(t *testing.T) string
		err   string // "" = rel is found with len(data) bytes
	}{
		{"linked root", func(t *testing.T) string {
			root := filepath.Join(t.TempDir(), "export")
			link(t, real(t), root)
			return root
		}, ""},
		{"linked table folder", func(t *testing.T) string {
			root := t.TempDir()
			link(t, filepath.Join(real(t), "invoice"), filepath.Join(root, "invoice"))
			return root
		}, ""},
		{"linked dt folder", func(t *testing.T) string {
			root := t.TempDir()
			link(t, filepath.Join(real(t), "invoice", "dt=2025-01-02"), filepath.Join(root, "invoice", "dt=2025-01-02"))
			return root
		}, ""},
		{"linked file", func(t *testing.T) string {
			root := t.TempDir()
			link(t, filepath.Join(real(t), filepath.FromSlash(rel)), filepath.Join(root, filepath.FromSlash(rel)))
			return root
		}, ""},
		{"link loop", func(t *testing.T) string {
			root := real(t)
			link(t, filepath.Join(root, "invoice"), filepath.Join(root, "invoice", "dt=2025-01-02", "again"))
			return root
		}, "invoice/dt=2025-01-02/again is a symbolic link back to a folder above it"},
		{"dangling link", func(t *testing.T) string {
			root := real(t)
			link(t, filepath.Join(root, "nowhere"), filepath.Join(root, "invoice", "dt=2025-01-03"))
			return root
		}, "invoice/dt=2025-01-03 is a symbolic link to nothing readable"},
		{"named pipe", func(t *testing.T) string {
			root := real(t)
			if err := syscall.Mkfifo(filepath.Join(root, "invoice", "dt=2025-01-02", "1_20250102030405.parquet"), 0o644); err != nil {
				t.Skipf("no named pipes here: %v", err)
			}
			return root
		}, "invoice/dt=2025-01-02/1_20250102030405.parquet is not a regular file (a named pipe)"},
		{"unreadable folder", func(t *testing.T) string {
			if os.Geteuid() == 0 {
				t.Skip("root reads every folder; run the tests as another user to cover an unreadable one")
			}
			root := real(t)
			dir := filepath.Join(root, "invoice", "dt=2025-01-02")
			os.Chmod(dir, 0)
			t.Cleanup(func() { os.Chmod(dir, 0o755) })
			return root
		}, "cannot read invoice/dt=2025-01-02: permission denied"},
		{"no layout", func(t *testing.T) string {
			root := t.TempDir()
			os.WriteFile(filepath.Join(root, "README.txt"), data, 0o644)
			os.MkdirAll(filepath.Join(root, "invoice", "latest"), 0o755)
			os.WriteFile(filepath.Join(root, "invoice", "latest", "0_20250102030405.parquet"), data, 0o644)
			return root
		}, "holds no export layout"},
		{"empty root", func(t *testing.T) string { return t.TempDir() }, "holds no export layout"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			src, err := Open(ctx, tc.build(t))
			if err != nil {
				t.Fatal(err)
			}
			defer src.Close()
			files, _, err := src.Discover(ctx, Filter{})
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want one containing %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(files) != 1 || files[0].Path != rel || files[0].Size != int64(len(data)) {
				t.Fatalf("found %+v, want %s of %d bytes", files, rel, len(data))
			}
			r, err := src.Open(ctx, files[0])
			if err != nil {
				t.Fatal(err)
			}
			r.Close()
		})
	}
}

// TestOpenRefusesAPipe: a file replaced by a named pipe after it was
// listed fails to open at once instead of blocking the load.
func TestOpenRefusesAPipe(t *testing.T) {
	root := t.TempDir()
	rel := "invoice/dt=2025-01-02/0_20250102030405.parquet"
	p := filepath.Join(root, filepath.FromSlash(rel))
	os.MkdirAll(filepath.Dir(p), 0o755)
	os.WriteFile(p, []byte("x"), 0o644)
	src, err := Open(context.Background(), root)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	files, _, err := src.Discover(context.Background(), Filter{})
	if err != nil || len(files) != 1 {
		t.Fatalf("%v, %v", files, err)
	}
	os.Remove(p)
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	done := make(chan error, 1)
	go func() {
		r, err := src.Open(context.Background(), files[0])
		if err == nil {
			r.Close()
		}
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "not a regular file") {
			t.Fatalf("Open = %v, want an error saying it is not a regular file", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Open blocked on a named pipe")
	}
}
