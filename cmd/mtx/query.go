package main

import (
	"io"
	"os"
	"strings"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/output"
	"github.com/spf13/cobra"
)

func newQuery(g *globalFlags) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "query SQL",
		Short: "Run ad-hoc SQL with the project's schema as the default schema (SQL - reads standard input)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := output.ParseFormat(format)
			if err != nil {
				return err
			}
			query := args[0]
			if query == "-" {
				b, err := io.ReadAll(os.Stdin)
				if err != nil {
					return err
				}
				query = string(b)
			}
			query = strings.TrimSuffix(strings.TrimSpace(query), ";")
			e, err := g.load()
			if err != nil {
				return err
			}
			// The project's schema is the default: a session statement on
			// the query's connection, or (ClickHouse, BigQuery) the DSN.
			use := ""
			if e.DSN != "" {
				dsn, stmt, err := dialects.DefaultSchema(e.Dialect, e.DSN, e.Options.Schema)
				if err != nil {
					return err
				}
				e.DSN, use = dsn, stmt
			}
			if err := e.requireDatabase(); err != nil {
				return err
			}
			db, err := e.connect(cmd.Context())
			if err != nil {
				return err
			}
			defer db.Close()
			res, err := output.Query(cmd.Context(), db, use, query)
			if err != nil {
				return err
			}
			return output.Write(cmd.OutOrStdout(), f, res)
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "output format: table, csv or json")
	return cmd
}
