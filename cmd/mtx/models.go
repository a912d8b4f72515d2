package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

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

// models compiles the project's models for the target's dialect.
func (g *globalFlags) models() (*env, *model.Project, *model.Graph, error) {
	e, err := g.load()
	if err != nil {
		return nil, nil, nil, err
	}
	var extra []*model.Node
	for _, src := range extraModels {
		nodes, err := src(g, e)
		if err != nil {
			return nil, nil, nil, err
		}
		extra = append(extra, nodes...)
	}
	reg, err := model.Load(e.history.Current(), e.selected, g.projectFile(), extra...)
	if err != nil {
		return nil, nil, nil, err
	}
	p := &model.Project{Dialect: e.Dialect, Schema: e.Options.Schema, Catalog: e.history.Current(), Selected: e.selected, Models: reg}
	gr, err := p.Compile()
	if err != nil {
		return nil, nil, nil, err
	}
	return e, p, gr, nil
}

// selectModels compiles the project's models and resolves --select: the
// shared start of run, compile and test.
func (g *globalFlags) selectModels(cmd *cobra.Command, sel []string) (*env, *model.Project, *model.Graph, []string, error) {
	// --select "" would select nothing, and so build everything.
	if cmd.Flags().Changed("select") && (len(sel) == 0 || slices.ContainsFunc(sel, func(s string) bool { return strings.TrimSpace(s) == "" })) {
		return nil, nil, nil, nil, fmt.Errorf("--select: an empty selector selects nothing; name models (NAME, glob, tag:TAG, +NAME, NAME+) or leave --select out to select all")
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
			e, p, gr, names, err := g.selectModels(cmd, sel)
			if err != nil {
				return err
			}
			db, err := e.connect(cmd.Context())
			if err != nil {
				return err
			}
			defer db.Close()
			r := &model.Runner{Project: p, DB: db, Log: cmd.ErrOrStderr(), FullRefresh: full, LockTimeout: lockTimeout}
			if err := r.Run(cmd.Context(), gr, names); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "built %d models in %s.%s\n", len(names), e.Dialect.Name(), e.Options.Schema)
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
			fmt.Fprintf(cmd.OutOrStdout(), "wrote %d models to %s\n", len(names), out)
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
			e, p, gr, names, err := g.selectModels(cmd, sel)
			if err != nil {
				return err
			}
			db, err := e.connect(cmd.Context())
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
				return fmt.Errorf("%d of %d data tests failed (%s)", len(failed), len(tests), strings.Join(which, ", "))
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%d data tests passed on %d models\n", len(tests), len(names))
			return nil
		},
	}
	cmd.Flags().StringSliceVarP(&sel, "select", "s", nil, "models to test (as for run)")
	return cmd
}
