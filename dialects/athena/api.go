package athena

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/athena"
	atypes "github.com/aws/aws-sdk-go-v2/service/athena/types"
	"github.com/aws/smithy-go"
)

// The athena:// form connects through Athena's API (aws-sdk-go-v2): each
// statement is a query execution in the DSN's workgroup, polled until it
// ends, its rows read with GetQueryResults. Athena has no sessions and no
// transactions; arguments travel as execution parameters (literals).

// apiConnector opens connections that share one Athena client.
type apiConnector struct {
	cfg    athenaConfig
	client *athena.Client
	// broken is the first error saying no statement can succeed (the
	// endpoint is unreachable, the credentials are refused): later
	// statements fail with it at once instead of each asking again.
	broken atomic.Pointer[error]
}

// hopeless reports errors after which no statement can succeed.
func hopeless(err error) bool {
	if unreachable(err) == aws.FalseTernary {
		return true
	}
	var api smithy.APIError
	if errors.As(err, &api) {
		switch api.ErrorCode() {
		case "UnrecognizedClientException", "InvalidSignatureException", "InvalidClientTokenId", "SignatureDoesNotMatch":
			return true
		}
	}
	return false
}

func newAPIConnector(c athenaConfig) (*apiConnector, error) {
	opts := []func(*config.LoadOptions) error{config.WithRegion(c.Region), config.WithRetryer(func() aws.Retryer {
		return retry.NewStandard(func(o *retry.StandardOptions) {
			o.Retryables = append([]retry.IsErrorRetryable{retry.IsErrorRetryableFunc(unreachable)}, o.Retryables...)
		})
	})}
	if c.AccessKeyID != "" {
		opts = append(opts, config.WithCredentialsProvider(credentials.NewStaticCredentialsProvider(c.AccessKeyID, c.SecretAccessKey, c.SessionToken)))
	}
	awsCfg, err := config.LoadDefaultConfig(context.Background(), opts...)
	if err != nil {
		return nil, fmt.Errorf("athena: reading the AWS configuration: %w", err)
	}
	return &apiConnector{cfg: c, client: athena.NewFromConfig(awsCfg)}, nil
}

// unreachable: an endpoint whose name does not resolve or that refuses
// the connection is not retried (throttling and server errors are), so a
// wrong region or a network without AWS fails at once.
func unreachable(err error) aws.Ternary {
	var dns *net.DNSError
	var op *net.OpError
	if errors.As(err, &dns) || (errors.As(err, &op) && op.Op == "dial") {
		return aws.FalseTernary
	}
	return aws.UnknownTernary
}

func (c *apiConnector) Connect(context.Context) (driver.Conn, error) { return &apiConn{c: c}, nil }
func (c *apiConnector) Driver() driver.Driver                        { return apiDriver{} }

// apiDriver exists for database/sql; connections come from the connector.
type apiDriver struct{}

func (apiDriver) Open(string) (driver.Conn, error) {
	return nil, errors.New("athena: open athena:// DSNs through mtx's dialect")
}

type apiConn struct{ c *apiConnector }

var (
	_ driver.ExecerContext  = (*apiConn)(nil)
	_ driver.QueryerContext = (*apiConn)(nil)
)

func (c *apiConn) Prepare(query string) (driver.Stmt, error) {
	return &apiStmt{c: c, query: query}, nil
}
func (c *apiConn) Close() error { return nil }
func (c *apiConn) Begin() (driver.Tx, error) {
	return nil, errors.New("athena: no transaction spans two statements")
}

func (c *apiConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	id, _, err := c.run(ctx, query, args)
	if err != nil {
		return nil, err
	}
	out, err := c.c.client.GetQueryResults(ctx, &athena.GetQueryResultsInput{QueryExecutionId: id, MaxResults: aws.Int32(1)})
	if err != nil {
		return nil, fmt.Errorf("athena: reading the result of query %s: %w", aws.ToString(id), err)
	}
	return apiResult(aws.ToInt64(out.UpdateCount)), nil
}

func (c *apiConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	id, qe, err := c.run(ctx, query, args)
	if err != nil {
		return nil, err
	}
	r := &apiRows{ctx: ctx, c: c, id: id, header: qe.StatementType == atypes.StatementTypeDml}
	if err := r.fetch(); err != nil {
		return nil, err
	}
	return r, nil
}

