package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/mtxhq/mtx/internal/ddl"
	"github.com/spf13/cobra"
)

func newRender(g *globalFlags) *cobra.Command {
	cmd := &cobra.Command{Use: "render", Short: "Render SQL for a dialect without connecting"}
	var out string
	ddlCmd := &cobra.Command{
		Use:   "ddl",
		Short: "The full current export schema as one script",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			e, err := g.load()
			if err != nil {
				return err
			}
			sts, err := e.renderer.Script(e.history.Current(), e.selected)
			if err != nil {
				return err
			}
			script := fmt.Sprintf("-- mtx: the Metronome export schema (version %d) for %s, schema %s.\n\n%s",
				e.history.Current().Version, e.Dialect.Name(), e.Options.Schema, ddl.Join(sts))
			if out == "" {
				_, err = fmt.Fprint(cmd.OutOrStdout(), script)
				return err
			}
			return os.WriteFile(out, []byte(script), 0o644)
		},
	}
	ddlCmd.Flags().StringVar(&out, "out", "", "write to this file instead of standard output")
	var dir string
	migCmd := &cobra.Command{
		Use:   "migrations",
		Short: "Plain goose .sql files, one per schema version, for the stock goose CLI",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			e, err := g.load()
			if err != nil {
				return err
			}
			versions, err := e.renderer.Versions(e.history, e.selected)
			if err != nil {
				return err
			}
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return fmt.Errorf("creating %s: %w", dir, err)
			}
			for _, v := range versions {
				path := filepath.Join(dir, ddl.FileName(v))
				if err := os.WriteFile(path, []byte(ddl.GooseFile(e.Dialect, v)), 0o644); err != nil {
					return fmt.Errorf("writing %s: %w", path, err)
				}
				fmt.Fprintln(cmd.OutOrStdout(), path)
			}
			return nil
		},
	}
	migCmd.Flags().StringVar(&dir, "out", "goose", "directory to write the goose files to")
	cmd.AddCommand(ddlCmd, migCmd)
	return cmd
}
