package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/mtxhq/mtx/internal/lock"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/mtxhq/mtx/dialects/all"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/internal/ddl"
	"github.com/mtxhq/mtx/internal/demo"
	"github.com/mtxhq/mtx/internal/project"
	"github.com/spf13/cobra"
)

// DefaultDemoDB is the embedded DuckDB file `mtx demo` builds. It is not the
// project's local target (mtx.duckdb): the demo never touches a user's data.
const DefaultDemoDB = "mtx-demo.duckdb"

// demoFlags size the generated export.
type demoFlags struct {
	customers, months int
	seed              int64
	start             string
}

func (f *demoFlags) register(cmd *cobra.Command, def demo.Options) {
	cmd.Flags().IntVar(&f.customers, "customers", def.Customers, "customers to generate (about 1 in 10 in SANDBOX)")
	cmd.Flags().IntVar(&f.months, "months", def.Months, "calendar months of history; the last one is in progress")
	cmd.Flags().Int64Var(&f.seed, "seed", def.Seed, "random seed: the same seed writes the same bytes")
	cmd.Flags().StringVar(&f.start, "start", demo.DefaultStart.Format("2006-01-02"), "first day of the export (YYYY-MM-DD, UTC)")
}

func (f *demoFlags) options() (demo.Options, error) {
	start, err := time.Parse("2006-01-02", f.start)
	if err != nil {
		return demo.Options{}, fmt.Errorf("--start %q is not a date (YYYY-MM-DD)", f.start)
	}
	o := demo.Options{Customers: f.customers, Months: f.months, Seed: f.seed, Start: start}
	return o, o.Validate()
}

func newDemo(g *globalFlags) *cobra.Command {
	var f demoFlags
	var db, exportDir string
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Run the whole pipeline on a generated sample export in an embedded DuckDB file",
		Long: `Generate a sample Metronome export, create the export schema in an embedded
DuckDB file (` + DefaultDemoDB + ` by default, rebuilt on every run), and run the
pipeline on it. No server and no project.yaml are needed; project.yaml is not read.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			for flag, v := range map[string]string{"--dialect": g.flags.Dialect, "--dsn": g.flags.DSN, "--target": g.flags.Target, "--schema": g.flags.Schema, "--project": g.project} {
				if v != "" {
					return fmt.Errorf("mtx demo does not use %s: it builds its own DuckDB file (--db); run the other commands for your targets", flag)
				}
			}
			o, err := f.options()
			if err != nil {
				return err
			}
			return runDemo(cmd.Context(), cmd.OutOrStdout(), o, db, exportDir, demoSteps())
		},
	}
	f.register(cmd, demo.Small)
	cmd.Flags().StringVar(&db, "db", DefaultDemoDB, "DuckDB file to build (replaced on every run)")
	cmd.Flags().StringVar(&exportDir, "export", "", "keep the generated export in this new folder (default: a temporary folder, removed afterwards)")
	cmd.AddCommand(newDemoGenerate())
	return cmd
}

func newDemoGenerate() *cobra.Command {
	var f demoFlags
	var manifest string
	cmd := &cobra.Command{
		Use:   "generate DIR",
		Short: "Write a synthetic export of every table in the object-storage layout",
		Long: `Write a synthetic Metronome export of every catalog table into DIR (a new or
empty folder), laid out as object storage delivers it:
DIR/<table>/dt=<YYYY-MM-DD>/<part>_<YYYYMMDDHHmmss>.parquet. Updated rows, retried
transfers, vanishing snapshot rows and both environments are included.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o, err := f.options()
			if err != nil {
				return err
			}
			cat, err := currentCatalog()
			if err != nil {
				return err
			}
			began := time.Now()
			m, err := demo.Generate(args[0], cat, o)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			printGenerated(out, m, time.Since(began))
			if manifest != "" {
				data, err := json.MarshalIndent(m, "", "  ")
				if err != nil {
					return err
				}
				if err := os.WriteFile(manifest, append(data, '\n'), 0o644); err != nil {
					return fmt.Errorf("writing manifest: %w", err)
				}
				fmt.Fprintf(out, "manifest (files, row counts, known answers): %s\n", manifest)
			}
			return nil
		},
	}
	f.register(cmd, demo.Defaults)
	cmd.Flags().StringVar(&manifest, "manifest", "", "also write the manifest and known answers as JSON to this file (outside DIR)")
	return cmd
}

