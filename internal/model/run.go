package model

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/internal/load"
	"github.com/mtxhq/mtx/internal/lock"
)

// Runner builds models on a database.
type Runner struct {
	Project *Project
	DB      *sql.DB
	// Log receives one line per model built (nil: quiet).
	Log io.Writer
	// FullRefresh rebuilds incremental models from scratch.
	FullRefresh bool
	// Trace, when set, receives every statement with its duration.
	Trace io.Writer
	// LockTimeout bounds the wait for another `mtx run` on the schema
	// (0: lock.DefaultTimeout).
	LockTimeout time.Duration

	// rows is what the engine said the current model's last writing
	// statement affected (rowsKnown: it said something).
	rows      int64
	rowsKnown bool
	// manifest: the schema has mtx load's manifest (largeBatch reads it);
	// rebuilt: why the current model was rebuilt instead of refreshed.
	manifest bool
	rebuilt  string
}

// RunLockTable is the lock table of `mtx run` on engines without named
// locks, in the project's schema while a run holds it.
const RunLockTable = "mtx_run_lock"

// Run builds the named models of g, in order. It stops at the first failure,
// naming the model; models built before it stay built.
func (r *Runner) Run(ctx context.Context, g *Graph, names []string) error {
	results, err := r.Execute(ctx, g, names, Options{FailFast: true})
	if err != nil {
		return err
	}
	for _, res := range results {
		if res.Err != nil {
			return res.Err
		}
	}
	return nil
}

// Options say how Execute goes on after a failure.
type Options struct {
	// FailFast stops at the first failed model (or failed test): the rest
	// is reported skipped. Without it a failure skips only the failed
	// model's descendants and everything else is built, as dbt does.
	FailFast bool
	// Tests, when set, gives a model's data tests, run right after the
	// model is built (mtx build): a model whose test fails or errors
	// stops its descendants like a failed build.
	Tests func(model string) []DataTest
}

// Execute builds the named models of g in order and reports each one,
// with its data tests when o.Tests is set. Its error is for what stops the
// whole run (the run lock, listing the schema, an interrupt: then the
// results so far come with ctx's error); a model or test that fails is a
// result, with its error in Err.
func (r *Runner) Execute(ctx context.Context, g *Graph, names []string, o Options) ([]Result, error) {
	m := r.Project.Dialect
	if err := dialects.CheckWrite(m); err != nil {
		return nil, err
	}
	// Two runs at once would both merge the same new rows: the second waits.
	conn, err := r.DB.Conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	unlock, err := lock.Schema{
		Purpose: lock.Run, Dialect: r.Project.Dialect, DB: r.DB, Schema: r.Project.Schema,
		Name: dialects.RunLockName(r.Project.Schema), Table: RunLockTable,
		Timeout: r.LockTimeout, Log: r.Log,
	}.Take(ctx, conn)
	if err != nil {
		return nil, err
	}
	defer unlock()
	start := time.Now()
	existing, err := r.relations(ctx, m)
	if err != nil {
		return nil, err
	}
	r.manifest = existing[strings.ToLower(load.ManifestTable)] == asTable
	columns, err := r.columns(ctx, g, names)
	if err != nil {
		return nil, err
	}
	if r.Trace != nil {
		fmt.Fprintf(r.Trace, "-- %.3fs\n-- (listing relations and columns)\n", time.Since(start).Seconds())
	}
	var results []Result
	// blocked holds the models whose descendants are skipped, with why.
	blocked := map[string]string{}
	stopped := ""
	for i, name := range names {
		c := g.Nodes[name]
		// skip reports name, and its tests, as not run.
		skip := func(why string) {
			results = append(results, Result{Name: name, Status: Skipped, Message: why})
			if o.Tests != nil {
				for _, t := range o.Tests(name) {
					tc := t
					results = append(results, Result{Name: name, Test: &tc, Status: Skipped, Message: "skipped: model " + name + " was not built"})
				}
			}
		}
		if stopped != "" {
			skip("skipped: --fail-fast stopped the run after " + stopped + " failed")
			blocked[name] = stopped
			continue
		}
		if up := blockedBy(c, blocked); up != "" {
			skip("skipped: upstream " + up + " failed")
			blocked[name] = up
			r.logLine(i, len(names), name, "SKIP (upstream "+up+")", 0)
			continue
		}
		full := r.FullRefresh || c.delivered
		leftover := existing[strings.ToLower(MergeTable(name))] != absent
		if c.Config.Materialized == Incremental && existing[strings.ToLower(name)] == asTable {
			// A refresh interrupted after its delete (on an engine without
			// transactions) left its merge table: rebuild. So does a
			// migration that changed the table's columns.
			if leftover || (c.Current != nil && !sameColumns(columns[strings.ToLower(name)], c.Current)) {
				full = true
			}
		}
		start := time.Now()
		kind := existing[strings.ToLower(name)]
		mode := c.Config.Materialized
		if mode == Incremental && kind == asTable && !full {
			mode = "incremental refresh"
		}
		r.rows, r.rowsKnown, r.rebuilt = 0, false, ""
		err := r.build(ctx, m, c, kind, full)
		if err == nil {
			err = r.pinLive(ctx, m, c)
		}
		if err == nil && leftover {
			// The rebuild supersedes the interrupted refresh; without the
			// drop, every later run would find the merge table and rebuild.
			if err = r.run(ctx, r.DB, dropTable(r.Project.relation(MergeTable(name)), true)); err == nil {
				existing[strings.ToLower(MergeTable(name))] = absent
			}
		}
		if r.rebuilt != "" {
			mode = c.Config.Materialized
		}
		res := Result{Name: name, Status: Success, Elapsed: time.Since(start), Rows: r.rows, RowsKnown: r.rowsKnown}
		if err != nil {
			if ctx.Err() != nil {
				return results, ctx.Err()
			}
			res.Status, res.Err = Error, fmt.Errorf("model %s: %w", name, err)
			res.Message = oneLine(err.Error())
			results = append(results, res)
			if o.Tests != nil {
				for _, t := range o.Tests(name) {
					tc := t
					results = append(results, Result{Name: name, Test: &tc, Status: Skipped, Message: "skipped: model " + name + " failed"})
				}
			}
			blocked[name] = name
			r.logLine(i, len(names), name, "ERROR", res.Elapsed)
			if o.FailFast {
				stopped = name
			}
			continue
		}
		res.Message = mode
		if c.Config.Materialized == View {
			existing[strings.ToLower(name)] = asView
		} else {
			existing[strings.ToLower(name)] = asTable
		}
		results = append(results, res)
		r.logLine(i, len(names), name, mode, res.Elapsed)
		if o.Tests == nil {
			continue
		}
		for _, t := range o.Tests(name) {
			tr := r.Test(ctx, t)
			if ctx.Err() != nil {
				return results, ctx.Err()
			}
			results = append(results, tr)
			PrintTest(r.Log, tr)
			if tr.Status != Pass {
				blocked[name] = name + " (test " + t.Name + ")"
				if o.FailFast {
					stopped = blocked[name]
				}
			}
		}
	}
	return results, nil
}

