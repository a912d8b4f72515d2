package main

import (
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/output"
	"github.com/mtxhq/mtx/internal/sqlsplit"
	"github.com/spf13/cobra"
)

func newQuery(g *globalFlags) *cobra.Command {
	var (
		format        string
		allowMultiple bool
	)
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
			statements, err := statements(query, allowMultiple)
			if err != nil {
				return err
			}
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
			res, err := output.QuerySession(cmd.Context(), db, use, dialects.ReadSession(e.Dialect), statements)
			if err != nil {
				return err
			}
			return output.Write(cmd.OutOrStdout(), f, res)
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "output format: table, csv or json")
	cmd.Flags().BoolVar(&allowMultiple, "allow-multiple", false, "run several ;-separated statements in order on one session and print the last one's rows")
	return cmd
}

// statements splits a query into its statements: one unless the user
// allows several. Text that some engine would read as two statements
// (a backslash in a string, a #) counts as two, so nothing runs that the
// user did not see as a statement.
func statements(query string, allowMultiple bool) ([]string, error) {
	std, my := sqlsplit.Standard.Split(query), sqlsplit.MySQLish.Split(query)
	n := max(len(std), len(my))
	switch {
	case n == 0:
		return nil, fmt.Errorf("no SQL statement to run")
	case n > 1 && !allowMultiple:
		return nil, fmt.Errorf("the query holds %d statements and mtx query runs one; pass --allow-multiple to run them in order", n)
	case !slices.Equal(std, my):
		return nil, fmt.Errorf("the query's statements split differently on different engines (a backslash or # inside them); run them one at a time")
	}
	return std, nil
}