func currentCatalog() (*catalog.Catalog, error) {
	h, err := catalog.Embedded()
	if err != nil {
		return nil, err
	}
	return h.Current(), nil
}

// demoRun is what the steps of `mtx demo` share.
type demoRun struct {
	out        io.Writer
	opt        demo.Options
	exportDir  string         // the generated export (object-storage layout)
	tempExport bool           // exportDir is removed when the demo ends
	manifest   *demo.Manifest // what was generated, with the known answers
	db         string         // the DuckDB file
	env        *env           // the DuckDB target, as every other command sees it
}

// demoStep is one stage of `mtx demo`.
type demoStep struct {
	name string
	run  func(ctx context.Context, d *demoRun) error
}

// demoSteps is the pipeline of `mtx demo`, in order. Each step is what the
// matching command does, called in-process on the demo target d.env and the
// export in d.exportDir:
//
//	generate  mtx demo generate DIR
//	migrate   mtx migrate up
//	load      mtx load DIR
//	run       mtx run                 (current-state models and cookbook views,
//	                                   checked against d.manifest.Known)
//	cookbook  mtx cookbook run ...    (a few answers)
func demoSteps() []demoStep {
	return []demoStep{
		{"generate", demoGenerate},
		{"migrate", demoMigrate},
		{"load", demoLoad},
		{"run", demoRunModels},
		{"cookbook", demoCookbook},
	}
}

func runDemo(ctx context.Context, out io.Writer, o demo.Options, db, exportDir string, steps []demoStep) error {
	if db == "" {
		return errors.New("--db must name a DuckDB file")
	}
	if exportDir != "" {
		if entries, err := os.ReadDir(exportDir); err == nil && len(entries) > 0 {
			return fmt.Errorf("--export %s is not empty: give a new folder", exportDir)
		}
	}
	// The demo database is rebuilt from scratch on every run.
	for _, p := range []string{db, db + ".wal"} {
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("replacing demo database: %w", err)
		}
	}
	temp := exportDir == ""
	if temp {
		tmp, err := os.MkdirTemp("", "mtx-demo-export-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		exportDir = tmp
	}
	e, err := demoEnv(db)
	if err != nil {
		return err
	}
	d := &demoRun{out: out, opt: o, exportDir: exportDir, tempExport: temp, db: db, env: e}
	began := time.Now()
	for _, s := range steps {
		fmt.Fprintf(out, "==> %s\n", s.name)
		t := time.Now()
		if err := s.run(ctx, d); err != nil {
			return fmt.Errorf("demo step %s: %w", s.name, err)
		}
		fmt.Fprintf(out, "    (%s)\n", time.Since(t).Round(time.Millisecond))
	}
	fmt.Fprintf(out, "demo done in %s; database: %s\n", time.Since(began).Round(time.Millisecond), db)
	printDemoNext(out, db, e.Options.Schema)
	return nil
}

// demoEnv is the embedded DuckDB target of the demo: every table, the
// default schema, no project.yaml.
func demoEnv(db string) (*env, error) {
	r, err := project.Resolve(nil, project.Flags{Dialect: "duckdb", DSN: db}, all.Get)
	if err != nil {
		return nil, err
	}
	h, err := catalog.Embedded()
	if err != nil {
		return nil, err
	}
	sel, err := r.Selection.Filter(h.Current())
	if err != nil {
		return nil, err
	}
	rd, err := ddl.New(r.Dialect, r.Options)
	if err != nil {
		return nil, err
	}
	return &env{Resolved: r, history: h, selected: sel, renderer: rd}, nil
}

