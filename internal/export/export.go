// Package export finds the files of Metronome's object-storage export:
// <bucket>/<folder>/<table>/dt=<YYYY-MM-DD>/<part>_<YYYYMMDDHHmmss>.parquet,
// in a local folder, on S3 (s3://) or on Google Cloud Storage (gs://). It only
// lists and opens files; what is in them is the loader's business.
package export

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"syscall"
	"time"

	"gocloud.dev/blob"
	"gocloud.dev/blob/fileblob"
	_ "gocloud.dev/blob/gcsblob" // gs:// with Google's default credential chain (gcs.go)
	_ "gocloud.dev/blob/s3blob"  // s3:// with AWS's default credential chain
	"gocloud.dev/gcerrors"
)

// File is one export file, with what its path says about it.
type File struct {
	// Key is the object key, relative to the bucket.
	Key string
	// Path is the path relative to the export folder:
	// <table>/dt=<date>/<part>_<stamp>.parquet. The manifest records it, so a
	// moved or re-mounted export keeps its load history.
	Path  string
	Table string
	// Date is the dt= partition (UTC midnight).
	Date time.Time
	Part string
	// TransferredAt is the transfer timestamp from the file name (UTC).
	TransferredAt time.Time
	Size          int64
	// ETag is the object's MD5 (hex) when the store gives one, else its
	// modification time; recorded in the manifest for audits.
	ETag string
}

// Skipped is a file that does not match the export layout.
type Skipped struct {
	Key    string
	Reason string
}

// Source is an opened export location.
type Source struct {
	// URL is what the user gave, for messages (it never holds credentials:
	// those come from the environment's credential chains).
	URL    string
	bucket *blob.Bucket
	prefix string // folder inside the bucket, "" or ending in "/"
	// local is the folder on disk when the export is a local folder, so
	// files can be read in place.
	local string
	// scheme and host are the bucket's (s3, gs) for a remote export.
	scheme, host string
}

// Open opens a local folder, s3://bucket/folder or gs://bucket/folder.
// Query parameters of a URL go to the gocloud driver (e.g.
// s3://b/f?endpoint=http://127.0.0.1:9000&use_path_style=true&region=us-east-1).
func Open(ctx context.Context, location string) (*Source, error) {
	if location == "" {
		return nil, errors.New("no export location given")
	}
	if u, err := url.Parse(location); err == nil && (u.Scheme == "s3" || u.Scheme == "gs") {
		if u.Host == "" {
			return nil, fmt.Errorf("export %s: no bucket name", location)
		}
		prefix := strings.Trim(u.Path, "/")
		if prefix != "" {
			prefix += "/"
		}
		burl := u.Scheme + "://" + u.Host
		if u.RawQuery != "" {
			burl += "?" + u.RawQuery
		}
		var b *blob.Bucket
		if u.Scheme == "gs" {
			bu, _ := url.Parse(burl)
			b, err = openGCS(ctx, bu)
		} else {
			b, err = blob.OpenBucket(ctx, burl)
		}
		if err != nil {
			return nil, fmt.Errorf("opening export %s://%s: %w", u.Scheme, u.Host, err)
		}
		return &Source{URL: u.Scheme + "://" + u.Host + "/" + prefix, bucket: b, prefix: prefix, scheme: u.Scheme, host: u.Host}, nil
	}
	if strings.Contains(location, "://") {
		return nil, fmt.Errorf("export %s: unsupported scheme (use a local folder, s3:// or gs://)", location)
	}
	abs, err := filepath.Abs(location)
	if err != nil {
		return nil, err
	}
	st, err := os.Stat(abs)
	if err != nil {
		return nil, fmt.Errorf("export folder %s: %w", location, err)
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("export folder %s is not a folder", location)
	}
	b, err := fileblob.OpenBucket(abs, &fileblob.Options{NoTempDir: true})
	if err != nil {
		return nil, fmt.Errorf("opening export folder %s: %w", location, err)
	}
	return &Source{URL: location, bucket: b, local: abs}, nil
}

