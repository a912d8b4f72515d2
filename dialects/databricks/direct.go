package databricks

import (
	"bytes"
	"context"
	"errors"

	"github.com/apache/thrift/lib/go/thrift"
)

// A Databricks warehouse answers a statement that finishes quickly with
// its final status inside the ExecuteStatement reply ("direct results");
// Spark's Thrift server never does, so the driver polls for the status,
// and its first poll comes after a fixed second: every statement on the
// stand-in cost at least a second, most of a short statement's time.
// Over plain http (Spark, never a workspace) the transport asks Spark to
// run each statement synchronously (runAsync false: the reply comes when
// the statement is done) and adds to a successful reply the status a
// warehouse would send, FINISHED, so the driver reads the results at
// once. A failed statement's reply carries Spark's error (errors.go).

// Thrift's field ids in TCLIService (the driver's cli_service).
const (
	execRespStatus        = 1    // TExecuteStatementResp.status
	execRespOpHandle      = 2    // TExecuteStatementResp.operationHandle
	execRespDirectResults = 1281 // TExecuteStatementResp.directResults
	statusSuccess         = 0    // TStatusCode SUCCESS_STATUS
	stateFinished         = 2    // TOperationState FINISHED_STATE
	execReqRunAsync       = 4    // TExecuteStatementReq.runAsync
)

var executeStatement = []byte("ExecuteStatement")

// synchronous returns an ExecuteStatement call with runAsync false; an
// error says the call is not one to change.
func synchronous(call []byte) ([]byte, error) {
	ctx := context.Background()
	buf := thrift.NewTMemoryBufferLen(len(call))
	buf.Write(call)
	p := thrift.NewTBinaryProtocolConf(buf, &thrift.TConfiguration{})
	name, kind, _, err := p.ReadMessageBegin(ctx)
	if err != nil {
		return nil, err
	}
	if name != string(executeStatement) || kind != thrift.CALL {
		return nil, errors.New("not an ExecuteStatement call")
	}
	if _, err := p.ReadStructBegin(ctx); err != nil { // the arguments
		return nil, err
	}
	if _, typ, id, err := p.ReadFieldBegin(ctx); err != nil || id != 1 || typ != thrift.STRUCT {
		return nil, errors.New("no TExecuteStatementReq")
	}
	for {
		_, typ, id, err := p.ReadFieldBegin(ctx)
		if err != nil {
			return nil, err
		}
		switch {
		case typ == thrift.STOP:
			return call, nil // runAsync unset: false
		case id == execReqRunAsync && typ == thrift.BOOL:
			out := bytes.Clone(call)
			out[len(call)-buf.Len()] = 0
			return out, nil
		}
		if err := p.Skip(ctx, typ); err != nil {
			return nil, err
		}
	}
}

// withFinishedStatus returns an ExecuteStatement reply with direct results
// saying FINISHED added, when the reply is a success with an operation and
// no direct results; else the reply unchanged and false.
func withFinishedStatus(reply []byte) ([]byte, bool) {
	end, err := execReplyEnd(reply)
	if err != nil {
		return reply, false
	}
	out := make([]byte, 0, len(reply)+32)
	out = append(out, reply[:end]...)
	out = append(out, finishedDirectResults()...)
	return append(out, reply[end:]...), true
}

// execReplyEnd reads an ExecuteStatement reply and returns the offset of
// the stop byte that ends its TExecuteStatementResp: where another field
// goes. An error says the reply is not one to change.
func execReplyEnd(reply []byte) (int, error) {
	ctx := context.Background()
	buf := thrift.NewTMemoryBufferLen(len(reply))
	buf.Write(reply)
	p := thrift.NewTBinaryProtocolConf(buf, &thrift.TConfiguration{})
	name, kind, _, err := p.ReadMessageBegin(ctx)
	if err != nil {
		return 0, err
	}
	if name != string(executeStatement) || kind != thrift.REPLY {
		return 0, errors.New("not an ExecuteStatement reply")
	}
	if _, err := p.ReadStructBegin(ctx); err != nil {
		return 0, err
	}
	_, typ, id, err := p.ReadFieldBegin(ctx)
	if err != nil {
		return 0, err
	}
	if id != 0 || typ != thrift.STRUCT {
		return 0, errors.New("not a successful call")
	}
	success, handle := false, false
	for {
		at := len(reply) - buf.Len()
		_, typ, id, err := p.ReadFieldBegin(ctx)
		if err != nil {
			return 0, err
		}
		switch {
		case typ == thrift.STOP:
			if !success || !handle {
				return 0, errors.New("the statement failed or has no operation")
			}
			return at, nil
		case id == execRespStatus && typ == thrift.STRUCT:
			code, err := statusCode(ctx, p)
			if err != nil {
				return 0, err
			}
			success = code == statusSuccess
		case id == execRespDirectResults:
			return 0, errors.New("the reply has direct results")
		default:
			handle = handle || (id == execRespOpHandle && typ == thrift.STRUCT)
			if err := p.Skip(ctx, typ); err != nil {
				return 0, err
			}
		}
	}
}

// statusCode reads a TStatus and returns its statusCode (field 1).
func statusCode(ctx context.Context, p thrift.TProtocol) (int32, error) {
	code := int32(-1)
	if _, err := p.ReadStructBegin(ctx); err != nil {
		return 0, err
	}
	for {
		_, typ, id, err := p.ReadFieldBegin(ctx)
		if err != nil {
			return 0, err
		}
		if typ == thrift.STOP {
			return code, nil
		}
		if id == 1 && typ == thrift.I32 {
			if code, err = p.ReadI32(ctx); err != nil {
				return 0, err
			}
			continue
		}
		if err := p.Skip(ctx, typ); err != nil {
			return 0, err
		}
	}
}

// finishedDirectResults is the field directResults: TSparkDirectResults
// whose operationStatus (a TGetOperationStatusResp) has status SUCCESS
// and operationState FINISHED.
func finishedDirectResults() []byte {
	ctx := context.Background()
	buf := thrift.NewTMemoryBufferLen(32)
	p := thrift.NewTBinaryProtocolConf(buf, &thrift.TConfiguration{})
	field := func(typ thrift.TType, id int16) { _ = p.WriteFieldBegin(ctx, "", typ, id) }
	stop := func() { _ = p.WriteFieldStop(ctx) }
	field(thrift.STRUCT, execRespDirectResults) // TSparkDirectResults
	field(thrift.STRUCT, 1)                     // .operationStatus
	field(thrift.STRUCT, 1)                     // .status
	field(thrift.I32, 1)                        // .statusCode
	_ = p.WriteI32(ctx, statusSuccess)
	stop()
	field(thrift.I32, 2) // .operationState
	_ = p.WriteI32(ctx, stateFinished)
	stop()
	stop()
	_ = p.Flush(ctx)
	return bytes.Clone(buf.Bytes())
}