func demoGenerate(ctx context.Context, d *demoRun) error {
	began := time.Now()
	m, err := demo.Generate(d.exportDir, d.env.history.Current(), d.opt)
	if err != nil {
		return err
	}
	d.manifest = m
	files, rows := totals(m)
	fmt.Fprintf(d.out, "    %d customers, %d months from %s (seed %d): %d files, %d rows in %s, %s\n",
		d.opt.Customers, d.opt.Months, m.Options.Start.Format("2006-01-02"), d.opt.Seed, files, rows, d.exportDir, time.Since(began).Round(time.Millisecond))
	if d.tempExport {
		fmt.Fprintln(d.out, "    (a temporary folder, removed at the end; --export DIR keeps the export)")
	}
	return nil
}

func demoMigrate(ctx context.Context, d *demoRun) error {
	versions, err := d.env.renderer.Versions(d.env.history, d.env.selected)
	if err != nil {
		return err
	}
	var buf strings.Builder
	if err := runMigrate(ctx, &buf, io.Discard, d.env, versions, "up", 0, lock.DefaultTimeout, nil, formatText); err != nil {
		return err
	}
	for _, l := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
		fmt.Fprintln(d.out, "    "+l)
	}
	// Say what is really there, read back from the database.
	db, err := d.env.connect(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	var n int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM information_schema.tables WHERE table_schema = ?`, d.env.Options.Schema).Scan(&n); err != nil {
		return fmt.Errorf("counting tables in %s: %w", d.db, err)
	}
	fmt.Fprintf(d.out, "    %s: %d tables in schema %s\n", d.db, n, d.env.Options.Schema)
	return nil
}

func totals(m *demo.Manifest) (files, rows int) {
	for _, t := range m.Tables {
		files += t.Files
		rows += t.Rows
	}
	return files, rows
}

// printGenerated prints the per-table summary and the known answers.
func printGenerated(out io.Writer, m *demo.Manifest, took time.Duration) {
	files, rows := totals(m)
	fmt.Fprintf(out, "Generated %d files, %d rows in %s", files, rows, m.Dir)
	if took > 0 {
		fmt.Fprintf(out, " in %s", took.Round(time.Millisecond))
	}
	fmt.Fprintf(out, " (%d customers, %d months from %s, seed %d; as of %s)\n\n",
		m.Options.Customers, m.Options.Months, m.Options.Start.Format("2006-01-02"), m.Options.Seed, m.Known.AsOf.Format(time.RFC3339))
	tw := tabwriter.NewWriter(out, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "TABLE\tKIND\tFILES\tROWS\tRETRIED FILES\tSNAPSHOTS\tCURRENT ROWS")
	for _, t := range m.Tables {
		snaps := "-"
		if t.Kind == string(catalog.Snapshot) {
			snaps = fmt.Sprint(t.Snapshots)
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%s\t%d\n", t.Table, t.Kind, t.Files, t.Rows, t.RetriedFiles, snaps, t.CurrentRows)
	}
	tw.Flush()
	fmt.Fprintln(out, "\nWhat the data must answer (the generator's own truth, not read from a database; invoices by UTC month of end_timestamp, as the cookbook counts them):")
	tw = tabwriter.NewWriter(out, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ENVIRONMENT\tMONTH\tSTATUS\tINVOICES\tTOTAL")
	for _, it := range m.Known.InvoiceTotals {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\n", it.Environment, it.Month, it.Status, it.Invoices, it.Total)
	}
	for _, dt := range m.Known.DraftTotals {
		fmt.Fprintf(tw, "%s\tcurrent\tDRAFT\t%d\t%s\n", dt.Environment, dt.Invoices, dt.Total)
	}
	tw.Flush()
	fmt.Fprintf(out, "customers: %d PRODUCTION, %d SANDBOX; events: %d PRODUCTION, %d SANDBOX; drafts gone from the latest snapshot: %d\n",
		m.Known.Customers["PRODUCTION"], m.Known.Customers["SANDBOX"], m.Known.Events["PRODUCTION"], m.Known.Events["SANDBOX"], m.Known.VanishedDrafts)
}
