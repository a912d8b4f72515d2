package postgres

import (
	"fmt"
	"hash/fnv"
)

// AdvisoryLock: a session-level advisory lock keyed by a 64-bit hash of key.
func (Dialect) AdvisoryLock(key string) (try, release string) {
	h := fnv.New64a()
	h.Write([]byte(key))
	n := int64(h.Sum64())
	return fmt.Sprintf("SELECT pg_try_advisory_lock(%d)", n), fmt.Sprintf("SELECT pg_advisory_unlock(%d)", n)
}