// blockedBy names the failed model upstream of c, "" when none.
func blockedBy(c *Compiled, blocked map[string]string) string {
	for _, d := range c.Deps {
		if why, ok := blocked[d]; ok {
			return why
		}
	}
	return ""
}

func (r *Runner) logLine(i, n int, name, what string, d time.Duration) {
	if r.Log != nil {
		fmt.Fprintf(r.Log, "%*d/%d %-60s %-20s %6.2fs\n", len(fmt.Sprint(n)), i+1, n, name, what, d.Seconds())
	}
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// columns returns the column names of every table in the schema, by
// lower-case table name, when an incremental current-state model is among
// names (nil otherwise: nothing needs them).
func (r *Runner) columns(ctx context.Context, g *Graph, names []string) (map[string]map[string]bool, error) {
	need := false
	for _, n := range names {
		c := g.Nodes[n]
		need = need || (c.Current != nil && c.Config.Materialized == Incremental)
	}
	if !need {
		return nil, nil
	}
	rows, err := r.DB.QueryContext(ctx, r.Project.Dialect.ColumnsQuery(r.Project.Schema))
	if err != nil {
		return nil, fmt.Errorf("listing the columns of schema %s: %w", r.Project.Schema, err)
	}
	defer rows.Close()
	out := map[string]map[string]bool{}
	for rows.Next() {
		var table, column, typ string
		if err := rows.Scan(&table, &column, &typ); err != nil {
			return nil, err
		}
		table = strings.ToLower(table)
		if out[table] == nil {
			out[table] = map[string]bool{}
		}
		out[table][strings.ToLower(column)] = true
	}
	return out, rows.Err()
}

// sameColumns reports whether a built table has exactly t's columns.
func sameColumns(have map[string]bool, t *catalog.Table) bool {
	if len(have) != len(t.Columns) {
		return false
	}
	for _, c := range t.Columns {
		if !have[c.Name] {
			return false
		}
	}
	return true
}

// relations returns the kind of every relation in the schema, by lower-case name.
func (r *Runner) relations(ctx context.Context, m dialects.Modeler) (map[string]string, error) {
	rows, err := r.DB.QueryContext(ctx, m.RelationsQuery(r.Project.Schema))
	if err != nil {
		return nil, fmt.Errorf("listing the relations of schema %s: %w", r.Project.Schema, err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var name, kind string
		if err := rows.Scan(&name, &kind); err != nil {
			return nil, err
		}
		if strings.EqualFold(kind, "VIEW") {
			out[strings.ToLower(name)] = asView
		} else {
			out[strings.ToLower(name)] = asTable
		}
	}
	return out, rows.Err()
}

func (r *Runner) build(ctx context.Context, m dialects.Modeler, c *Compiled, existing string, full bool) error {
	watermark := ""
	if c.Current != nil && c.Config.Materialized == Incremental && existing == asTable && !full {
		// The stored watermark, as a constant the planner can use. Without
		// one there is nothing to be incremental from: rebuild.
		var wm sql.NullTime
		start := time.Now()
		if err := r.DB.QueryRowContext(ctx, "SELECT MAX("+r.Project.Dialect.Quote(c.watermark())+") FROM "+c.Relation).Scan(&wm); err != nil {
			return fmt.Errorf("reading the watermark of %s: %w", c.Relation, err)
		}
		if r.Trace != nil {
			fmt.Fprintf(r.Trace, "-- %.3fs\n-- (reading the watermark)\n", time.Since(start).Seconds())
		}
		if wm.Valid {
			watermark = m.TimestampLiteral(wm.Time)
			why, err := r.largeBatch(ctx, m, c, wm.Time)
			if err != nil {
				return err
			}
			if why != "" {
				full, r.rebuilt = true, why
				if r.Log != nil {
					fmt.Fprintln(r.Log, why)
				}
			}
		} else {
			full = true
		}
	}
	if err := r.readColumns(ctx, c, existing == asTable && !full); err != nil {
		return err
	}
	steps := r.Project.steps(m, c, existing, full, watermark)
	if r.Project.Dialect.TransactionalDDL() {
		// One transaction: a failure leaves the previous build in place.
		var all step
		if bs, ok := r.Project.Dialect.(dialects.BuildSettinger); ok {
			for _, st := range bs.BuildSettings() {
				all = append(all, stmt(st))
			}
		}
		for _, s := range steps {
			all = append(all, s...)
		}
		err := r.inTxFor(ctx, c, all)
		if err != nil && c.Config.Materialized == View && existing == asView {
			// Some engines (PostgreSQL) cannot replace a view whose
			// columns changed (a migration added one): drop and create
			// it instead.
			recreate := step{dialects.DropRelation{Relation: c.Relation, Kind: dialects.View}, stmt("CREATE VIEW " + c.Relation + " AS\n" + c.SQL)}
			if err2 := r.inTxFor(ctx, c, recreate); err2 == nil {
				return nil
			}
		}
		return err
	}
	for _, s := range steps {
		var err error
		if len(s) > 1 && m.TransactionalDML() {
			err = r.inTx(ctx, s)
		} else {
			for _, st := range s {
				if err = r.run(ctx, r.DB, st); err != nil {
					break
				}
			}
		}
		if err != nil {
			return err
		}
	}
	return nil
}

type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// run runs one step of a plan on e.
func (r *Runner) run(ctx context.Context, e execer, s dialects.Step) error {
	if ch, ok := s.(check); ok {
		return r.runCheck(ctx, e, ch)
	}
	return r.exec(ctx, e, s.SQL(r.Project.Dialect))
}

func (r *Runner) exec(ctx context.Context, e execer, st string) error {
	start := time.Now()
	res, err := e.ExecContext(ctx, st)
	if err == nil {
		if n, rerr := res.RowsAffected(); rerr == nil && n > 0 {
			r.rows, r.rowsKnown = n, true
		}
	}
	if r.Trace != nil {
		fmt.Fprintf(r.Trace, "-- %.3fs\n%s;\n", time.Since(start).Seconds(), st)
	}
	if err != nil {
		return fmt.Errorf("%w\nin statement: %s", err, firstLine(st))
	}
	return nil
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i] + " …"
	}
	return s
}

