package main

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"
)

func newCatalog(g *globalFlags) *cobra.Command {
	return &cobra.Command{
		Use:   "catalog [TABLE]",
		Short: "List the export tables (selected by the project), or one table's columns",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			e, err := g.load()
			if err != nil {
				return err
			}
			cur := e.history.Current()
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
}
