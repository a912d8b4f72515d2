// Package load loads Metronome's object-storage export into the export
// schema exactly once: each file's rows and its manifest entry commit
// together (or, on engines without transactions, a file missing from the
// manifest is deleted by source file and loaded again), so a load killed at
// any point and rerun ends with the rows of an uninterrupted load.
package load

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/internal/export"
	"github.com/mtxhq/mtx/internal/lock"
	"github.com/mtxhq/mtx/internal/migrate"
)

// Options say what to load where.
type Options struct {
	Dialect dialects.Dialect
	DB      *sql.DB
	Schema  dialects.Options
	Catalog *catalog.Catalog
	Source  *export.Source
	// Tables selects tables (project.yaml selection and --tables); nil: all.
	Tables func(string) bool
	Since  time.Time
	// DryRun lists what would be loaded; it reads the manifest when it
	// exists and changes nothing. With DB nil it lists every file found.
	DryRun   bool
	Progress Progress
	// Warn receives warnings (unknown columns, ignored files), once each.
	Warn func(msg string)
	// LockTimeout bounds the wait for another `mtx load` on the same schema
	// (engines with a lock table; default lock.DefaultTimeout). LockLog
	// hears once that the load waits (nil: silent); Where names the target
	// in lock messages.
	LockTimeout time.Duration
	LockLog     io.Writer
	Where       string
	// Object are the settings for engines that load parquet straight from
	// object storage (dialects.ObjectLoader); Stream turns that off, so
	// every row passes through mtx.
	Object dialects.ObjectOptions
	Stream bool
}

// Summary is what a load did.
type Summary struct {
	Found   int              // files matching the layout and selection
	Loaded  int              // files loaded now
	Skipped int              // files already in the manifest
	Ignored []export.Skipped // files not matching the layout
	Failed  []error          // files that failed (each names the file)
	// Engine counts the files loaded now that the engine read from object
	// storage itself (dialects.ObjectLoader) rather than mtx streaming rows.
	Engine   int
	Rows     map[string]int64 // rows loaded now, per table
	Bytes    int64
	Duration time.Duration
	Pending  []export.File // dry run: the files that would be loaded
}

