//go:build !mtxkillpoints

package load

// testHook is where the kill-and-resume tests stop a load (see
// killpoints_test_hook.go). In the shipped binary it does nothing: the
// hook exists only in binaries built with -tags mtxkillpoints.
func testHook(point, arg string) {}
