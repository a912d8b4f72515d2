// Package lock makes concurrent `mtx migrate` runs against one schema queue
// instead of racing: goose locks only on PostgreSQL, and a race on an engine
// without transactional DDL can apply a version twice or record it twice.
//
// A Mutex is one way an engine can exclude other processes (an advisory
// lock on a dedicated session, or a lock table whose CREATE TABLE is the
// atomic step); Acquire waits for it with a bounded, polled wait and says
// who holds it. Engines whose database file admits one process at a time
// (DuckDB) need no mutex: WaitOpen retries opening instead.
package lock

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"
)

// DefaultTimeout is how long `mtx migrate` waits for another run by default.
const DefaultTimeout = 5 * time.Minute

// Mutex is a cross-process lock on one schema.
type Mutex interface {
	// TryLock tries once, without waiting. ok is false when another process
	// holds the lock; holder then describes it when the engine can tell.
	TryLock(ctx context.Context) (ok bool, holder string, err error)
	// Unlock releases a lock taken by TryLock.
	Unlock(ctx context.Context) error
}

// Purpose names a lock in messages: the lock, and the command that holds
// it. `mtx migrate` and `mtx load` use the same mechanisms under different
// names, so a waiting user learns which command is in the way.
type Purpose struct {
	Lock    string // "migration lock"
	Command string // "mtx migrate"
}

var (
	// Migration is the lock `mtx migrate` takes on a schema.
	Migration = Purpose{Lock: "migration lock", Command: "mtx migrate"}
	// Load is the lock `mtx load` takes on a schema.
	Load = Purpose{Lock: "load lock", Command: "mtx load"}
)

func (p Purpose) orDefault() Purpose {
	if p.Lock == "" {
		return Migration
	}
	return p
}

// TimeoutError is the one error a run that lost the race for too long
// reports: it names what it waited for, how long, and who held it.
type TimeoutError struct {
	What   string
	Holder string
	Waited time.Duration
	// Purpose names the lock (zero: the migration lock).
	Purpose Purpose
}

func (e *TimeoutError) Error() string {
	held := ""
	if e.Holder != "" {
		held = " (held by " + e.Holder + ")"
	}
	// Truncated: it waited at least that long (the timeout, as the user wrote it).
	w := e.Waited.Truncate(time.Second)
	if e.Waited < time.Second {
		w = e.Waited.Truncate(100 * time.Millisecond)
	}
	p := e.Purpose.orDefault()
	return fmt.Sprintf("waited %s for the %s on %s%s: another `%s` is still running; try again later or raise --lock-timeout",
		w, p.Lock, e.What, held, p.Command)
}

// poll is the wait between two tries: short at first, so queued runs
// follow each other quickly, then longer, so waiters do not load the engine.
func poll(attempt int) time.Duration {
	d := 50 * time.Millisecond << min(attempt, 5) // 50ms .. 1.6s
	return min(d, time.Second)
}

// Acquire takes m, waiting at most timeout. While it waits it says so once
// on log (nil: silent). what names the lock in messages ("schema x on postgres at ...").
func Acquire(ctx context.Context, m Mutex, what string, timeout time.Duration, log io.Writer) error {
	return AcquireFor(ctx, Migration, m, what, timeout, log)
}

// AcquireFor is Acquire for a lock of purpose p.
func AcquireFor(ctx context.Context, p Purpose, m Mutex, what string, timeout time.Duration, log io.Writer) error {
	p = p.orDefault()
	if timeout < 0 {
		return fmt.Errorf("the %s timeout %s is negative (--lock-timeout)", p.Lock, timeout)
	}
	start := time.Now()
	said := false
	for attempt := 0; ; attempt++ {
		ok, holder, err := m.TryLock(ctx)
		if err != nil {
			return fmt.Errorf("taking the %s on %s: %w", p.Lock, what, err)
		}
		if ok {
			return nil
		}
		waited := time.Since(start)
		if waited >= timeout {
			return &TimeoutError{What: what, Holder: holder, Waited: waited, Purpose: p}
		}
		if !said && log != nil {
			by := ""
			if holder != "" {
				by = " (held by " + holder + ")"
			}
			fmt.Fprintf(log, "waiting up to %s for the %s on %s%s\n", timeout, p.Lock, what, by)
			said = true
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(min(poll(attempt), timeout-waited)):
		}
	}
}

// Hold is AcquireFor returning the release: it unlocks within a minute
// even when ctx is already cancelled (a command stopped by Ctrl-C still
// frees the lock for the next one).
func Hold(ctx context.Context, p Purpose, m Mutex, what string, timeout time.Duration, log io.Writer) (unlock func() error, err error) {
	if err := AcquireFor(ctx, p, m, what, timeout, log); err != nil {
		return nil, err
	}
	return func() error {
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Minute)
		defer cancel()
		return m.Unlock(ctx)
	}, nil
}

// WaitOpen calls open until it succeeds, fails for another reason than
// busy, or timeout passes: for engines whose database admits one process
// at a time, where opening it is taking the lock.
func WaitOpen[T any](ctx context.Context, open func() (T, error), busy func(error) bool, what string, timeout time.Duration, log io.Writer) (T, error) {
	return WaitOpenFor(ctx, Migration, open, busy, what, timeout, log)
}

// WaitOpenFor is WaitOpen for a lock of purpose p.
func WaitOpenFor[T any](ctx context.Context, p Purpose, open func() (T, error), busy func(error) bool, what string, timeout time.Duration, log io.Writer) (T, error) {
	p = p.orDefault()
	start := time.Now()
	said := false
	for attempt := 0; ; attempt++ {
		v, err := open()
		if err == nil || !busy(err) {
			return v, err
		}
		waited := time.Since(start)
		if waited >= timeout {
			var zero T
			return zero, &TimeoutError{What: what, Holder: "another process with the database open", Waited: waited, Purpose: p}
		}
		if !said && log != nil {
			fmt.Fprintf(log, "waiting up to %s for the %s on %s (another process has it open)\n", timeout, p.Lock, what)
			said = true
		}
		select {
		case <-ctx.Done():
			var zero T
			return zero, errors.Join(ctx.Err(), err)
		case <-time.After(min(poll(attempt), timeout-waited)):
		}
	}
}