// Run loads every new export file. It returns an error when nothing could
// be done (unreachable target, missing schema); failures of single files are
// in Summary.Failed, and the files before and after them are still loaded.
func Run(ctx context.Context, o Options) (*Summary, error) {
	start := time.Now()
	if o.Progress == nil {
		o.Progress = nopProgress{}
	}
	warned := map[string]bool{}
	warn := func(msg string) {
		if !warned[msg] && o.Warn != nil {
			warned[msg] = true
			o.Warn(msg)
		}
	}
	sel := func(t string) bool {
		if _, ok := o.Catalog.Table(t); !ok {
			return false
		}
		return o.Tables == nil || o.Tables(t)
	}
	files, ignored, err := o.Source.Discover(ctx, export.Filter{Tables: func(t string) bool {
		if _, ok := o.Catalog.Table(t); !ok {
			return true // reported below as unknown
		}
		return sel(t)
	}, Since: o.Since})
	if err != nil {
		return nil, err
	}
	sum := &Summary{Rows: map[string]int64{}, Ignored: ignored}
	for _, s := range sum.Ignored {
		warn(fmt.Sprintf("ignored %s: %s", s.Key, s.Reason))
	}
	var known []export.File
	unknown := map[string]int{}
	var unknownOrder []string
	for _, f := range files {
		if _, ok := o.Catalog.Table(f.Table); !ok {
			sum.Ignored = append(sum.Ignored, export.Skipped{Key: f.Path, Reason: fmt.Sprintf("%s is not an export table mtx knows (a newer mtx may)", f.Table)})
			if unknown[f.Table] == 0 {
				unknownOrder = append(unknownOrder, f.Table)
			}
			unknown[f.Table]++
			continue
		}
		known = append(known, f)
	}
	for _, t := range unknownOrder {
		warn(fmt.Sprintf("ignored %d files of %s: not an export table mtx knows (a newer mtx may)", unknown[t], t))
	}
	files = known
	sum.Found = len(files)

	if o.DB == nil && o.DryRun {
		sum.Pending = files
		sum.Duration = time.Since(start)
		return sum, nil
	}
	if !o.DryRun {
		if err := dialects.CheckWrite(o.Dialect); err != nil {
			return nil, err
		}
	}
	conn, err := o.DB.Conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	macros := o.Dialect.Macros()
	l := &loader{o: o, conn: conn, warn: warn, sum: sum, lit: macros, byEngine: map[string]bool{}}
	// Introspect before locking: a schema not migrated yet gets its one
	// clear error rather than the lock table's "schema does not exist".
	have, err := migrate.Introspect(ctx, o.Dialect, conn, o.Schema.Schema)
	if err != nil {
		return nil, err
	}
	l.have = have
	if err := l.migrated(o.DryRun); err != nil {
		return nil, err
	}
	if !o.DryRun {
		unlock, err := lockLoad(ctx, o, conn)
		if err != nil {
			return nil, err
		}
		defer unlock()
	}
	testHook("locked", "")
	done, err := l.manifest(ctx, o.DryRun)
	if err != nil {
		return nil, err
	}
	if !o.DryRun {
		if err := l.forgetEmptied(ctx, files, done); err != nil {
			return nil, err
		}
	}
	var todo []export.File
	for _, f := range files {
		if size, ok := done[f.Path]; ok {
			if size != f.Size {
				warn(fmt.Sprintf("%s changed since it was loaded (%d bytes then, %d now); it is not loaded again (exactly once per path)", f.Path, size, f.Size))
			}
			sum.Skipped++
			continue
		}
		todo = append(todo, f)
	}
	if o.DryRun {
		sum.Pending = todo
		sum.Duration = time.Since(start)
		return sum, nil
	}
	if err := l.removeLeftovers(ctx, todo); err != nil {
		return nil, err
	}
	var bytes int64
	for _, f := range todo {
		bytes += f.Size
	}
	o.Progress.Start(len(todo), bytes)
	finished := 0
	byEngine := l.byEngine
	finish := func(f export.File, rows int64, err error) {
		if err != nil {
			sum.Failed = append(sum.Failed, err)
			o.Progress.Fail(err)
		} else {
			sum.Loaded++
			if byEngine[f.Path] {
				sum.Engine++
			}
			sum.Rows[f.Table] += rows
			sum.Bytes += f.Size
		}
		o.Progress.FileDone(f, rows)
		finished++
		testHook("file", strconv.Itoa(finished))
	}
	for _, g := range l.groups(todo) {
		if err := ctx.Err(); err != nil {
			o.Progress.Finish()
			return sum, err
		}
		rows, err := l.group(ctx, g)
		if ctx.Err() != nil {
			o.Progress.Finish()
			return sum, ctx.Err()
		}
		if err != nil && l.fatal(err) {
			o.Progress.Finish()
			return sum, l.stopped(err)
		}
		if err != nil && len(g) > 1 {
			// Something in the group is bad: load its files one by one,
			// so the good ones load and the bad one is named.
			for _, f := range g {
				rows, err := l.group(ctx, []export.File{f})
				if ctx.Err() != nil {
					o.Progress.Finish()
					return sum, ctx.Err()
				}
				if err != nil && l.fatal(err) {
					o.Progress.Finish()
					return sum, l.stopped(err)
				}
				finish(f, rows[0], err)
			}
			continue
		}
		for i, f := range g {
			finish(f, rows[i], err)
		}
	}
	o.Progress.Finish()
	sum.Duration = time.Since(start)
	return sum, nil
}

type loader struct {
	o    Options
	conn *sql.Conn
	have migrate.Schema
	warn func(string)
	sum  *Summary
	// lit writes the manifest's and the delete's literals as the engine
	// reads them (backslashes are escapes on MySQL, ClickHouse, ...).
	lit dialects.SQLMacros
	// byEngine holds the files the engine read from object storage.
	byEngine map[string]bool
}

// fatal reports whether err leaves the database or the connection
// unusable, so no further file can load: a connection database/sql gave
// up on, or what the engine's FatalClassifier says.
func (l *loader) fatal(err error) bool {
	if errors.Is(err, driver.ErrBadConn) || errors.Is(err, sql.ErrConnDone) {
		return true
	}
	fc, ok := l.o.Dialect.(dialects.FatalClassifier)
	return ok && fc.Fatal(err)
}

