//go:build unix

package lock

import (
	"errors"
	"syscall"
)

// processGone reports whether no process pid exists on this machine (a
// signal 0 probes without delivering anything). EPERM means it exists.
func processGone(pid int) bool {
	return errors.Is(syscall.Kill(pid, 0), syscall.ESRCH)
}
