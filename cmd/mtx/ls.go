package main

import (
	"fmt"
	"sort"
	"strings"

	"github.com/mtxhq/mtx/internal/artifacts"
	"github.com/spf13/cobra"
)

// lsItem is one resource `mtx ls` lists; its JSON is one line per item.
type lsItem struct {
	ResourceType string   `json:"resource_type"`
	Name         string   `json:"name"`
	UniqueID     string   `json:"unique_id"`
	RelationName string   `json:"relation_name,omitempty"`
	Materialized string   `json:"materialized,omitempty"`
	Tags         []string `json:"tags,omitempty"`
	DependsOn    []string `json:"depends_on,omitempty"`
	Origin       string   `json:"original_file_path,omitempty"`
}

// lsTypes are the resource types ls knows, in the order it lists them.
var lsTypes = []string{"model", "test", "source", "cookbook"}

func newLs(g *globalFlags) *cobra.Command {
	var sel selection
	var types []string
	var format string
	cmd := &cobra.Command{
		Use:   "ls",
		Short: "List what a selection matches: models, data tests, sources (export tables), cookbook entries",
		Long: `List what a selection matches; connects to nothing.

Without --select everything is listed: every model, data test, export
table the project selected (source) and cookbook entry. With --select
(and --exclude) the models picked, their data tests, the export tables
they read and the cookbook entries among them.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkFormat(format); err != nil {
				return err
			}
			want := map[string]bool{}
			for _, t := range types {
				ok := false
				for _, k := range lsTypes {
					ok = ok || k == t
				}
				if !ok {
					return fmt.Errorf("--resource-type %q is not one of %s", t, strings.Join(lsTypes, ", "))
				}
				want[t] = true
			}
			e, p, gr, names, err := g.selectModels(cmd, sel)
			if err != nil {
				return err
			}
			proj := e.name
			if proj == "" {
				proj = "mtx"
			}
			var items []lsItem
			sources := map[string]bool{}
			for _, n := range names {
				c := gr.Nodes[n]
				var deps []string
				for _, d := range c.Deps {
					deps = append(deps, artifacts.ModelID(proj, d))
				}
				for _, s := range c.Sources {
					deps = append(deps, artifacts.SourceID(proj, s))
					sources[s] = true
				}
				sort.Strings(deps)
				items = append(items, lsItem{ResourceType: "model", Name: n, UniqueID: artifacts.ModelID(proj, n), RelationName: c.Relation,
					Materialized: c.Config.Materialized, Tags: c.Config.Tags, DependsOn: deps, Origin: c.Origin})
				if entry, ok := strings.CutPrefix(c.Origin, "cookbook "); ok {
					items = append(items, lsItem{ResourceType: "cookbook", Name: entry, UniqueID: "cookbook." + proj + "." + entry,
						RelationName: c.Relation, DependsOn: []string{artifacts.ModelID(proj, n)}})
				}
			}
			for _, t := range gr.Tests(p, names) {
				items = append(items, lsItem{ResourceType: "test", Name: artifacts.TestName(t), UniqueID: artifacts.TestID(proj, t),
					DependsOn: []string{artifacts.ModelID(proj, t.Node)}})
			}
			for _, t := range e.history.Current().Tables() {
				if (len(sel.sel) == 0 && len(sel.exclude) == 0 && e.selected(t.Name)) || sources[t.Name] {
					items = append(items, lsItem{ResourceType: "source", Name: artifacts.SourceName + "." + t.Name, UniqueID: artifacts.SourceID(proj, t.Name),
						RelationName: p.Dialect.Quote(e.Options.Schema) + "." + p.Dialect.Quote(t.Name), Tags: []string{t.Group}})
				}
			}
			rank := map[string]int{}
			for i, k := range lsTypes {
				rank[k] = i
			}
			sort.SliceStable(items, func(i, j int) bool { return rank[items[i].ResourceType] < rank[items[j].ResourceType] })
			w := cmd.OutOrStdout()
			for _, it := range items {
				if len(want) > 0 && !want[it.ResourceType] {
					continue
				}
				if format == formatJSON {
					if err := writeJSONLine(w, it); err != nil {
						return err
					}
					continue
				}
				fmt.Fprintf(w, "%-8s %s\n", it.ResourceType, it.Name)
			}
			return nil
		},
	}
	sel.add(cmd, g, "models to list")
	addFormatFlag(cmd, &format)
	cmd.Flags().StringSliceVar(&types, "resource-type", nil, "list only these: model, test, source, cookbook")
	cmd.RegisterFlagCompletionFunc("resource-type", cobra.FixedCompletions(lsTypes, noFiles))
	return cmd
}
