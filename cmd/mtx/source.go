package main

import (
	"context"
	"database/sql"
	"fmt"
	"io"

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
			if err := checkReportFormat(format); err != nil {
				return err
			}
			e, err := g.load()
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			db, src, found, err := e.readSource(ctx)
			if err != nil {
				return err
			}
			defer db.Close()
			r, err := source.Check(src, found, e.selectedTables(), e.Options)
			if err != nil {
				return err
			}
			if err := writeReport(cmd.OutOrStdout(), format, r); err != nil {
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

// readSource opens a read-only connection and reads the export tables the
// project selects from where they are (source); the caller closes db.
func (e *env) readSource(ctx context.Context) (*sql.DB, discover.Source, *discover.Schema, error) {
	db, err := e.connectReadOnly(ctx)
	if err != nil {
		return nil, discover.Source{}, nil, err
	}
	src := e.source()
	found, err := src.Read(ctx, db, e.history.Current(), e.selected)
	if err != nil {
		db.Close()
		return nil, discover.Source{}, nil, err
	}
	return db, src, found, nil
}

// A report is printed as a table or as JSON (--format).
type report interface {
	WriteTable(io.Writer) error
	WriteJSON(io.Writer) error
}

func checkReportFormat(format string) error {
	if format != "table" && format != "json" {
		return fmt.Errorf("unknown format %q (table or json)", format)
	}
	return nil
}

func writeReport(w io.Writer, format string, r report) error {
	if format == "json" {
		return r.WriteJSON(w)
	}
	return r.WriteTable(w)
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
