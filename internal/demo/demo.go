// Package demo generates a realistic synthetic Metronome data export: every
// catalog table, in the object-storage layout
// <dir>/<table>/dt=<YYYY-MM-DD>/<part>_<YYYYMMDDHHmmss>.parquet, with ids
// consistent across tables and the mess a real export has (updated rows in
// later transfers, retried transfers delivering the same rows twice,
// snapshots where rows disappear, SANDBOX next to PRODUCTION).
//
// The generator keeps its own truth while it writes, and returns known
// answers computed from that truth (current-state row counts, invoice
// totals), so tests can check a whole load → model → cookbook pipeline.
// The same Options always give the same bytes.
package demo

import (
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/internal/exportfile"
)

// Options size and place the generated export.
type Options struct {
	Customers int       `json:"customers"` // over both environments (about 1 in 10 is SANDBOX)
	Months    int       `json:"months"`    // calendar months covered; the last one is in progress
	Seed      int64     `json:"seed"`      // same seed, same bytes
	Start     time.Time `json:"start"`     // first day of the export (UTC midnight); zero = DefaultStart
	// MaxRowsPerFile splits a bigger transfer into several parts with the
	// same transfer timestamp, as the real export does; 0 = DefaultMaxRowsPerFile.
	MaxRowsPerFile int `json:"max_rows_per_file,omitempty"`
	// Transfers caps the transfers of each table (retries aside), for
	// tests on engines where every file costs seconds: a snapshot table
	// keeps that many snapshots spread from its first to its last, an
	// incremental table's changes are grouped into that many transfers
	// (each at the time of the last daily transfer it replaces). The
	// latest snapshot and every key's newest version stay as they are.
	// 0 = no cap: a snapshot weekly and daily over the last week, and a
	// transfer each day with changes.
	Transfers int `json:"transfers,omitempty"`
}

// DefaultStart is the first day of the export when Options.Start is zero.
// It is fixed (not "today") so that a seed always gives the same bytes.
var DefaultStart = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// Defaults of `mtx demo generate`; the bare `mtx demo` uses Small.
var (
	Defaults = Options{Customers: 200, Months: 6, Seed: 1}
	Small    = Options{Customers: 40, Months: 3, Seed: 1}
)

// DefaultMaxRowsPerFile is the largest file the generator writes.
const DefaultMaxRowsPerFile = 20000

// Manifest is what Generate wrote and what the data should answer.
type Manifest struct {
	Dir     string         `json:"dir"`
	Options Options        `json:"options"`
	Files   []File         `json:"files"`
	Tables  []TableSummary `json:"tables"` // every catalog table, in catalog order
	Known   Known          `json:"known"`
}

// File is one generated parquet file.
type File struct {
	Path          string    `json:"path"` // relative to Dir, slash-separated
	Table         string    `json:"table"`
	Part          int       `json:"part"`
	TransferredAt time.Time `json:"transferred_at"`
	Rows          int       `json:"rows"`
	Retry         bool      `json:"retry,omitempty"` // re-delivers the rows of an earlier file
}

// TableSummary counts one table's files and rows (all transfers, with
// duplicates) and its expected current state.
type TableSummary struct {
	Table        string `json:"table"`
	Kind         string `json:"kind"`
	Files        int    `json:"files"`
	Rows         int    `json:"rows"`
	CurrentRows  int    `json:"current_rows"`  // rows a correct current-state model holds
	Snapshots    int    `json:"snapshots"`     // snapshot tables: distinct snapshots delivered
	RetriedFiles int    `json:"retried_files"` // files delivered twice
}

