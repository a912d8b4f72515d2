package databricks

// The connection mtx opens: Databricks' own database/sql driver
// (github.com/databricks/databricks-sql-go, which speaks the HiveServer2
// Thrift protocol over HTTP), wrapped so the same Go code path reaches a
// Databricks SQL warehouse and Apache Spark's Thrift server:
//
//   - Parameters (`?`) are written into the statement as literals. The
//     driver sends them as Databricks-native statement parameters, which
//     Spark's Thrift server does not know (it fails the statement), and
//     mtx's only parameters are its own values (goose's version numbers,
//     rows of a load), never user text run as SQL.
//   - Every new session runs SET TIME ZONE 'UTC': date_trunc, casts of
//     timestamps to text and literals without an offset follow the
//     session's zone, which a workspace may set to anything.
//   - Over plain http (Spark's Thrift server, never a workspace) the
//     session asks for HiveServer2 protocol V10: the driver leaves the
//     classic protocol field at V1, and Spark then answers row-based
//     results, which the driver cannot read (every result looked empty);
//     and a finished statement's reply carries its status as a
//     workspace's does, sparing the driver's one-second poll (direct.go).
//   - The introspection statements (marked SHOW TABLES) are answered by
//     SHOW TABLES, SHOW VIEWS and DESCRIBE TABLE, which both Databricks
//     and open-source Spark have, unlike information_schema; see
//     introspect.go.

import (
	"bytes"
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	dbsql "github.com/databricks/databricks-sql-go"
	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/dialects/textstmt"
)

// config is a parsed DSN:
// [http[s]://]token:TOKEN@HOST:PORT/HTTP-PATH[?catalog=C&schema=S&timeout=SECONDS&retries=N];
// other parameters are session settings. retries bounds the driver's
// retries of a failed request (default 4, with back-off up to 30 s: a
// warehouse that is starting answers 503 for a while).
type config struct {
	local   bool // http://: Spark's Thrift server
	host    string
	port    int
	path    string
	token   string
	catalog string
	schema  string
	timeout time.Duration
	retries int // -1: the driver's default (4)
	params  map[string]string
}

func parseDSN(dsn string) (config, error) {
	full := dsn
	if !strings.HasPrefix(dsn, "https://") && !strings.HasPrefix(dsn, "http://") {
		full = "https://" + dsn
	}
	u, err := url.Parse(full)
	if err != nil {
		return config{}, errors.New("not a URL")
	}
	c := config{local: u.Scheme == "http", host: u.Hostname(), path: u.Path, retries: -1, params: map[string]string{}}
	if c.host == "" {
		return config{}, errors.New("no host")
	}
	if c.port, err = strconv.Atoi(u.Port()); err != nil {
		return config{}, errors.New("no port (443 for a workspace)")
	}
	if c.path == "" || c.path == "/" {
		return config{}, errors.New("no HTTP path (/sql/1.0/warehouses/ID)")
	}
	if u.User != nil {
		if u.User.Username() != "token" {
			return config{}, errors.New("the user must be the word token (token:ACCESS_TOKEN@host)")
		}
		c.token, _ = u.User.Password()
	}
	if c.token == "" && !c.local {
		return config{}, errors.New("no access token (token:ACCESS_TOKEN@host)")
	}
	for k, v := range u.Query() {
		switch k {
		case "catalog":
			c.catalog = v[0]
		case "schema":
			c.schema = v[0]
		case "timeout":
			s, err := strconv.Atoi(v[0])
			if err != nil || s < 0 {
				return config{}, fmt.Errorf("timeout=%s is not a number of seconds", v[0])
			}
			c.timeout = time.Duration(s) * time.Second
		case "retries":
			n, err := strconv.Atoi(v[0])
			if err != nil || n < 0 {
				return config{}, fmt.Errorf("retries=%s is not a count", v[0])
			}
			c.retries = n
		default:
			c.params[k] = v[0]
		}
	}
	return c, nil
}

