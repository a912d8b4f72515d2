package postgres

import (
	"fmt"
	"hash/fnv"

	"github.com/mtxhq/mtx/dialects"
)

var _ dialects.NamedLocker = Dialect{}

// NamedLock: a session-level advisory lock keyed by a 64-bit hash of the
// name (pg_locks shows its halves as classid and objid).
func (Dialect) NamedLock(name string) dialects.NamedLock {
	h := fnv.New64a()
	h.Write([]byte(name))
	n := int64(h.Sum64())
	hi, lo := uint32(uint64(n)>>32), uint32(n)
	return dialects.NamedLock{
		Try:     fmt.Sprintf("SELECT pg_try_advisory_lock(%d)", n),
		Release: fmt.Sprintf("SELECT pg_advisory_unlock(%d)", n),
		Holder: fmt.Sprintf(`SELECT COALESCE(string_agg(format('pid %%s (%%s@%%s%%s)', a.pid, a.usename, COALESCE(host(a.client_addr), 'local'),
 CASE WHEN a.application_name <> '' THEN ', ' || a.application_name ELSE '' END), ', '), '')
 FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
 WHERE l.locktype = 'advisory' AND l.granted AND l.classid = %d AND l.objid = %d AND l.objsubid = 1`, hi, lo),
	}
}
