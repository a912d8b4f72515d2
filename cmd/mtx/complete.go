package main

// Shell completion (`mtx completion bash|zsh|fish|powershell`, cobra's):
// what a command's arguments and flags can be, read from the project
// where it says (targets, models, cookbook entries).

import (
	"sort"
	"strings"

	"github.com/mtxhq/mtx/dialects/all"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/internal/project"
	"github.com/spf13/cobra"
)

const noFiles = cobra.ShellCompDirectiveNoFileComp

// addCompletions wires the completions of root's commands; run once
// newRoot has added them all.
func addCompletions(root *cobra.Command, g *globalFlags) {
	root.RegisterFlagCompletionFunc("dialect", cobra.FixedCompletions(all.Names(), noFiles))
	root.RegisterFlagCompletionFunc("target", g.completeTargets)
	for _, c := range root.Commands() {
		switch c.Name() {
		case "migrate":
			if !c.HasSubCommands() {
				c.ValidArgsFunction = func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
					if len(args) > 0 {
						return nil, noFiles
					}
					return migrateActions, noFiles
				}
			}
		case "catalog":
			c.ValidArgsFunction = g.completeTables
		case "cookbook":
			for _, sub := range c.Commands() {
				if sub.Name() == "show" || sub.Name() == "run" {
					sub.ValidArgsFunction = g.completeEntries
				}
			}
		}
	}
}

// migrateActions are migrate's arguments, as its help lists them.
var migrateActions = []string{"up", "up-to", "down", "down-to", "redo", "reset", "version", "status"}

// completeTargets lists project.yaml's targets.
func (g *globalFlags) completeTargets(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	pf := g.projectFile()
	if pf == "" {
		return nil, noFiles
	}
	p, err := project.Load(pf)
	if err != nil {
		return nil, cobra.ShellCompDirectiveError
	}
	var out []string
	for name := range p.Targets {
		out = append(out, name)
	}
	sort.Strings(out)
	return out, noFiles
}

// completeModels lists model names for --select and --exclude, keeping a
// leading + of the word being completed.
func (g *globalFlags) completeModels(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	_, _, gr, err := g.models()
	if err != nil {
		return nil, cobra.ShellCompDirectiveError
	}
	plus := ""
	if strings.HasPrefix(toComplete, "+") {
		plus = "+"
	}
	var out []string
	for _, n := range gr.Order {
		out = append(out, plus+n)
	}
	sort.Strings(out)
	return out, noFiles
}

// completeEntries lists the cookbook's entries (first argument only).
func (g *globalFlags) completeEntries(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, noFiles
	}
	b, err := g.loadBook()
	if err != nil {
		return nil, cobra.ShellCompDirectiveError
	}
	var out []string
	for _, e := range b.Entries() {
		out = append(out, e.Name)
	}
	return out, noFiles
}

// completeTables lists the export tables (first argument only).
func (g *globalFlags) completeTables(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, noFiles
	}
	h, err := catalog.Embedded()
	if err != nil {
		return nil, cobra.ShellCompDirectiveError
	}
	var out []string
	for _, t := range h.Current().Tables() {
		out = append(out, t.Name)
	}
	return out, noFiles
}
