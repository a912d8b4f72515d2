package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"

	shipped "github.com/mtxhq/mtx/cookbook"
	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/cookbook"
	"github.com/mtxhq/mtx/internal/discover"
	"github.com/mtxhq/mtx/internal/output"
	"github.com/mtxhq/mtx/internal/project"
	"github.com/spf13/cobra"
)

// loadBook reads the shipped entries, then the project's own cookbook/
// folder next to project.yaml, whose entries add to or replace them.
func (g *globalFlags) loadBook() (*cookbook.Book, error) {
	path := g.project
	if path == "" {
		if _, err := os.Stat(project.FileName); err == nil {
			path = project.FileName
		}
	}
	if path != "" {
		dir := filepath.Join(filepath.Dir(path), "cookbook")
		if st, err := os.Stat(dir); err == nil && st.IsDir() {
			return cookbook.Load(shipped.FS, os.DirFS(dir))
		}
	}
	return cookbook.Load(shipped.FS)
}

// excludedGroups lists the groups of tables the project's selection
// leaves out, sorted.
func excludedGroups(e *env, tables []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, t := range tables {
		if e.selected == nil || e.selected(t) {
			continue
		}
		g := t
		if tbl, ok := e.history.Current().Table(t); ok {
			g = tbl.Group
		}
		if !seen[g] {
			seen[g] = true
			out = append(out, g)
		}
	}
	sort.Strings(out)
	return out
}