// Known answers, computed from the generator's truth, not from the files.
type Known struct {
	// AsOf is the moment of the last transfer: the state the current-state
	// models describe.
	AsOf time.Time `json:"as_of"`
	// CurrentRows is, per table, the row count of its current state: one row
	// per key (incremental), the rows of the latest snapshot (snapshot).
	CurrentRows map[string]int `json:"current_rows"`
	// InvoiceTotals are the current finalized invoices (table invoice) by
	// environment, month of end_timestamp (the month the billing period
	// ends, exclusive, and is invoiced: the convention of the cookbook's
	// monthly_invoice_totals) and status.
	InvoiceTotals []InvoiceTotal `json:"invoice_totals"`
	// DraftTotals are the draft invoices of the latest snapshot by environment.
	DraftTotals []DraftTotal `json:"draft_totals"`
	// Customers and Events count distinct customers / events per environment.
	Customers map[string]int `json:"customers"`
	Events    map[string]int `json:"events"`
	// VanishedDrafts are draft invoice ids present in an earlier snapshot
	// but not in the latest one (finalized, or their customer archived).
	VanishedDrafts int `json:"vanished_drafts"`
}

// InvoiceTotal is one row of the monthly invoice totals answer.
type InvoiceTotal struct {
	Environment string `json:"environment"`
	Month       string `json:"month"` // YYYY-MM of end_timestamp
	Status      string `json:"status"`
	Invoices    int    `json:"invoices"`
	Total       string `json:"total"` // exact decimal
}

// DraftTotal sums the current draft invoices of one environment.
type DraftTotal struct {
	Environment string `json:"environment"`
	Invoices    int    `json:"invoices"`
	Total       string `json:"total"`
}

// Validate checks o, naming the bad option.
func (o Options) Validate() error {
	switch {
	case o.Customers < 1 || o.Customers > 20000:
		return fmt.Errorf("--customers must be between 1 and 20000, not %d", o.Customers)
	case o.Months < 2 || o.Months > 60:
		return fmt.Errorf("--months must be between 2 and 60 (the last month is in progress), not %d", o.Months)
	case o.Transfers == 1 || o.Transfers < 0:
		return fmt.Errorf("transfers must be 0 (no cap) or at least 2 (rows change between transfers), not %d", o.Transfers)
	case !o.Start.IsZero() && !o.Start.Equal(day(o.Start)):
		return fmt.Errorf("--start must be a UTC date, not %s", o.Start)
	}
	return nil
}

// Generate writes the export under dir (created if missing; it must not
// already hold files) and returns its manifest.
func Generate(dir string, cat *catalog.Catalog, o Options) (*Manifest, error) {
	if o.Start.IsZero() {
		o.Start = DefaultStart
	}
	if o.MaxRowsPerFile <= 0 {
		o.MaxRowsPerFile = DefaultMaxRowsPerFile
	}
	if err := o.Validate(); err != nil {
		return nil, err
	}
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return nil, fmt.Errorf("%s is not empty: generate into a new folder", dir)
	} else if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	g, err := newGen(cat, o)
	if err != nil {
		return nil, err
	}
	g.build()
	m := &Manifest{Dir: dir, Options: o}
	m.Known = g.known
	m.Known.CurrentRows = map[string]int{}
	tables := cat.Tables()
	// Transfers are planned table by table here and written by workers in
	// parallel; a table's rows are dropped once written, so memory holds a
	// few tables' transfers at a time. The files of one table are written
	// in order (rows of a snapshot table are shared between its snapshots).
	type job struct {
		i    int
		plan []transfer
	}
	written := make([][]File, len(tables))
	errs := make([]error, len(tables))
	retried := make([]int, len(tables))
	snapshots := make([]int, len(tables))
	next := make(chan job)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range next {
				written[j.i], errs[j.i] = writeTable(dir, tables[j.i], j.plan, o.MaxRowsPerFile)
			}
		}()
	}
	for i, t := range tables {
		plan := g.files(t, i)
		g.incr[t.Name] = nil
		snaps := map[string]bool{}
		for _, f := range plan {
			if f.retry {
				retried[i]++
			} else if t.Kind == catalog.Snapshot {
				snaps[f.snapshot] = true
			}
		}
		snapshots[i] = len(snaps)
		next <- job{i, plan}
	}
	close(next)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	for i, t := range tables {
		sum := TableSummary{Table: t.Name, Kind: string(t.Kind), CurrentRows: g.current[t.Name], RetriedFiles: retried[i], Snapshots: snapshots[i]}
		for _, f := range written[i] {
			sum.Files++
			sum.Rows += f.Rows
		}
		m.Files = append(m.Files, written[i]...)
		m.Known.CurrentRows[t.Name] = sum.CurrentRows
		m.Tables = append(m.Tables, sum)
	}
	return m, nil
}

