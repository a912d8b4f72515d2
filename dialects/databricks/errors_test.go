package databricks

import (
	"bytes"
	"encoding/binary"
	"testing"
)

func TestNoteSparkError(t *testing.T) {
	guid := []byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}
	req := append([]byte{0x80, 1, 0, 1, 0, 0, 0, 18}, getStatus...)
	req = append(req, 0, 0, 0, 3)
	req = append(append(req, guidPath...), guid...)
	msg := "org.apache.hive.service.cli.HiveSQLException: Error running query: [TABLE_OR_VIEW_NOT_FOUND] org.apache.spark.sql.catalyst.ExtendedAnalysisException: [TABLE_OR_VIEW_NOT_FOUND] org.apache.spark.sql.AnalysisException: The table `x` cannot be found.\n\tat org.apache.spark..."
	resp := append([]byte{0x0c, 0, 1, 0}, errorState...)
	resp = append(resp, 0x0b, 0, 3, 0, 0, 0, 5, '4', '2', 'P', '0', '1')
	n := make([]byte, 4)
	binary.BigEndian.PutUint32(n, uint32(len(msg)))
	resp = append(append(append(resp, errorMessage...), n...), msg...)
	e := &opErrors{msg: map[string]string{}}
	e.note(req, resp)
	got, ok := e.msg["01020304-0506-0708-090a-0b0c0d0e0f10"]
	if !ok || !bytes.Equal([]byte(got), []byte(msg)) {
		t.Fatalf("kept %v", e.msg)
	}
	if want := "[TABLE_OR_VIEW_NOT_FOUND] The table `x` cannot be found."; tidy(got) != want {
		t.Errorf("tidy: %q, want %q", tidy(got), want)
	}
	// A finished operation keeps nothing.
	e = &opErrors{msg: map[string]string{}}
	e.note(req, []byte{0x0c, 0, 1, 0, 0x08, 0, 2, 0, 0, 0, 2})
	if len(e.msg) != 0 {
		t.Errorf("kept %v", e.msg)
	}
}
