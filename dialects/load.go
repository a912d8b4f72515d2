package dialects

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"github.com/mtxhq/mtx/internal/catalog"
)

// Values in a RowSource are neutral Go values, one per LoadColumn, by the
// column's logical type: nil (NULL), string (string, json), Decimal,
// float64, int64, bool, time.Time (UTC). Every engine converts only these.

// Decimal is an exact decimal in plain text ("-12.340000000"), never a
// float: amounts must arrive to the cent they left with.
type Decimal string

// MinTimestamp and MaxTimestamp (exclusive) bound the timestamps mtx
// loads: years 1 to 9999, which every engine stores. A value outside (an
// int64-max sentinel, which DuckDB would read as infinity) fails the file.
var (
	MinTimestamp = time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)
	MaxTimestamp = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)
)

// LoadColumn is one target column of a bulk load.
type LoadColumn struct {
	Name string
	Type catalog.LogicalType
	// Source is the column of the parquet file it is read from; empty when
	// the file lacks it (NULL) or the value is Const.
	Source string
	// Const, when not nil, is the value of every row (the provenance columns).
	Const any
}

// LoadTable is a table being loaded and the columns each row fills, in order.
type LoadTable struct {
	Schema  string
	Table   string
	Columns []LoadColumn
}

// RowSource streams the rows of one file; its shape is pgx's CopyFromSource,
// so it plugs straight into COPY.
type RowSource interface {
	// Next advances to the next row; false at the end or on error.
	Next() bool
	// Values returns the current row, one value per LoadTable column. The
	// slice is reused by the next call to Next.
	Values() ([]any, error)
	// Err is the error that stopped Next, if any.
	Err() error
}

// Querier is what both *sql.Tx and *sql.Conn offer.
type Querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// Loader is how a dialect bulk-loads rows, part of the required contract
// (Dialect); each engine implements it in dialects/<engine>/load.go with
// its fastest path. The loader keeps
// exactly-once itself (the manifest); a Loader only inserts.
type Loader interface {
	// LoadTransactional reports whether a file's rows and its manifest
	// entry can commit in one transaction. Where they cannot, rows carry
	// _mtx_source_file and a file absent from the manifest is deleted by
	// source file before it is (re)inserted.
	LoadTransactional() bool
	// InsertRows inserts every row of src into t. q is a transaction on
	// conn when LoadTransactional, conn itself otherwise; engines whose
	// bulk path needs the driver's own connection reach it through
	// conn.Raw.
	InsertRows(ctx context.Context, conn *sql.Conn, q Querier, t LoadTable, src RowSource) (int64, error)
}

// ParquetLoader is implemented by engines that read parquet files
// themselves (DuckDB): faster than any row stream mtx could send.
type ParquetLoader interface {
	// InsertParquet inserts the rows of local parquet files into t in one
	// statement (so the engine reads them in parallel), each column from
	// its Source (NULL where a file lacks it) or, for columns with a
	// Const, from that file's entry in ParquetFile.Consts.
	InsertParquet(ctx context.Context, q Querier, t LoadTable, files []ParquetFile) (int64, error)
}

// ParquetFile is one local parquet file for ParquetLoader and
// ParquetSender, with the values of the constant (provenance) columns for
// its rows.
type ParquetFile struct {
	Path   string
	Consts map[string]any
	// Columns are the file's own top-level columns in file order, from its
	// footer (an engine told the file's structure reads each as it is).
	Columns []ObjectColumn
}

// ParquetSender is implemented by engines that decode a parquet file mtx
// sends them over their connection (ClickHouse's HTTP interface takes it as
// the body of INSERT … SELECT … FROM input(…) FORMAT Parquet): the server
// need not see mtx's disk, and mtx does not decode the rows.
type ParquetSender interface {
	// SendsParquet reports whether the engine behind db takes files this
	// way (ClickHouse over HTTP; not over its native protocol).
	SendsParquet(db *sql.DB) bool
	// SendParquet inserts the rows of one local parquet file into t, each
	// column from its Source (NULL where the file lacks it) or, for columns
	// with a Const, from file.Consts, and returns the rows the engine
	// reports inserting. The engine refuses the file where mtx's own checks
	// would refuse a value that needs no conversion: text that is not
	// UTF-8, JSON that does not parse, timestamps outside the years 1 to
	// 9999.
	SendParquet(ctx context.Context, db *sql.DB, t LoadTable, file ParquetFile) (int64, error)
}

// ObjectLoader is implemented by engines that load parquet files straight
// from object storage (Snowflake COPY INTO from a stage, BigQuery load
// jobs, Redshift COPY ... FORMAT PARQUET), so the rows never pass through
// mtx. The loader still reads each file's footer itself (drift warnings,
// row counts, corrupt files) and keeps the manifest exactly as for
// streamed files.
type ObjectLoader interface {
	// ObjectLoadable reports whether the engine can read the object at url
	// (s3://..., gs://...) itself with the settings in o; when it cannot,
	// why says what setting is missing (mtx streams the file instead and
	// says so once).
	ObjectLoadable(url string, o ObjectOptions) (ok bool, why string)
	// InsertObjects inserts the rows of the parquet objects into t, each
	// column from its Source (NULL where a file lacks it) or, for columns
	// with a Const, from that file's entry in ObjectFile.Consts. q is a
	// transaction on conn when the Loader is transactional, conn otherwise.
	InsertObjects(ctx context.Context, conn *sql.Conn, q Querier, t LoadTable, files []ObjectFile, o ObjectOptions) (int64, error)
}

