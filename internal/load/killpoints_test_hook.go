//go:build mtxkillpoints

package load

import (
	"os"
	"time"
)

// testHook lets the kill-and-resume tests stop the process at exact
// points: MTX_LOAD_TEST_KILL=point[:arg] kills the process with SIGKILL
// (no cleanup, no deferred rollbacks) when the load reaches that point.
// Points: locked; file:N (after N files); inserted:PATH and manifest:PATH
// (after a file's rows, or its manifest entry, before commit).
//
// Only binaries built with -tags mtxkillpoints (the tests build one) have
// it; the shipped binary's testHook is a no-op (killpoints.go).
func testHook(point, arg string) {
	want := os.Getenv("MTX_LOAD_TEST_KILL")
	if want == "" {
		return
	}
	if want == point || want == point+":"+arg {
		if p, err := os.FindProcess(os.Getpid()); err == nil {
			p.Kill() // SIGKILL on Unix
		}
		time.Sleep(time.Second)
	}
}
