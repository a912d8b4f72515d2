package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/dialects/all"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/internal/ddl"
	"github.com/mtxhq/mtx/internal/project"
	"github.com/mtxhq/mtx/internal/redact"
)

type globalFlags struct {
	project string
	flags   project.Flags
	// red hides the DSNs' secrets in all output (see execute).
	red *redact.Redactor
}

// env is what a command works with: the resolved target, the catalog
// history and the renderer.
type env struct {
	*project.Resolved
	history  *catalog.History
	selected ddl.Selection
	renderer *ddl.Renderer
	// name is project.yaml's name ("" without one).
	name string
}

func (g *globalFlags) load() (*env, error) {
	var p *project.Project
	path := g.project
	if path == "" {
		if _, err := os.Stat(project.FileName); err == nil {
			path = project.FileName
		}
	}
	if path != "" {
		var err error
		if p, err = project.Load(path); err != nil {
			return nil, err
		}
		for _, t := range p.Targets {
			g.hideSecrets(os.ExpandEnv(t.DSN))
		}
	}
	r, err := project.Resolve(p, g.flags, all.Get)
	if err != nil {
		return nil, err
	}
	g.red.Add(dialects.NotUser(r.Dialect.DSNSecrets(r.DSN), dialects.LenientUser(r.DSN))...)
	h, err := catalog.Embedded()
	if err != nil {
		return nil, err
	}
	sel, err := r.Selection.Filter(h.Current())
	if err != nil {
		if p != nil {
			return nil, fmt.Errorf("%s: %w", p.Path, err)
		}
		return nil, err
	}
	if err := r.Freshness.Check(h.Current()); err != nil {
		return nil, fmt.Errorf("%s: %w", p.Path, err)
	}
	rd, err := ddl.New(r.Dialect, r.Options)
	if err != nil {
		return nil, err
	}
	out := &env{Resolved: r, history: h, selected: sel, renderer: rd}
	if p != nil {
		out.name = p.Name
	}
	return out, nil
}

// connect opens the target and checks it answers, naming it (without
// secrets) when it does not.
func (e *env) connect(ctx context.Context) (*sql.DB, error) {
	return e.connectWith(ctx, e.Dialect.Open)
}

// connectWith is connect with another way to open the DSN (a read-only one).
func (e *env) connectWith(ctx context.Context, open func(dsn string) (*sql.DB, error)) (*sql.DB, error) {
	if e.DSN == "" {
		return nil, errors.New("no DSN: pass --dsn, or set dsn on the target in project.yaml")
	}
	where := fmt.Sprintf("%s at %s", e.Dialect.Name(), e.Dialect.RedactDSN(e.DSN))
	if err := e.Dialect.ValidateDSN(e.DSN); err != nil {
		return nil, err
	}
	db, err := open(e.DSN)
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", where, err)
	}
	pctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	if err := db.PingContext(pctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("cannot reach %s: %w", where, err)
	}
	return db, nil
}
