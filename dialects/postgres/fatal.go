package postgres

import (
	"errors"
	"io"
	"net"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/mtxhq/mtx/dialects"
)

var _ dialects.FatalClassifier = Dialect{}

// Fatal: errors after which no file can load — insufficient resources
// (class 53: disk full, out of memory, too many connections), operator
// intervention (class 57: shutdown, terminated connection), a lost
// connection (class 08, or the socket closing under pgx).
func (Dialect) Fatal(err error) bool {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return strings.HasPrefix(pe.Code, "53") || strings.HasPrefix(pe.Code, "57P") || strings.HasPrefix(pe.Code, "08")
	}
	var ne net.Error
	if errors.As(err, &ne) || errors.Is(err, io.ErrUnexpectedEOF) || pgconn.SafeToRetry(err) {
		return true
	}
	return strings.Contains(err.Error(), "conn closed")
}
