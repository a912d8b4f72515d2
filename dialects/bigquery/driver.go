package bigquery

// A small database/sql driver over the official client
// (cloud.google.com/go/bigquery), private to this adapter: BigQuery has no
// database/sql driver of its own, and mtx's migrator, goose's version table
// and the tests all speak database/sql.
//
// What it does and does not do:
//   - Exec and Query run one GoogleSQL statement each; `?` marks positional
//     parameters. A nil argument becomes a NULL literal in the text, since
//     BigQuery needs a type for every parameter and NULL fits any column.
//   - Parameters: string, int64, float64, bool, time.Time (TIMESTAMP),
//     []byte (BYTES), *big.Rat (NUMERIC, or BIGNUMERIC past NUMERIC's range),
//     json.RawMessage (JSON). A string is a STRING parameter: BigQuery does
//     not coerce it to NUMERIC or JSON, so pass *big.Rat and
//     json.RawMessage (or write PARSE_NUMERIC(?) and PARSE_JSON(?)).
//   - Rows: INT64 int64, FLOAT64 float64, BOOL bool, STRING and JSON string,
//     TIMESTAMP time.Time in UTC, NUMERIC/BIGNUMERIC an exact decimal string
//     with the column's scale (never a float), BYTES []byte, DATE/TIME/DATETIME
//     their canonical text, RECORD/ARRAY JSON text.
//   - No transactions: every statement commits on its own, as BigQuery DDL
//     does anyway. Begin returns an error.

import (
	"context"
	"database/sql/driver"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	bq "cloud.google.com/go/bigquery"
	"github.com/mtxhq/mtx/dialects/textstmt"
	"google.golang.org/api/iterator"
	"google.golang.org/api/option"
)

// config is a parsed DSN:
// bigquery://PROJECT[/LOCATION][?endpoint=URL][&dataset=NAME].
type config struct {
	project  string
	location string
	endpoint string
	// dataset is the default dataset of every query: unqualified table
	// names resolve there (BigQuery has no USE statement).
	dataset string
}

func parseDSN(dsn string) (config, error) {
	bad := func(why string) (config, error) {
		return config{}, fmt.Errorf("invalid BigQuery DSN %s: %s; want bigquery://PROJECT[/LOCATION][?endpoint=URL][&dataset=NAME]", redact(dsn), why)
	}
	u, err := url.Parse(dsn)
	if err != nil {
		return bad("not a URL")
	}
	if u.Scheme != "bigquery" {
		return bad("scheme is not bigquery://")
	}
	if u.Host == "" {
		return bad("no project")
	}
	if u.User != nil {
		return bad("user or password given; BigQuery uses Application Default Credentials")
	}
	c := config{project: u.Host, location: strings.Trim(u.Path, "/")}
	if strings.Contains(c.location, "/") {
		return bad("location " + c.location + " has a slash")
	}
	for k, v := range u.Query() {
		switch k {
		case "endpoint":
			c.endpoint = v[len(v)-1]
			e, err := url.Parse(c.endpoint)
			if err != nil || (e.Scheme != "http" && e.Scheme != "https") || e.Host == "" {
				return bad("endpoint is not an http(s) URL")
			}
			if e.User != nil || e.RawQuery != "" {
				return bad("endpoint carries a user or query; BigQuery uses Application Default Credentials")
			}
		case "dataset":
			c.dataset = v[len(v)-1]
			if !validDataset(c.dataset) {
				return bad("dataset " + strconv.Quote(c.dataset) + " is not a dataset name (letters, digits and underscores)")
			}
		default:
			return bad("unknown parameter " + strconv.Quote(k))
		}
	}
	return c, nil
}