// ConnObjectLoader is an ObjectLoader whose engine reads object storage
// on some connections only (Databricks: a workspace's COPY INTO, which
// the local Spark stand-in lacks). Where it does not, mtx streams the
// rows and says why once.
type ConnObjectLoader interface {
	LoadsObjectsOn(db *sql.DB) (ok bool, why string)
}

// LoadGrouper is implemented by engines without transactions where every
// statement is a slow commit (Athena: a second or more). The loader then
// loads up to 64 files of one table as a group: an ObjectLoader reads the
// group's objects in one statement, streamed files are inserted one after
// the other, and the group's manifest entries go in one statement. If the
// group fails, the rows of its unrecorded files are deleted by source file
// and the files are loaded one by one.
type LoadGrouper interface {
	GroupFiles() bool
}

// ObjectFile is one parquet object for ObjectLoader, with the values of the
// constant (provenance) columns for its rows.
type ObjectFile struct {
	URL    string // full object URL, e.g. s3://bucket/folder/invoice/dt=2025-01-02/0_20250102030405.parquet
	Root   string // the URL the user passed to mtx load, e.g. s3://bucket/folder
	Consts map[string]any
	// Columns are the file's own top-level columns in file order, from its
	// footer, loaded or not: engines that map parquet columns by position
	// (Redshift's COPY ... FORMAT PARQUET) need every one of them.
	Columns []ObjectColumn
}

// ScratchName is a table name no other load uses: prefix and 16 random
// hex digits.
func ScratchName(prefix string) string {
	b := make([]byte, 8)
	rand.Read(b)
	return prefix + hex.EncodeToString(b)
}

// ConstOf is the value of c for this file's rows: the file's own entry
// in Consts, else the column's Const.
func (f ObjectFile) ConstOf(c LoadColumn) any {
	if v, ok := f.Consts[c.Name]; ok {
		return v
	}
	return c.Const
}

// ObjectColumn is one top-level column of a parquet object.
type ObjectColumn struct {
	Name string
	// Type is the neutral type its values read as (Decimal with Precision
	// and Scale; Timestamp for timestamps and dates); "" for a nested
	// column (list, struct, map).
	Type             catalog.LogicalType
	Precision, Scale int
	// Digits are a timestamp's fractional-second digits as stored (3
	// millis, 6 micros, 9 nanos; 0 for dates and INT96).
	Digits int
}

// DecimalSize is the column's precision and scale as a 38-digit decimal
// holds them: a parquet decimal without a usable precision reads as 38,
// and the scale never exceeds the precision.
func (c ObjectColumn) DecimalSize() (precision, scale int) {
	p, s := c.Precision, c.Scale
	if p <= 0 || p > 38 {
		p = 38
	}
	if s > p {
		s = p
	}
	return p, s
}

// ObjectOptions are the user's settings for engine-side loading from
// object storage (project.yaml load: section and mtx load flags). Secrets
// are never stored here: engines use their own credentials (a Snowflake
// stage or storage integration, a Redshift IAM role, BigQuery's job
// credentials).
type ObjectOptions struct {
	// Stage is a Snowflake external stage (e.g. @mtx_export) whose URL is
	// the load root.
	Stage string
	// IAMRole is the role ARN Redshift's COPY assumes to read S3.
	IAMRole string
	// Region is the bucket's region where the engine needs it (Redshift).
	Region string
	// Types are the export schema's options (its decimal size), which the
	// loader sets for engines that cast to the table's types (Databricks).
	Types Options
}

// LoadLockName is the name loads lock under, per schema.
func LoadLockName(schema string) string { return "mtx_load_" + schema }

// RunLockName is the name model runs lock under, per schema.
func RunLockName(schema string) string { return "mtx_run_" + schema }

// Placeholders says how a generic multi-row INSERT marks parameter i, for
// column c (an engine may wrap it in a cast).
type Placeholders func(i int, c LoadColumn) string

// Question marks parameters with ?.
func Question(int, LoadColumn) string { return "?" }

// Dollar marks parameters $1, $2, ...
func Dollar(i int, _ LoadColumn) string { return fmt.Sprintf("$%d", i+1) }

