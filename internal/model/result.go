package model

import (
	"context"
	"fmt"
	"time"
)

// Status is a node's outcome, named as in dbt's run_results.json.
type Status string

// The statuses: success, error and skipped for models; pass, fail and
// error for data tests (mtx tests have no warn severity).
const (
	Success Status = "success"
	Error   Status = "error"
	Skipped Status = "skipped"
	Pass    Status = "pass"
	Fail    Status = "fail"
)

// Result is one model built (or not) or one data test run.
type Result struct {
	// Name is the model's; Test is set for a data test's result.
	Name    string
	Test    *DataTest
	Status  Status
	Elapsed time.Duration
	// Err is why a model errored (nil otherwise).
	Err error
	// Message says what happened in one line: the build mode, the error,
	// why it was skipped, or how many rows a test found.
	Message string
	// Rows is what the engine said the build's last writing statement
	// affected, when it said (RowsKnown).
	Rows      int64
	RowsKnown bool
	// Failures is how many rows a data test found; Sample shows some.
	Failures int64
	Sample   []string
}

// Test runs one data test and reports it: pass, fail (offending rows) or
// error (the query failed).
func (r *Runner) Test(ctx context.Context, t DataTest) Result {
	start := time.Now()
	tc := t
	res := Result{Name: t.Model, Test: &tc, Status: Pass}
	if err := r.DB.QueryRowContext(ctx, t.Count).Scan(&res.Failures); err != nil {
		res.Status, res.Err = Error, fmt.Errorf("model %s, test %s: %w", t.Model, t.Name, err)
		res.Message = oneLine(err.Error())
		res.Elapsed = time.Since(start)
		return res
	}
	if res.Failures > 0 {
		res.Status = Fail
		sample, err := r.sample(ctx, t.Query)
		if err != nil {
			res.Status, res.Err = Error, fmt.Errorf("model %s, test %s: %w", t.Model, t.Name, err)
			res.Message = oneLine(err.Error())
		} else {
			res.Sample = sample
			res.Message = offending(res.Failures)
		}
	}
	res.Elapsed = time.Since(start)
	return res
}

// Counts tallies results by status.
func Counts(results []Result) map[Status]int {
	out := map[Status]int{}
	for _, r := range results {
		out[r.Status]++
	}
	return out
}
