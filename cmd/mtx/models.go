package main

import (
	"context"
	"crypto/rand"
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/mtxhq/mtx/internal/artifacts"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/internal/discover"
	"github.com/mtxhq/mtx/internal/exitcode"
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

// selection is --select and --exclude, shared by run, build, compile, test and ls.
type selection struct{ sel, exclude []string }

func (s *selection) add(cmd *cobra.Command, g *globalFlags, what string) {
	cmd.Flags().StringSliceVarP(&s.sel, "select", "s", nil, what+": NAME, glob, tag:TAG, +NAME (and its parents), NAME+ (and its children)")
	cmd.Flags().StringSliceVar(&s.exclude, "exclude", nil, "leave out these models (same syntax as --select)")
	cmd.RegisterFlagCompletionFunc("select", g.completeModels)
	cmd.RegisterFlagCompletionFunc("exclude", g.completeModels)
}

// selectModels compiles the project's models and resolves --select and
// --exclude: the shared start of run, build, compile, test and ls.
func (g *globalFlags) selectModels(cmd *cobra.Command, s selection) (*env, *model.Project, *model.Graph, []string, error) {
	if err := checkSelect(cmd, s); err != nil {
		return nil, nil, nil, nil, err
	}
	e, p, gr, err := g.models()
	if err != nil {
		return nil, nil, nil, nil, err
	}
	names, err := gr.SelectExclude(s.sel, s.exclude)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	return e, p, gr, names, nil
}

// checkSelect refuses an empty selector: --select "" would select nothing,
// and so build everything.
func checkSelect(cmd *cobra.Command, s selection) error {
	empty := func(sel []string) bool {
		return len(sel) == 0 || slices.ContainsFunc(sel, func(s string) bool { return strings.TrimSpace(s) == "" })
	}
	for flag, sel := range map[string][]string{"select": s.sel, "exclude": s.exclude} {
		if cmd.Flags().Lookup(flag) != nil && cmd.Flags().Changed(flag) && empty(sel) {
			return fmt.Errorf("--%s: an empty selector selects nothing; name models (NAME, glob, tag:TAG, +NAME, NAME+) or leave --%s out", flag, flag)
		}
	}
	return nil
}

// connectAndSelect is selectModels for commands that connect (run, build,
// test): in source mode the models are compiled for the delivered schema
// as found.
func (g *globalFlags) connectAndSelect(cmd *cobra.Command, s selection, log io.Writer) (*env, *sql.DB, *model.Project, *model.Graph, []string, error) {
	ctx := cmd.Context()
	if err := checkSelect(cmd, s); err != nil {
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
		if names, err = gr.SelectExclude(s.sel, s.exclude); err == nil {
			return e, db, p, gr, names, nil
		}
	}
	db.Close()
	return nil, nil, nil, nil, nil, err
}

// artifactFlags are where run, build, test and compile write
// manifest.json and run_results.json.
type artifactFlags struct{ targetPath string }

func (a *artifactFlags) add(cmd *cobra.Command) {
	cmd.Flags().StringVar(&a.targetPath, "target-path", "target", "directory for manifest.json and run_results.json (relative to project.yaml's folder)")
}

// dir resolves --target-path against project.yaml's folder.
func (a *artifactFlags) dir(g *globalFlags) string {
	if filepath.IsAbs(a.targetPath) {
		return a.targetPath
	}
	if pf := g.projectFile(); pf != "" {
		return filepath.Join(filepath.Dir(pf), a.targetPath)
	}
	return a.targetPath
}

// invocation is one command writing artifacts.
type invocation struct {
	command string
	start   time.Time
	id      string
	sel     selection
}

func newInvocation(command string, sel selection) *invocation {
	return &invocation{command: command, start: time.Now(), id: invocationID(), sel: sel}
}

// invocationID is a random UUID (v4), as dbt's invocation_id.
func invocationID() string {
	var b [16]byte
	rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}

func (inv *invocation) input(e *env, p *model.Project, gr *model.Graph) artifacts.Input {
	name := e.name
	if name == "" {
		name = "mtx"
	}
	return artifacts.Input{
		Project: name, Version: currentBuild().Version, Adapter: e.Dialect.Name(), Command: inv.command,
		InvocationID: inv.id, GeneratedAt: time.Now(), Models: p, Graph: gr,
		PhysicalType: func(t *catalog.Table, c catalog.Column) string { return e.Dialect.ColumnType(t, c, e.Options) },
	}
}

// write writes the manifest and, when results is not nil, run_results.json.
func (inv *invocation) write(dir string, e *env, p *model.Project, gr *model.Graph, results []model.Result) (*artifacts.RunResults, error) {
	in := inv.input(e, p, gr)
	if err := artifacts.Write(dir, artifacts.ManifestFile, artifacts.BuildManifest(in)); err != nil {
		return nil, err
	}
	if results == nil {
		return nil, nil
	}
	rr := artifacts.BuildRunResults(in, results, time.Since(inv.start), map[string]any{
		"which": inv.command, "select": nonNilStrings(inv.sel.sel), "exclude": nonNilStrings(inv.sel.exclude),
	})
	return rr, artifacts.Write(dir, artifacts.RunResultsFile, rr)
}

func nonNilStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// outcome turns results into the command's error: nil when everything
// passed, exitcode.Fail naming the first failures otherwise.
func outcome(results []model.Result) error {
	var bad []string
	models, tests := 0, 0
	for _, r := range results {
		switch {
		case r.Status == model.Error && r.Test == nil:
			models++
			bad = append(bad, r.Name+": "+r.Message)
		case r.Status == model.Error || r.Status == model.Fail:
			tests++
			bad = append(bad, r.Name+" "+r.Test.Name+": "+r.Message)
		}
	}
	if len(bad) == 0 {
		return nil
	}
	var what []string
	if models > 0 {
		what = append(what, fmt.Sprintf("%d %s", models, plural(models, "model", "models")))
	}
	if tests > 0 {
		what = append(what, fmt.Sprintf("%d data %s", tests, plural(tests, "test", "tests")))
	}
	if len(bad) > 3 {
		bad = append(bad[:3], "…")
	}
	return exitcode.Fail(fmt.Errorf("%s failed (%s)", strings.Join(what, " and "), strings.Join(bad, "; ")))
}

// summary is the closing line of run and build.
func summary(results []model.Result) string {
	var built, failed, skipped, pass, fail, notRun int
	for _, r := range results {
		switch {
		case r.Test == nil && r.Status == model.Success:
			built++
		case r.Test == nil && r.Status == model.Error:
			failed++
		case r.Test == nil:
			skipped++
		case r.Status == model.Pass:
			pass++
		case r.Status == model.Skipped:
			notRun++
		default:
			fail++
		}
	}
	s := fmt.Sprintf("built %d %s", built, plural(built, "model", "models"))
	if failed > 0 || skipped > 0 {
		s += fmt.Sprintf(", %d failed, %d skipped", failed, skipped)
	}
	if pass+fail+notRun > 0 {
		s += fmt.Sprintf("; %d data %s passed, %d failed", pass, plural(pass, "test", "tests"), fail)
		if notRun > 0 {
			s += fmt.Sprintf(", %d skipped", notRun)
		}
	}
	return s
}

func newRun(g *globalFlags) *cobra.Command {
	return newRunOrBuild(g, "run", "Build the models: current-state models, cookbook views and your own")
}

func newBuild(g *globalFlags) *cobra.Command {
	return newRunOrBuild(g, "build", "Build the models and run each one's data tests right after it, in DAG order")
}

// newRunOrBuild is run, and build (run plus each model's data tests).
func newRunOrBuild(g *globalFlags, which, short string) *cobra.Command {
	var sel selection
	var af artifactFlags
	var full, failFast bool
	var format string
	var lockTimeout time.Duration
	cmd := &cobra.Command{
		Use:   which,
		Short: short,
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkFormat(format); err != nil {
				return err
			}
			lockTimeout, err := lockWait(lockTimeout)
			if err != nil {
				return err
			}
			inv := newInvocation(which, sel)
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
			o := model.Options{FailFast: failFast}
			if which == "build" {
				o.Tests = func(name string) []model.DataTest { return gr.Tests(p, []string{name}) }
			}
			results, err := r.Execute(cmd.Context(), gr, names, o)
			if results == nil && err != nil {
				return err // nothing ran: the lock, the schema listing
			}
			// Written even when interrupted: what ran is recorded.
			rr, werr := inv.write(af.dir(g), e, p, gr, results)
			if err != nil {
				return err
			}
			if werr != nil {
				return werr
			}
			if format == formatJSON {
				if err := writeJSON(cmd.OutOrStdout(), rr); err != nil {
					return err
				}
			} else {
				fmt.Fprintf(cmd.OutOrStdout(), "%s in %s.%s\n", summary(results), e.Dialect.Name(), e.Options.Schema)
			}
			return outcome(results)
		},
	}
	sel.add(cmd, g, "models to build")
	af.add(cmd)
	addFormatFlag(cmd, &format)
	cmd.Flags().BoolVar(&full, "full-refresh", false, "rebuild incremental models from scratch")
	cmd.Flags().BoolVar(&failFast, "fail-fast", false, "stop at the first failed model (default: skip its descendants and build the rest)")
	cmd.Flags().DurationVar(&lockTimeout, "lock-timeout", lock.DefaultTimeout, "how long to wait for another mtx run on the schema")
	return cmd
}