// writeTable writes the transfers of one table, numbering the parts from 1.
func writeTable(dir string, t *catalog.Table, plan []transfer, maxRows int) ([]File, error) {
	var out []File
	part := 0
	for _, f := range plan {
		if f.snapCol != "" {
			exported := exportedAt(t)
			for _, r := range f.rows {
				r[f.snapCol] = f.snapVal
				if exported {
					// Metronome documents updated_at on these tables as
					// the time the row was exported: each snapshot's.
					r["updated_at"] = f.at
				}
			}
		}
		for _, rows := range chunk(f.rows, maxRows) {
			part++
			p, err := exportfile.WriteFile(dir, t, part, f.at, rows)
			if err != nil {
				return nil, err
			}
			rel, _ := filepath.Rel(dir, p)
			out = append(out, File{Path: filepath.ToSlash(rel), Table: t.Name, Part: part, TransferredAt: f.at, Rows: len(rows), Retry: f.retry})
		}
	}
	return out, nil
}

// exportedAt reports whether t's updated_at is documented as the time a
// row was exported (most snapshot_id tables), not when it last changed.
func exportedAt(t *catalog.Table) bool {
	c, ok := t.Column("updated_at")
	snap, _ := t.Column(t.Snapshot)
	return ok && t.Kind == catalog.Snapshot && snap.Type != catalog.Timestamp && !snap.System &&
		strings.Contains(c.Description, "exported")
}

func chunk(rows []exportfile.Row, n int) [][]exportfile.Row {
	if len(rows) == 0 {
		return [][]exportfile.Row{nil}
	}
	var out [][]exportfile.Row
	for len(rows) > n {
		out = append(out, rows[:n])
		rows = rows[n:]
	}
	return append(out, rows)
}

// transfer is one delivery of rows of a table at one moment.
type transfer struct {
	at       time.Time
	rows     []exportfile.Row
	retry    bool
	snapshot string // snapshot tables: which snapshot this delivers
	snapCol  string // snapshot column to set in every row, and its value
	snapVal  any
}

// timed is one version of a row of an incremental table.
type timed struct {
	at  time.Time
	key string
	row exportfile.Row
}

// files turns what the generator recorded for t into transfers: daily
// transfers of changed rows (incremental) or one file per snapshot, plus
// retries that deliver a file's rows again an hour later.
func (g *gen) files(t *catalog.Table, index int) []transfer {
	offset := time.Duration(index*47%3600) * time.Second
	var out []transfer
	r := newRNG(g.opt.Seed, uint64(1000+index))
	if t.Kind == catalog.Incremental {
		versions := g.incr[t.Name]
		sort.SliceStable(versions, func(i, j int) bool { return versions[i].at.Before(versions[j].at) })
		keys := map[string]bool{}
		for _, v := range versions {
			keys[v.key] = true
			slot := day(v.at).Add(24*time.Hour + 2*time.Hour + offset)
			if n := len(out); n > 0 && out[n-1].at.Equal(slot) {
				out[n-1].rows = append(out[n-1].rows, v.row)
			} else {
				out = append(out, transfer{at: slot, rows: []exportfile.Row{v.row}})
			}
		}
		out = g.capIncremental(out)
		g.current[t.Name] = len(keys)
	} else {
		src := g.snap[t.Name]
		times := g.snapshotTimes(src.dailyOnly)
		for _, st := range times {
			// Rows are shared between snapshots: the snapshot column is set
			// just before each file is written.
			col, _ := t.Column(t.Snapshot)
			id := hashID("snp_", g.opt.Seed, t.Name, st.Unix())
			f := transfer{at: st.Add(30*time.Minute + offset), rows: src.at(st), snapshot: id}
			switch {
			case col.System: // snapshot identified by the transfer itself
			case col.Type == catalog.Timestamp:
				f.snapCol, f.snapVal = t.Snapshot, st
			default:
				f.snapCol, f.snapVal = t.Snapshot, id
			}
			out = append(out, f)
		}
		if n := len(out); n > 0 {
			g.current[t.Name] = len(out[n-1].rows)
		}
	}
	// Retries: about 1 transfer in 20, and always the first one of events
	// and the latest draft_invoice snapshot, so every export has them.
	var with []transfer
	for i, f := range out {
		with = append(with, f)
		force := (t.Name == "events" && i == 0) || (t.Name == "draft_invoice" && i == len(out)-1)
		if r.chance(0.05) || force {
			with = append(with, transfer{at: f.at.Add(time.Hour + 7*time.Second), rows: f.rows, retry: true, snapshot: f.snapshot, snapCol: f.snapCol, snapVal: f.snapVal})
		}
	}
	sort.SliceStable(with, func(i, j int) bool { return with[i].at.Before(with[j].at) })
	return with
}