// run starts a query execution and waits for it to end; a cancelled
// context stops it.
func (c *apiConn) run(ctx context.Context, query string, args []driver.NamedValue) (*string, *atypes.QueryExecution, error) {
	in, err := c.c.cfg.startInput(query, args)
	if err != nil {
		return nil, nil, err
	}
	if b := c.c.broken.Load(); b != nil {
		return nil, nil, *b
	}
	start, err := c.c.client.StartQueryExecution(ctx, in)
	if err != nil {
		err = fmt.Errorf("athena: %w", err)
		if hopeless(err) {
			c.c.broken.CompareAndSwap(nil, &err)
		}
		return nil, nil, err
	}
	id := start.QueryExecutionId
	wait := 100 * time.Millisecond
	for {
		out, err := c.c.client.GetQueryExecution(ctx, &athena.GetQueryExecutionInput{QueryExecutionId: id})
		if err != nil {
			if ctx.Err() != nil {
				c.stop(id)
				return nil, nil, ctx.Err()
			}
			return nil, nil, fmt.Errorf("athena: query %s: %w", aws.ToString(id), err)
		}
		qe := out.QueryExecution
		if qe != nil && qe.Status != nil {
			switch qe.Status.State {
			case atypes.QueryExecutionStateSucceeded:
				return id, qe, nil
			case atypes.QueryExecutionStateFailed, atypes.QueryExecutionStateCancelled:
				return nil, nil, fmt.Errorf("athena: query %s %s: %s", aws.ToString(id), strings.ToLower(string(qe.Status.State)), aws.ToString(qe.Status.StateChangeReason))
			}
		}
		select {
		case <-ctx.Done():
			c.stop(id)
			return nil, nil, ctx.Err()
		case <-time.After(wait):
		}
		wait = min(wait*2, 2*time.Second)
	}
}

func (c *apiConn) stop(id *string) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	c.c.client.StopQueryExecution(ctx, &athena.StopQueryExecutionInput{QueryExecutionId: id})
}

// startInput is the StartQueryExecution request of one statement: the
// workgroup, the database and catalog it runs in, where results go, and
// the arguments as literals.
func (a athenaConfig) startInput(query string, args []driver.NamedValue) (*athena.StartQueryExecutionInput, error) {
	in := &athena.StartQueryExecutionInput{
		QueryString: aws.String(query),
		WorkGroup:   aws.String(a.Workgroup),
		QueryExecutionContext: &atypes.QueryExecutionContext{
			Catalog: aws.String(a.Catalog),
		},
	}
	if a.Database != "" {
		in.QueryExecutionContext.Database = aws.String(a.Database)
	}
	if a.OutputLocation != "" {
		in.ResultConfiguration = &atypes.ResultConfiguration{OutputLocation: aws.String(a.OutputLocation)}
	}
	for _, v := range args {
		x := v.Value
		if b, ok := x.([]byte); ok {
			x = string(b)
		}
		// Athena's timestamps have no zone: an instant binds as UTC's wall clock.
		lit, err := Dialect{api: &apiDDL{}}.literal(x)
		if err != nil {
			return nil, fmt.Errorf("athena: argument %d: %w", v.Ordinal, err)
		}
		in.ExecutionParameters = append(in.ExecutionParameters, lit)
	}
	return in, nil
}

type apiStmt struct {
	c     *apiConn
	query string
}

func (s *apiStmt) Close() error  { return nil }
func (s *apiStmt) NumInput() int { return -1 }
func (s *apiStmt) Exec(args []driver.Value) (driver.Result, error) {
	return s.c.ExecContext(context.Background(), s.query, named(args))
}
func (s *apiStmt) Query(args []driver.Value) (driver.Rows, error) {
	return s.c.QueryContext(context.Background(), s.query, named(args))
}

func named(args []driver.Value) []driver.NamedValue {
	out := make([]driver.NamedValue, len(args))
	for i, v := range args {
		out[i] = driver.NamedValue{Ordinal: i + 1, Value: v}
	}
	return out
}

type apiResult int64

func (r apiResult) LastInsertId() (int64, error) {
	return 0, errors.New("athena: no last insert id")
}
func (r apiResult) RowsAffected() (int64, error) { return int64(r), nil }

