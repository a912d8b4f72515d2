// Package exitcode is mtx's contract with scripts and schedulers: the same
// exit status means the same thing on every command.
//
//	0   success
//	1   ran, but a model, data test, freshness or source check failed
//	2   could not run: bad flags or config, unreachable database, a lock
//	    held by another run, any error before or around the work itself
//	130 interrupted (Ctrl-C); the next run resumes from what was left
//
// Commands return a plain error for "could not run" and wrap the outcome
// of work that ran but failed with Failed; Code maps an error to its status.
package exitcode

import (
	"context"
	"errors"
)

// The exit statuses.
const (
	OK          = 0
	Failed      = 1
	CouldNotRun = 2
	Interrupted = 130
)

// failure marks an error as "ran, but something failed".
type failure struct{ err error }

func (f failure) Error() string { return f.err.Error() }
func (f failure) Unwrap() error { return f.err }

// Fail marks err (nil stays nil) as the outcome of work that ran: a model,
// test or check failed. Its exit status is Failed.
func Fail(err error) error {
	if err == nil {
		return nil
	}
	return failure{err}
}

// IsFailure reports whether err was marked by Fail.
func IsFailure(err error) bool {
	var f failure
	return errors.As(err, &f)
}

// Code is the exit status for the error a command returned.
func Code(err error) int {
	switch {
	case err == nil:
		return OK
	case errors.Is(err, context.Canceled):
		return Interrupted
	case IsFailure(err):
		return Failed
	}
	return CouldNotRun
}
