package model

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/mtxhq/mtx/dialects"
)

// A user incremental model (a models/*.sql file with materialized:
// incremental and a unique_key) is refreshed by staging the rows its
// {{ if is_incremental }} branch selects and letting them replace the
// stored rows with the same unique_key. Two staged rows with one key
// would both be inserted, silently breaking the key, so:
//
//   - with `newest: col, …` (the columns ordering the versions of one key,
//     newest first, each descending with NULLs last), a full build keeps
//     the newest row of each key, and a refresh ranks the staged rows
//     together with the stored rows of their keys with the dialect's
//     current-state idiom: per key the newest wins, a staged row winning
//     a full tie with the stored one. Only the keys a staged row won are
//     rewritten, so a re-delivered old version loses to the stored newer
//     one exactly as in a full build. Rows whose unique_key has a NULL
//     are left out (they cannot be merged), as in current-state models.
//   - without it, a refresh whose staged rows repeat a unique_key fails,
//     naming the model and the first repeated key, before the model's
//     table is touched. A full build does not check: `mtx test` reports a
//     unique_key that is not unique, as it does for table models.
//
// Ranking, MERGE and INSERT by name need the model's column list, which
// only the database knows: the Runner reads it (readColumns) before
// planning a refresh, or a full build with newest; `mtx compile` shows
// placeholderColumn instead.

// Helper names of a user incremental refresh.
const (
	// freshColumn is 1 on staged candidates, 0 on stored ones; ranked last,
	// descending, so a staged row wins a full tie.
	freshColumn = "_mtx_fresh"
	// placeholderColumn stands for the model's columns in `mtx compile`.
	placeholderColumn = "_mtx_model_columns"
)

// userIncremental returns the steps building user incremental model c,
// or false when the generic build (a full build without newest) does.
func (p *Project) userIncremental(m dialects.Modeler, c *Compiled, existing string, fullRefresh bool) ([]step, bool) {
	newest := c.Config.Newest
	if existing != asTable || fullRefresh {
		if len(newest) == 0 {
			return nil, false
		}
		// The generic full build of the ranked rows.
		node := *c.Node
		node.Config.Newest = nil
		ranked := *c
		ranked.Node = &node
		ranked.SQL = m.CurrentStateSQL(p.userRanking(c, "(\n"+indent(c.SQL, "  ")+"\n) AS "+p.Dialect.Quote("_mtx_rows"), nil))
		return p.modelSteps(m, &ranked, existing, true, ""), true
	}
	q := p.Dialect.Quote
	rel := c.Relation
	key := c.Config.UniqueKey
	scratchTable := p.scratchTables(m, c)
	stage, createStage := scratchTable("new")
	cols := c.columns
	if cols == nil {
		cols = []string{placeholderColumn}
	}
	list := quoteList(q, cols)
	// write replaces the stored rows by the rows of from, unique by key.
	write := func(from string) step {
		if mg, ok := m.(dialects.Merger); ok {
			// One MERGE: all or nothing without a transaction.
			return step{stmt(mg.Merge(rel, from, key, cols))}
		}
		insert := "INSERT INTO " + rel + " (" + list + ")\nSELECT " + list + " FROM " + from
		if c.columns == nil {
			insert = "INSERT INTO " + rel + " SELECT * FROM " + from
		}
		return step{stmt(deleteKeysIn(p.Dialect, rel, key, from, p.keyIn(key, rel, from))), stmt(insert)}
	}
	if len(newest) == 0 {
		return []step{
			{dropTable(stage, true)},
			{createStage(c.IncrementalSQL)},
			{p.repeatedKeyCheck(c, stage)},
			write(stage),
			{dropTable(stage, false)},
		}, true
	}
	merged, createMerged := scratchTable("merge")
	// The stored rows under an alias: BigQuery refuses a correlated
	// reference by the table's qualified name (a composite key's EXISTS).
	stored := q("_mtx_t")
	candidates := fmt.Sprintf("(\n  SELECT %s, 1 AS %s FROM %s\n  UNION ALL\n  SELECT %s, 0 AS %s FROM %s AS %s WHERE %s\n) AS %s",
		list, q(freshColumn), stage, list, q(freshColumn), rel, stored, keyMatch(p.Dialect, key, stored, stage), q("_mtx_candidates"))
	winners := fmt.Sprintf("SELECT %s\nFROM (\n%s\n) AS %s\nWHERE %s = 1",
		list, indent(m.CurrentStateSQL(p.userRanking(c, candidates, []string{freshColumn})), "  "), q("_mtx_winners"), q(freshColumn))
	return []step{
		{dropTable(stage, true)},
		{dropTable(merged, true)},
		{createStage(c.IncrementalSQL)},
		{createMerged(winners)},
		write(merged),
		{dropTable(stage, false)},
		{dropTable(merged, false)},
	}, true
}

// keyIn is the condition "target's row has a key among from's rows" of a
// DELETE: keyMatch for one column; for several a tuple IN, since
// ClickHouse mutations refuse keyMatch's correlated EXISTS (BigQuery,
// which refuses tuple IN, merges instead).
func (p *Project) keyIn(key []string, target, from string) string {
	if len(key) == 1 {
		return keyMatch(p.Dialect, key, target, from)
	}
	list := quoteList(p.Dialect.Quote, key)
	return "(" + list + ") IN (SELECT " + list + " FROM " + from + ")"
}

