package load

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/mtxhq/mtx/internal/export"
	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// Progress shows a load as it goes.
type Progress interface {
	Start(files int, bytes int64)
	// FileStarted says a file's rows (rows, from its footer) start streaming.
	FileStarted(f export.File, rows int64)
	// Rows reports rows streamed (called often, from the loading goroutine).
	Rows(n int64)
	FileDone(f export.File, rows int64)
	Fail(err error)
	Finish()
}

type nopProgress struct{}

func (nopProgress) Start(int, int64)               {}
func (nopProgress) Rows(int64)                     {}
func (nopProgress) FileStarted(export.File, int64) {}
func (nopProgress) FileDone(export.File, int64)    {}
func (nopProgress) Fail(error)                     {}
func (nopProgress) Finish()                        {}

// NewProgress returns a progress bar (files, rows, bytes, rate) when w is
// a terminal, plain log lines otherwise, and nothing when quiet. Errors of
// single files are always printed.
func NewProgress(w io.Writer, quiet bool) Progress {
	if quiet {
		return &logProgress{w: w, quiet: true}
	}
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		return &barProgress{w: w}
	}
	return &logProgress{w: w}
}

// logProgress prints one line per file: for CI logs and pipes.
type logProgress struct {
	w            io.Writer
	quiet        bool
	files, done  int
	start        time.Time
	rows         int64
	bytes, total int64
	streamed     int64
	lastLine     time.Time
}

func (p *logProgress) Start(files int, bytes int64) {
	p.files, p.total, p.start, p.lastLine = files, bytes, time.Now(), time.Now()
	if !p.quiet {
		fmt.Fprintf(p.w, "loading %s (%s)\n", plural(files, "new file", "new files"), human(bytes))
	}
}

// FileStarted is silent: one line per finished file is enough.
func (p *logProgress) FileStarted(export.File, int64) {}

// Rows prints a line every 10 s inside long files or groups, so a CI log
// shows the load is alive.
func (p *logProgress) Rows(n int64) {
	p.streamed += n
	if p.quiet || time.Since(p.lastLine) < 10*time.Second {
		return
	}
	p.lastLine = time.Now()
	el := time.Since(p.start).Seconds()
	fmt.Fprintf(p.w, "... %d rows streamed (%.0f rows/s)\n", p.streamed, float64(p.streamed)/max(el, 1e-3))
}
func (p *logProgress) FileDone(f export.File, rows int64) {
	p.done++
	p.rows += rows
	p.bytes += f.Size
	if !p.quiet {
		el := time.Since(p.start).Seconds()
		fmt.Fprintf(p.w, "[%d/%d] %s: %s (%.0f rows/s, %s/s)\n", p.done, p.files, f.Path, plural(int(rows), "row", "rows"), float64(p.rows)/max(el, 1e-3), human(int64(float64(p.bytes)/max(el, 1e-3))))
	}
}
func (p *logProgress) Fail(err error) { fmt.Fprintln(p.w, "error:", err) }
func (p *logProgress) Finish()        {}

// barProgress draws a bar over bytes, with files and rows in its text.
type barProgress struct {
	w           io.Writer
	mu          sync.Mutex
	bar         *progressbar.ProgressBar
	files, done int
	rows        int64
	start       time.Time
	last        time.Time
	perRow      float64          // bytes per row of the file streaming now
	advanced    map[string]int64 // bytes already shown per file
	current     string
	// shown and total are the bytes the bar has advanced and will; the
	// ETA appears only once they say enough (see maybePredict).
	shown, total int64
	predicting   bool
}

// ETA thresholds: an estimate from the first file's footer read, or a
// fraction of a second, read 17 minutes for a 5-second load.
const (
	etaAfter    = 2 * time.Second
	etaFraction = 0.05
)

// add advances the bar and turns the ETA on once there is signal.
func (p *barProgress) add(n int64) {
	p.shown += n
	if !p.predicting && p.total > 0 && time.Since(p.start) >= etaAfter && float64(p.shown) >= etaFraction*float64(p.total) {
		p.predicting = true
		progressbar.OptionSetPredictTime(true)(p.bar)
	}
	p.bar.Add64(n)
}

func (p *barProgress) Start(files int, bytes int64) {
	p.files, p.start, p.total = files, time.Now(), bytes
	p.bar = progressbar.NewOptions64(bytes,
		progressbar.OptionUseIECUnits(true), // MiB, as the summary says
		progressbar.OptionSetWriter(p.w),
		progressbar.OptionShowBytes(true),
		progressbar.OptionShowCount(),
		progressbar.OptionSetWidth(30),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionShowElapsedTimeOnFinish(),
		progressbar.OptionSetPredictTime(false), // until add has signal
		progressbar.OptionClearOnFinish(),
	)
	p.describe()
}

func (p *barProgress) describe() {
	el := time.Since(p.start).Seconds()
	p.bar.Describe(fmt.Sprintf("files %d/%d, %d rows (%.0f rows/s)", p.done, p.files, p.rows, float64(p.rows)/max(el, 1e-3)))
}

func (p *barProgress) FileStarted(f export.File, rows int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.current, p.perRow = f.Path, 0
	if rows > 0 {
		p.perRow = float64(f.Size) / float64(rows)
	}
}

func (p *barProgress) Rows(n int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.rows += n
	if add := int64(float64(n) * p.perRow); add > 0 && p.current != "" {
		if p.advanced == nil {
			p.advanced = map[string]int64{}
		}
		p.advanced[p.current] += add
		p.add(add)
	}
	if time.Since(p.last) > 200*time.Millisecond {
		p.last = time.Now()
		p.describe()
		p.bar.Add64(0)
	}
}

func (p *barProgress) FileDone(f export.File, rows int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done++
	p.describe()
	if rest := f.Size - p.advanced[f.Path]; rest > 0 {
		p.add(rest)
	}
	delete(p.advanced, f.Path)
}

func (p *barProgress) Fail(err error) {
	p.bar.Clear()
	fmt.Fprintln(p.w, "error:", err)
}

func (p *barProgress) Finish() {
	if p.bar != nil {
		p.bar.Finish()
		p.bar.Clear()
	}
}

func human(b int64) string {
	const unit = 1024
	if b < unit {
		return fmt.Sprintf("%d B", b)
	}
	div, exp := int64(unit), 0
	for n := b / unit; n >= unit; n /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %ciB", float64(b)/float64(div), "KMGTPE"[exp])
}

// plural is "1 row", "2 rows".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