// stopped is the one-line error of a load stopped by a fatal error. What
// committed before it is in the manifest, so a rerun resumes from there.
func (l *loader) stopped(err error) error {
	msg, _, _ := strings.Cut(err.Error(), "\n")
	return fmt.Errorf("stopped after %d files: %s cannot go on: %s (files loaded so far are recorded; rerun mtx load once the database works again)",
		l.sum.Loaded, l.o.Dialect.Name(), strings.TrimSpace(msg))
}

// LockTable is the lock table of a load on engines without advisory
// locks, in the export schema while a load runs.
const LockTable = "mtx_load_lock"

// lockLoad keeps two loads of one schema apart, so no file is loaded
// twice.
func lockLoad(ctx context.Context, o Options, conn *sql.Conn) (unlock func() error, err error) {
	what := "schema " + o.Schema.Schema
	if o.Where != "" {
		what += " on " + o.Where
	}
	return lock.Schema{
		Purpose: lock.Load, Dialect: o.Dialect, DB: o.DB, Schema: o.Schema.Schema,
		Name: dialects.LoadLockName(o.Schema.Schema), Table: LockTable,
		Timeout: o.LockTimeout, What: what, Log: o.LockLog,
	}.Take(ctx, conn)
}

// ManifestTable records every loaded file, in the export schema.
const ManifestTable = "_mtx_load_manifest"

// manifestTable describes the manifest in the neutral model so each
// dialect renders it with its own types (and ClickHouse its engine).
func manifestTable() *catalog.Table {
	return &catalog.Table{
		Name: ManifestTable, Group: "mtx", Kind: catalog.Incremental,
		Key: []string{"path"}, Version: []string{"loaded_at"},
		Columns: []catalog.Column{
			{Name: "path", Type: catalog.String, Description: "file path relative to the export folder"},
			{Name: "table_name", Type: catalog.String},
			{Name: "size", Type: catalog.Integer},
			{Name: "etag", Type: catalog.String},
			{Name: "rows", Type: catalog.Integer},
			{Name: "transferred_at", Type: catalog.Timestamp},
			{Name: "loaded_at", Type: catalog.Timestamp},
		},
	}
}

// migrated fails when the schema has no export tables (not in a dry run).
func (l *loader) migrated(dryRun bool) error {
	for t := range l.have {
		if _, ok := l.o.Catalog.Table(t); ok {
			return nil
		}
	}
	if dryRun {
		return nil
	}
	return fmt.Errorf("schema %s has no export tables on %s: run `mtx migrate up` first", l.o.Schema.Schema, l.o.Dialect.Name())
}

// manifest creates the manifest table when missing (not in a dry run) and
// returns the paths already loaded, with their sizes then.
func (l *loader) manifest(ctx context.Context, dryRun bool) (map[string]int64, error) {
	d, schema := l.o.Dialect, l.o.Schema.Schema
	if _, ok := l.have[ManifestTable]; !ok {
		if dryRun {
			return map[string]int64{}, nil
		}
		create, err := manifestDDL(d, l.o.Schema)
		if err != nil {
			return nil, err
		}
		if _, err := l.conn.ExecContext(ctx, create); err != nil {
			return nil, fmt.Errorf("creating the load manifest %s.%s: %w", schema, ManifestTable, err)
		}
	}
	rows, err := l.conn.QueryContext(ctx, manifestPaths(d, schema))
	if err != nil {
		return nil, fmt.Errorf("reading the load manifest %s.%s: %w", schema, ManifestTable, err)
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var p string
		var size sql.NullInt64
		if err := rows.Scan(&p, &size); err != nil {
			return nil, err
		}
		out[p] = size.Int64
	}
	return out, rows.Err()
}