// selectedTables fails, naming the tables and their groups, when an entry
// reads tables the project's selection leaves out: their models do not
// exist, and `mtx run` cannot build them.
func selectedTables(e *env, name string, tables []string) error {
	var missing []string
	for _, t := range tables {
		if e.selected != nil && !e.selected(t) {
			missing = append(missing, t)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	groups := excludedGroups(e, tables)
	return fmt.Errorf("cookbook %s reads %s, which project.yaml's table selection leaves out: select the table group %s (tables.groups, and not in tables.exclude_groups), then mtx migrate up, load and run",
		name, strings.Join(missing, ", "), strings.Join(groups, ", "))
}

// parseParams turns repeated --param name=value flags into a map.
func parseParams(list []string) (map[string]string, error) {
	out := map[string]string{}
	for _, p := range list {
		name, value, ok := strings.Cut(p, "=")
		if !ok || name == "" {
			return nil, fmt.Errorf("--param %q: use --param name=value", p)
		}
		if _, dup := out[name]; dup {
			return nil, fmt.Errorf("--param %s is given twice", name)
		}
		out[name] = value
	}
	return out, nil
}

func newCookbook(g *globalFlags) *cobra.Command {
	cmd := &cobra.Command{Use: "cookbook", Short: "Analyst queries over the current-state models, for any engine"}
	var params []string
	var format string
	list := &cobra.Command{
		Use:   "list",
		Short: "List the cookbook entries and their parameters",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			b, err := g.loadBook()
			if err != nil {
				return err
			}
			// Entries reading tables the project leaves out are marked;
			// without a target (no dialect to render for) nothing is.
			needs := func(*cookbook.Entry) string { return "" }
			if e, err := g.load(); err == nil {
				if r, err := cookbook.NewRenderer(e.Dialect, e.Options, e.history.Current()); err == nil {
					needs = func(entry *cookbook.Entry) string {
						rd, err := r.Render(entry, nil)
						if err != nil {
							return ""
						}
						if groups := excludedGroups(e, rd.Tables); len(groups) > 0 {
							return "[needs table group " + strings.Join(groups, ", ") + ", not selected in project.yaml] "
						}
						return ""
					}
				}
			}
			w := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
			fmt.Fprintln(w, "NAME\tPARAMS\tDESCRIPTION")
			for _, e := range b.Entries() {
				var ps []string
				for _, p := range e.Params {
					ps = append(ps, p.Name+"="+p.Default)
				}
				desc := strings.Join(strings.Fields(e.Description), " ")
				if len(desc) > 90 {
					desc = desc[:87] + "..."
				}
				desc = needs(e) + desc
				fmt.Fprintf(w, "%s\t%s\t%s\n", e.Name, strings.Join(ps, " "), desc)
			}
			return w.Flush()
		},
	}
	render := func(name string) (*env, *cookbook.Rendered, error) {
		b, err := g.loadBook()
		if err != nil {
			return nil, nil, err
		}
		entry, err := b.Entry(name)
		if err != nil {
			return nil, nil, err
		}
		ps, err := parseParams(params)
		if err != nil {
			return nil, nil, err
		}
		e, err := g.load()
		if err != nil {
			return nil, nil, err
		}
		r, err := cookbook.NewRenderer(e.Dialect, e.Options, e.history.Current())
		if err != nil {
			return nil, nil, err
		}
		rd, err := r.Render(entry, ps)
		return e, rd, err
	}
	show := &cobra.Command{
		Use:   "show NAME",
		Short: "Print an entry's description, parameters, fixes and SQL for the dialect",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			b, err := g.loadBook()
			if err != nil {
				return err
			}
			entry, err := b.Entry(args[0])
			if err != nil {
				return err
			}
			e, rd, err := render(args[0])
			if err != nil {
				return err
			}
			w := cmd.OutOrStdout()
			fmt.Fprintf(w, "-- %s (%s): %s\n", entry.Name, e.Dialect.Name(), strings.Join(strings.Fields(entry.Description), " "))
			fmt.Fprintf(w, "-- source: %s\n", entry.Source)
			for _, f := range entry.Fixed {
				fmt.Fprintf(w, "-- fixed: %s\n", f)
			}
			for _, p := range entry.Params {
				fmt.Fprintf(w, "-- param %s (%s, default %q): %s\n", p.Name, p.Type, p.Default, p.Description)
			}
			fmt.Fprintf(w, "-- reads: %s\n", strings.Join(rd.Reads, ", "))
			if err := selectedTables(e, entry.Name, rd.Tables); err != nil {
				fmt.Fprintf(w, "-- note: %v\n", err)
			}
			fmt.Fprintf(w, "%s;\n", rd.SQL)
			return nil
		},
	}
	run := &cobra.Command{
		Use:   "run NAME",
		Short: "Run an entry on the target and print the answer",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := output.ParseFormat(format)
			if err != nil {
				return err
			}
			e, rd, err := render(args[0])
			if err != nil {
				return err
			}
			if err := selectedTables(e, args[0], rd.Tables); err != nil {
				return err
			}
			if err := e.requireDatabase(); err != nil {
				return err
			}
			db, err := e.connect(cmd.Context())
			if err != nil {
				return err
			}
			defer db.Close()
			if e.SourceSchema != "" {
				// A table the delivery lacks has no model: say so, not the
				// engine's "no such table".
				delivered, err := discover.Discover(cmd.Context(), e.Dialect, db, e.SourceSchema, e.history.Current(), e.selected)
				if err != nil {
					return err
				}
				for _, t := range rd.Tables {
					if _, ok := delivered.Table(t); !ok {
						return fmt.Errorf("cookbook %s is skipped: source schema %s lacks table %s", args[0], e.SourceSchema, t)
					}
				}
			}
			res, err := output.QuerySession(cmd.Context(), db, "", dialects.ReadSession(e.Dialect), []string{rd.SQL})
			if err != nil {
				return fmt.Errorf("cookbook %s: %w (its current_* models come from mtx run)", args[0], err)
			}
			return output.Write(cmd.OutOrStdout(), f, res)
		},
	}
	for _, c := range []*cobra.Command{show, run} {
		c.Flags().StringArrayVar(&params, "param", nil, "parameter as name=value (repeatable)")
	}
	run.Flags().StringVar(&format, "format", "table", "output format: table, csv or json")
	cmd.AddCommand(list, show, run)
	return cmd
}
