package databricks

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync"

	dbsqlerr "github.com/databricks/databricks-sql-go/errors"
)

// Spark's Thrift server reports why a statement failed in the
// errorMessage of its GetOperationStatus answer, where a Databricks
// warehouse sets displayMessage, the only one the driver reads: against
// Spark every error would read "unexpected operation state ERROR_STATE: ".
// Over plain http (Spark, never a workspace) the transport (protocolV10)
// keeps each failed operation's message, and the connection adds it to the
// driver's error by the operation's id.
type opErrors struct {
	mu  sync.Mutex
	msg map[string]string // operation id -> message
}

var sparkErrors = &opErrors{msg: map[string]string{}}

var (
	getStatus = []byte("GetOperationStatus")
	// The argument struct, its operationHandle, its operationId, its guid
	// (binary, 16 bytes).
	guidPath = []byte{0x0c, 0, 1, 0x0c, 0, 1, 0x0c, 0, 1, 0x0b, 0, 1, 0, 0, 0, 16}
	// operationState (field 2, i32) = ERROR_STATE (5).
	errorState = []byte{0x08, 0, 2, 0, 0, 0, 5}
	// errorMessage (field 5, string).
	errorMessage = []byte{0x0b, 0, 5}
)

// note reads a GetOperationStatus exchange and keeps the message of a
// failed operation.
func (e *opErrors) note(req, resp []byte) {
	i := bytes.Index(req, getStatus)
	if i < 0 {
		return
	}
	at := i + len(getStatus) + 4
	if at+len(guidPath)+16 > len(req) || !bytes.Equal(req[at:at+len(guidPath)], guidPath) {
		return
	}
	g := req[at+len(guidPath) : at+len(guidPath)+16]
	id := fmt.Sprintf("%x-%x-%x-%x-%x", g[0:4], g[4:6], g[6:8], g[8:10], g[10:16])
	j := bytes.Index(resp, errorState)
	if j < 0 {
		return
	}
	k := bytes.Index(resp[j:], errorMessage)
	if k < 0 || j+k+7 > len(resp) {
		return
	}
	start := j + k + 3
	n := int(binary.BigEndian.Uint32(resp[start : start+4]))
	if n <= 0 || start+4+n > len(resp) {
		return
	}
	e.mu.Lock()
	if len(e.msg) > 1000 { // messages nobody asked for: forget them
		e.msg = map[string]string{}
	}
	e.msg[id] = string(resp[start+4 : start+4+n])
	e.mu.Unlock()
}

// explain adds the server's message to err, the driver's error for a
// failed statement, where the transport kept one.
func (e *opErrors) explain(err error) error {
	var ee dbsqlerr.DBExecutionError
	if err == nil || !errors.As(err, &ee) {
		return err
	}
	e.mu.Lock()
	msg, ok := e.msg[ee.QueryId()]
	delete(e.msg, ee.QueryId())
	e.mu.Unlock()
	if !ok {
		return err
	}
	return fmt.Errorf("%w %s", err, tidy(msg))
}

var javaClass = regexp.MustCompile(`\b(?:[a-z0-9_]+\.)+[A-Za-z0-9_$]*(?:Exception|Error): `)

// tidy keeps the first line of a Spark error without the Java exception
// classes that wrap it: "[TABLE_OR_VIEW_NOT_FOUND] The table … cannot be found. …".
func tidy(msg string) string {
	msg, _, _ = strings.Cut(strings.TrimSpace(msg), "\n")
	if _, after, ok := strings.Cut(msg, "Error running query: "); ok {
		msg = after
	}
	msg = strings.TrimSpace(javaClass.ReplaceAllString(msg, ""))
	// "[CLASS] [CLASS] text": the class once.
	if cls, rest, ok := strings.Cut(msg, " "); ok && strings.HasPrefix(cls, "[") && strings.HasPrefix(rest, cls+" ") {
		msg = rest
	}
	return msg
}