// columns maps a file's columns to the target table (matchColumns: known
// columns are loaded, unknown ones warned about, missing ones left NULL,
// structurally wrong files refused); the three provenance columns are
// constants.
func (l *loader) columns(f export.File, pf *parquetFile, loadedAt time.Time) ([]dialects.LoadColumn, bool, error) {
	t, _ := l.o.Catalog.Table(f.Table)
	target := l.have[f.Table]
	if target == nil {
		return nil, false, fmt.Errorf("%s: table %s.%s does not exist: run `mtx migrate up` (with this table selected) first", f.Path, l.o.Schema.Schema, f.Table)
	}
	cols, native, err := l.matchColumns(f, t, pf)
	if err != nil {
		return nil, false, err
	}
	for _, c := range cols {
		if _, ok := target[c.Name]; !ok {
			return nil, false, fmt.Errorf("%s: column %s.%s is missing from the target schema: run `mtx migrate up` first", f.Path, f.Table, c.Name)
		}
	}
	for _, c := range []dialects.LoadColumn{
		{Name: catalog.SourceFileColumn, Type: catalog.String, Const: f.Path},
		{Name: catalog.TransferredAtColumn, Type: catalog.Timestamp, Const: f.TransferredAt.UTC()},
		{Name: catalog.LoadedAtColumn, Type: catalog.Timestamp, Const: loadedAt},
	} {
		if _, ok := target[c.Name]; !ok {
			return nil, false, fmt.Errorf("table %s.%s has no column %s: run `mtx migrate up` first", l.o.Schema.Schema, f.Table, c.Name)
		}
		cols = append(cols, c)
	}
	return cols, native, nil
}

// Files are loaded in groups: consecutive files of one table, committed
// in one transaction with their manifest entries (fewer commits, and
// engines that read parquet themselves read a group's files in parallel).
// Engines without transactions load one file at a time, unless they read
// a group of files with fewer commits (dialects.LoadGrouper).
const (
	groupMaxFiles = 64
	groupMaxBytes = 512 << 20
)

