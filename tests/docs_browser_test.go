package tests

import (
	"bytes"
	"context"
	"fmt"

	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/mtxhq/mtx/internal/catalog"
)

// chromiumPath is the headless browser the docs tests drive: MTX_TEST_CHROMIUM
// (tests/engines/up chromium prints it), else chromium on PATH.
func chromiumPath(t *testing.T) string {
	t.Helper()
	record("chromium", t)
	if p := os.Getenv("MTX_TEST_CHROMIUM"); p != "" {
		if _, err := os.Stat(p); err != nil {
			t.Fatalf("MTX_TEST_CHROMIUM=%s: %v", p, err)
		}
		return p
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	if required("chromium") {
		t.Fatal("chromium is required (MTX_REQUIRE_ENGINES) but MTX_TEST_CHROMIUM is not set and chromium is not on PATH")
	}
	t.Skip("no chromium: run eval \"$(tests/engines/up chromium)\" (installs Debian's chromium) or apt-get install chromium")
	return ""
}

// TestDocsSiteInBrowser renders every page of `mtx docs generate` in
// headless Chromium from file:// and fails on any console error, uncaught
// exception or request that leaves the site; then checks from screenshots
// that the ERD and the lineage are drawn, that a table page shows every
// column, and that the search finds a column.
func TestDocsSiteInBrowser(t *testing.T) {
	mainProcessOnly(t)
	browser := chromiumPath(t)
	bin := mtxBinary(t)
	began := time.Now()
	defer func() {
		t.Logf("generating and checking in the browser took %s", time.Since(began).Round(time.Millisecond))
	}()
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "project.yaml"), []byte("name: browser\ndefault_target: local\ntargets:\n  local: {dialect: duckdb, dsn: b.duckdb}\n"), 0o644)
	os.MkdirAll(filepath.Join(dir, "models"), 0o755)
	os.WriteFile(filepath.Join(dir, "models", "invoice_totals.sql"), []byte(
		"-- materialized: table\n-- unique_key: customer_id\nSELECT customer_id, SUM(total) AS total FROM {{ ref \"current_invoice\" }} GROUP BY customer_id\n"), 0o644)
	gen := exec.Command(bin, "docs", "generate", "--out", "site")
	gen.Dir = dir
	if out, err := gen.CombinedOutput(); err != nil {
		t.Fatalf("mtx docs generate: %v\n%s", err, out)
	}
	site := filepath.Join(dir, "site")
	pages, _ := filepath.Glob(filepath.Join(site, "*.html"))
	more, _ := filepath.Glob(filepath.Join(site, "*", "*.html"))
	pages = append(pages, more...)
	if len(pages) < 100 {
		t.Fatalf("only %d pages generated", len(pages))
	}

	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(browser), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.WindowSize(1400, 1000))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, 3*time.Minute)
	defer cancelTimeout()

	// Every console message, tagged with the page it came from.
	var mu sync.Mutex
	current := ""
	var problems []string
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.IsException() {
				mu.Lock()
				problems = append(problems, current+": "+m.String())
				mu.Unlock()
			}
		}
	}()
	visit := func(path string) {
		t.Helper()
		mu.Lock()
		current = strings.TrimPrefix(path, site+"/")
		mu.Unlock()
		if err := chromedp.Do(ctx, chromedp.Navigate("file://"+path)); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		// Nothing but the site's own files is loaded.
		outside, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
			`performance.getEntriesByType("resource").map(e => e.name).filter(u => !u.startsWith("file://"))`))
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if len(outside) > 0 {
			t.Errorf("%s loads %v", path, outside)
		}
	}
	// report fails the test on the console errors seen so far.
	report := func() {
		time.Sleep(200 * time.Millisecond) // let the last console events arrive
		mu.Lock()
		defer mu.Unlock()
		for _, p := range problems {
			t.Error(p)
		}
		problems = nil
	}
	defer report()
	start := time.Now()
	for _, p := range pages {
		visit(p)
	}
	t.Logf("rendered %d pages in %s", len(pages), time.Since(start).Round(time.Millisecond))
	report()

	// The ERD and the lineage are drawn: a fair share of the diagram's
	// region is not background, and the boxes' fills are on screen.
	for _, d := range []struct{ page, box, svg string }{{"erd.html", "#erd-box", "#erd"}, {"lineage.html", "#lineage-box", "#lineage"}} {
		visit(filepath.Join(site, d.page))
		shot, err := chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS(d.box)))
		if err != nil {
			t.Fatalf("%s: %v", d.page, err)
		}
		fills, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
			`[...new Set([...document.querySelectorAll("`+d.svg+` g.node rect")].map(r => r.getAttribute("fill")))]`))
		if err != nil {
			t.Fatal(err)
		}
		saveShot(t, d.page, shot)
		share, seen := drawn(t, shot, "#fafafa", fills)
		t.Logf("%s: %.1f%% of the diagram region drawn; fills on screen %v of %v", d.page, 100*share, seen, fills)
		if share < 0.08 {
			t.Errorf("%s: only %.1f%% of the diagram region is not background: the diagram is not drawn", d.page, 100*share)
		}
		if len(seen) < min(3, len(fills)) {
			t.Errorf("%s: node fills on screen %v, want at least 3 of %v", d.page, seen, fills)
		}
	}

	// A table page shows every column, visibly, in its columns table.
	h, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	invoice, _ := h.Current().Table("invoice")
	visit(filepath.Join(site, "tables", "invoice.html"))
	shown, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
		`[...document.querySelectorAll("#columns-table tbody tr td.colname code")].filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 }).map(e => e.textContent)`))
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, c := range invoice.Columns {
		want = append(want, c.Name)
	}
	if strings.Join(shown, ",") != strings.Join(want, ",") {
		t.Errorf("invoice.html shows columns %v, want %v", shown, want)
	}
	shot, err := chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS("#columns-table")))
	if err != nil {
		t.Fatal(err)
	}
	saveShot(t, "invoice.html", shot)
	if share, _ := drawn(t, shot, "#ffffff", nil); share < 0.03 {
		t.Errorf("invoice.html: the columns table is %.1f%% ink: not drawn", 100*share)
	}

	// The search finds a column and links to its row.
	visit(filepath.Join(site, "index.html"))
	sctx, scancel := context.WithTimeout(ctx, 20*time.Second)
	defer scancel()
	if err := chromedp.Do(sctx, chromedp.SendKeys(chromedp.CSS("#search"), "customer_id"), chromedp.WaitVisible(chromedp.CSS("#search-results li a"))); err != nil {
		t.Fatalf("searching customer_id shows no result: %v", err)
	}
	hits, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("#search-results li a")].map(a => a.getAttribute("href"))`))
	if err != nil {
		t.Fatal(err)
	}
	if !contains(hits, "tables/invoice.html#col-customer_id") {
		t.Errorf("searching customer_id found %v", hits)
	}

}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// drawn decodes a PNG screenshot and returns the share of its pixels that
// differ from the background colour, and which of fills (CSS #rrggbb)
// cover at least 300 pixels.
func drawn(t *testing.T, shot []byte, background string, fills []string) (float64, []string) {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(shot))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	rgb := func(hex string) [3]int {
		var c [3]int
		fmt.Sscanf(hex, "#%02x%02x%02x", &c[0], &c[1], &c[2])
		return c
	}
	near := func(a, b [3]int, tol int) bool {
		d := 0
		for i := range a {
			d += max(a[i]-b[i], b[i]-a[i])
		}
		return d <= tol
	}
	bg := rgb(background)
	want := make([][3]int, len(fills))
	for i, f := range fills {
		want[i] = rgb(f)
	}
	counts := make([]int, len(fills))
	b := img.Bounds()
	ink := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			px := [3]int{int(r >> 8), int(g >> 8), int(bl >> 8)}
			if !near(px, bg, 24) {
				ink++
			}
			for i, f := range want {
				if near(px, f, 6) {
					counts[i]++
				}
			}
		}
	}
	var seen []string
	for i, f := range fills {
		if counts[i] >= 300 {
			seen = append(seen, f)
		}
	}
	return float64(ink) / float64(max(1, b.Dx()*b.Dy())), seen
}

// saveShot keeps a screenshot in MTX_TEST_SCREENSHOTS (when set) to look at.
func saveShot(t *testing.T, name string, shot []byte) {
	if dir := os.Getenv("MTX_TEST_SCREENSHOTS"); dir != "" {
		os.MkdirAll(dir, 0o755)
		if err := os.WriteFile(filepath.Join(dir, strings.TrimSuffix(name, ".html")+".png"), shot, 0o644); err != nil {
			t.Log(err)
		}
	}
}
