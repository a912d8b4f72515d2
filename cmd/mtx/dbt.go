package main

import (
	"fmt"
	"strings"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/dialects/all"
	"github.com/mtxhq/mtx/internal/dbtexport"
	"github.com/spf13/cobra"
)

func newDBT(g *globalFlags) *cobra.Command {
	cmd := &cobra.Command{Use: "dbt", Short: "Work with dbt: export the project as a dbt project"}
	var adapter, name string
	var force bool
	export := &cobra.Command{
		Use:   "export DIR",
		Short: "Write a dbt project (sources, current-state models, cookbook) for a dbt adapter; connects to nothing",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return fmt.Errorf("mtx dbt export takes one folder to write the project into (got %d arguments)", len(args))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			a, err := dbtexport.LookupAdapter(allDialects(), adapter)
			if err != nil {
				return err
			}
			if g.flags.Dialect != "" && g.flags.Dialect != a.Dialect.Name() {
				return fmt.Errorf("--dialect %s differs from --adapter %s's dialect %s (leave --dialect out)", g.flags.Dialect, a.Adapter, a.Dialect.Name())
			}
			g.flags.Dialect = a.Dialect.Name()
			e, err := g.load()
			if err != nil {
				return err
			}
			if e.SourceSchema != "" {
				return fmt.Errorf("mtx dbt export: the project reads mtx's raw tables (mtx load); source_schema %s (tables Metronome delivers) is not exported yet", e.SourceSchema)
			}
			book, err := g.loadBook()
			if err != nil {
				return err
			}
			if name == "" {
				name = "mtx_metronome"
				if e.name != "" {
					name = strings.ToLower(strings.NewReplacer("-", "_", " ", "_").Replace(e.name))
				}
			}
			p, err := dbtexport.Build(dbtexport.Options{
				Adapter: a, DialectOptions: e.Options, Catalog: e.history.Current(),
				Selected: e.selected, Book: book, Freshness: e.Freshness, Name: name,
			})
			if err != nil {
				return err
			}
			if err := p.Write(args[0], force); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "wrote dbt project %s for %s to %s: %d current-state models, %d cookbook models (dbt build --vars '{%s: %s}')\n",
				name, a.Adapter, args[0], p.Models, p.Entries, dbtexport.RawSchemaVar, e.Options.Schema)
			return nil
		},
	}
	export.Flags().StringVar(&adapter, "adapter", "", "dbt adapter: "+strings.Join(dbtexport.AdapterNames(allDialects()), ", "))
	export.Flags().StringVar(&name, "name", "", "dbt project and profile name (default: project.yaml's name, else mtx_metronome)")
	export.Flags().BoolVar(&force, "force", false, "write into a folder that is not empty, replacing files of the same names")
	export.MarkFlagRequired("adapter")
	export.RegisterFlagCompletionFunc("adapter", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return dbtexport.AdapterNames(allDialects()), cobra.ShellCompDirectiveNoFileComp
	})
	cmd.AddCommand(export)
	return cmd
}

// allDialects are the registered dialects (dialects/all).
func allDialects() []dialects.Dialect {
	var ds []dialects.Dialect
	for _, n := range all.Names() {
		if d, err := all.Get(n); err == nil {
			ds = append(ds, d)
		}
	}
	return ds
}
