package main

import (
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/mtxhq/mtx/internal/export"
	"github.com/mtxhq/mtx/internal/load"
)

// loadEvent is one line of `mtx load --format json`: file_loaded,
// file_failed, file_pending (dry run), warning, then one summary.
type loadEvent struct {
	Event   string `json:"event"`
	Path    string `json:"path,omitempty"`
	Table   string `json:"table,omitempty"`
	Rows    *int64 `json:"rows,omitempty"`
	Bytes   *int64 `json:"bytes,omitempty"`
	Message string `json:"message,omitempty"`
}

// loadSummary is the last line of `mtx load --format json`.
type loadSummary struct {
	Event    string           `json:"event"` // summary
	DryRun   bool             `json:"dry_run"`
	Found    int              `json:"found"`
	Loaded   int              `json:"loaded"`
	Skipped  int              `json:"skipped"`
	Failed   []string         `json:"failed"`
	Ignored  int              `json:"ignored"`
	Pending  int              `json:"pending,omitempty"`
	Engine   int              `json:"read_by_engine"`
	Bytes    int64            `json:"bytes"`
	Seconds  float64          `json:"elapsed_seconds"`
	Rows     map[string]int64 `json:"rows"`
	Warnings int              `json:"warnings"`
}

// jsonEvents writes load events as JSON lines; safe for the loader's
// goroutines.
type jsonEvents struct {
	mu sync.Mutex
	w  io.Writer
}

func (j *jsonEvents) emit(v any) {
	j.mu.Lock()
	defer j.mu.Unlock()
	writeJSONLine(j.w, v)
}

// progress reports each finished or failed file, and passes everything
// to next (the human progress on standard error).
type eventProgress struct {
	load.Progress
	ev *jsonEvents
}

func (p eventProgress) FileDone(f export.File, rows int64) {
	p.Progress.FileDone(f, rows)
	p.ev.emit(loadEvent{Event: "file_loaded", Path: f.Path, Table: f.Table, Rows: &rows})
}

func (p eventProgress) Fail(err error) {
	p.Progress.Fail(err)
	p.ev.emit(loadEvent{Event: "file_failed", Message: err.Error()})
}

func (j *jsonEvents) summary(s *load.Summary, dryRun bool, warnings int) {
	out := loadSummary{Event: "summary", DryRun: dryRun, Found: s.Found, Loaded: s.Loaded, Skipped: s.Skipped, Failed: []string{},
		Ignored: len(s.Ignored), Pending: len(s.Pending), Engine: s.Engine, Bytes: s.Bytes, Seconds: s.Duration.Round(time.Millisecond).Seconds(),
		Rows: s.Rows, Warnings: warnings}
	for _, err := range s.Failed {
		out.Failed = append(out.Failed, err.Error())
	}
	if out.Rows == nil {
		out.Rows = map[string]int64{}
	}
	j.emit(out)
}

// warnings prints load's warnings, or with --quiet counts them for one
// closing line: an export with a thousand ignored files would otherwise
// print a thousand lines.
type warnings struct {
	w     io.Writer
	ev    *jsonEvents // set with --format json: warnings are events too
	quiet bool
	mu    sync.Mutex
	n     int
}

func (w *warnings) warn(msg string) {
	w.mu.Lock()
	w.n++
	w.mu.Unlock()
	if w.ev != nil {
		w.ev.emit(loadEvent{Event: "warning", Message: msg})
	}
	if !w.quiet {
		fmt.Fprintln(w.w, "warning:", msg)
	}
}

// close prints the --quiet summary line.
func (w *warnings) close() {
	if w.quiet && w.n > 0 {
		fmt.Fprintf(w.w, "warning: %d %s (ignored or changed files, columns mtx does not load); run without --quiet to list them\n", w.n, plural(w.n, "warning", "warnings"))
	}
}
