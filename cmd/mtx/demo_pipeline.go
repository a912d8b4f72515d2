package main

import (
	"context"
	"fmt"
	"io"
	"math/big"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/mtxhq/mtx/cookbook"
	bookpkg "github.com/mtxhq/mtx/internal/cookbook"
	"github.com/mtxhq/mtx/internal/demo"
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

// demoAnswer is one cookbook answer `mtx demo` prints, with the parameters
// that make it answer on the demo's own data: a time window ends at the
// export's as_of, not now (the generated export ends on day 20 of its last
// month, which is rarely today).
type demoAnswer struct {
	name   string
	params func(m *demo.Manifest) map[string]string
}

func asOfParam(m *demo.Manifest) map[string]string {
	return map[string]string{"as_of": m.Known.AsOf.UTC().Format(time.RFC3339)}
}

// demoAnswers are the answers `mtx demo` prints; each must have rows.
var demoAnswers = []demoAnswer{
	{"active_customers", nil},
	{"monthly_invoice_totals", nil},
	{"revenue_by_product_by_month", nil},
	{"alert_triggers_per_day", asOfParam},
}

// demoCookbook prints a few cookbook answers, rendered and run as `mtx
// cookbook run` does, and checks monthly_invoice_totals against the
// generator's own invoice totals (both by month of end_timestamp).
func demoCookbook(ctx context.Context, d *demoRun) error {
	db, err := d.env.connect(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	book, err := bookpkg.Load(cookbook.FS)
	if err != nil {
		return err
	}
	r, err := bookpkg.NewRenderer(d.env.Dialect, d.env.Options, d.env.history.Current())
	if err != nil {
		return err
	}
	for _, a := range demoAnswers {
		e, err := book.Entry(a.name)
		if err != nil {
			return err
		}
		var params map[string]string
		if a.params != nil {
			params = a.params(d.manifest)
		}
		rd, err := r.Render(e, params)
		if err != nil {
			return err
		}
		res, err := output.Query(ctx, db, "", rd.SQL)
		if err != nil {
			return fmt.Errorf("cookbook %s: %w", a.name, err)
		}
		if len(res.Rows) == 0 {
			return fmt.Errorf("cookbook %s has no rows on the demo data", a.name)
		}
		cmd := "mtx cookbook run " + a.name
		keys := make([]string, 0, len(params))
		for k := range params {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			cmd += " --param " + k + "=" + params[k]
		}
		fmt.Fprintf(d.out, "\n    %s   (PRODUCTION)\n", cmd)
		if err := output.Write(&indent{w: d.out}, output.Table, res); err != nil {
			return err
		}
		if a.name == "monthly_invoice_totals" {
			if err := sameInvoiceTotals(d.manifest.Known, res); err != nil {
				return err
			}
			fmt.Fprintln(d.out, "    = the generator's invoice totals (PRODUCTION, FINALIZED; months of end_timestamp)")
		}
	}
	return nil
}

// sameInvoiceTotals compares the cookbook's monthly_invoice_totals rows
// (month, credit type, count, total) with the generator's PRODUCTION
// FINALIZED totals, month by month.
func sameInvoiceTotals(k demo.Known, res *output.Result) error {
	type agg struct {
		n     int
		total *big.Rat
	}
	got := map[string]*agg{}
	for _, row := range res.Rows {
		if len(row) != 4 || row[0] == nil || row[2] == nil || row[3] == nil {
			return fmt.Errorf("monthly_invoice_totals: unexpected row %v", row)
		}
		month := strings.TrimSuffix(*row[0], "-01T00:00:00Z")
		n, err := strconv.Atoi(*row[2])
		if err != nil {
			return fmt.Errorf("monthly_invoice_totals: count %q: %w", *row[2], err)
		}
		t, ok := new(big.Rat).SetString(*row[3])
		if !ok {
			return fmt.Errorf("monthly_invoice_totals: total %q is not a number", *row[3])
		}
		if got[month] == nil {
			got[month] = &agg{total: new(big.Rat)}
		}
		got[month].n += n
		got[month].total.Add(got[month].total, t)
	}
	want := 0
	for _, it := range k.InvoiceTotals {
		if it.Environment != "PRODUCTION" || it.Status != "FINALIZED" {
			continue
		}
		want++
		t, _ := new(big.Rat).SetString(it.Total)
		g := got[it.Month]
		if g == nil {
			return fmt.Errorf("monthly_invoice_totals has no row for %s, the generator has %d invoices totalling %s", it.Month, it.Invoices, it.Total)
		}
		if g.n != it.Invoices || t == nil || g.total.Cmp(t) != 0 {
			return fmt.Errorf("monthly_invoice_totals disagrees with the generator in %s: %d invoices totalling %s, want %d totalling %s", it.Month, g.n, g.total.FloatString(9), it.Invoices, it.Total)
		}
	}
	if len(got) != want {
		return fmt.Errorf("monthly_invoice_totals has %d months, the generator %d", len(got), want)
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
