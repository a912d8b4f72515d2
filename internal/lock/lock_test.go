package lock

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"testing"
	"time"
)

// Each driver answers "did I get the lock" in its own type.
func TestTruthy(t *testing.T) {
	for _, tc := range []struct {
		v    any
		want bool
	}{
		{true, true}, {false, false}, // pgx
		{int64(1), true}, {int64(0), false}, // go-sql-driver/mysql, text protocol off
		{[]byte("1"), true}, {[]byte("0"), false}, // mysql text protocol
		{"t", true}, {"f", false}, {"TRUE", true},
		{nil, false}, // GET_LOCK answers NULL on error
	} {
		if got := truthy(tc.v); got != tc.want {
			t.Errorf("truthy(%#v) = %v, want %v", tc.v, got, tc.want)
		}
	}
}

// held is a Mutex another process holds until free is closed.
type held struct{ free chan struct{} }

func (h held) TryLock(context.Context) (bool, string, error) {
	select {
	case <-h.free:
		return true, "", nil
	default:
		return false, "pid 42", nil
	}
}
func (held) Unlock(context.Context) error { return nil }

func TestAcquireWaitsThenTimesOut(t *testing.T) {
	h := held{free: make(chan struct{})}
	var log bytes.Buffer
	start := time.Now()
	err := Acquire(context.Background(), h, "schema s", 300*time.Millisecond, &log)
	var te *TimeoutError
	if !errors.As(err, &te) {
		t.Fatalf("want a TimeoutError, got %v", err)
	}
	if d := time.Since(start); d < 300*time.Millisecond || d > 2*time.Second {
		t.Errorf("gave up after %s, want about 300ms", d)
	}
	if msg := err.Error(); !strings.Contains(msg, "waited 300ms for the migration lock on schema s (held by pid 42)") || !strings.Contains(msg, "--lock-timeout") {
		t.Errorf("message: %s", msg)
	}
	if strings.Count(log.String(), "waiting up to") != 1 {
		t.Errorf("want one waiting note, got %q", log.String())
	}

	// Freed while waiting: acquired.
	go func() { time.Sleep(200 * time.Millisecond); close(h.free) }()
	if err := Acquire(context.Background(), h, "schema s", 5*time.Second, nil); err != nil {
		t.Fatalf("want the lock once freed, got %v", err)
	}
}

func TestWaitOpen(t *testing.T) {
	busy := errors.New("busy")
	n := 0
	v, err := WaitOpen(context.Background(), func() (int, error) {
		if n++; n < 3 {
			return 0, busy
		}
		return 7, nil
	}, func(err error) bool { return err == busy }, "db", 5*time.Second, nil)
	if v != 7 || err != nil || n != 3 {
		t.Fatalf("WaitOpen = %d, %v after %d tries; want 7 after 3", v, err, n)
	}
	other := errors.New("bad password")
	if _, err := WaitOpen(context.Background(), func() (int, error) { return 0, other }, func(err error) bool { return err == busy }, "db", 5*time.Second, nil); err != other {
		t.Fatalf("a non-busy error must return at once, got %v", err)
	}
}

// A lock table row written by a process of this machine that has exited
// is taken over at once; one of a live process, or of another machine, is not.
func TestDeadOwner(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("processes are probed on Unix only")
	}
	host, _ := os.Hostname()
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Skip("no `true` command to make a dead pid:", err)
	}
	dead := cmd.Process.Pid
	for _, tc := range []struct {
		owner string
		want  bool
	}{
		{fmt.Sprintf("%s:%d:abcd", host, dead), true},
		{fmt.Sprintf("%s:%d:abcd", host, os.Getpid()), false},
		{fmt.Sprintf("%s:%d:abcd", host, os.Getppid()), false},
		{fmt.Sprintf("other-%s:%d:abcd", host, dead), false},
		{"garbage", false},
		{host + ":notapid:abcd", false},
	} {
		if got := deadOwner(tc.owner); got != tc.want {
			t.Errorf("deadOwner(%q) = %v, want %v", tc.owner, got, tc.want)
		}
	}
}

// The load lock's timeout names the load lock and `mtx load`.
func TestTimeoutErrorPurpose(t *testing.T) {
	e := &TimeoutError{What: "schema s", Waited: 2 * time.Second, Purpose: Load}
	if got := e.Error(); !strings.Contains(got, "for the load lock on schema s") || !strings.Contains(got, "another `mtx load` is still running") {
		t.Errorf("load timeout: %s", got)
	}
	e.Purpose = Purpose{}
	if got := e.Error(); !strings.Contains(got, "migration lock") || !strings.Contains(got, "`mtx migrate`") {
		t.Errorf("default timeout: %s", got)
	}
}

func TestNegativeTimeout(t *testing.T) {
	err := AcquireFor(context.Background(), Load, held{free: make(chan struct{})}, "schema s", -time.Second, nil)
	if err == nil || !strings.Contains(err.Error(), "negative") {
		t.Fatalf("want a negative-timeout error, got %v", err)
	}
}