// snapshotTimes lists when snapshots are taken: every 7 days from the
// start, and daily over the last 7 days (dailyOnly: only those).
func (g *gen) snapshotTimes(dailyOnly bool) []time.Time {
	var out []time.Time
	for d := 1; d <= g.days; d++ {
		if d > g.days-7 || (!dailyOnly && d%7 == 0) {
			out = append(out, g.start.AddDate(0, 0, d).Add(3*time.Hour+30*time.Minute))
		}
	}
	return spread(out, g.opt.Transfers)
}

// spread keeps n of times (sorted), evenly spaced, the first and the last
// included; all of them when n is 0 or they are not more than n.
func spread(times []time.Time, n int) []time.Time {
	if n <= 0 || len(times) <= n {
		return times
	}
	out := make([]time.Time, n)
	for k := range out {
		out[k] = times[k*(len(times)-1)/(n-1)]
	}
	return out
}

// capIncremental merges daily transfers (sorted) into at most
// Options.Transfers, each group delivered at the time of its last
// transfer, so every row still arrives at or after its own day.
func (g *gen) capIncremental(daily []transfer) []transfer {
	n := g.opt.Transfers
	if n <= 0 || len(daily) <= n {
		return daily
	}
	out := make([]transfer, 0, n)
	for i, f := range daily {
		group := i * n / len(daily)
		if len(out) <= group {
			out = append(out, transfer{})
		}
		out[group].rows = append(out[group].rows, f.rows...)
		out[group].at = f.at
	}
	return out
}

// CheckInvoiceTotals compares totals computed elsewhere (SQL over the loaded
// export, a cookbook answer) with the known ones: same rows in the same
// order (environment, month, status), same counts, and totals equal as
// decimals ("12.50" equals "12.5"). The error names the first difference.
func (k Known) CheckInvoiceTotals(got []InvoiceTotal) error {
	if len(got) != len(k.InvoiceTotals) {
		return fmt.Errorf("invoice totals: %d rows, want %d", len(got), len(k.InvoiceTotals))
	}
	for i, g := range got {
		w := k.InvoiceTotals[i]
		gt, ok1 := new(big.Rat).SetString(g.Total)
		wt, ok2 := new(big.Rat).SetString(w.Total)
		if g.Environment != w.Environment || g.Month != w.Month || g.Status != w.Status || g.Invoices != w.Invoices || !ok1 || !ok2 || gt.Cmp(wt) != 0 {
			return fmt.Errorf("invoice totals row %d: got %s %s %s %d invoices %s, want %s %s %s %d invoices %s",
				i+1, g.Environment, g.Month, g.Status, g.Invoices, g.Total, w.Environment, w.Month, w.Status, w.Invoices, w.Total)
		}
	}
	return nil
}
