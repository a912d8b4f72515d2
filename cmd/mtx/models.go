package main

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/mtxhq/mtx/internal/discover"
	"github.com/mtxhq/mtx/internal/lock"
	"github.com/mtxhq/mtx/internal/model"
	"github.com/mtxhq/mtx/internal/project"
	"github.com/spf13/cobra"
)

// extraModels are node sources other packages contribute to `mtx run`:
// the cookbook's views (cookbookModels).
var extraModels = []func(g *globalFlags, e *env) ([]*model.Node, error){cookbookModels}

// projectFile is the project.yaml the command reads, "" when none.
func (g *globalFlags) projectFile() string {
	if g.project != "" {
		return g.project
	}
	if _, err := os.Stat(project.FileName); err == nil {
		return project.FileName
	}
	return ""
}

// models compiles the project's models for the target's dialect, without
// connecting: in source mode every table and column is assumed delivered
// under its catalog name.
func (g *globalFlags) models() (*env, *model.Project, *model.Graph, error) {
	e, err := g.load()
	if err != nil {
		return nil, nil, nil, err
	}
	p, gr, err := g.compileOn(context.Background(), e, nil, nil)
	return e, p, gr, err
}

// compileOn compiles the project's models for e. In source mode, with db
// it reads the delivered schema (discover.Discover) and reports to log what
// differs from the catalog and which models that skips.
func (g *globalFlags) compileOn(ctx context.Context, e *env, db *sql.DB, log io.Writer) (*model.Project, *model.Graph, error) {
	var extra []*model.Node
	for _, src := range extraModels {
		nodes, err := src(g, e)
		if err != nil {
			return nil, nil, err
		}
		extra = append(extra, nodes...)
	}
	var delivered *discover.Schema
	if e.SourceSchema != "" {
		extra = append(model.SourceViewNodes(e.history.Current(), e.selected), extra...)
		if db == nil {
			delivered = discover.Assume(e.SourceSchema, e.history.Current(), e.selected)
		} else {
			var err error
			if delivered, err = discover.Discover(ctx, e.Dialect, db, e.SourceSchema, e.history.Current(), e.selected); err != nil {
				return nil, nil, err
			}
			if len(delivered.Tables) == 0 {
				return nil, nil, fmt.Errorf("source schema %s has none of the export tables (is it the schema Metronome delivers to? on Snowflake, its name unquoted)", e.SourceSchema)
			}
		}
	}
	reg, err := model.Load(e.history.Current(), e.selected, g.projectFile(), extra...)
	if err != nil {
		return nil, nil, err
	}
	p := &model.Project{Dialect: e.Dialect, Schema: e.Options.Schema, Catalog: e.history.Current(), Selected: e.selected, Models: reg,
		Source: delivered, Options: e.Options}
	gr, err := p.Compile()
	if err != nil {
		return nil, nil, err
	}
	if log != nil && delivered != nil {
		for _, l := range delivered.Report() {
			fmt.Fprintln(log, l)
		}
		var skipped []string
		for name := range gr.Skipped {
			skipped = append(skipped, name)
		}
		sort.Strings(skipped)
		for _, name := range skipped {
			fmt.Fprintf(log, "skipped %s: %s\n", name, gr.Skipped[name])
		}
	}
	return p, gr, nil
}

// selectModels compiles the project's models and resolves --select: the
// shared start of run, compile and test.
func (g *globalFlags) selectModels(cmd *cobra.Command, sel []string) (*env, *model.Project, *model.Graph, []string, error) {
	if err := checkSelect(cmd, sel); err != nil {
		return nil, nil, nil, nil, err
	}
	e, p, gr, err := g.models()
	if err != nil {
		return nil, nil, nil, nil, err
	}
	names, err := gr.Select(sel)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	return e, p, gr, names, nil
}

// checkSelect refuses an empty selector: --select "" would select nothing,
// and so build everything.
func checkSelect(cmd *cobra.Command, sel []string) error {
	if cmd.Flags().Changed("select") && (len(sel) == 0 || slices.ContainsFunc(sel, func(s string) bool { return strings.TrimSpace(s) == "" })) {
		return fmt.Errorf("--select: an empty selector selects nothing; name models (NAME, glob, tag:TAG, +NAME, NAME+) or leave --select out to select all")
	}
	return nil
}

// connectAndSelect is selectModels for commands that connect (run, test):
// in source mode the models are compiled for the delivered schema as found.
func (g *globalFlags) connectAndSelect(cmd *cobra.Command, sel []string, log io.Writer) (*env, *sql.DB, *model.Project, *model.Graph, []string, error) {
	ctx := cmd.Context()
	if err := checkSelect(cmd, sel); err != nil {
		return nil, nil, nil, nil, nil, err
	}
	e, err := g.load()
	if err != nil {
		return nil, nil, nil, nil, nil, err
	}
	if e.SourceSchema == "" {
		// Compile first: a model error needs no database.
		if _, _, err := g.compileOn(ctx, e, nil, nil); err != nil {
			return nil, nil, nil, nil, nil, err
		}
	}
	// A DuckDB file that does not exist is not created by run or test.
	if err := e.requireDatabase(); err != nil {
		return nil, nil, nil, nil, nil, err
	}
	db, err := e.connect(ctx)
	if err != nil {
		return nil, nil, nil, nil, nil, err
	}
	p, gr, err := g.compileOn(ctx, e, db, log)
	if err == nil {
		var names []string
		if names, err = gr.Select(sel); err == nil {
			return e, db, p, gr, names, nil
		}
	}
	db.Close()
	return nil, nil, nil, nil, nil, err
}