// Remote reports whether the export is in object storage (s3://, gs://)
// rather than a local folder.
func (s *Source) Remote() bool { return s.local == "" }

// ObjectURL is a remote file's full object URL (gs://bucket/folder/table/...),
// without the query parameters of the location (endpoints are mtx's own
// client settings, never an engine's); "" for a local export.
func (s *Source) ObjectURL(f File) string {
	if s.local != "" {
		return ""
	}
	return s.scheme + "://" + s.host + "/" + f.Key
}

// Close releases the bucket.
func (s *Source) Close() error { return s.bucket.Close() }

var (
	dateDir  = regexp.MustCompile(`^dt=(\d{4}-\d{2}-\d{2})$`)
	fileName = regexp.MustCompile(`^(.+)_(\d{14})\.parquet$`)
)

// Parse reads table, date, part and transfer timestamp from a path relative
// to the export folder, or says why it does not match the layout.
func Parse(rel string) (File, error) {
	parts := strings.Split(rel, "/")
	if len(parts) != 3 {
		return File{}, errors.New("not <table>/dt=<YYYY-MM-DD>/<part>_<YYYYMMDDHHmmss>.parquet")
	}
	m := dateDir.FindStringSubmatch(parts[1])
	if m == nil {
		return File{}, fmt.Errorf("folder %q is not dt=<YYYY-MM-DD>", parts[1])
	}
	day, err := time.Parse("2006-01-02", m[1])
	if err != nil {
		return File{}, fmt.Errorf("folder %q: %v", parts[1], err)
	}
	f := fileName.FindStringSubmatch(parts[2])
	if f == nil {
		return File{}, fmt.Errorf("file name %q is not <part>_<YYYYMMDDHHmmss>.parquet", parts[2])
	}
	stamp, err := time.Parse("20060102150405", f[2])
	if err != nil {
		return File{}, fmt.Errorf("file name %q: bad transfer timestamp: %v", parts[2], err)
	}
	return File{Path: rel, Table: parts[0], Date: day, Part: f[1], TransferredAt: stamp.UTC()}, nil
}

// Filter chooses what Discover returns.
type Filter struct {
	// Tables selects tables; nil means every table found.
	Tables func(table string) bool
	// Since keeps files whose dt= partition is on or after it (zero: all).
	Since time.Time
}

// Discover lists the export files of the selected tables, ordered by
// table, transfer timestamp and path, and the files it ignored because they
// do not match the layout. Files of unselected tables and before Since are
// neither returned nor reported.
func (s *Source) Discover(ctx context.Context, f Filter) ([]File, []Skipped, error) {
	var files []File
	var skipped []Skipped
	layout := false
	visit := func(obj object) {
		rel := strings.TrimPrefix(obj.key, s.prefix)
		table, rest, _ := strings.Cut(rel, "/")
		if dir, _, ok := strings.Cut(rest, "/"); ok && table != "" && dateDir.MatchString(dir) {
			layout = true
		}
		if f.Tables != nil && strings.Contains(rel, "/") && !f.Tables(table) {
			return
		}
		file, perr := Parse(rel)
		if perr != nil {
			skipped = append(skipped, Skipped{Key: rel, Reason: perr.Error()})
			return
		}
		if !f.Since.IsZero() && file.Date.Before(f.Since) {
			return
		}
		file.Key = obj.key
		file.Size = obj.size
		file.ETag = obj.etag
		files = append(files, file)
	}
	var err error
	if s.local != "" {
		err = s.walkLocal(ctx, visit)
	} else {
		err = s.listBucket(ctx, visit)
	}
	if err != nil {
		return nil, nil, err
	}
	if !layout {
		return nil, nil, fmt.Errorf("export %s holds no export layout (no file in a <table>/dt=<YYYY-MM-DD>/ folder): is it the export's root folder?", s.URL)
	}
	sort.Slice(files, func(i, j int) bool {
		a, b := files[i], files[j]
		if a.Table != b.Table {
			return a.Table < b.Table
		}
		if !a.TransferredAt.Equal(b.TransferredAt) {
			return a.TransferredAt.Before(b.TransferredAt)
		}
		return a.Path < b.Path
	})
	return files, skipped, nil
}

