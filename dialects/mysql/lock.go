package mysql

import (
	"crypto/sha256"
	"encoding/hex"

	"github.com/mtxhq/mtx/dialects"
)

// AdvisoryLock: GET_LOCK with no wait (mtx polls); lock names are server-wide
// and at most 64 characters in MySQL, so a long key is hashed.
func (Dialect) AdvisoryLock(key string) (try, release string) {
	if len(key) > 64 {
		sum := sha256.Sum256([]byte(key))
		key = key[:31] + ":" + hex.EncodeToString(sum[:16])
	}
	lit := dialects.StringLiteral(key)
	return "SELECT GET_LOCK(" + lit + ", 0)", "SELECT RELEASE_LOCK(" + lit + ")"
}