func (c config) connector() (driver.Connector, error) {
	scheme := "https://"
	if c.local {
		scheme = "http://"
	}
	opts := []dbsql.ConnOption{
		dbsql.WithServerHostname(scheme + c.host),
		dbsql.WithPort(c.port),
		dbsql.WithHTTPPath(c.path),
		dbsql.WithAccessToken(c.token),
		dbsql.WithUserAgentEntry("mtx"),
	}
	if c.catalog != "" || c.schema != "" {
		opts = append(opts, dbsql.WithInitialNamespace(c.catalog, c.schema))
	}
	if c.timeout > 0 {
		opts = append(opts, dbsql.WithTimeout(c.timeout))
	}
	switch {
	case c.retries == 0:
		opts = append(opts, dbsql.WithRetries(-1, 0, 0)) // 0 is the driver's "default"
	case c.retries > 0:
		opts = append(opts, dbsql.WithRetries(c.retries, time.Second, 30*time.Second))
	}
	if len(c.params) > 0 {
		opts = append(opts, dbsql.WithSessionParams(c.params))
	}
	if c.local {
		opts = append(opts, dbsql.WithTransport(sparkHTTP{http.DefaultTransport}))
	}
	inner, err := dbsql.NewConnector(opts...)
	if err != nil {
		return nil, err
	}
	return connector{inner: inner, local: c.local}, nil
}

type connector struct {
	inner driver.Connector
	local bool // Spark's Thrift server
}

// Driver marks Spark's connections (onSpark).
func (c connector) Driver() driver.Driver {
	if c.local {
		return sparkDriver{c.inner.Driver()}
	}
	return c.inner.Driver()
}

// sparkDriver is the driver of a connection to Spark's Thrift server.
type sparkDriver struct{ driver.Driver }

// onSpark reports whether db reaches the local Spark stand-in rather
// than a workspace.
func onSpark(db *sql.DB) bool {
	_, ok := db.Driver().(sparkDriver)
	return ok
}

func (c connector) Connect(ctx context.Context) (driver.Conn, error) {
	raw, err := c.inner.Connect(ctx)
	if err != nil {
		return nil, err
	}
	cn := &conn{Conn: raw, local: c.local}
	if _, err := cn.ExecContext(ctx, "SET TIME ZONE 'UTC'", nil); err != nil {
		raw.Close()
		return nil, err
	}
	return cn, nil
}

// conn forwards to the driver's connection with the parameters inlined.
type conn struct {
	driver.Conn
	local bool
	// zone is the session's time zone after a SET TIME ZONE other than
	// UTC, on Spark (zone.go); nil: UTC.
	zone *time.Location
}

var (
	_ driver.ExecerContext      = (*conn)(nil)
	_ driver.QueryerContext     = (*conn)(nil)
	_ driver.Pinger             = (*conn)(nil)
	_ driver.NamedValueChecker  = (*conn)(nil)
	_ driver.SessionResetter    = (*conn)(nil)
	_ driver.Validator          = (*conn)(nil)
	_ driver.ConnPrepareContext = (*conn)(nil)
)

// ExecContext runs the statement as a query and reads its result: the
// driver's own Exec asks for result metadata a Databricks warehouse sends
// (whether the statement is a file staging operation) and dereferences
// it unchecked, which panics on Spark's Thrift server. Delta's DML answers
// one row whose num_affected_rows is the result's RowsAffected.
func (c *conn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	q, err := inline(query, args)
	if err != nil {
		return nil, err
	}
	rows, err := c.Conn.(driver.QueryerContext).QueryContext(ctx, q, nil)
	if err != nil {
		return nil, explain(err)
	}
	defer rows.Close()
	c.noteZone(q)
	res := result{affected: -1}
	cols := rows.Columns()
	vals := make([]driver.Value, len(cols))
	for {
		err := rows.Next(vals)
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if len(cols) > 0 && cols[0] == "num_affected_rows" && res.affected < 0 {
			if n, ok := vals[0].(int64); ok {
				res.affected = n
			}
		}
	}
	return res, nil
}