// object is one listed file: its key, size and ETag.
type object struct {
	key  string
	size int64
	etag string
}

// listBucket lists the objects under the export's prefix.
func (s *Source) listBucket(ctx context.Context, visit func(object)) error {
	it := s.bucket.List(&blob.ListOptions{Prefix: s.prefix})
	for {
		obj, err := it.Next(ctx)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("listing export %s: %w", s.URL, err)
		}
		if obj.IsDir {
			continue
		}
		o := object{key: obj.Key, size: obj.Size}
		if len(obj.MD5) > 0 {
			o.etag = fmt.Sprintf("%x", obj.MD5)
		} else {
			o.etag = obj.ModTime.UTC().Format(time.RFC3339Nano)
		}
		visit(o)
	}
}

// walkLocal lists a local export folder. Unlike a bucket listing it
// follows symbolic links (to folders and to files: a file's size is its
// target's), refuses a link that leads back into a folder it is in, and
// fails on anything it cannot read or that is not a regular file (a named
// pipe would block the load forever): nothing is skipped without a word.
func (s *Source) walkLocal(ctx context.Context, visit func(object)) error {
	var walk func(dir, rel string, parents []os.FileInfo) error
	walk = func(dir, rel string, parents []os.FileInfo) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		entries, err := os.ReadDir(dir)
		if err != nil {
			return fmt.Errorf("export folder %s: cannot read %s: %w", s.URL, shown(rel), cause(err))
		}
		for _, e := range entries {
			p := filepath.Join(dir, e.Name())
			r := path.Join(rel, e.Name())
			st, err := os.Stat(p) // follows symbolic links
			if err != nil {
				if e.Type()&fs.ModeSymlink != 0 {
					return fmt.Errorf("export folder %s: %s is a symbolic link to nothing readable: %w", s.URL, r, cause(err))
				}
				return fmt.Errorf("export folder %s: cannot read %s: %w", s.URL, r, cause(err))
			}
			switch {
			case st.IsDir():
				for _, a := range parents {
					if os.SameFile(a, st) {
						return fmt.Errorf("export folder %s: %s is a symbolic link back to a folder above it (a loop)", s.URL, r)
					}
				}
				if err := walk(p, r, append(parents, st)); err != nil {
					return err
				}
			case st.Mode().IsRegular():
				visit(object{key: r, size: st.Size(), etag: st.ModTime().UTC().Format(time.RFC3339Nano)})
			default:
				return fmt.Errorf("export folder %s: %s is not a regular file (%s); mtx reads only files and folders", s.URL, r, fileKind(st.Mode()))
			}
		}
		return nil
	}
	root, err := os.Stat(s.local)
	if err != nil {
		return fmt.Errorf("export folder %s: %w", s.URL, err)
	}
	return walk(s.local, "", []os.FileInfo{root})
}

// cause drops the absolute path an os error repeats.
func cause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// shown names a folder relative to the export root for messages.
func shown(rel string) string {
	if rel == "" {
		return "the folder itself"
	}
	return rel
}

// fileKind names a file type that is not a regular file or a folder.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "mode " + m.Type().String()
}

// ReaderAt is an opened export file that parquet can read at random.
type ReaderAt interface {
	io.ReaderAt
	io.Closer
	// Name is a file on local disk holding the object (engines that read
	// parquet themselves, like DuckDB, read it there).
	Name() string
}

