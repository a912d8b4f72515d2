package tests

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/mtxhq/mtx/dialects/enginetest"
	"github.com/mtxhq/mtx/internal/export"
	"github.com/mtxhq/mtx/internal/load"
	"github.com/mtxhq/mtx/internal/model"
)

// TestRefreshRebuildsLargeBatch: when the load manifest says the rows
// loaded since the last run are more than the engine's share of the table
// (model.ShareOf), mtx run rebuilds current_events instead of refreshing it (one log line
// says so) — and a small batch is still merged. A raw row deleted behind
// mtx's back tells the two apart: a refresh keeps its stored row, a
// rebuild drops it. Both end equal to a full rebuild of the raw rows.
// The rule is the neutral runner's; engines whose every row costs a
// round trip (the emulators) would spend minutes of CI on it, so it runs
// where rows are cheap, ClickHouse included for its re-read tail.
func TestRefreshRebuildsLargeBatch(t *testing.T) {
	forEngines(t, func(a *enginetest.Adapter) bool { return !a.SlowRows }, func(t *testing.T, e engine) {
		m := newModelSetup(t, e)
		ctx := context.Background()
		src, err := export.Open(ctx, manifestOnlyExport(t))
		if err != nil {
			t.Fatal(err)
		}
		// mtx load of an export with nothing selected creates the manifest.
		if _, err := load.Run(ctx, load.Options{Dialect: e.d, DB: m.db, Schema: m.o, Catalog: m.history.Current(), Source: src, Tables: func(string) bool { return false }}); err != nil {
			t.Fatal(err)
		}
		events, _ := m.history.Current().Table("events")
		md := e.d
		q := e.d.Quote
		raw := q(m.o.Schema) + "." + q("events")
		rel := q(m.o.Schema) + "." + q("current_events")
		full := "(" + m.g.Nodes["current_events"].SQL + ") AS " + q("full_build")
		// loadBatch writes rows and their manifest entry, as mtx load does
		// (one _mtx_loaded_at for the load).
		loadBatch := func(lo, hi int, version, at time.Time, file string) {
			rows := eventBatch(lo, hi, version, at, file)
			for i := range rows {
				rows[i].loaded = at
			}
			insertRows(t, e, m.db, m.o.Schema, events, rows)
			entry := fmt.Sprintf("INSERT INTO %s.%s (%s, %s, %s, %s, %s, %s, %s) VALUES ('%s', 'events', 0, '', %d, %s, %s)",
				q(m.o.Schema), q(load.ManifestTable), q("path"), q("table_name"), q("size"), q("etag"), q("rows"), q("transferred_at"), q("loaded_at"),
				file, hi-lo, md.TimestampLiteral(at), md.TimestampLiteral(at))
			if _, err := m.db.Exec(entry); err != nil {
				t.Fatal(err)
			}
		}
		count := func() int {
			var n int
			if err := m.db.QueryRow("SELECT COUNT(*) FROM " + rel).Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}
		var log strings.Builder
		m.r.Log = &log
		base := ts("2026-01-01T00:00:00Z")
		loadBatch(0, 100, base, base.Add(time.Hour), "day1.parquet")
		m.run(t, "current_events")
		// A first daily batch: where a refresh re-reads the last load
		// (ClickHouse, BigQuery) its tail holds day 1 too, and it rebuilds.
		loadBatch(100, 105, base, base.Add(26*time.Hour), "day2.parquet")
		m.run(t, "current_events")

		// A small batch (10 new rows, 15 at most re-read, of 115): merged.
		// The deleted raw row's stored copy stays.
		if _, err := m.db.Exec("DELETE FROM " + raw + " WHERE " + q("transaction_id") + " = 'txn-00000'"); err != nil {
			t.Fatal(err)
		}
		loadBatch(105, 115, base, base.Add(50*time.Hour), "day3.parquet")
		log.Reset()
		m.run(t, "current_events")
		if strings.Contains(log.String(), "rebuilding") {
			t.Fatalf("a batch of 10 rows in 115 was rebuilt, not refreshed: %s", log.String())
		}
		if n := count(); n != 115 {
			t.Fatalf("after a small batch current_events has %d rows, want 115 (refreshed: the deleted raw row's stored row stays)", n)
		}

		// A large batch (60 newer versions, 60 new keys: 120 of 235 rows):
		// rebuilt, which drops the deleted raw row.
		loadBatch(50, 170, base.Add(24*time.Hour), base.Add(74*time.Hour), "day4.parquet")
		log.Reset()
		m.run(t, "current_events")
		// 51-55% is over every engine's share (model.ShareOf: at most 50%).
		line := regexp.MustCompile(fmt.Sprintf(`(?m)^current_events: the refresh would merge 1[23]0 of the 235 rows loaded into events \(5[15]%%, over %.0f%%\): a full build is cheaper, rebuilding$`, 100*model.ShareOf(e.d)))
		if !line.MatchString(log.String()) {
			t.Fatalf("a batch of 120 rows in 235 was not rebuilt with one line saying so; log: %q", log.String())
		}
		if n := count(); n != 169 {
			t.Fatalf("after a large batch current_events has %d rows, want 169 (a rebuild drops the deleted raw row)", n)
		}
		got := readIdentities(t, e, m.db, rel, events)
		want := readIdentities(t, e, m.db, full, events)
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Fatalf("after the rebuild current_events differs from a full rebuild: %d rows vs %d", len(got), len(want))
		}
	})
}

// manifestOnlyExport is an export folder holding one empty file of events:
// mtx load with no table selected loads nothing from it but creates the
// load manifest, which the tests then fill as mtx load would.
func manifestOnlyExport(tb testing.TB) string {
	dir := tb.TempDir()
	day := filepath.Join(dir, "events", "dt=2026-01-01")
	if err := os.MkdirAll(day, 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(day, "unselected.parquet"), nil, 0o644); err != nil {
		tb.Fatal(err)
	}
	return dir
}
