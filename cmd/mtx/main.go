// Command mtx creates, loads and models Metronome's billing data export on
// your warehouse. This file wires the commands; the work is in packages.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"strings"

	"github.com/mtxhq/mtx/internal/exitcode"
	"github.com/spf13/cobra"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	root := newRoot()
	os.Exit(finish(ctx, root.ExecuteContext(ctx)))
}

// finish prints a command's error as one line and returns the exit status
// (internal/exitcode): an interrupted command exits 130 whatever error the
// driver reported for its cancelled statement.
func finish(ctx context.Context, err error) int {
	if err == nil {
		return exitcode.OK
	}
	if ctx.Err() != nil {
		fmt.Fprintln(os.Stderr, "mtx: interrupted; the next run resumes from here")
		return exitcode.Interrupted
	}
	// One line, naming the problem; details are wrapped into it.
	fmt.Fprintln(os.Stderr, "mtx: "+strings.ReplaceAll(strings.TrimSpace(err.Error()), "\n", " "))
	return exitcode.Code(err)
}

func newRoot() *cobra.Command {
	g := &globalFlags{}
	root := &cobra.Command{
		Use:           "mtx",
		Short:         "mtx manages Metronome's billing data export on your warehouse",
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       currentBuild().String(), // --version: version, commit, build date
	}
	// With Args set, cobra parses the root's flags before looking for a
	// command: `mtx --bogus migrate status` names --bogus instead of
	// reporting "unknown command status" (cobra took migrate for its value).
	pf := root.PersistentFlags()
	pf.StringVar(&g.project, "project", "", "path to project.yaml (default: ./project.yaml when present)")
	pf.StringVar(&g.flags.Target, "target", "", "target from project.yaml (default: its default_target)")
	pf.StringVar(&g.flags.Dialect, "dialect", "", "engine: bigquery, clickhouse, duckdb, mysql, postgres, redshift, snowflake")
	pf.StringVar(&g.flags.DSN, "dsn", "", "connection string for the engine")
	pf.StringVar(&g.flags.Schema, "schema", "", "schema (BigQuery: dataset; MySQL/ClickHouse: database) of the export tables (default metronome)")
	pf.StringVar(&g.flags.SourceSchema, "source-schema", "", "schema where Metronome delivers the export tables itself (warehouse destinations); mtx only reads there")
	root.AddCommand(newMigrate(g), newRender(g), newCatalog(g))
	root.AddCommand(newQuery(g), newCookbook(g))
	root.AddCommand(newDemo(g))
	root.AddCommand(newLoad(g))
	root.AddCommand(newRun(g), newBuild(g), newCompile(g), newTest(g), newLs(g))
	root.AddCommand(newDocs(g))
	root.AddCommand(newSource(g), newFreshness(g))
	namesUnknownCommands(root)
	addCompletions(root, g)
	return root
}

// namesUnknownCommands gives root and every command grouping subcommands
// an argument check naming an unknown subcommand on one line, with
// cobra's suggestions. With Args set, cobra also parses the command's
// flags before looking further: `mtx --bogus migrate status` names --bogus
// instead of reporting "unknown command status" (cobra took migrate for
// --bogus's value).
func namesUnknownCommands(c *cobra.Command) {
	if c.HasSubCommands() && !c.Runnable() {
		c.Args = func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return nil
			}
			msg := fmt.Sprintf("unknown command %q for %q", args[0], cmd.CommandPath())
			if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
				msg += " (did you mean " + strings.Join(s, " or ") + "?)"
			}
			return errors.New(msg + "; run " + cmd.CommandPath() + " --help for the commands")
		}
		c.RunE = func(cmd *cobra.Command, args []string) error { return cmd.Help() }
	}
	for _, sub := range c.Commands() {
		namesUnknownCommands(sub)
	}
}