// userRanking describes "the newest row of each unique_key of source" for
// the dialect's current-state idiom; extra columns (after the model's)
// are carried along and rank last.
func (p *Project) userRanking(c *Compiled, source string, extra []string) dialects.CurrentState {
	cols := c.columns
	if cols == nil {
		cols = []string{placeholderColumn}
	}
	var notNull []string
	for _, k := range c.Config.UniqueKey {
		notNull = append(notNull, p.Dialect.Quote(k)+" IS NOT NULL")
	}
	return dialects.CurrentState{
		Source:  source,
		Columns: append(append([]string{}, cols...), extra...),
		Grain:   append([]string{}, c.Config.UniqueKey...),
		Newest:  append(append([]string{}, c.Config.Newest...), extra...),
		Where:   strings.Join(notNull, " AND "),
	}
}

func quoteList(q func(string) string, cols []string) string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = q(c)
	}
	return strings.Join(out, ", ")
}

// check is a step that is a check, not a change: the build fails when
// its query returns a row, whose last column counts the offending rows
// (runCheck). `mtx compile` prints it as its query after comment lines
// saying what the row means, the hint, and the scratch table dropped on
// failure.
type check struct {
	what, hint string
	// dropOnFailure drops the scratch table the check reads, when the
	// check fails outside a transaction.
	dropOnFailure dialects.Step
	query         string
}

// SQL is the check's query after its comment lines.
func (ch check) SQL(d dialects.Dialect) string {
	return "-- mtx check: " + ch.what + "\n" +
		"-- hint: " + ch.hint + "\n" +
		"-- on failure: " + ch.dropOnFailure.SQL(d) + "\n" +
		ch.query
}

// repeatedKeyCheck is the check that the staged rows of c repeat no
// unique_key; it returns the first repeated key, in key order.
func (p *Project) repeatedKeyCheck(c *Compiled, stage string) check {
	q := p.Dialect.Quote
	key := quoteList(q, c.Config.UniqueKey)
	return check{
		what:          "the new rows repeat unique_key",
		hint:          "add newest: to the header to keep the newest row of each key",
		dropOnFailure: dropTable(stage, false),
		query: fmt.Sprintf("SELECT %s, COUNT(*) AS %s FROM %s GROUP BY %s HAVING COUNT(*) > 1 ORDER BY %s LIMIT 1",
			key, q("_mtx_rows"), stage, key, key),
	}
}

type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// runCheck runs ch on e (a transaction or the database): a row back is
// the error, naming the offending values. Outside a transaction the
// scratch table the check reads is dropped first, so a failed refresh
// leaves nothing behind.
func (r *Runner) runCheck(ctx context.Context, e execer, ch check) error {
	st := ch.SQL(r.Project.Dialect)
	qe, ok := e.(querier)
	if !ok {
		return fmt.Errorf("cannot run a check on %T", e)
	}
	start := time.Now()
	rows, err := qe.QueryContext(ctx, st)
	if r.Trace != nil {
		fmt.Fprintf(r.Trace, "-- %.3fs\n%s;\n", time.Since(start).Seconds(), st)
	}
	if err != nil {
		return fmt.Errorf("%w\nin statement: %s", err, firstLine(st))
	}
	cols, err := rows.Columns()
	if err != nil {
		rows.Close()
		return err
	}
	var found []string
	var count string
	if rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			rows.Close()
			return err
		}
		for i, v := range vals[:len(vals)-1] {
			found = append(found, strings.ToLower(cols[i])+"="+Format(v))
		}
		count = Format(vals[len(vals)-1])
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if count == "" {
		return nil
	}
	if _, inTx := e.(*sql.Tx); !inTx {
		_ = r.run(ctx, e, ch.dropOnFailure)
	}
	return fmt.Errorf("%s %s (%s rows); nothing was changed (%s)", ch.what, strings.Join(found, ", "), count, ch.hint)
}

// readColumns sets c.columns, for the refresh of a user incremental model
// or its full build with newest, to the columns of the query the build
// stages (refresh) or ranks (full build), and checks that unique_key and
// newest name some of them.
func (r *Runner) readColumns(ctx context.Context, c *Compiled, refresh bool) error {
	if c.Current != nil || c.Config.Materialized != Incremental || (len(c.Config.Newest) == 0 && !refresh) {
		return nil
	}
	query := c.SQL
	if refresh {
		query = c.IncrementalSQL
	}
	cols, err := r.queryColumns(ctx, query)
	if err != nil {
		return fmt.Errorf("reading the columns of %s: %w", c.Origin, err)
	}
	have := map[string]bool{}
	for _, col := range cols {
		have[strings.ToLower(col)] = true
	}
	for _, l := range []struct {
		key  string
		cols []string
	}{{"unique_key", c.Config.UniqueKey}, {"newest", c.Config.Newest}} {
		for _, col := range l.cols {
			if !have[strings.ToLower(col)] {
				return fmt.Errorf("%s: %s column %q is not a column of the model (it has %s)", c.Origin, l.key, col, strings.Join(cols, ", "))
			}
		}
	}
	c.columns = cols
	return nil
}

// queryColumns returns the output columns of query, in order, without
// reading its rows.
func (r *Runner) queryColumns(ctx context.Context, query string) ([]string, error) {
	if qd, ok := r.Project.Dialect.(dialects.QueryDescriber); ok {
		rows, err := r.DB.QueryContext(ctx, qd.DescribeQuery(query))
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		n, err := rows.Columns()
		if err != nil {
			return nil, err
		}
		var cols []string
		for rows.Next() {
			vals := make([]any, len(n))
			ptrs := make([]any, len(n))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				return nil, err
			}
			cols = append(cols, Format(vals[0]))
		}
		return cols, rows.Err()
	}
	rows, err := r.DB.QueryContext(ctx, "SELECT * FROM (\n"+query+"\n) AS "+r.Project.Dialect.Quote("_mtx_probe")+" WHERE 1 = 0")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return rows.Columns()
}