func newCompile(g *globalFlags) *cobra.Command {
	var sel selection
	var af artifactFlags
	var out string
	cmd := &cobra.Command{
		Use:   "compile",
		Short: "Render the models' SQL for a dialect; connects to nothing",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			inv := newInvocation("compile", sel)
			e, p, gr, names, err := g.selectModels(cmd, sel)
			if err != nil {
				return err
			}
			if _, err := inv.write(af.dir(g), e, p, gr, nil); err != nil {
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
	sel.add(cmd, g, "models to compile")
	af.add(cmd)
	cmd.Flags().StringVar(&out, "out", "", "write one NAME.sql per model into this directory instead of standard output")
	return cmd
}

func newTest(g *globalFlags) *cobra.Command {
	var sel selection
	var af artifactFlags
	var format string
	cmd := &cobra.Command{
		Use:   "test",
		Short: "Run the data tests of the built models: unique keys, documented NOT NULLs, accepted values",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkFormat(format); err != nil {
				return err
			}
			inv := newInvocation("test", sel)
			e, db, p, gr, names, err := g.connectAndSelect(cmd, sel, nil)
			if err != nil {
				return err
			}
			defer db.Close()
			tests := gr.Tests(p, names)
			r := &model.Runner{Project: p, DB: db}
			var w io.Writer = cmd.OutOrStdout()
			if format == formatJSON {
				w = cmd.ErrOrStderr()
			}
			results, err := r.TestAll(cmd.Context(), tests, w)
			rr, werr := inv.write(af.dir(g), e, p, gr, results)
			if err != nil {
				return err
			}
			if werr != nil {
				return werr
			}
			if format == formatJSON {
				if err := writeJSON(cmd.OutOrStdout(), rr); err != nil {
					return err
				}
			}
			var failed []string
			for _, res := range results {
				if res.Status != model.Pass {
					failed = append(failed, res.Test.Model+" "+res.Test.Name)
				}
			}
			if len(failed) > 0 {
				n := len(failed)
				if len(failed) > 3 {
					failed = append(failed[:3], "…")
				}
				return exitcode.Fail(fmt.Errorf("%d of %s failed (%s)", n, count(len(tests), "data test", "data tests"), strings.Join(failed, ", ")))
			}
			if format != formatJSON {
				fmt.Fprintf(cmd.OutOrStdout(), "%s passed on %s\n", count(len(tests), "data test", "data tests"), count(len(names), "model", "models"))
			}
			return nil
		},
	}
	sel.add(cmd, g, "models to test")
	af.add(cmd)
	addFormatFlag(cmd, &format)
	return cmd
}
