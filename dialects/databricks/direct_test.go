package databricks

import (
	"bytes"
	"context"
	"testing"

	"github.com/apache/thrift/lib/go/thrift"
)

// execReply writes an ExecuteStatement reply: status code, with an
// operation handle or not.
func execReply(t *testing.T, name string, code int32, handle bool) []byte {
	t.Helper()
	ctx := context.Background()
	buf := thrift.NewTMemoryBuffer()
	p := thrift.NewTBinaryProtocolConf(buf, &thrift.TConfiguration{})
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(p.WriteMessageBegin(ctx, name, thrift.REPLY, 7))
	must(p.WriteStructBegin(ctx, "result"))
	must(p.WriteFieldBegin(ctx, "success", thrift.STRUCT, 0))
	must(p.WriteFieldBegin(ctx, "status", thrift.STRUCT, 1))
	must(p.WriteFieldBegin(ctx, "statusCode", thrift.I32, 1))
	must(p.WriteI32(ctx, code))
	must(p.WriteFieldBegin(ctx, "errorMessage", thrift.STRING, 5))
	must(p.WriteString(ctx, "boom"))
	must(p.WriteFieldStop(ctx))
	if handle {
		must(p.WriteFieldBegin(ctx, "operationHandle", thrift.STRUCT, 2))
		must(p.WriteFieldBegin(ctx, "hasResultSet", thrift.BOOL, 3))
		must(p.WriteBool(ctx, true))
		must(p.WriteFieldStop(ctx))
	}
	must(p.WriteFieldStop(ctx))
	must(p.WriteFieldStop(ctx))
	must(p.Flush(ctx))
	return bytes.Clone(buf.Bytes())
}

// directState reads a reply's directResults.operationStatus: its status
// code and operation state; ok false when it has none.
func directState(t *testing.T, reply []byte) (code, state int32, ok bool) {
	t.Helper()
	ctx := context.Background()
	buf := thrift.NewTMemoryBuffer()
	buf.Write(reply)
	p := thrift.NewTBinaryProtocolConf(buf, &thrift.TConfiguration{})
	if _, _, _, err := p.ReadMessageBegin(ctx); err != nil {
		t.Fatal(err)
	}
	p.ReadStructBegin(ctx)
	p.ReadFieldBegin(ctx) // success
	for {
		_, typ, id, err := p.ReadFieldBegin(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if typ == thrift.STOP {
			break
		}
		if id != execRespDirectResults {
			p.Skip(ctx, typ)
			continue
		}
		p.ReadFieldBegin(ctx) // operationStatus
		p.ReadFieldBegin(ctx) // status
		p.ReadFieldBegin(ctx) // statusCode
		code, _ = p.ReadI32(ctx)
		p.ReadFieldBegin(ctx) // stop of TStatus
		p.ReadFieldBegin(ctx) // operationState
		state, _ = p.ReadI32(ctx)
		for i := 0; i < 2; i++ { // operationStatus's stop, directResults' stop
			if _, typ, _, _ := p.ReadFieldBegin(ctx); typ != thrift.STOP {
				t.Fatalf("directResults not closed: field type %d", typ)
			}
		}
		ok = true
	}
	if _, typ, _, _ := p.ReadFieldBegin(ctx); typ != thrift.STOP {
		t.Fatalf("result struct not closed: field type %d", typ)
	}
	if buf.Len() != 0 {
		t.Fatalf("%d bytes after the reply", buf.Len())
	}
	return code, state, ok
}

// TestWithFinishedStatus adds direct results saying FINISHED to a
// successful ExecuteStatement reply only.
func TestWithFinishedStatus(t *testing.T) {
	for _, c := range []struct {
		name   string
		reply  []byte
		change bool
	}{
		{"success", execReply(t, "ExecuteStatement", statusSuccess, true), true},
		{"failed", execReply(t, "ExecuteStatement", 3, false), false},
		{"failed with handle", execReply(t, "ExecuteStatement", 3, true), false},
		{"another call", execReply(t, "GetOperationStatus", statusSuccess, true), false},
		{"truncated", execReply(t, "ExecuteStatement", statusSuccess, true)[:30], false},
	} {
		t.Run(c.name, func(t *testing.T) {
			out, changed := withFinishedStatus(c.reply)
			if changed != c.change {
				t.Fatalf("changed = %v, want %v", changed, c.change)
			}
			if !changed {
				if !bytes.Equal(out, c.reply) {
					t.Fatal("an unchanged reply differs")
				}
				return
			}
			code, state, ok := directState(t, out)
			if !ok || code != statusSuccess || state != stateFinished {
				t.Fatalf("direct results: ok %v, status %d, state %d", ok, code, state)
			}
			if again, changed := withFinishedStatus(out); changed || !bytes.Equal(again, out) {
				t.Fatal("a reply with direct results was changed again")
			}
		})
	}
}

// execCall writes an ExecuteStatement call the way the driver does:
// session, statement, runAsync true, a timeout.
func execCall(t *testing.T, async bool) []byte {
	t.Helper()
	ctx := context.Background()
	buf := thrift.NewTMemoryBuffer()
	p := thrift.NewTBinaryProtocolConf(buf, &thrift.TConfiguration{})
	p.WriteMessageBegin(ctx, "ExecuteStatement", thrift.CALL, 3)
	p.WriteStructBegin(ctx, "args")
	p.WriteFieldBegin(ctx, "req", thrift.STRUCT, 1)
	p.WriteFieldBegin(ctx, "sessionHandle", thrift.STRUCT, 1)
	p.WriteFieldBegin(ctx, "guid", thrift.STRING, 1)
	p.WriteBinary(ctx, []byte{4, 1, 4, 1}) // bytes that look like a true bool
	p.WriteFieldStop(ctx)
	p.WriteFieldBegin(ctx, "statement", thrift.STRING, 2)
	p.WriteString(ctx, "SELECT 1")
	if async {
		p.WriteFieldBegin(ctx, "runAsync", thrift.BOOL, execReqRunAsync)
		p.WriteBool(ctx, true)
	}
	p.WriteFieldBegin(ctx, "queryTimeout", thrift.I64, 5)
	p.WriteI64(ctx, 1)
	p.WriteFieldStop(ctx)
	p.WriteFieldStop(ctx)
	p.Flush(ctx)
	return bytes.Clone(buf.Bytes())
}

// TestSynchronous turns runAsync off in an ExecuteStatement call and
// changes nothing else.
func TestSynchronous(t *testing.T) {
	async, sync := execCall(t, true), execCall(t, false)
	got, err := synchronous(async)
	if err != nil {
		t.Fatal(err)
	}
	if diff := 0; len(got) == len(async) {
		for i := range got {
			if got[i] != async[i] {
				diff++
			}
		}
		if diff != 1 || bytes.Count(got, []byte{thrift.BOOL, 0, execReqRunAsync, 0}) != 1 {
			t.Fatalf("%d bytes changed: %x", diff, got)
		}
	} else {
		t.Fatalf("length %d, want %d", len(got), len(async))
	}
	if got, err := synchronous(sync); err != nil || !bytes.Equal(got, sync) {
		t.Fatalf("a synchronous call changed (%v)", err)
	}
	if _, err := synchronous(execReply(t, "ExecuteStatement", statusSuccess, true)); err == nil {
		t.Fatal("a reply was taken for a call")
	}
}
