// Command mtx creates, loads and models Metronome's billing data export on
// your warehouse. This file wires the commands; the work is in packages.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"os/signal"
	"strings"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/dialects/all"
	"github.com/mtxhq/mtx/internal/exitcode"
	"github.com/mtxhq/mtx/internal/redact"
	"github.com/spf13/cobra"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	red := &redact.Redactor{}
	logs := red.Writer(os.Stderr)
	log.SetOutput(logs) // a library's log line is output too
	code := execute(ctx, red, os.Args[1:], os.Stdout, os.Stderr)
	logs.Flush()
	stop()
	os.Exit(code)
}

// execute runs the CLI and returns its exit code. It is the one place
// output leaves mtx: standard output, standard error and the final error
// all pass through a redactor that knows every secret of the DSN in use
// (the engine's own parser finds them), so no driver error or listing can
// print one.
func execute(ctx context.Context, red *redact.Redactor, args []string, stdout, stderr io.Writer) int {
	out, errOut := red.Writer(stdout), red.Writer(stderr)
	defer out.Flush()
	defer errOut.Flush()
	root := newRootWith(red)
	root.SetOut(out)
	root.SetErr(errOut)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	out.Flush()
	switch {
	case err == nil:
		return exitcode.OK
	case ctx.Err() != nil:
		// Ctrl-C: what was committed stays, and the next run resumes.
		fmt.Fprintln(errOut, "mtx: interrupted")
		return exitcode.Interrupted
	}
	// One line, naming the problem; details are wrapped into it. The
	// status says whether mtx ran and something failed (1) or could not
	// run at all (2): internal/exitcode.
	fmt.Fprintln(errOut, "mtx: "+oneLine(err))
	return exitcode.Code(err)
}

func oneLine(err error) string {
	return strings.Join(strings.Fields(err.Error()), " ")
}

func newRoot() *cobra.Command { return newRootWith(&redact.Redactor{}) }

func newRootWith(red *redact.Redactor) *cobra.Command {
	g := &globalFlags{red: red}
	root := &cobra.Command{
		Use:           "mtx",
		Short:         "mtx manages Metronome's billing data export on your warehouse",
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       currentBuild().String(), // --version: version, commit, build date
		PersistentPreRun: func(*cobra.Command, []string) {
			// Before anything runs, hide what looks like a secret in
			// --dsn; its engine's own parser adds more once the target
			// is resolved (globalFlags.load).
			g.hideSecrets(g.flags.DSN)
		},
	}
	// With Args set, cobra parses the root's flags before looking for a
	// command: `mtx --bogus migrate status` names --bogus instead of
	// reporting "unknown command status" (cobra took migrate for its value).
	pf := root.PersistentFlags()
	pf.StringVar(&g.project, "project", "", "path to project.yaml (default: ./project.yaml when present)")
	pf.StringVar(&g.flags.Target, "target", "", "target from project.yaml (default: its default_target)")
	pf.StringVar(&g.flags.Dialect, "dialect", "", "engine: "+strings.Join(all.Names(), ", "))
	pf.StringVar(&g.flags.DSN, "dsn", "", "connection string for the engine")
	pf.StringVar(&g.flags.Schema, "schema", "", "schema (BigQuery: dataset; MySQL/ClickHouse: database) of the export tables (default metronome)")
	pf.StringVar(&g.flags.SourceSchema, "source-schema", "", "schema Metronome delivers the export tables into (warehouse and database destinations); mtx only reads it and writes its models into --schema")
	root.AddCommand(newMigrate(g), newRender(g), newCatalog(g))
	root.AddCommand(newQuery(g), newCookbook(g))
	root.AddCommand(newDemo(g))
	root.AddCommand(newLoad(g))
	root.AddCommand(newRun(g), newBuild(g), newCompile(g), newTest(g), newLs(g))
	root.AddCommand(newDocs(g))
	root.AddCommand(newSource(g), newFreshness(g))
	root.AddCommand(newDBT(g))
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

// hideSecrets adds the secrets the lenient reader finds in dsn to the
// redactor (not every engine's parser: one engine's reading of another's
// form, say "//user" as go-sql-driver's password of a URL, would hide
// the user).
func (g *globalFlags) hideSecrets(dsn string) {
	if dsn != "" {
		g.red.Add(dialects.NotUser(dialects.LenientSecrets(dsn), dialects.LenientUser(dsn))...)
	}
}
