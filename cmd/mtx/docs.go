package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"path/filepath"
	"time"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/dialects/all"
	"github.com/mtxhq/mtx/internal/docsite"
	"github.com/mtxhq/mtx/internal/project"
	"github.com/spf13/cobra"
)

// defaultDocsDir is where mtx docs writes the site, next to the project.
const defaultDocsDir = "target/docs"

func newDocs(g *globalFlags) *cobra.Command {
	cmd := &cobra.Command{Use: "docs", Short: "The data dictionary: a static HTML site of the tables, models and cookbook"}
	var out string
	generate := &cobra.Command{
		Use:   "generate",
		Short: "Write the data dictionary as a static site (works from file://; connects to nothing)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			sum, err := g.generateDocs(out)
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "wrote %d tables, %d models and %d cookbook entries to %s (open %s)\n",
				sum.Tables, sum.Models, sum.Entries, out, filepath.Join(out, "index.html"))
			return nil
		},
	}
	var port int
	serve := &cobra.Command{
		Use:   "serve",
		Short: "Generate the data dictionary, then serve it on 127.0.0.1 until Ctrl-C",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if port < 0 || port > 65535 {
				return fmt.Errorf("--port %d is not a TCP port (0-65535; 0 picks a free one)", port)
			}
			if _, err := g.generateDocs(out); err != nil {
				return err
			}
			ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", port))
			if err != nil {
				return fmt.Errorf("serving the docs on 127.0.0.1:%d: %w", port, err)
			}
			srv := &http.Server{Handler: http.FileServer(http.Dir(out)), ReadHeaderTimeout: 10 * time.Second}
			fmt.Fprintf(cmd.OutOrStdout(), "serving %s at http://%s/ (Ctrl-C stops)\n", out, ln.Addr())
			done := make(chan error, 1)
			go func() { done <- srv.Serve(ln) }()
			select {
			case err := <-done:
				return fmt.Errorf("serving the docs: %w", err)
			case <-cmd.Context().Done():
			}
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			if err := srv.Shutdown(ctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
				return err
			}
			return nil
		},
	}
	generate.Flags().StringVar(&out, "out", defaultDocsDir, "folder to write the site into (replaced; only an empty folder or an earlier site)")
	serve.Flags().StringVar(&out, "out", defaultDocsDir, "folder to write the site into, then serve")
	serve.Flags().IntVar(&port, "port", 8080, "port on 127.0.0.1 (0 picks a free one)")
	cmd.AddCommand(generate, serve)
	return cmd
}

// generateDocs compiles the project for its target's dialect (no
// connection) and writes the site into out.
func (g *globalFlags) generateDocs(out string) (docsite.Summary, error) {
	e, p, gr, err := g.models()
	if err != nil {
		return docsite.Summary{}, err
	}
	book, err := g.loadBook()
	if err != nil {
		return docsite.Summary{}, err
	}
	rels, err := e.history.Current().Relations()
	if err != nil {
		return docsite.Summary{}, err
	}
	var ds []dialects.Dialect
	for _, n := range all.Names() {
		d, err := all.Get(n)
		if err != nil {
			return docsite.Summary{}, err
		}
		ds = append(ds, d)
	}
	name := "mtx"
	if path := g.projectFile(); path != "" {
		pr, err := project.Load(path)
		if err != nil {
			return docsite.Summary{}, err
		}
		if pr.Name != "" {
			name = pr.Name
		}
	}
	s := docsite.Site{
		Name: name, Dialect: e.Dialect, Options: e.Options, Catalog: e.history.Current(), Selected: e.selected,
		Relations: rels, Project: p, Graph: gr, Book: book, Dialects: ds,
	}
	return docsite.Generate(s, out)
}
