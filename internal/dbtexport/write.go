package dbtexport

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Write puts the project into dir. A dir that exists and holds anything is
// refused unless force is set (then files of the same names are replaced
// and others left alone). A new dir is written under a scratch name and
// renamed, so a failure leaves nothing half-written.
func (p *Project) Write(dir string, force bool) error {
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return p.writeNew(dir)
	case err != nil:
		return fmt.Errorf("dbt export: %w", err)
	case !st.IsDir():
		return fmt.Errorf("dbt export: %s exists and is not a folder", dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("dbt export: %w", err)
	}
	if len(entries) > 0 && !force {
		return fmt.Errorf("dbt export: %s is not empty (pass --force to write into it, replacing files of the same names)", dir)
	}
	return p.writeFiles(dir)
}

func (p *Project) writeNew(dir string) error {
	parent := filepath.Dir(filepath.Clean(dir))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("dbt export: %w", err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".mtx-*")
	if err != nil {
		return fmt.Errorf("dbt export: %w", err)
	}
	if err := p.writeFiles(tmp); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return fmt.Errorf("dbt export: %w", err)
	}
	if err := os.Rename(tmp, dir); err != nil {
		os.RemoveAll(tmp)
		return fmt.Errorf("dbt export: %w", err)
	}
	return nil
}

func (p *Project) writeFiles(dir string) error {
	for _, path := range p.Paths() {
		full := filepath.Join(dir, filepath.FromSlash(path))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return fmt.Errorf("dbt export: %w", err)
		}
		if err := os.WriteFile(full, p.Files[path], 0o644); err != nil {
			return fmt.Errorf("dbt export: %w", err)
		}
	}
	return nil
}
