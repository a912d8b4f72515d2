package mysql

import (
	"crypto/sha256"
	"encoding/hex"

	"github.com/mtxhq/mtx/dialects"
)

var _ dialects.NamedLocker = Dialect{}

// NamedLock: GET_LOCK with no wait (mtx polls); lock names are server-wide
// and at most 64 characters in MySQL, so a long name is hashed. The holder
// is IS_USED_LOCK's connection, with its user and host where the
// process list shows them.
func (Dialect) NamedLock(name string) dialects.NamedLock {
	if len(name) > 64 {
		sum := sha256.Sum256([]byte(name))
		name = name[:31] + ":" + hex.EncodeToString(sum[:16])
	}
	lit := dialects.StringLiteral(name)
	return dialects.NamedLock{
		Try:     "SELECT GET_LOCK(" + lit + ", 0)",
		Release: "SELECT RELEASE_LOCK(" + lit + ")",
		Holder: "SELECT COALESCE((SELECT CONCAT('connection ', p.ID, ' (', p.USER, '@', p.HOST, ')') FROM information_schema.PROCESSLIST p WHERE p.ID = IS_USED_LOCK(" + lit + ")), " +
			"CONCAT('connection ', IS_USED_LOCK(" + lit + ")), '')",
	}
}