func (r *Runner) inTx(ctx context.Context, sts step) error { return r.inTxFor(ctx, nil, sts) }

// inTxFor runs sts in one transaction. When they drop model c's relation on
// an engine whose views bind to it, the views depending on c are dropped
// with it and re-created at the end, inside the same transaction.
func (r *Runner) inTxFor(ctx context.Context, c *Compiled, sts step) error {
	tx, err := r.DB.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if c != nil {
		if sts, err = r.keepDependentViews(ctx, tx, c, sts); err != nil {
			tx.Rollback()
			return err
		}
	}
	for _, st := range sts {
		if err := r.run(ctx, tx, st); err != nil {
			tx.Rollback()
			return err
		}
	}
	start := time.Now()
	err = tx.Commit()
	if r.Trace != nil {
		fmt.Fprintf(r.Trace, "-- %.3fs\nCOMMIT;\n", time.Since(start).Seconds())
	}
	return err
}

// keepDependentViews rewrites sts, which may drop c's relation, so that the
// views reading it survive on engines that bind views to tables: the drop
// cascades and every dependent view is re-created from its stored
// definition after the new relation exists. Where the dialect can say what
// a definition leaves out (dialects.ViewKeeper: owner, privileges,
// comments), each re-created view gets it back in the same transaction,
// and so do c's own relation and live view.
func (r *Runner) keepDependentViews(ctx context.Context, tx *sql.Tx, c *Compiled, sts step) (step, error) {
	vb, ok := r.Project.Dialect.(dialects.ViewBinder)
	if !ok {
		return sts, nil
	}
	at := -1
	// Views the steps drop themselves (a live view) are theirs to re-create.
	dropped := map[string]bool{}
	for i, st := range sts {
		d, ok := st.(dialects.DropRelation)
		if !ok {
			continue
		}
		if d.Relation == c.Relation && at < 0 {
			at = i
		}
		if d.Kind == dialects.View {
			dropped[d.Relation] = true
		}
	}
	if at < 0 {
		return sts, nil
	}
	rows, err := tx.QueryContext(ctx, vb.DependentViewsQuery(r.Project.Schema, c.Name))
	if err != nil {
		return nil, fmt.Errorf("listing the views that depend on %s: %w", c.Relation, err)
	}
	defer rows.Close()
	q := r.Project.Dialect.Quote
	var recreate step
	var kept [][2]string // schema, name of each re-created view
	for rows.Next() {
		var schema, name, kind, def string
		if err := rows.Scan(&schema, &name, &kind, &def); err != nil {
			return nil, err
		}
		if dropped[q(schema)+"."+q(name)] {
			continue
		}
		if kind != "v" {
			return nil, fmt.Errorf("%s.%s (relkind %s) depends on %s and mtx cannot re-create it: drop it before rebuilding, and create it again after", schema, name, kind, c.Relation)
		}
		recreate = append(recreate, stmt("CREATE VIEW "+q(schema)+"."+q(name)+" AS\n"+strings.TrimSuffix(strings.TrimSpace(def), ";")))
		kept = append(kept, [2]string{schema, name})
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	// Read now, before the steps drop them; given back at the end, after
	// every view exists again (a trigger or rule may name another one).
	var props step
	give := func(more []string) {
		for _, st := range more {
			props = append(props, stmt(st))
		}
	}
	if vk, ok := r.Project.Dialect.(dialects.ViewKeeper); ok {
		for _, v := range kept {
			more, err := vk.KeepView(ctx, tx, v[0], v[1])
			if err != nil {
				return nil, fmt.Errorf("rebuilding %s: %w", c.Relation, err)
			}
			give(more)
		}
		// c's own relation, when the steps build it again as the same kind,
		// and its live view: a grant on current_invoices survives too.
		var own []string
		if (sts[at].(dialects.DropRelation).Kind == dialects.View) == (c.Config.Materialized == View) {
			own = append(own, c.Name)
		}
		if live := LiveView(c.Name); c.hasLive() && dropped[q(r.Project.Schema)+"."+q(live)] {
			own = append(own, live)
		}
		for _, name := range own {
			more, err := vk.KeepRelation(ctx, tx, r.Project.Schema, name)
			if err != nil {
				return nil, fmt.Errorf("rebuilding %s: %w", c.Relation, err)
			}
			give(more)
		}
	}
	if len(recreate) == 0 && len(props) == 0 {
		return sts, nil
	}
	if len(recreate) == 0 {
		return append(append(step(nil), sts...), props...), nil
	}
	// The drop cascades, and so do the steps' own view drops before it
	// (the live view): a user view on current_events_live is among the
	// dependents re-created at the end.
	out := append(step(nil), sts...)
	for i, st := range out[:at+1] {
		if d, ok := st.(dialects.DropRelation); ok && (i == at || d.Kind == dialects.View) {
			d.Cascade = true
			out[i] = d
		}
	}
	out = append(out, recreate...)
	return append(out, props...), nil
}
