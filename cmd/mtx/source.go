package main

import (
	"context"
	"database/sql"
	"fmt"
	"github.com/mtxhq/mtx/internal/exitcode"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/internal/discover"
	"github.com/mtxhq/mtx/internal/source"
	"github.com/spf13/cobra"
)

func newSource(g *globalFlags) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "source",
		Short: "Inspect the export tables: Metronome's delivery (--source-schema) or mtx's raw tables",
	}
	cmd.AddCommand(newSourceCheck(g))
	return cmd
}

func newSourceCheck(g *globalFlags) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Compare the export tables' columns and physical types with the catalog; fails on what would make a model wrong",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "table" && format != "json" {
				return fmt.Errorf("unknown format %q (table or json)", format)
			}
			e, err := g.load()
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			db, err := e.connectReadOnly(ctx)
			if err != nil {
				return err
			}
			defer db.Close()
			src := e.source()
			found, err := src.Read(ctx, db, e.history.Current(), e.selected)
			if err != nil {
				return err
			}
			r, err := source.Check(src, found, e.selectedTables(), e.Options)
			if err != nil {
				return err
			}
			if format == "json" {
				err = r.WriteJSON(cmd.OutOrStdout())
			} else {
				err = r.WriteTable(cmd.OutOrStdout())
			}
			if err != nil {
				return err
			}
			if r.Errors > 0 {
				return exitcode.Fail(fmt.Errorf("source check: %d %s in %s would make a model wrong (listed above)", r.Errors, plural(r.Errors, "problem", "problems"), src.Schema))
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "output format: table or json")
	return cmd
}

// source is where the export tables are read: --source-schema, else the
// project's schema.
func (e *env) source() discover.Source {
	return discover.NewSource(e.Dialect, e.Options.Schema, e.SourceSchema)
}

// selectedTables are the catalog tables the project selects.
func (e *env) selectedTables() []*catalog.Table {
	var out []*catalog.Table
	for _, t := range e.history.Current().Tables() {
		if e.selected(t.Name) {
			out = append(out, t)
		}
	}
	return out
}

// connectReadOnly connects for a command that only reads: where opening
// would create the database (a DuckDB file), it must exist already.
func (e *env) connectReadOnly(ctx context.Context) (*sql.DB, error) {
	if ro, ok := e.Dialect.(dialects.ReadOnlyOpener); ok {
		return e.connectWith(ctx, ro.OpenReadOnly)
	}
	return e.connect(ctx)
}