type result struct{ affected int64 }

func (result) LastInsertId() (int64, error) { return 0, errors.New("databricks: no insert ids") }
func (r result) RowsAffected() (int64, error) {
	if r.affected < 0 {
		return 0, errors.New("databricks: the statement reported no row count")
	}
	return r.affected, nil
}

func (c *conn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	q, err := inline(query, args)
	if err != nil {
		return nil, err
	}
	if strings.HasPrefix(q, columnsMarker) || strings.HasPrefix(q, relationsMarker) {
		return c.introspect(ctx, q)
	}
	rows, err := c.Conn.(driver.QueryerContext).QueryContext(ctx, q, nil)
	if err != nil {
		return nil, explain(err)
	}
	c.noteZone(q)
	if c.zone != nil {
		return zonedRows{rows, c.zone}, nil
	}
	return rows, nil
}

// PrepareContext: statements run through ExecContext and QueryContext;
// a prepared one is only their query text.
func (c *conn) PrepareContext(_ context.Context, query string) (driver.Stmt, error) {
	return &textstmt.Stmt{Conn: c, Text: query}, nil
}

func (c *conn) Prepare(query string) (driver.Stmt, error) {
	return &textstmt.Stmt{Conn: c, Text: query}, nil
}

// CheckNamedValue takes every value database/sql's default converter takes.
func (c *conn) CheckNamedValue(nv *driver.NamedValue) error {
	if _, ok := nv.Value.(dialects.Decimal); ok {
		return nil // written as an exact decimal literal
	}
	v, err := driver.DefaultParameterConverter.ConvertValue(nv.Value)
	nv.Value = v
	return err
}

func (c *conn) Ping(ctx context.Context) error {
	if p, ok := c.Conn.(driver.Pinger); ok {
		return p.Ping(ctx)
	}
	return nil
}

func (c *conn) ResetSession(ctx context.Context) error {
	if r, ok := c.Conn.(driver.SessionResetter); ok {
		return r.ResetSession(ctx)
	}
	return nil
}

func (c *conn) IsValid() bool {
	if v, ok := c.Conn.(driver.Validator); ok {
		return v.IsValid()
	}
	return true
}

// inline replaces each `?` outside literals, quoted names and comments by
// the next argument as an SQL literal.
func inline(query string, args []driver.NamedValue) (string, error) {
	if len(args) == 0 {
		return query, nil
	}
	var b strings.Builder
	n := 0
	for i := 0; i < len(query); i++ {
		ch := query[i]
		switch {
		case ch == '\'' || ch == '"' || ch == '`':
			j := i + 1
			for j < len(query) && query[j] != ch {
				if query[j] == '\\' && ch != '`' {
					j++
				}
				j++
			}
			if j >= len(query) {
				j = len(query) - 1
			}
			b.WriteString(query[i : j+1])
			i = j
			continue
		case ch == '-' && strings.HasPrefix(query[i:], "--"):
			j := strings.IndexByte(query[i:], '\n')
			if j < 0 {
				j = len(query) - i - 1
			}
			b.WriteString(query[i : i+j+1])
			i += j
			continue
		case ch == '/' && strings.HasPrefix(query[i:], "/*"):
			j := strings.Index(query[i+2:], "*/")
			end := len(query)
			if j >= 0 {
				end = i + 2 + j + 2
			}
			b.WriteString(query[i:end])
			i = end - 1
			continue
		case ch == '?':
			if n >= len(args) {
				return "", fmt.Errorf("databricks: the statement has more ? than its %d arguments", len(args))
			}
			lit, err := literal(args[n].Value)
			if err != nil {
				return "", fmt.Errorf("databricks: argument %d: %w", n+1, err)
			}
			b.WriteString(lit)
			n++
			continue
		}
		b.WriteByte(ch)
	}
	if n != len(args) {
		return "", fmt.Errorf("databricks: the statement has %d ? for %d arguments", n, len(args))
	}
	return b.String(), nil
}

