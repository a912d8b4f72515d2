package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/spf13/cobra"
)

func newCatalog(g *globalFlags) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "catalog [TABLE]",
		Short: "List the export tables (selected by the project), or one table's columns",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format); err != nil {
				return err
			}
			e, err := g.load()
			if err != nil {
				return err
			}
			cur := e.history.Current()
			if format == formatJSON {
				return catalogJSON(cmd.OutOrStdout(), e, args)
			}
			w := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
			defer w.Flush()
			if len(args) == 1 {
				t, ok := cur.Table(args[0])
				if !ok {
					return fmt.Errorf("unknown table %q (mtx catalog lists them)", args[0])
				}
				fmt.Fprintf(w, "%s\t%s, %s; key (%s), version (%s)", t.Name, t.Group, t.Kind, strings.Join(t.Key, ", "), strings.Join(t.Version, ", "))
				if t.Snapshot != "" {
					fmt.Fprintf(w, ", snapshot %s", t.Snapshot)
				}
				fmt.Fprintln(w)
				if t.Note != "" {
					fmt.Fprintf(w, "note\t%s\n", t.Note)
				}
				fmt.Fprintln(w, "\nCOLUMN\tTYPE\tPHYSICAL\tDOCUMENTED\tDESCRIPTION")
				for _, c := range t.Columns {
					doc := "undocumented"
					switch {
					case c.System:
						doc = "mtx"
					case c.DocumentedNotNull():
						doc = "NOT NULL"
					case c.Nullable != nil:
						doc = "nullable"
					}
					if c.Deprecated {
						doc += ", deprecated"
					}
					desc := c.Description
					if c.Note != "" {
						desc += " [" + c.Note + "]"
					}
					fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", c.Name, c.Type, e.Dialect.ColumnType(t, c, e.Options), doc, desc)
				}
				return nil
			}
			fmt.Fprintln(w, "TABLE\tGROUP\tKIND\tKEY\tVERSION\tSNAPSHOT\tSELECTED")
			for _, t := range cur.Tables() {
				sel := "yes"
				if !e.selected(t.Name) {
					sel = "no"
				}
				fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", t.Name, t.Group, t.Kind, strings.Join(t.Key, ","), strings.Join(t.Version, ","), t.Snapshot, sel)
			}
			return nil
		},
	}
	addFormatFlag(cmd, &format)
	return cmd
}

// catalogTable is a table in `mtx catalog --format json`; Columns only
// when one table is asked for.
type catalogTable struct {
	Name     string          `json:"name"`
	Group    string          `json:"group"`
	Kind     string          `json:"kind"`
	Key      []string        `json:"key"`
	Version  []string        `json:"version"`
	Snapshot string          `json:"snapshot,omitempty"`
	Note     string          `json:"note,omitempty"`
	Selected bool            `json:"selected"`
	Columns  []catalogColumn `json:"columns,omitempty"`
}

type catalogColumn struct {
	Name        string `json:"name"`
	Type        string `json:"type"`
	Physical    string `json:"physical_type"`
	Nullable    *bool  `json:"documented_nullable"`
	Deprecated  bool   `json:"deprecated,omitempty"`
	System      bool   `json:"mtx_system,omitempty"`
	Description string `json:"description"`
	Note        string `json:"note,omitempty"`
}

// catalogJSON prints every table (no args) or one table with its columns.
func catalogJSON(w io.Writer, e *env, args []string) error {
	cur := e.history.Current()
	table := func(t *catalog.Table) catalogTable {
		return catalogTable{Name: t.Name, Group: t.Group, Kind: string(t.Kind), Key: t.Key, Version: t.Version,
			Snapshot: t.Snapshot, Note: t.Note, Selected: e.selected(t.Name)}
	}
	if len(args) == 1 {
		t, ok := cur.Table(args[0])
		if !ok {
			return fmt.Errorf("unknown table %q (mtx catalog lists them)", args[0])
		}
		out := table(t)
		for _, c := range t.Columns {
			out.Columns = append(out.Columns, catalogColumn{Name: c.Name, Type: string(c.Type), Physical: e.Dialect.ColumnType(t, c, e.Options),
				Nullable: c.Nullable, Deprecated: c.Deprecated, System: c.System, Description: c.Description, Note: c.Note})
		}
		return writeJSON(w, out)
	}
	var out []catalogTable
	for _, t := range cur.Tables() {
		out = append(out, table(t))
	}
	return writeJSON(w, out)
}