func (l *loader) groups(files []export.File) [][]export.File {
	single := !l.o.Dialect.LoadTransactional() && !l.groupsFiles()
	var out [][]export.File
	var cur []export.File
	var size int64
	for _, f := range files {
		if len(cur) > 0 && (single || cur[0].Table != f.Table || len(cur) == groupMaxFiles || size+f.Size > groupMaxBytes) {
			out = append(out, cur)
			cur, size = nil, 0
		}
		cur = append(cur, f)
		size += f.Size
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// groupsFiles reports whether an engine without transactions loads groups
// of files: each statement is a slow commit, so fewer is faster.
func (l *loader) groupsFiles() bool {
	g, ok := l.o.Dialect.(dialects.LoadGrouper)
	return ok && g.GroupFiles()
}

// opened is a file of a group, ready to insert.
type opened struct {
	f    export.File
	ra   export.ReaderAt
	pf   *parquetFile
	cols []dialects.LoadColumn
	// native: the file needs no conversion (matchColumns), so an engine
	// may read it itself.
	native bool
}

// group loads files (of one table) exactly once: their rows and manifest
// entries commit together, or, on engines without transactions (one file
// at a time), the file's leftover rows are deleted first. It returns the
// rows of each file.
func (l *loader) group(ctx context.Context, files []export.File) ([]int64, error) {
	d := l.o.Dialect
	rows := make([]int64, len(files))
	loadedAt := time.Now().UTC().Truncate(time.Microsecond)
	var ops []opened
	defer func() {
		for _, o := range ops {
			o.ra.Close()
		}
	}()
	ol := l.objectLoader(files)
	for _, f := range files {
		open := l.o.Source.Open
		if ol != nil {
			// The engine reads the rows; mtx only needs the footer.
			open = l.o.Source.OpenRanged
		}
		ra, err := open(ctx, f)
		if err != nil {
			return rows, err
		}
		pf, err := openParquet(ra, f.Size)
		if err != nil {
			ra.Close()
			return rows, fmt.Errorf("%s: %w", f.Path, err)
		}
		ops = append(ops, opened{f: f, ra: ra, pf: pf})
		cols, native, err := l.columns(f, pf, loadedAt)
		if err != nil {
			return rows, err
		}
		ops[len(ops)-1].cols, ops[len(ops)-1].native = cols, native
	}
	if ol != nil && !allNative(ops) {
		// Values that need converting go through mtx's own checks, as on
		// every engine: download the files and stream them.
		l.warn(fmt.Sprintf("%s does not read files whose column types differ from the table's; mtx converts and streams their rows", d.Name()))
		for i := range ops {
			ops[i].ra.Close()
			ra, err := l.o.Source.Open(ctx, ops[i].f)
			if err != nil {
				ops = ops[:i]
				return rows, err
			}
			ops[i].ra = ra
		}
		ol = nil
	}
	transactional := d.LoadTransactional()
	var q dialects.Querier = l.conn
	var tx *sql.Tx
	recorded := 0 // files of the group whose manifest entry exists
	if transactional {
		var err error
		if tx, err = l.conn.BeginTx(ctx, nil); err != nil {
			return rows, fmt.Errorf("%s: %w", files[0].Path, err)
		}
		defer tx.Rollback()
		q = tx
	} else {
		// Rows of a killed run were removed before the load started
		// (removeLeftovers). If a file fails before its manifest entry,
		// remove what it inserted, so a failed file leaves nothing behind
		// (a rerun would remove it anyway).
		defer func() {
			if ctx.Err() != nil {
				return
			}
			for _, f := range files[recorded:] {
				l.deleteBySource(context.WithoutCancel(ctx), f)
			}
		}()
	}
	if ol != nil {
		if err := l.insertObjects(ctx, ol, q, ops, rows); err != nil {
			return rows, err
		}
	} else if pl, ok := d.(dialects.ParquetLoader); ok && allNative(ops) {
		if err := l.insertParquet(ctx, pl, q, ops, rows); err != nil {
			return rows, err
		}
	} else if ps, ok := d.(dialects.ParquetSender); ok && allNative(ops) && ps.SendsParquet(l.o.DB) {
		if err := l.sendParquet(ctx, ps, ops, rows); err != nil {
			return rows, err
		}
	} else {
		for i, o := range ops {
			n, err := l.insertRows(ctx, q, o)
			if err != nil {
				return rows, err
			}
			rows[i] = n
			testHook("inserted", o.f.Path)
		}
	}
	// The manifest entries come last: on engines without transactions a
	// file is loaded exactly when its entry exists. Without a transaction,
	// a group's entries go in one statement (one commit).
	entry := func(i int) string {
		f := ops[i].f
		return manifestEntry(l.lit, f.Path, f.Table, f.Size, f.ETag, rows[i], f.TransferredAt, loadedAt)
	}
	if transactional || len(ops) == 1 {
		for i, o := range ops {
			if _, err := q.ExecContext(ctx, manifestInsert(d, l.o.Schema.Schema, []string{entry(i)})); err != nil {
				return rows, fmt.Errorf("%s: recording it in the manifest: %w", o.f.Path, err)
			}
			recorded++
			testHook("manifest", o.f.Path)
		}
	} else {
		entries := make([]string, len(ops))
		for i := range ops {
			entries[i] = entry(i)
		}
		if _, err := q.ExecContext(ctx, manifestInsert(d, l.o.Schema.Schema, entries)); err != nil {
			return rows, fmt.Errorf("%s: recording it in the manifest: %w", files[0].Path, err)
		}
		recorded = len(ops)
		for _, o := range ops {
			testHook("manifest", o.f.Path)
		}
	}
	if tx != nil {
		if err := tx.Commit(); err != nil {
			return rows, fmt.Errorf("%s: commit: %w", files[0].Path, err)
		}
	}
	return rows, nil
}

// allNative reports whether every file of a group needs no conversion.
func allNative(ops []opened) bool {
	for _, o := range ops {
		if !o.native {
			return false
		}
	}
	return true
}

// groupTable is the target of a group's files that the engine reads
// itself: the union of the files' columns (the engine fills a file's gaps
// with NULL), constants last, and each file's constants.
func (l *loader) groupTable(ops []opened) (dialects.LoadTable, []map[string]any) {
	var t dialects.LoadTable
	t.Schema, t.Table = l.o.Schema.Schema, ops[0].f.Table
	seen := map[string]bool{}
	var consts []dialects.LoadColumn
	for _, o := range ops {
		for _, c := range o.cols {
			if seen[c.Name] {
				continue
			}
			seen[c.Name] = true
			if c.Const != nil {
				consts = append(consts, c)
			} else {
				t.Columns = append(t.Columns, c)
			}
		}
	}
	t.Columns = append(t.Columns, consts...)
	per := make([]map[string]any, len(ops))
	for i, o := range ops {
		m := map[string]any{}
		for _, c := range o.cols {
			if c.Const != nil {
				m[c.Name] = c.Const
			}
		}
		per[i] = m
	}
	return t, per
}

// objectLoader returns the engine's ObjectLoader when it should read
// files straight from object storage: a remote export, an engine that
// can, settings that let it (ObjectLoadable), and no --stream. Otherwise
// rows are streamed, with a warning (once per reason) when the engine
// could have read them but a setting is missing.
func (l *loader) objectLoader(files []export.File) dialects.ObjectLoader {
	ol, ok := l.o.Dialect.(dialects.ObjectLoader)
	if !ok || l.o.Stream || !l.o.Source.Remote() {
		return nil
	}
	if ok, why := l.objectsLoadable(ol, files); !ok {
		l.warn(fmt.Sprintf("%s does not read this export itself (%s); mtx streams the rows instead", l.o.Dialect.Name(), why))
		return nil
	}
	return ol
}

// objectsLoadable asks the engine about its connection (ConnObjectLoader)
// and about every file; why is the first refusal.
func (l *loader) objectsLoadable(ol dialects.ObjectLoader, files []export.File) (ok bool, why string) {
	if c, isConn := ol.(dialects.ConnObjectLoader); isConn {
		if ok, why := c.LoadsObjectsOn(l.o.DB); !ok {
			return false, why
		}
	}
	for _, f := range files {
		if ok, why := ol.ObjectLoadable(l.o.Source.ObjectURL(f), l.o.Object); !ok {
			return false, why
		}
	}
	return true, ""
}

// insertObjects hands a group's files to an engine that reads them from
// object storage itself, and checks its row count against the footers.
func (l *loader) insertObjects(ctx context.Context, ol dialects.ObjectLoader, q dialects.Querier, ops []opened, rows []int64) error {
	t, consts := l.groupTable(ops)
	files := make([]dialects.ObjectFile, len(ops))
	var want int64
	for i, o := range ops {
		files[i] = dialects.ObjectFile{URL: l.o.Source.ObjectURL(o.f), Root: l.o.Source.URL, Consts: consts[i], Columns: o.pf.objectColumns()}
		rows[i] = o.pf.NumRows()
		want += rows[i]
		l.o.Progress.FileStarted(o.f, rows[i])
	}
	oo := l.o.Object
	oo.Types = l.o.Schema
	n, err := ol.InsertObjects(ctx, l.conn, q, t, files, oo)
	if err == nil && n != want {
		err = fmt.Errorf("%s loaded %d rows, the parquet footers promise %d", l.o.Dialect.Name(), n, want)
	}
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fmt.Errorf("%s: %w", ops[0].f.Path, err)
	}
	l.o.Progress.Rows(n)
	for _, o := range ops {
		l.byEngine[o.f.Path] = true
		testHook("inserted", o.f.Path)
	}
	return nil
}

// insertParquet hands a group's files to an engine that reads parquet
// itself. The engine rarely names the row of a conversion error, so for a
// failing single file mtx reads the file itself to find it.
func (l *loader) insertParquet(ctx context.Context, pl dialects.ParquetLoader, q dialects.Querier, ops []opened, rows []int64) error {
	t, consts := l.groupTable(ops)
	files := make([]dialects.ParquetFile, len(ops))
	var want int64
	for i, o := range ops {
		files[i] = dialects.ParquetFile{Path: o.ra.Name(), Consts: consts[i]}
		rows[i] = o.pf.NumRows()
		want += rows[i]
	}
	n, err := pl.InsertParquet(ctx, q, t, files)
	if err == nil && n != want {
		err = fmt.Errorf("the engine inserted %d rows, the parquet footers promise %d", n, want)
	}
	if err != nil {
		if len(ops) == 1 {
			return l.engineRefused(ctx, ops[0], err)
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fmt.Errorf("%s: %w", ops[0].f.Path, err)
	}
	l.o.Progress.Rows(n)
	for _, o := range ops {
		testHook("inserted", o.f.Path)
	}
	return nil
}

// sendParquet sends each file of a group to an engine that decodes parquet
// it is sent (dialects.ParquetSender), and checks the rows it reports
// inserting against the footer.
func (l *loader) sendParquet(ctx context.Context, ps dialects.ParquetSender, ops []opened, rows []int64) error {
	t, consts := l.groupTable(ops)
	for i, o := range ops {
		t.Columns = o.cols
		want := o.pf.NumRows()
		l.o.Progress.FileStarted(o.f, want)
		n, err := ps.SendParquet(ctx, l.o.DB, t, dialects.ParquetFile{Path: o.ra.Name(), Consts: consts[i], Columns: o.pf.objectColumns()})
		if err == nil && n != want {
			err = fmt.Errorf("the engine inserted %d rows, the parquet footer promises %d", n, want)
		}
		if err != nil {
			return l.engineRefused(ctx, o, err)
		}
		rows[i] = n
		l.o.Progress.Rows(n)
		testHook("inserted", o.f.Path)
	}
	return nil
}

// engineRefused is the error of a file an engine reading parquet itself
// failed on. The engine rarely names the row, so mtx reads the file
// itself to find the value; else the engine's error names the file.
func (l *loader) engineRefused(ctx context.Context, o opened, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	src := newFileRows(o.f.Path, o.pf, o.cols, l.decimal())
	defer src.Close()
	for src.Next() {
	}
	if src.Err() != nil {
		return src.Err()
	}
	return fmt.Errorf("%s: %w", o.f.Path, err)
}

// insertRows streams one file's rows through the engine's Loader (or the
// generic multi-row INSERT).
func (l *loader) insertRows(ctx context.Context, q dialects.Querier, o opened) (int64, error) {
	d := l.o.Dialect
	lt := dialects.LoadTable{Schema: l.o.Schema.Schema, Table: o.f.Table, Columns: o.cols}
	src := prefetch(newFileRows(o.f.Path, o.pf, o.cols, l.decimal()))
	defer src.Close()
	l.o.Progress.FileStarted(o.f, o.pf.NumRows())
	counted := &countingRows{RowSource: src, p: l.o.Progress}
	n, err := d.InsertRows(ctx, l.conn, q, lt, counted)
	counted.flush()
	if src.Err() != nil {
		return 0, src.Err()
	}
	if err != nil {
		return 0, fmt.Errorf("%s: %w", o.f.Path, err)
	}
	return n, nil
}

// removeLeftovers runs before loading on engines without transactions,
// under the load lock: a previous run may have inserted rows of a file and
// died before that file's manifest entry, so every row of the tables about
// to be loaded whose _mtx_source_file is not in the manifest is deleted —
// one statement per table, rather than one per file.
func (l *loader) removeLeftovers(ctx context.Context, todo []export.File) error {
	if l.o.Dialect.LoadTransactional() {
		return nil
	}
	d, schema := l.o.Dialect, l.o.Schema.Schema
	seen := map[string]bool{}
	for _, f := range todo {
		if seen[f.Table] {
			continue
		}
		seen[f.Table] = true
		if _, err := l.conn.ExecContext(ctx, leftoversDelete(d, schema, f.Table)); err != nil {
			return fmt.Errorf("removing rows of an interrupted load from %s.%s: %w", schema, f.Table, err)
		}
	}
	return nil
}

// deleteBySource removes the rows of f from its table (engines without
// transactions), by _mtx_source_file.
func (l *loader) deleteBySource(ctx context.Context, f export.File) error {
	_, err := l.conn.ExecContext(ctx, sourceDelete(l.o.Dialect, l.lit, l.o.Schema.Schema, f.Table, f.Path))
	return err
}

// countingRows reports streamed rows to the progress display in steps.
type countingRows struct {
	dialects.RowSource
	p Progress
	n int64
}

func (c *countingRows) Next() bool {
	ok := c.RowSource.Next()
	if ok {
		c.n++
		if c.n == 16384 {
			c.flush()
		}
	}
	return ok
}

func (c *countingRows) flush() {
	if c.n > 0 {
		c.p.Rows(c.n)
		c.n = 0
	}
}

// TablesSorted returns the tables of a summary, sorted.
func (s *Summary) TablesSorted() []string {
	var out []string
	for t := range s.Rows {
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}