// validDataset: BigQuery dataset names are 1 to 1024 letters, digits and
// underscores.
func validDataset(s string) bool {
	if s == "" || len(s) > 1024 {
		return false
	}
	for _, r := range s {
		if r != '_' && !(r >= 'a' && r <= 'z') && !(r >= 'A' && r <= 'Z') && !(r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// clientOptions: a plain-http endpoint is an emulator, reached without
// credentials (sending a token over plain http would leak it); otherwise
// the client finds Application Default Credentials itself.
func (c config) clientOptions() []option.ClientOption {
	if c.endpoint == "" {
		return nil
	}
	// The client uses the endpoint as the REST base path verbatim; the
	// API lives under /bigquery/v2/ on Google's hosts and on emulators alike.
	base := c.endpoint
	if u, err := url.Parse(base); err == nil && strings.Trim(u.Path, "/") == "" {
		base = strings.TrimSuffix(base, "/") + "/bigquery/v2/"
	}
	opts := []option.ClientOption{option.WithEndpoint(base)}
	if strings.HasPrefix(c.endpoint, "http://") {
		opts = append(opts, option.WithoutAuthentication())
	}
	return opts
}

// connector makes one client, shared by every connection of a sql.DB, and
// closes it with the DB.
type connector struct {
	cfg config

	once   sync.Once
	client *bq.Client
	err    error
}

var (
	_ driver.Connector = (*connector)(nil)
	_ io.Closer        = (*connector)(nil)
)

func (c *connector) Connect(ctx context.Context) (driver.Conn, error) {
	c.once.Do(func() {
		// The client outlives this call: it must not carry ctx's deadline.
		c.client, c.err = bq.NewClient(context.WithoutCancel(ctx), c.cfg.project, c.cfg.clientOptions()...)
		if c.err == nil && c.cfg.location != "" {
			c.client.Location = c.cfg.location
		}
	})
	if c.err != nil {
		return nil, fmt.Errorf("bigquery: project %s: %w", c.cfg.project, c.err)
	}
	return &conn{client: c.client, project: c.cfg.project, dataset: c.cfg.dataset}, nil
}

func (c *connector) Driver() driver.Driver { return drv{} }

func (c *connector) Close() error {
	if c.client != nil {
		return c.client.Close()
	}
	return nil
}

// drv exists because database/sql asks a Connector for its Driver; mtx
// always opens through the connector.
type drv struct{}

func (drv) Open(dsn string) (driver.Conn, error) {
	cfg, err := parseDSN(dsn)
	if err != nil {
		return nil, err
	}
	return (&connector{cfg: cfg}).Connect(context.Background())
}

// conn is one database/sql connection: BigQuery is stateless HTTP, so it
// only holds the shared client and the DSN's default dataset.
type conn struct {
	client           *bq.Client
	project, dataset string
}

var (
	_ driver.ExecerContext      = (*conn)(nil)
	_ driver.QueryerContext     = (*conn)(nil)
	_ driver.Pinger             = (*conn)(nil)
	_ driver.NamedValueChecker  = (*conn)(nil)
	_ driver.ConnBeginTx        = (*conn)(nil)
	_ driver.ConnPrepareContext = (*conn)(nil)
)

// errNoTx: DDL is not transactional on BigQuery, and mtx applies every
// statement idempotently instead (Dialect.TransactionalDDL is false).
var errNoTx = errors.New("bigquery: transactions are not supported by mtx's BigQuery driver; every statement commits on its own")

func (c *conn) Begin() (driver.Tx, error) { return nil, errNoTx }
func (c *conn) BeginTx(context.Context, driver.TxOptions) (driver.Tx, error) {
	return nil, errNoTx
}
func (c *conn) Close() error { return nil }

func (c *conn) Prepare(query string) (driver.Stmt, error) {
	return &textstmt.Stmt{Conn: c, Text: query}, nil
}
func (c *conn) PrepareContext(_ context.Context, query string) (driver.Stmt, error) {
	return &textstmt.Stmt{Conn: c, Text: query}, nil
}

func (c *conn) Ping(ctx context.Context) error {
	_, err := c.QueryContext(ctx, "SELECT 1", nil)
	return err
}

// CheckNamedValue accepts the types bind knows, untouched.
func (c *conn) CheckNamedValue(nv *driver.NamedValue) error {
	switch v := nv.Value.(type) {
	case nil, string, int64, float64, bool, time.Time, []byte, *big.Rat, json.RawMessage:
		return nil
	case int:
		nv.Value = int64(v)
		return nil
	case int32:
		nv.Value = int64(v)
		return nil
	case float32:
		nv.Value = float64(v)
		return nil
	}
	// Everything else (driver.Valuer, named types) the default way.
	v, err := driver.DefaultParameterConverter.ConvertValue(nv.Value)
	if err != nil {
		return fmt.Errorf("bigquery: parameter %d: %w", nv.Ordinal, err)
	}
	nv.Value = v
	return nil
}

func (c *conn) query(sql string, args []driver.NamedValue) (*bq.Query, error) {
	text, params, err := bind(sql, args)
	if err != nil {
		return nil, err
	}
	q := c.client.Query(text)
	q.Parameters = params
	if c.dataset != "" {
		q.DefaultProjectID, q.DefaultDatasetID = c.project, c.dataset
	}
	return q, nil
}

// ExecContext runs the statement through jobs.query (one round trip, errors
// inline); the affected-row count is fetched from the job only if asked for.
func (c *conn) ExecContext(ctx context.Context, sql string, args []driver.NamedValue) (driver.Result, error) {
	q, err := c.query(sql, args)
	if err != nil {
		return nil, err
	}
	it, err := q.Read(ctx)
	if err != nil {
		return nil, fmt.Errorf("bigquery: %w", err)
	}
	// Read may return before the job ends; its outcome (and any error)
	// arrives with the first page.
	var row []bq.Value
	if err := it.Next(&row); err != nil && !errors.Is(err, iterator.Done) {
		return nil, fmt.Errorf("bigquery: %w", err)
	}
	return &result{job: it.SourceJob()}, nil
}

func (c *conn) QueryContext(ctx context.Context, sql string, args []driver.NamedValue) (driver.Rows, error) {
	q, err := c.query(sql, args)
	if err != nil {
		return nil, err
	}
	it, err := q.Read(ctx)
	if err != nil {
		return nil, fmt.Errorf("bigquery: %w", err)
	}
	r := &rows{it: it}
	// The schema is known only once the first page is read.
	if err := r.fetch(); err != nil {
		return nil, err
	}
	return r, nil
}

// result is an Exec's outcome; RowsAffected reads the job's DML statistics.
type result struct{ job *bq.Job }

func (r *result) LastInsertId() (int64, error) {
	return 0, errors.New("bigquery: no auto-increment ids")
}

func (r *result) RowsAffected() (int64, error) {
	if r.job == nil {
		return 0, nil
	}
	st, err := r.job.Status(context.Background())
	if err != nil {
		return 0, fmt.Errorf("bigquery: job %s: %w", r.job.ID(), err)
	}
	if st.Statistics != nil {
		if qs, ok := st.Statistics.Details.(*bq.QueryStatistics); ok {
			return qs.NumDMLAffectedRows, nil
		}
	}
	return 0, nil
}

// rows reads a RowIterator, one row ahead so that Columns is known at once.
type rows struct {
	it   *bq.RowIterator
	next []bq.Value
	done bool
}

func (r *rows) fetch() error {
	var row []bq.Value
	err := r.it.Next(&row)
	if errors.Is(err, iterator.Done) {
		r.done, r.next = true, nil
		return nil
	}
	if err != nil {
		return fmt.Errorf("bigquery: reading rows: %w", err)
	}
	r.next = row
	return nil
}

func (r *rows) Columns() []string {
	out := make([]string, len(r.it.Schema))
	for i, f := range r.it.Schema {
		out[i] = f.Name
	}
	return out
}

// ColumnTypeDatabaseTypeName reports the BigQuery type (NUMERIC, JSON, ...).
func (r *rows) ColumnTypeDatabaseTypeName(i int) string {
	return string(r.it.Schema[i].Type)
}

func (r *rows) Close() error { return nil }

func (r *rows) Next(dest []driver.Value) error {
	if r.done {
		return io.EOF
	}
	row := r.next
	for i := range dest {
		if i >= len(row) {
			dest[i] = nil
			continue
		}
		v, err := toDriver(r.it.Schema[i], row[i])
		if err != nil {
			return fmt.Errorf("bigquery: column %s: %w", r.it.Schema[i].Name, err)
		}
		dest[i] = v
	}
	return r.fetch()
}

// toDriver maps a client value to a database/sql value, keeping decimals exact.
func toDriver(f *bq.FieldSchema, v bq.Value) (driver.Value, error) {
	if v == nil {
		return nil, nil
	}
	if f.Repeated || f.Type == bq.RecordFieldType {
		b, err := json.Marshal(v)
		return string(b), err
	}
	switch x := v.(type) {
	case *big.Rat:
		return decimalString(f, x), nil
	case time.Time:
		return x.UTC(), nil
	case string, int64, float64, bool, []byte:
		return x, nil
	case fmt.Stringer: // civil.Date, civil.Time, civil.DateTime, ...
		return x.String(), nil
	}
	return fmt.Sprint(v), nil
}

// decimalString prints r exactly: with the column's declared scale when the
// schema has it, NUMERIC's fixed 9 digits (as PostgreSQL prints NUMERIC(38,9)),
// and for a BIGNUMERIC of unknown scale the shortest exact form (query
// results do not carry type parameters).
func decimalString(f *bq.FieldSchema, r *big.Rat) string {
	scale := int(f.Scale)
	if scale == 0 && f.Precision == 0 {
		scale = bq.NumericScaleDigits
		if f.Type == bq.BigNumericFieldType {
			scale = 0
		}
	}
	// Never round: widen the scale until the text is exact.
	for scale < 80 && !new(big.Rat).Mul(r, pow10(scale)).IsInt() {
		scale++
	}
	return r.FloatString(scale)
}

func pow10(n int) *big.Rat {
	return new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil))
}

// bind replaces nil arguments by NULL literals and turns the others into
// positional query parameters.
func bind(sql string, args []driver.NamedValue) (string, []bq.QueryParameter, error) {
	for _, a := range args {
		if a.Name != "" {
			return "", nil, fmt.Errorf("bigquery: named parameter %s: use positional ? parameters", a.Name)
		}
	}
	if len(args) == 0 {
		return sql, nil, nil
	}
	marks := placeholders(sql)
	if len(marks) != len(args) {
		return "", nil, fmt.Errorf("bigquery: statement has %d ? placeholders, %d arguments given", len(marks), len(args))
	}
	var b strings.Builder
	var params []bq.QueryParameter
	last := 0
	for i, pos := range marks {
		v := args[i].Value
		if v == nil {
			b.WriteString(sql[last:pos])
			b.WriteString("NULL")
			last = pos + 1
			continue
		}
		p, err := param(v)
		if err != nil {
			return "", nil, fmt.Errorf("bigquery: parameter %d: %w", i+1, err)
		}
		params = append(params, p)
	}
	b.WriteString(sql[last:])
	return b.String(), params, nil
}

func param(v any) (bq.QueryParameter, error) {
	switch x := v.(type) {
	case string, int64, float64, bool, []byte:
		return bq.QueryParameter{Value: x}, nil
	case time.Time:
		return bq.QueryParameter{Value: x.UTC()}, nil
	case *big.Rat:
		typ := bq.NumericFieldType
		if !fitsNumeric(x) {
			typ = bq.BigNumericFieldType
		}
		return bq.QueryParameter{Value: &bq.QueryParameterValue{
			Type:  bq.StandardSQLDataType{TypeKind: string(typ)},
			Value: x,
		}}, nil
	case json.RawMessage:
		return bq.QueryParameter{Value: &bq.QueryParameterValue{
			Type:  bq.StandardSQLDataType{TypeKind: "JSON"},
			Value: string(x),
		}}, nil
	}
	return bq.QueryParameter{}, fmt.Errorf("unsupported type %T", v)
}

// fitsNumeric: NUMERIC holds 29 integer and 9 fractional digits.
func fitsNumeric(r *big.Rat) bool {
	scaled := new(big.Rat).Mul(r, big.NewRat(1_000_000_000, 1))
	if !scaled.IsInt() {
		return false
	}
	limit := new(big.Int).Exp(big.NewInt(10), big.NewInt(38), nil)
	return new(big.Int).Abs(scaled.Num()).Cmp(limit) < 0
}

// placeholders returns the byte offsets of the ? parameters of a GoogleSQL
// statement, skipping string and bytes literals (single, double and triple
// quoted, raw or not), quoted identifiers and comments.
func placeholders(sql string) []int {
	var out []int
	for i := 0; i < len(sql); {
		c := sql[i]
		switch {
		case c == '?':
			out = append(out, i)
			i++
		case c == '`':
			i = skipQuoted(sql, i, "`", false)
		case c == '\'' || c == '"':
			raw := isRawPrefix(sql[:i])
			q := string(c)
			if strings.HasPrefix(sql[i:], q+q+q) {
				q = q + q + q
			}
			i = skipQuoted(sql, i, q, raw)
		case c == '#' || (c == '-' && strings.HasPrefix(sql[i:], "--")):
			if j := strings.IndexByte(sql[i:], '\n'); j >= 0 {
				i += j + 1
			} else {
				i = len(sql)
			}
		case c == '/' && strings.HasPrefix(sql[i:], "/*"):
			if j := strings.Index(sql[i+2:], "*/"); j >= 0 {
				i += j + 4
			} else {
				i = len(sql)
			}
		default:
			i++
		}
	}
	return out
}

// skipQuoted returns the offset just past the literal opened by quote at i.
func skipQuoted(sql string, i int, quote string, raw bool) int {
	for j := i + len(quote); j < len(sql); {
		if !raw && sql[j] == '\\' {
			j += 2
			continue
		}
		if strings.HasPrefix(sql[j:], quote) {
			return j + len(quote)
		}
		j++
	}
	return len(sql)
}

// isRawPrefix reports whether the literal starting after before is raw:
// prefixed r, R, rb, br (any case) standing as a token of its own.
func isRawPrefix(before string) bool {
	for n := 1; n <= 2 && n <= len(before); n++ {
		p := strings.ToLower(before[len(before)-n:])
		if (p == "r" || p == "rb" || p == "br") && (len(before) == n || !isIdentChar(before[len(before)-n-1])) {
			return true
		}
	}
	return false
}

func isIdentChar(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}