func newRun(g *globalFlags) *cobra.Command {
	var sel []string
	var full bool
	var lockTimeout time.Duration
	cmd := &cobra.Command{
		Use:   "run",
		Short: "Build the models: current-state models, cookbook views and your own",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			lockTimeout, err := lockWait(lockTimeout)
			if err != nil {
				return err
			}
			e, db, p, gr, names, err := g.connectAndSelect(cmd, sel, cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			defer db.Close()
			if e.SourceSchema == "" {
				if err := e.requireMigrated(cmd.Context(), db); err != nil {
					return err
				}
			} else {
				// mtx's own schema (models, views, the run lock) may not
				// exist yet: migrate, which creates it, is not run here.
				st, err := e.renderer.CreateSchema()
				if err != nil {
					return err
				}
				if _, err := db.ExecContext(cmd.Context(), st.SQL); err != nil {
					return fmt.Errorf("creating schema %s: %w", e.Options.Schema, err)
				}
			}
			r := &model.Runner{Project: p, DB: db, Log: cmd.ErrOrStderr(), FullRefresh: full, LockTimeout: lockTimeout}
			if err := r.Run(cmd.Context(), gr, names); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "built %s in %s.%s\n", count(len(names), "model", "models"), e.Dialect.Name(), e.Options.Schema)
			return nil
		},
	}
	cmd.Flags().StringSliceVarP(&sel, "select", "s", nil, "models to build: NAME, glob, tag:TAG, +NAME (and its parents), NAME+ (and its children)")
	cmd.Flags().BoolVar(&full, "full-refresh", false, "rebuild incremental models from scratch")
	cmd.Flags().DurationVar(&lockTimeout, "lock-timeout", lock.DefaultTimeout, "how long to wait for another mtx run on the schema")
	return cmd
}

func newCompile(g *globalFlags) *cobra.Command {
	var sel []string
	var out string
	cmd := &cobra.Command{
		Use:   "compile",
		Short: "Render the models' SQL for a dialect; connects to nothing",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, p, gr, names, err := g.selectModels(cmd, sel)
			if err != nil {
				return err
			}
			if out == "" {
				script, err := gr.Script(p, names)
				if err != nil {
					return err
				}
				_, err = fmt.Fprint(cmd.OutOrStdout(), script)
				return err
			}
			if err := os.MkdirAll(out, 0o755); err != nil {
				return fmt.Errorf("creating %s: %w", out, err)
			}
			for _, n := range names {
				script, err := gr.Script(p, []string{n})
				if err != nil {
					return err
				}
				path := filepath.Join(out, n+".sql")
				if err := os.WriteFile(path, []byte(script), 0o644); err != nil {
					return fmt.Errorf("writing %s: %w", path, err)
				}
			}
			fmt.Fprintf(cmd.OutOrStdout(), "wrote %s to %s\n", count(len(names), "model", "models"), out)
			return nil
		},
	}
	cmd.Flags().StringSliceVarP(&sel, "select", "s", nil, "models to compile (as for run)")
	cmd.Flags().StringVar(&out, "out", "", "write one NAME.sql per model into this directory instead of standard output")
	return cmd
}

func newTest(g *globalFlags) *cobra.Command {
	var sel []string
	cmd := &cobra.Command{
		Use:   "test",
		Short: "Run the data tests of the built models: unique keys, documented NOT NULLs, accepted values",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, db, p, gr, names, err := g.connectAndSelect(cmd, sel, nil)
			if err != nil {
				return err
			}
			defer db.Close()
			tests := gr.Tests(p, names)
			r := &model.Runner{Project: p, DB: db}
			failed, err := r.RunTests(cmd.Context(), tests, cmd.OutOrStdout())
			if err != nil {
				return err
			}
			if len(failed) > 0 {
				var which []string
				for _, f := range failed {
					which = append(which, f.Model+" "+f.Name)
				}
				if len(which) > 3 {
					which = append(which[:3], "…")
				}
				return fmt.Errorf("%d of %s failed (%s)", len(failed), count(len(tests), "data test", "data tests"), strings.Join(which, ", "))
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s passed on %s\n", count(len(tests), "data test", "data tests"), count(len(names), "model", "models"))
			return nil
		},
	}
	cmd.Flags().StringSliceVarP(&sel, "select", "s", nil, "models to test (as for run)")
	return cmd
}