// literal writes a driver value as a Spark SQL literal.
func literal(v any) (string, error) {
	switch x := v.(type) {
	case nil:
		return "NULL", nil
	case string:
		return dialects.EscapeBackslashLiteral(x), nil
	case dialects.Decimal:
		// 12.340BD is an exact DECIMAL literal; a string would need a cast
		// that ANSI store assignment refuses in INSERT.
		if !decimalText.MatchString(string(x)) {
			return "", fmt.Errorf("%q is not a decimal number", string(x))
		}
		return string(x) + "BD", nil
	case []byte:
		return "X'" + hex.EncodeToString(x) + "'", nil
	case int64:
		return strconv.FormatInt(x, 10), nil
	case float64:
		switch {
		case math.IsNaN(x):
			return "CAST('NaN' AS DOUBLE)", nil
		case math.IsInf(x, 1):
			return "CAST('Infinity' AS DOUBLE)", nil
		case math.IsInf(x, -1):
			return "CAST('-Infinity' AS DOUBLE)", nil
		}
		return "CAST('" + strconv.FormatFloat(x, 'g', -1, 64) + "' AS DOUBLE)", nil
	case bool:
		if x {
			return "TRUE", nil
		}
		return "FALSE", nil
	case time.Time:
		return timestampLiteral(x), nil
	}
	return "", fmt.Errorf("a value of type %T", v)
}

var decimalText = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

// timestampLiteral carries its offset, so it names the same instant in any
// session time zone.
func timestampLiteral(t time.Time) string {
	return "TIMESTAMP'" + t.UTC().Format("2006-01-02 15:04:05.999999") + "+00:00'"
}

// sparkHTTP is the transport to Spark's Thrift server (plain http, never
// a workspace). It rewrites the protocol version of an OpenSession call
// from V1 (the driver's zero value: it sends its real version in a
// Databricks-only field) to HiveServer2 V10, so Spark answers
// column-based results; and runs statements synchronously, giving the
// driver their final status as direct results (direct.go).
type sparkHTTP struct{ base http.RoundTripper }

// The binary-protocol bytes before the version: the method name, a 4-byte
// sequence id, then the argument struct (field 1) and its field 1, an i32.
var openSession = []byte("OpenSession")

func (p sparkHTTP) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Body == nil || r.ContentLength == 0 {
		return p.base.RoundTrip(r)
	}
	body, err := io.ReadAll(r.Body)
	r.Body.Close()
	if err != nil {
		return nil, err
	}
	if i := bytes.Index(body, openSession); i >= 0 {
		at := i + len(openSession) + 4
		if at+10 <= len(body) && bytes.Equal(body[at:at+6], []byte{0x0c, 0, 1, 0x08, 0, 1}) && bytes.Equal(body[at+6:at+10], []byte{0, 0, 0, 0}) {
			body[at+9] = 9 // HIVE_CLI_SERVICE_PROTOCOL_V10
		}
	}
	sync, err := synchronous(body)
	if err == nil {
		body = sync
	}
	r = r.Clone(r.Context())
	r.Body = io.NopCloser(bytes.NewReader(body))
	r.ContentLength = int64(len(body))
	resp, rerr := p.base.RoundTrip(r)
	if err != nil || rerr != nil || resp.Body == nil {
		return resp, rerr
	}
	out, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	if changed, ok := withFinishedStatus(out); ok {
		out = changed
		resp.ContentLength = int64(len(out))
		resp.Header.Del("Content-Length")
	}
	resp.Body = io.NopCloser(bytes.NewReader(out))
	return resp, nil
}