// BatchOptions shape the generic multi-row INSERT.
type BatchOptions struct {
	// Placeholder marks parameter i (default ?). An engine may wrap it:
	// CAST(? AS NUMERIC), JSON_PARSE($3).
	Placeholder Placeholders
	// MaxParams bounds the parameters of one statement (default 10000).
	MaxParams int
	// Convert turns a neutral value into what the driver binds (default: as is).
	Convert func(v any, c LoadColumn) any
	// SelectFrom, when set, inserts with INSERT … SELECT <expr per
	// column> FROM (VALUES (…), …) AS mtx_v (c1, c2, …): for engines whose
	// VALUES cannot take expressions (Snowflake's PARSE_JSON). ref is the
	// VALUES column holding the parameter of column c (c1, c2, ...), named
	// rather than positional ($1), which emulators read as a parameter.
	SelectFrom func(ref string, c LoadColumn) string
}

// BatchInsert is the generic bulk path: multi-row INSERT statements,
// streamed, for engines with nothing faster.
func BatchInsert(ctx context.Context, d Dialect, q Querier, t LoadTable, src RowSource, o BatchOptions) (int64, error) {
	if o.Placeholder == nil {
		o.Placeholder = Question
	}
	if o.MaxParams == 0 {
		o.MaxParams = 10000
	}
	cols := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		cols[i] = d.Quote(c.Name)
	}
	head := "INSERT INTO " + d.Quote(t.Schema) + "." + d.Quote(t.Table) + " (" + strings.Join(cols, ", ") + ") "
	tail := ""
	if o.SelectFrom != nil {
		exprs := make([]string, len(t.Columns))
		refs := make([]string, len(t.Columns))
		for i, c := range t.Columns {
			refs[i] = fmt.Sprintf("c%d", i+1)
			exprs[i] = o.SelectFrom(refs[i], c)
		}
		head += "SELECT " + strings.Join(exprs, ", ") + " FROM ("
		tail = ") AS mtx_v (" + strings.Join(refs, ", ") + ")"
	}
	head += "VALUES "
	perBatch := o.MaxParams / len(cols)
	if perBatch < 1 {
		perBatch = 1
	}
	args := make([]any, 0, perBatch*len(cols))
	var b strings.Builder
	var total int64
	n := 0
	flush := func() error {
		if n == 0 {
			return nil
		}
		b.Reset()
		b.WriteString(head)
		p := 0
		for r := 0; r < n; r++ {
			if r > 0 {
				b.WriteString(", ")
			}
			b.WriteByte('(')
			for c := range cols {
				if c > 0 {
					b.WriteString(", ")
				}
				b.WriteString(o.Placeholder(p, t.Columns[c]))
				p++
			}
			b.WriteByte(')')
		}
		b.WriteString(tail)
		if _, err := q.ExecContext(ctx, b.String(), args...); err != nil {
			return err
		}
		total += int64(n)
		n = 0
		args = args[:0]
		return nil
	}
	for src.Next() {
		vals, err := src.Values()
		if err != nil {
			return total, err
		}
		for i, v := range vals {
			if o.Convert != nil {
				v = o.Convert(v, t.Columns[i])
			}
			args = append(args, v)
		}
		n++
		if n == perBatch {
			if err := flush(); err != nil {
				return total, err
			}
		}
	}
	if err := src.Err(); err != nil {
		return total, err
	}
	return total, flush()
}

// DecimalAsString binds decimals as their exact text, other values as they are.
func DecimalAsString(v any, _ LoadColumn) any {
	if x, ok := v.(Decimal); ok {
		return string(x)
	}
	return v
}

// TextValue renders a neutral value as the text engines accept in CSV-like
// bulk formats and string parameters: decimals as written, timestamps as
// "2006-01-02 15:04:05.999999" UTC, booleans as 1/0. ok is false for NULL.
func TextValue(v any) (s string, ok bool) {
	switch x := v.(type) {
	case nil:
		return "", false
	case string:
		return x, true
	case Decimal:
		return string(x), true
	case int64:
		return fmt.Sprint(x), true
	case float64:
		return fmt.Sprint(x), true
	case bool:
		if x {
			return "1", true
		}
		return "0", true
	case time.Time:
		return x.UTC().Format("2006-01-02 15:04:05.999999"), true
	}
	return fmt.Sprint(v), true
}

// UnlistedDeleter is implemented by engines whose DELETE takes no subquery
// (Delta Lake): the statement deleting the rows of table (qualified,
// quoted) whose column (quoted) is not NULL and not among the values list
// (a SELECT of one column) returns, where the default is DELETE … WHERE
// column NOT IN (list).
type UnlistedDeleter interface {
	DeleteUnlisted(table, column, list string) string
}

// FatalClassifier is implemented by engines that can tell an error that
// leaves the database or the connection unusable (DuckDB's "database has
// been invalidated", a full disk, a lost connection) from one that fails a
// single file: the load stops at the first fatal error instead of failing
// every remaining file with it.
type FatalClassifier interface {
	Fatal(err error) bool
}

// ConstLiteral writes a provenance constant (the source file's name, its
// transfer time) as a literal of m's dialect, for engines that set the
// constant columns in SQL while the engine reads the file itself.
func ConstLiteral(m SQLMacros, v any) (string, error) {
	switch x := v.(type) {
	case string:
		return m.StringLiteral(x), nil
	case time.Time:
		return m.TimestampLiteral(x), nil
	}
	return "", fmt.Errorf("a constant of type %T", v)
}
