package model

import (
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/models"
)

// Load builds the registry of a project: the current-state model of every
// selected export table, the models embedded from the repository's models/
// folder, then extra nodes (the cookbook's views, say), then the project's
// own models/ folder next to projectFile ("" for none), each layer
// overriding the previous by name.
func Load(c *catalog.Catalog, selected func(string) bool, projectFile string, extra ...*Node) (*Registry, error) {
	r := NewRegistry()
	if err := r.Add(CurrentStateNodes(c, selected)...); err != nil {
		return nil, err
	}
	embedded, err := ReadDir(models.FS, "models (built-in)")
	if err != nil {
		return nil, err
	}
	if err := r.Add(embedded...); err != nil {
		return nil, err
	}
	if err := r.Add(extra...); err != nil {
		return nil, err
	}
	if projectFile != "" {
		own, err := ReadProjectDir(projectFile)
		if err != nil {
			return nil, err
		}
		if err := r.Add(own...); err != nil {
			return nil, err
		}
	}
	return r, nil
}
