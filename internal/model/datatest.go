package model

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/mtxhq/mtx/dialects"
)

// DataTest is one assertion about a built model's rows.
type DataTest struct {
	// Model is the model the rows are read from, or the raw table for a
	// current-state model's key not_null test (the model leaves those rows out).
	Model string
	// Node is the model whose test this is (Model, except for the raw
	// table's key test): build runs it after Node, artifacts attach it there.
	Node string
	// Name says what is asserted: unique(environment_type, id),
	// not_null(total), accepted_values(environment_type).
	Name string
	// Query returns the offending rows (at most SampleSize of them are shown).
	Query string
	// Count returns how many rows offend.
	Count string
}

// SampleSize is how many offending keys a failing test prints.
const SampleSize = 5

// Tests returns the data tests of the named models: unique_key is unique,
// not_null columns hold no NULL, accepted_values columns hold nothing else.
// For current-state models a key column's not_null test reads the raw
// table, because the model leaves rows without a key out.
func (g *Graph) Tests(p *Project, names []string) []DataTest {
	q := p.Dialect.Quote
	list := func(cols []string) string {
		out := make([]string, len(cols))
		for i, c := range cols {
			out[i] = q(c)
		}
		return strings.Join(out, ", ")
	}
	var out []DataTest
	node := ""
	add := func(model, name, query string) {
		out = append(out, DataTest{
			Model: model, Node: node, Name: name,
			Query: query + " LIMIT " + fmt.Sprint(SampleSize),
			Count: "SELECT COUNT(*) FROM (" + query + ") AS " + q("_mtx_offending"),
		})
	}
	for _, name := range names {
		node = name
		c := g.Nodes[name]
		cfg := c.Config
		key := cfg.UniqueKey
		if len(key) > 0 {
			add(name, "unique("+strings.Join(key, ", ")+")",
				fmt.Sprintf("SELECT %s, COUNT(*) AS %s FROM %s GROUP BY %s HAVING COUNT(*) > 1", list(key), q("rows"), c.Relation, list(key)))
		}
		show := key
		for _, col := range cfg.NotNull {
			// A NULL key is found in the raw table (the model leaves its
			// row out), and reported under the raw table's name.
			rel, owner := c.Relation, name
			if c.Current != nil {
				for _, k := range c.Current.Key {
					if k == col {
						rel, owner = p.relation(c.Current.Name), c.Current.Name
						if ft, ok := p.sourceTable(c); ok {
							rel = p.DeliveredStateOf(ft).Source
						}
					}
				}
			}
			cols := show
			if len(cols) == 0 {
				cols = []string{col}
			}
			add(owner, "not_null("+col+")", fmt.Sprintf("SELECT %s FROM %s WHERE %s IS NULL", list(cols), rel, q(col)))
		}
		var acc []string
		for col := range cfg.AcceptedValues {
			acc = append(acc, col)
		}
		sort.Strings(acc)
		for _, col := range acc {
			var lits []string
			for _, v := range cfg.AcceptedValues[col] {
				lits = append(lits, dialects.StringLiteral(v))
			}
			cols := append(append([]string{}, show...), col)
			if len(show) > 0 && show[0] == col {
				cols = show
			}
			add(name, "accepted_values("+col+": "+strings.Join(cfg.AcceptedValues[col], ", ")+")",
				fmt.Sprintf("SELECT DISTINCT %s FROM %s WHERE %s NOT IN (%s)", list(cols), c.Relation, q(col), strings.Join(lits, ", ")))
		}
	}
	return out
}

// TestResult is one data test's outcome.
type TestResult struct {
	DataTest
	Failing int64
	Sample  []string
}

// RunTests runs the tests, printing one line per failure (model, test,
// offending rows) to w, and returns the failures. A test whose query fails
// stops it with that error.
func (r *Runner) RunTests(ctx context.Context, tests []DataTest, w io.Writer) ([]TestResult, error) {
	results, err := r.TestAll(ctx, tests, w)
	var failed []TestResult
	for _, res := range results {
		if res.Err != nil {
			return failed, res.Err
		}
		if res.Status == Fail {
			failed = append(failed, TestResult{DataTest: *res.Test, Failing: res.Failures, Sample: res.Sample})
		}
	}
	return failed, err
}

// TestAll runs every test and reports each, printing a line per failing
// or erroring test to w (nil: quiet). Its error is an interrupt only.
func (r *Runner) TestAll(ctx context.Context, tests []DataTest, w io.Writer) ([]Result, error) {
	var out []Result
	for _, t := range tests {
		res := r.Test(ctx, t)
		if ctx.Err() != nil {
			return out, ctx.Err()
		}
		out = append(out, res)
		PrintTest(w, res)
	}
	return out, nil
}

// PrintTest writes a failing or erroring test's line to w (nil: nothing).
func PrintTest(w io.Writer, res Result) {
	if w == nil || res.Test == nil {
		return
	}
	switch res.Status {
	case Fail:
		fmt.Fprintf(w, "FAIL %s %s: %s, e.g. %s\n", res.Test.Model, res.Test.Name, offending(res.Failures), strings.Join(res.Sample, "; "))
	case Error:
		fmt.Fprintf(w, "ERROR %s %s: %s\n", res.Test.Model, res.Test.Name, res.Message)
	}
}

func (r *Runner) sample(ctx context.Context, query string) ([]string, error) {
	rows, err := r.DB.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	var out []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		var parts []string
		for i, v := range vals {
			parts = append(parts, strings.ToLower(cols[i])+"="+Format(v))
		}
		out = append(out, strings.Join(parts, " "))
	}
	return out, rows.Err()
}

// Format prints a scanned value the same way on every engine.
func Format(v any) string {
	switch x := v.(type) {
	case nil:
		return "NULL"
	case []byte:
		return string(x)
	case time.Time:
		return x.UTC().Format("2006-01-02T15:04:05.999999Z")
	}
	return fmt.Sprint(v)
}

// offending says how many rows a test found: "1 offending row", "2 offending rows".
func offending(n int64) string {
	if n == 1 {
		return "1 offending row"
	}
	return fmt.Sprintf("%d offending rows", n)
}
