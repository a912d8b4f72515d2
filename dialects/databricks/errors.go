package databricks

import (
	"regexp"
	"strings"
)

// Spark's Thrift server fails a statement with its whole error in the
// ExecuteStatement reply (statements run synchronously there, direct.go):
// Java exception classes, the error class twice, hints and the query
// plan over many lines, which the driver returns as its error's text. A
// workspace's errors are left as the driver reports them.
type sparkError struct {
	err error
	msg string
}

func (e sparkError) Error() string { return e.msg }
func (e sparkError) Unwrap() error { return e.err }

// explain shortens Spark's error to its first line, without the Java
// exception classes: "databricks: [TABLE_OR_VIEW_NOT_FOUND] The table …
// cannot be found. …".
func explain(err error) error {
	if err == nil {
		return nil
	}
	_, spark, ok := strings.Cut(err.Error(), sparkPrefix)
	if !ok {
		return err
	}
	return sparkError{err: err, msg: "databricks: " + tidy(spark)}
}

// sparkPrefix starts the message of a statement Spark's Thrift server failed.
const sparkPrefix = "Error running query: "

var javaClass = regexp.MustCompile(`\b(?:[a-z0-9_]+\.)+[A-Za-z0-9_$]*(?:Exception|Error): `)

// tidy keeps the first line of a Spark error without the Java exception
// classes that wrap it: "[TABLE_OR_VIEW_NOT_FOUND] The table … cannot be found. …".
func tidy(msg string) string {
	msg, _, _ = strings.Cut(strings.TrimSpace(msg), "\n")
	if _, after, ok := strings.Cut(msg, sparkPrefix); ok {
		msg = after
	}
	msg = strings.TrimSpace(javaClass.ReplaceAllString(msg, ""))
	// "[CLASS] [CLASS] text": the class once.
	if cls, rest, ok := strings.Cut(msg, " "); ok && strings.HasPrefix(cls, "[") && strings.HasPrefix(rest, cls+" ") {
		msg = rest
	}
	return msg
}
