// Command mtx creates, loads and models Metronome's billing data export on
// your warehouse. This file wires the commands; the work is in packages.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"strings"

	"github.com/spf13/cobra"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	root := newRoot()
	if err := root.ExecuteContext(ctx); err != nil {
		// One line, naming the problem; details are wrapped into it.
		fmt.Fprintln(os.Stderr, "mtx: "+strings.ReplaceAll(strings.TrimSpace(err.Error()), "\n", " "))
		os.Exit(1)
	}
}

func newRoot() *cobra.Command {
	g := &globalFlags{}
	root := &cobra.Command{
		Use:           "mtx",
		Short:         "mtx manages Metronome's billing data export on your warehouse",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	pf := root.PersistentFlags()
	pf.StringVar(&g.project, "project", "", "path to project.yaml (default: ./project.yaml when present)")
	pf.StringVar(&g.flags.Target, "target", "", "target from project.yaml (default: its default_target)")
	pf.StringVar(&g.flags.Dialect, "dialect", "", "engine: bigquery, clickhouse, duckdb, mysql, postgres, redshift, snowflake")
	pf.StringVar(&g.flags.DSN, "dsn", "", "connection string for the engine")
	pf.StringVar(&g.flags.Schema, "schema", "", "schema (BigQuery: dataset; MySQL/ClickHouse: database) of the export tables (default metronome)")
	pf.StringVar(&g.flags.SourceSchema, "source-schema", "", "schema Metronome delivers the export tables into (warehouse and database destinations); mtx only reads it and writes its models into --schema")
	root.AddCommand(newMigrate(g), newRender(g), newCatalog(g))
	root.AddCommand(newQuery(g), newCookbook(g))
	root.AddCommand(newDemo(g))
	root.AddCommand(newLoad(g))
	root.AddCommand(newRun(g), newCompile(g), newTest(g))
	return root
}