// Open opens one export file for random access: in place for a local
// folder; otherwise streamed to a temporary file first (never held in
// memory), removed on Close.
func (s *Source) Open(ctx context.Context, f File) (ReaderAt, error) {
	if s.local != "" {
		// Non-blocking, so a file replaced by a named pipe since it was
		// listed cannot hang the load (and its lock); checked below.
		fh, err := os.OpenFile(filepath.Join(s.local, filepath.FromSlash(f.Key)), os.O_RDONLY|syscall.O_NONBLOCK, 0)
		if err != nil {
			return nil, fmt.Errorf("opening %s: %w", f.Path, cause(err))
		}
		if st, err := fh.Stat(); err != nil || !st.Mode().IsRegular() {
			fh.Close()
			return nil, fmt.Errorf("opening %s: not a regular file", f.Path)
		}
		return fh, nil
	}
	r, err := s.bucket.NewReader(ctx, f.Key, nil)
	if err != nil {
		if gcerrors.Code(err) == gcerrors.NotFound {
			return nil, fmt.Errorf("%s disappeared from %s since it was listed", f.Path, s.URL)
		}
		return nil, fmt.Errorf("reading %s: %w", f.Path, err)
	}
	defer r.Close()
	tmp, err := os.CreateTemp("", "mtx-load-*-"+path.Base(f.Key))
	if err != nil {
		return nil, err
	}
	if _, err := io.Copy(tmp, r); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return nil, fmt.Errorf("downloading %s: %w", f.Path, err)
	}
	return &tempFile{tmp}, nil
}

type tempFile struct{ *os.File }

func (t *tempFile) Close() error {
	err := t.File.Close()
	os.Remove(t.File.Name())
	return err
}

// OpenRanged opens one export file for random access without downloading
// it: every read is a ranged GET (the last 64 KiB, where parquet keeps its
// footer, are fetched once and kept). It is for reading footers of files an
// engine loads itself; Name is "". A local file is opened in place.
func (s *Source) OpenRanged(ctx context.Context, f File) (ReaderAt, error) {
	if s.local != "" {
		return s.Open(ctx, f)
	}
	return &rangedFile{ctx: ctx, s: s, f: f}, nil
}

const tailSize = 64 << 10

type rangedFile struct {
	ctx     context.Context
	s       *Source
	f       File
	tail    []byte // the file's last bytes, once read
	tailOff int64
}

func (r *rangedFile) Name() string { return "" }
func (r *rangedFile) Close() error { return nil }
func (r *rangedFile) Size() int64  { return r.f.Size }

func (r *rangedFile) ReadAt(p []byte, off int64) (int, error) {
	if off < 0 {
		return 0, fmt.Errorf("reading %s: negative offset", r.f.Path)
	}
	if off >= r.f.Size {
		return 0, io.EOF
	}
	if r.tail == nil && off+int64(len(p)) > r.f.Size-tailSize {
		r.tailOff = max(0, r.f.Size-tailSize)
		buf := make([]byte, r.f.Size-r.tailOff)
		if _, err := r.read(buf, r.tailOff); err != nil {
			return 0, err
		}
		r.tail = buf
	}
	if r.tail != nil && off >= r.tailOff {
		n := copy(p, r.tail[off-r.tailOff:])
		if n < len(p) {
			return n, io.EOF
		}
		return n, nil
	}
	return r.read(p, off)
}

func (r *rangedFile) read(p []byte, off int64) (int, error) {
	n := int64(len(p))
	if off+n > r.f.Size {
		n = r.f.Size - off
	}
	rd, err := r.s.bucket.NewRangeReader(r.ctx, r.f.Key, off, n, nil)
	if err != nil {
		if gcerrors.Code(err) == gcerrors.NotFound {
			return 0, fmt.Errorf("%s disappeared from %s since it was listed", r.f.Path, r.s.URL)
		}
		return 0, fmt.Errorf("reading %s: %w", r.f.Path, err)
	}
	defer rd.Close()
	got, err := io.ReadFull(rd, p[:n])
	if err != nil {
		return got, fmt.Errorf("reading %s: %w", r.f.Path, err)
	}
	if int(n) < len(p) {
		return got, io.EOF
	}
	return got, nil
}
