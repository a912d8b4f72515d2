package mysql

import (
	"errors"

	gomysql "github.com/go-sql-driver/mysql"
	"github.com/mtxhq/mtx/dialects"
)

var _ dialects.FatalClassifier = Dialect{}

// fatalCodes are server errors after which no file can load: disk full
// (1021), table or tablespace full (1114), error writing a file (3), out
// of memory (1037, 1038), server shutdown (1053), connection killed (1927).
var fatalCodes = map[uint16]bool{3: true, 1021: true, 1037: true, 1038: true, 1053: true, 1114: true, 1927: true}

// Fatal: a server error above, or a connection the driver lost.
func (Dialect) Fatal(err error) bool {
	var me *gomysql.MySQLError
	if errors.As(err, &me) {
		return fatalCodes[me.Number]
	}
	return errors.Is(err, gomysql.ErrInvalidConn)
}
