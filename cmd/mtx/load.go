package main

import (
	"database/sql"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/exitcode"
	"github.com/mtxhq/mtx/internal/export"
	"github.com/mtxhq/mtx/internal/load"
	"github.com/mtxhq/mtx/internal/lock"
	"github.com/mtxhq/mtx/internal/project"
	"github.com/spf13/cobra"
)

func newLoad(g *globalFlags) *cobra.Command {
	var (
		tables        []string
		since         string
		dryRun, quiet bool
		format        string
		lockTimeout   time.Duration
		obj           project.LoadSettings
	)
	cmd := &cobra.Command{
		Use:   "load LOCATION",
		Short: "Load new export files (local folder, s3://, gs://) exactly once",
		Long: `Load Metronome's object-storage export into the export schema.

LOCATION is a local folder, s3://bucket/folder or gs://bucket/folder laid out
as <table>/dt=<YYYY-MM-DD>/<part>_<YYYYMMDDHHmmss>.parquet. Every file is
loaded once: the manifest table _mtx_load_manifest records loaded files, so a
rerun loads only new ones and an interrupted load resumes where it stopped.
Credentials come from the standard AWS and Google credential chains.

From s3:// or gs://, engines that can read the files themselves do: a
Snowflake COPY INTO from --stage, BigQuery load jobs (gs://), Redshift COPY
... FORMAT PARQUET with --iam-role (s3://). mtx then reads only each file's
footer (columns, row count); --stream makes it stream every row instead.
The same settings can go in project.yaml under load: (or a target's load:).`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			lockTimeout, err := lockWait(lockTimeout)
			if err != nil {
				return err
			}
			if err := checkFormat(format); err != nil {
				return err
			}
			e, err := g.load()
			if err != nil {
				return err
			}
			if e.SourceSchema != "" {
				return fmt.Errorf("load refuses with a source schema: Metronome's sync service delivers the export into %s itself, and mtx never writes there; run mtx run to build the models in %s", e.SourceSchema, e.Options.Schema)
			}
			// The project's settings were checked when it was read: an
			// error now is in a flag.
			settings := e.Load.Over(&obj)
			if err := settings.Validate(); err != nil {
				msg := err.Error()
				if strings.HasPrefix(msg, "iam_role") {
					msg = "iam-role" + strings.TrimPrefix(msg, "iam_role")
				}
				return errors.New("--" + msg)
			}
			var sinceT time.Time
			if since != "" {
				if sinceT, err = time.Parse("2006-01-02", since); err != nil {
					return fmt.Errorf("--since %q is not a date (YYYY-MM-DD)", since)
				}
			}
			cat := e.history.Current()
			sel := func(t string) bool { return e.selected == nil || e.selected(t) }
			if len(tables) > 0 {
				want := map[string]bool{}
				for _, t := range tables {
					t = strings.TrimSpace(t)
					if t == "" {
						continue
					}
					if _, ok := cat.Table(t); !ok {
						return fmt.Errorf("--tables: %q is not an export table (see mtx catalog)", t)
					}
					if !sel(t) {
						return fmt.Errorf("--tables: %s is not selected in project.yaml (tables:)", t)
					}
					want[t] = true
				}
				sel = func(t string) bool { return want[t] }
			}
			ctx := cmd.Context()
			src, err := export.Open(ctx, args[0])
			if err != nil {
				return err
			}
			defer src.Close()
			stderr := cmd.ErrOrStderr()
			var db *sql.DB
			ro, readOnly := e.Dialect.(dialects.ReadOnlyOpener)
			if dryRun && readOnly {
				// A dry run changes nothing: it must not create the
				// database file, nor write to it.
				db, err = e.connectWith(ctx, ro.OpenReadOnly)
				if errors.Is(err, dialects.ErrNoDatabase) {
					fmt.Fprintf(stderr, "nothing loaded yet: %s does not exist, so every file is listed\n", where(e))
					db, err = nil, nil
				}
			} else if sp, ok := e.Dialect.(dialects.SingleProcess); ok && !dryRun {
				// One process at a time opens a DuckDB file: another load
				// (or migrate) holding it is waited for, as `mtx migrate` does.
				what := fmt.Sprintf("schema %s on %s", e.Options.Schema, where(e))
				db, err = lock.WaitOpenFor(ctx, lock.Load, func() (*sql.DB, error) { return e.connect(ctx) }, sp.Busy, what, lockTimeout, stderr)
			} else {
				db, err = e.connect(ctx)
			}
			if err != nil && !dryRun {
				return err
			}
			if err != nil {
				// A dry run still lists the export without the target.
				fmt.Fprintln(stderr, "warning: the load manifest was not read, so every file is listed:", err)
				db = nil
			} else if db != nil {
				defer db.Close()
			}
			out := cmd.OutOrStdout()
			progress := load.NewProgress(stderr, quiet)
			warn := &warnings{w: stderr, quiet: quiet}
			var events *jsonEvents
			if format == formatJSON {
				events = &jsonEvents{w: out}
				progress = eventProgress{Progress: progress, ev: events}
				warn.ev = events
			}
			sum, err := load.Run(ctx, load.Options{
				Dialect: e.Dialect, DB: db, Schema: e.Options, Catalog: cat, Source: src,
				Tables: sel, Since: sinceT, DryRun: dryRun,
				Progress:    progress,
				Warn:        warn.warn,
				LockTimeout: lockTimeout, LockLog: stderr, Where: where(e),
				Object: dialects.ObjectOptions{Stage: settings.Stage, IAMRole: settings.IAMRole, Region: settings.Region},
				Stream: settings.Stream,
			})
			warn.close()
			var waited *lock.TimeoutError
			if errors.As(err, &waited) {
				return err // it names the target already
			}
			if err != nil {
				return fmt.Errorf("load into %s: %w", where(e), err)
			}
			if events != nil {
				for _, f := range sum.Pending {
					size := f.Size
					events.emit(loadEvent{Event: "file_pending", Path: f.Path, Table: f.Table, Bytes: &size})
				}
				events.summary(sum, dryRun, warn.n)
			}
			if dryRun && events == nil {
				fmt.Fprintf(out, "dry run: %s found, %d already loaded, %d would be loaded (%s, schema %s)\n", count(sum.Found, "file", "files"), sum.Skipped, len(sum.Pending), where(e), e.Options.Schema)
				for _, f := range sum.Pending {
					fmt.Fprintf(out, "  %s (%d bytes)\n", f.Path, f.Size)
				}
				return nil
			}
			if events == nil && (!quiet || len(sum.Failed) > 0) {
				printSummary(out, sum)
			}
			if len(sum.Failed) > 0 {
				return exitcode.Fail(fmt.Errorf("%d of %d new files failed to load, first: %w", len(sum.Failed), len(sum.Failed)+sum.Loaded, sum.Failed[0]))
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringSliceVar(&tables, "tables", nil, "tables to load, comma-separated or repeated (default: the project's selection)")
	f.StringVar(&since, "since", "", "only files whose dt= partition is on or after this date (YYYY-MM-DD)")
	f.BoolVar(&dryRun, "dry-run", false, "list the files that would be loaded; change nothing")
	f.BoolVar(&quiet, "quiet", false, "no progress, no summary, and one line counting the warnings instead of each (errors still go to standard error)")
	addFormatFlag(cmd, &format)
	f.StringVar(&obj.Stage, "stage", "", "Snowflake external stage whose URL is LOCATION (e.g. @mtx_export): COPY INTO from it")
	f.StringVar(&obj.IAMRole, "iam-role", "", "IAM role ARN Redshift's COPY assumes to read s3:// (arn:aws:iam::<account>:role/<name>)")
	f.StringVar(&obj.Region, "region", "", "AWS region of the bucket, where it differs from the Redshift cluster's")
	f.BoolVar(&obj.Stream, "stream", false, "stream every row through mtx even where the engine could read the files itself")
	f.DurationVar(&lockTimeout, "lock-timeout", lock.DefaultTimeout, "how long to wait for another mtx load on the same schema to finish")
	return cmd
}

func printSummary(w io.Writer, s *load.Summary) {
	fmt.Fprintf(w, "loaded %s, skipped %d already loaded, %d failed, %d ignored (%s in %s)\n",
		count(s.Loaded, "file", "files"), s.Skipped, len(s.Failed), len(s.Ignored), humanBytes(s.Bytes), s.Duration.Round(time.Millisecond))
	var total int64
	for _, t := range s.TablesSorted() {
		fmt.Fprintf(w, "  %-40s %s\n", t, count(int(s.Rows[t]), "row", "rows"))
		total += s.Rows[t]
	}
	if secs := s.Duration.Seconds(); total > 0 && secs > 0 {
		fmt.Fprintf(w, "  %s, %.0f rows/s\n", count(int(total), "row", "rows"), float64(total)/secs)
	}
	if s.Engine > 0 {
		fmt.Fprintf(w, "  %d of %s read by the engine from object storage\n", s.Engine, count(s.Loaded, "file", "files"))
	}
}

func humanBytes(b int64) string {
	switch {
	case b >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(b)/(1<<30))
	case b >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(b)/(1<<20))
	case b >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(b)/(1<<10))
	}
	return fmt.Sprintf("%d B", b)
}