// apiRows pages through GetQueryResults. A SELECT's first row repeats the
// column names (header).
type apiRows struct {
	ctx    context.Context
	c      *apiConn
	id     *string
	cols   []atypes.ColumnInfo
	page   []atypes.Row
	next   *string
	done   bool
	header bool
}

func (r *apiRows) fetch() error {
	out, err := r.c.c.client.GetQueryResults(r.ctx, &athena.GetQueryResultsInput{QueryExecutionId: r.id, NextToken: r.next, MaxResults: aws.Int32(1000)})
	if err != nil {
		return fmt.Errorf("athena: reading the rows of query %s: %w", aws.ToString(r.id), err)
	}
	if out.ResultSet != nil {
		if r.cols == nil && out.ResultSet.ResultSetMetadata != nil {
			r.cols = out.ResultSet.ResultSetMetadata.ColumnInfo
		}
		r.page = out.ResultSet.Rows
	}
	if r.header && len(r.page) > 0 {
		r.page = r.page[1:]
		r.header = false
	}
	r.next = out.NextToken
	r.done = out.NextToken == nil
	return nil
}

func (r *apiRows) Columns() []string {
	out := make([]string, len(r.cols))
	for i, c := range r.cols {
		out[i] = aws.ToString(c.Name)
	}
	return out
}

func (r *apiRows) Close() error { return nil }

func (r *apiRows) Next(dest []driver.Value) error {
	for len(r.page) == 0 {
		if r.done {
			return io.EOF
		}
		if err := r.fetch(); err != nil {
			return err
		}
	}
	row := r.page[0]
	r.page = r.page[1:]
	for i := range dest {
		dest[i] = nil
		if i >= len(row.Data) || i >= len(r.cols) || row.Data[i].VarCharValue == nil {
			continue
		}
		v, err := apiValue(aws.ToString(r.cols[i].Type), *row.Data[i].VarCharValue)
		if err != nil {
			return fmt.Errorf("athena: column %s: %w", aws.ToString(r.cols[i].Name), err)
		}
		dest[i] = v
	}
	return nil
}

// apiValue reads one value of Athena's text results by its column type:
// integers, floats and booleans as Go values, timestamps as UTC instants
// (a zone suffix is kept), decimals and everything else as text, exactly.
func apiValue(typ, s string) (driver.Value, error) {
	base, _, _ := strings.Cut(strings.ToLower(typ), "(")
	switch base {
	case "tinyint", "smallint", "integer", "int", "bigint":
		return strconv.ParseInt(s, 10, 64)
	case "double", "float", "real":
		switch s {
		case "NaN":
			return strconv.ParseFloat("NaN", 64)
		case "Infinity":
			return strconv.ParseFloat("+Inf", 64)
		case "-Infinity":
			return strconv.ParseFloat("-Inf", 64)
		}
		return strconv.ParseFloat(s, 64)
	case "boolean":
		return strconv.ParseBool(s)
	case "date":
		return time.Parse("2006-01-02", s)
	case "timestamp", "timestamp with time zone":
		return parseAPITime(s)
	}
	return s, nil
}

// parseAPITime reads "2025-01-02 03:04:05.123456" and the same followed by
// a zone ("UTC", "America/Los_Angeles" or an offset).
func parseAPITime(s string) (time.Time, error) {
	stamp, zone, _ := strings.Cut(s, " ")
	if rest, z, ok := strings.Cut(zone, " "); ok {
		stamp, zone = stamp+" "+rest, z
	} else {
		stamp, zone = stamp+" "+zone, ""
	}
	loc := time.UTC
	if zone != "" && zone != "UTC" {
		if l, err := time.LoadLocation(zone); err == nil {
			loc = l
		} else if t, err := time.Parse("2006-01-02 15:04:05.999999999 -07:00", stamp+" "+zone); err == nil {
			return t, nil
		} else {
			return time.Time{}, fmt.Errorf("timestamp %q: unknown zone %q", s, zone)
		}
	}
	t, err := time.ParseInLocation("2006-01-02 15:04:05.999999999", stamp, loc)
	if err != nil {
		return time.Time{}, fmt.Errorf("timestamp %q: %w", s, err)
	}
	return t, nil
}
