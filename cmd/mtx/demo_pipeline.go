package main

import (
	"context"
	"fmt"
	"io"
	"sort"

	"github.com/mtxhq/mtx/cookbook"
	bookpkg "github.com/mtxhq/mtx/internal/cookbook"
	"github.com/mtxhq/mtx/internal/export"
	"github.com/mtxhq/mtx/internal/load"
	"github.com/mtxhq/mtx/internal/model"
	"github.com/mtxhq/mtx/internal/output"
)

// demoLoad is `mtx load DIR` on the generated export.
func demoLoad(ctx context.Context, d *demoRun) error {
	src, err := export.Open(ctx, d.exportDir)
	if err != nil {
		return err
	}
	defer src.Close()
	db, err := d.env.connect(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	sum, err := load.Run(ctx, load.Options{Dialect: d.env.Dialect, DB: db, Schema: d.env.Options,
		Catalog: d.env.history.Current(), Source: src, Progress: load.NewProgress(io.Discard, true),
		Warn: func(msg string) { fmt.Fprintln(d.out, "    warning:", msg) }})
	if err != nil {
		return err
	}
	if len(sum.Failed) > 0 {
		return fmt.Errorf("%d files failed to load, first: %w", len(sum.Failed), sum.Failed[0])
	}
	var rows int64
	for _, n := range sum.Rows {
		rows += n
	}
	fmt.Fprintf(d.out, "    loaded %d files, %d rows (retried transfers included: current-state models deduplicate them)\n", sum.Loaded, rows)
	return nil
}

// demoRunModels is `mtx run`: every current-state model and cookbook view.
func demoRunModels(ctx context.Context, d *demoRun) error {
	cat := d.env.history.Current()
	book, err := bookpkg.Load(cookbook.FS)
	if err != nil {
		return err
	}
	views, err := cookbookNodes(book, d.env)
	if err != nil {
		return err
	}
	reg, err := model.Load(cat, d.env.selected, "", views...) // the demo reads no project.yaml
	if err != nil {
		return err
	}
	p := &model.Project{Dialect: d.env.Dialect, Schema: d.env.Options.Schema, Catalog: cat, Selected: d.env.selected, Models: reg}
	gr, err := p.Compile()
	if err != nil {
		return err
	}
	names, err := gr.Select(nil)
	if err != nil {
		return err
	}
	db, err := d.env.connect(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := (&model.Runner{Project: p, DB: db, Log: io.Discard}).Run(ctx, gr, names); err != nil {
		return err
	}
	// Self-check against the generator's own truth: every current-state
	// model has exactly the rows the export's current state has.
	tables := make([]string, 0, len(d.manifest.Known.CurrentRows))
	for t := range d.manifest.Known.CurrentRows {
		tables = append(tables, t)
	}
	sort.Strings(tables)
	agree := 0
	for _, t := range tables {
		var n int
		q := "SELECT count(*) FROM " + d.env.Dialect.Quote(d.env.Options.Schema) + "." + d.env.Dialect.Quote(bookpkg.CurrentPrefix+t)
		if err := db.QueryRowContext(ctx, q).Scan(&n); err != nil {
			return fmt.Errorf("counting %s: %w", bookpkg.CurrentPrefix+t, err)
		}
		if want := d.manifest.Known.CurrentRows[t]; n != want {
			return fmt.Errorf("%s%s has %d rows, the generated export's current state has %d", bookpkg.CurrentPrefix, t, n, want)
		}
		agree++
	}
	fmt.Fprintf(d.out, "    built %d models (%d current-state, %d cookbook views); %d/%d current-state row counts equal the generator's truth\n",
		len(names), len(names)-len(views), len(views), agree, len(tables))
	return nil
}

// demoCookbook prints a few cookbook answers from the views `run` built.
func demoCookbook(ctx context.Context, d *demoRun) error {
	db, err := d.env.connect(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	for _, name := range []string{"active_customers", "monthly_invoice_totals", "revenue_by_product_by_month"} {
		view := d.env.Dialect.Quote(d.env.Options.Schema) + "." + d.env.Dialect.Quote(bookpkg.ViewPrefix+name)
		res, err := output.Query(ctx, db, "", "SELECT * FROM "+view)
		if err != nil {
			return fmt.Errorf("cookbook %s: %w", name, err)
		}
		fmt.Fprintf(d.out, "\n    mtx cookbook run %s   (PRODUCTION)\n", name)
		if err := output.Write(&indent{w: d.out}, output.Table, res); err != nil {
			return err
		}
	}
	return nil
}

// indent prefixes every line written through it with four spaces.
type indent struct {
	w       io.Writer
	midLine bool
}

func (i *indent) Write(p []byte) (int, error) {
	for _, b := range p {
		if !i.midLine {
			if _, err := io.WriteString(i.w, "    "); err != nil {
				return 0, err
			}
		}
		if _, err := i.w.Write([]byte{b}); err != nil {
			return 0, err
		}
		i.midLine = b != '\n'
	}
	return len(p), nil
}
