// Package exportfile writes parquet files shaped like Metronome's
// object-storage data export, with a physical schema derived from the
// catalog. The demo generator uses it, and so can any test that needs a
// fixture file: one place decides how a logical type looks in parquet.
//
// Physical types (every column OPTIONAL):
//
//	string    BYTE_ARRAY (STRING/UTF8)
//	json      BYTE_ARRAY (STRING/UTF8) holding the JSON text
//	decimal   FIXED_LEN_BYTE_ARRAY(16) DECIMAL(38,9)
//	timestamp INT64 TIMESTAMP(MICROS, isAdjustedToUTC=true)
//	integer   INT64
//	float     DOUBLE
//	boolean   BOOLEAN
//
// The provenance columns mtx adds (_mtx_*) are not part of an export file:
// the loader fills them.
package exportfile

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"time"

	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress"
	"github.com/parquet-go/parquet-go/compress/snappy"
	"github.com/parquet-go/parquet-go/encoding"
)

// DecimalPrecision and DecimalScale size every decimal column of an export file.
const (
	DecimalPrecision = 38
	DecimalScale     = 9
	decimalBytes     = 16 // enough for 38 digits in two's complement
)

// Columns returns the columns of t that an export file carries: every
// column except mtx's provenance columns, in catalog order.
func Columns(t *catalog.Table) []catalog.Column {
	var out []catalog.Column
	for _, c := range t.Columns {
		if !c.System {
			out = append(out, c)
		}
	}
	return out
}

// Node returns the parquet node of one logical type (optional).
func Node(lt catalog.LogicalType) (parquet.Node, error) {
	var n parquet.Node
	switch lt {
	case catalog.String, catalog.JSON:
		n = parquet.String()
	case catalog.Decimal:
		n = parquet.Decimal(DecimalScale, DecimalPrecision, parquet.FixedLenByteArrayType(decimalBytes))
	case catalog.Timestamp:
		n = parquet.TimestampAdjusted(parquet.Microsecond, true)
	case catalog.Integer:
		n = parquet.Leaf(parquet.Int64Type)
	case catalog.Float:
		n = parquet.Leaf(parquet.DoubleType)
	case catalog.Boolean:
		n = parquet.Leaf(parquet.BooleanType)
	default:
		return nil, fmt.Errorf("no parquet type for logical type %q", lt)
	}
	return parquet.Optional(n), nil
}

// Schema returns the parquet schema of t's export files, columns in
// catalog order.
func Schema(t *catalog.Table) (*parquet.Schema, error) {
	g := orderedGroup{}
	for _, c := range Columns(t) {
		n, err := Node(c.Type)
		if err != nil {
			return nil, fmt.Errorf("table %s, column %s: %w", t.Name, c.Name, err)
		}
		g = append(g, &field{Node: n, name: c.Name})
	}
	return parquet.NewSchema(t.Name, g), nil
}

// Row is one row of an export table by column name. Missing columns are
// NULL. Accepted Go values per logical type:
//
//	string    string
//	json      string or []byte (JSON text, written as is), json.RawMessage,
//	          or any other value, which is marshalled with encoding/json
//	decimal   string ("12.5", "-0.000000001"), int, int64, *big.Rat
//	          (floats are refused: they are not exact)
//	timestamp time.Time (written as UTC microseconds)
//	integer   int, int32, int64
//	float     float64, float32
//	boolean   bool
//
// nil (or a nil pointer) is NULL for every type.
type Row map[string]any

// Writer writes rows of one table into one parquet file.
type Writer struct {
	table *catalog.Table
	cols  []catalog.Column
	index map[string]int
	pw    *parquet.Writer
	buf   []parquet.Row
	rows  int64
}

// NewWriter starts an export file of table t on w. Close must be called to
// write the footer.
func NewWriter(w io.Writer, t *catalog.Table) (*Writer, error) {
	s, err := Schema(t)
	if err != nil {
		return nil, err
	}
	cols := Columns(t)
	index := make(map[string]int, len(cols))
	for i, c := range cols {
		index[c.Name] = i
	}
	pw := parquet.NewWriter(w, s,
		parquet.Compression(&snappy.Codec{}),
		parquet.CreatedBy("mtx", "", ""),
	)
	return &Writer{table: t, cols: cols, index: index, pw: pw}, nil
}

// Write appends one row. It refuses a column the table does not have and a
// value that does not fit its column's type, naming both.
func (w *Writer) Write(r Row) error {
	row := make(parquet.Row, len(w.cols))
	found := 0
	for i, c := range w.cols {
		x, ok := r[c.Name]
		if ok {
			found++
		}
		v, err := value(c.Type, x)
		if err != nil {
			return fmt.Errorf("table %s, column %s: %w", w.table.Name, c.Name, err)
		}
		if v.IsNull() {
			row[i] = v.Level(0, 0, i)
		} else {
			row[i] = v.Level(0, 1, i)
		}
	}
	if found != len(r) {
		for name := range r {
			if _, ok := w.index[name]; !ok {
				return fmt.Errorf("table %s has no export column %q", w.table.Name, name)
			}
		}
	}
	w.buf = append(w.buf, row)
	w.rows++
	if len(w.buf) >= 1024 {
		return w.flush()
	}
	return nil
}

func (w *Writer) flush() error {
	if len(w.buf) == 0 {
		return nil
	}
	if _, err := w.pw.WriteRows(w.buf); err != nil {
		return fmt.Errorf("table %s: writing parquet rows: %w", w.table.Name, err)
	}
	w.buf = w.buf[:0]
	return nil
}

// Rows returns how many rows were written so far.
func (w *Writer) Rows() int64 { return w.rows }

// Close flushes the rows and writes the parquet footer.
func (w *Writer) Close() error {
	if err := w.flush(); err != nil {
		return err
	}
	if err := w.pw.Close(); err != nil {
		return fmt.Errorf("table %s: closing parquet file: %w", w.table.Name, err)
	}
	return nil
}

// Encode returns the bytes of one export file of t holding rows.
func Encode(t *catalog.Table, rows []Row) ([]byte, error) {
	var b bytes.Buffer
	w, err := NewWriter(&b, t)
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		if err := w.Write(r); err != nil {
			return nil, err
		}
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// WriteFile writes rows of t as the export file for one transfer under
// root, at Path(t.Name, part, transferredAt), creating folders as needed.
// It returns the file's path.
func WriteFile(root string, t *catalog.Table, part int, transferredAt time.Time, rows []Row) (string, error) {
	data, err := Encode(t, rows)
	if err != nil {
		return "", err
	}
	p := filepath.Join(root, filepath.FromSlash(Path(t.Name, part, transferredAt)))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return "", fmt.Errorf("table %s: %w", t.Name, err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		return "", fmt.Errorf("table %s: %w", t.Name, err)
	}
	return p, nil
}

// Path returns the object-storage path of one export file, relative to the
// export folder: <table>/dt=<YYYY-MM-DD>/<part>_<YYYYMMDDHHmmss>.parquet,
// dates of the transfer in UTC.
func Path(table string, part int, transferredAt time.Time) string {
	u := transferredAt.UTC()
	return fmt.Sprintf("%s/dt=%s/%d_%s.parquet", table, u.Format("2006-01-02"), part, u.Format("20060102150405"))
}

var pathRE = regexp.MustCompile(`(?:^|/)([a-z_][a-z0-9_]*)/dt=(\d{4}-\d{2}-\d{2})/(\d+)_(\d{14})\.parquet$`)

// File is what an export file's path says about it.
type File struct {
	Table         string
	Part          int
	TransferredAt time.Time // UTC, second precision
}

// ParsePath reads table, part and transfer timestamp from an export file's
// path (object key or local path; only the last three segments matter). It
// fails, naming the path, on anything else.
func ParsePath(p string) (File, error) {
	m := pathRE.FindStringSubmatch(filepath.ToSlash(p))
	if m == nil {
		return File{}, fmt.Errorf("%s: not an export file path (<table>/dt=YYYY-MM-DD/<part>_YYYYMMDDHHmmss.parquet)", p)
	}
	ts, err := time.Parse("20060102150405", m[4])
	if err != nil {
		return File{}, fmt.Errorf("%s: bad transfer timestamp %q: %w", p, m[4], err)
	}
	if ts.Format("2006-01-02") != m[2] {
		return File{}, fmt.Errorf("%s: folder dt=%s does not match the transfer timestamp %s", p, m[2], m[4])
	}
	var part int
	if _, err := fmt.Sscan(m[3], &part); err != nil {
		return File{}, fmt.Errorf("%s: bad file part %q", p, m[3])
	}
	return File{Table: m[1], Part: part, TransferredAt: ts.UTC()}, nil
}

// value converts one Go value to the parquet value of a logical type.
func value(lt catalog.LogicalType, v any) (parquet.Value, error) {
	switch v.(type) {
	case nil:
		return parquet.NullValue(), nil
	case string, bool, int, int64, float64, time.Time:
	default:
		if rv := reflect.ValueOf(v); rv.Kind() == reflect.Pointer && rv.IsNil() {
			return parquet.NullValue(), nil
		}
	}
	bad := func() (parquet.Value, error) {
		return parquet.Value{}, fmt.Errorf("%T is not a valid %s value", v, lt)
	}
	switch lt {
	case catalog.String:
		if s, ok := v.(string); ok {
			return parquet.ByteArrayValue([]byte(s)), nil
		}
		return bad()
	case catalog.JSON:
		switch x := v.(type) {
		case string:
			return parquet.ByteArrayValue([]byte(x)), nil
		case []byte:
			return parquet.ByteArrayValue(x), nil
		case json.RawMessage:
			return parquet.ByteArrayValue(x), nil
		default:
			b, err := json.Marshal(x)
			if err != nil {
				return parquet.Value{}, fmt.Errorf("marshalling JSON: %w", err)
			}
			return parquet.ByteArrayValue(b), nil
		}
	case catalog.Decimal:
		var r *big.Rat
		switch x := v.(type) {
		case string:
			var ok bool
			if r, ok = new(big.Rat).SetString(strings.TrimSpace(x)); !ok {
				return parquet.Value{}, fmt.Errorf("%q is not a decimal number", x)
			}
		case int:
			r = new(big.Rat).SetInt64(int64(x))
		case int64:
			r = new(big.Rat).SetInt64(x)
		case *big.Rat:
			r = x
		default:
			return bad()
		}
		b, err := DecimalBytes(r)
		if err != nil {
			return parquet.Value{}, err
		}
		return parquet.FixedLenByteArrayValue(b), nil
	case catalog.Timestamp:
		if t, ok := v.(time.Time); ok {
			return parquet.Int64Value(t.UnixMicro()), nil
		}
		return bad()
	case catalog.Integer:
		switch x := v.(type) {
		case int:
			return parquet.Int64Value(int64(x)), nil
		case int32:
			return parquet.Int64Value(int64(x)), nil
		case int64:
			return parquet.Int64Value(x), nil
		}
		return bad()
	case catalog.Float:
		switch x := v.(type) {
		case float64:
			return parquet.DoubleValue(x), nil
		case float32:
			return parquet.DoubleValue(float64(x)), nil
		}
		return bad()
	case catalog.Boolean:
		if b, ok := v.(bool); ok {
			return parquet.BooleanValue(b), nil
		}
		return bad()
	}
	return parquet.Value{}, fmt.Errorf("unknown logical type %q", lt)
}

var (
	scaleFactor = new(big.Int).Exp(big.NewInt(10), big.NewInt(DecimalScale), nil)
	maxUnscaled = new(big.Int).Exp(big.NewInt(10), big.NewInt(DecimalPrecision), nil)
)

// DecimalBytes returns r as the 16-byte big-endian two's complement
// unscaled value of a DECIMAL(38,9). It refuses a value that would need
// rounding (more than 9 fractional digits) or more than 29 integer digits.
func DecimalBytes(r *big.Rat) ([]byte, error) {
	scaled := new(big.Rat).Mul(r, new(big.Rat).SetInt(scaleFactor))
	if !scaled.IsInt() {
		return nil, fmt.Errorf("%s has more than %d decimal places", r.FloatString(12), DecimalScale)
	}
	u := scaled.Num()
	if new(big.Int).Abs(u).Cmp(maxUnscaled) >= 0 {
		return nil, fmt.Errorf("%s does not fit DECIMAL(%d,%d)", r.FloatString(DecimalScale), DecimalPrecision, DecimalScale)
	}
	out := make([]byte, decimalBytes)
	if u.Sign() >= 0 {
		u.FillBytes(out)
		return out, nil
	}
	// Two's complement: 2^128 + u.
	twos := new(big.Int).Add(new(big.Int).Lsh(big.NewInt(1), 8*decimalBytes), u)
	twos.FillBytes(out)
	return out, nil
}

// orderedGroup is a parquet group whose columns keep the catalog's order
// (parquet.Group is a map and sorts its fields by name).
type orderedGroup []parquet.Field

func (g orderedGroup) ID() int                     { return 0 }
func (g orderedGroup) String() string              { return parquet.Group(g.asMap()).String() }
func (g orderedGroup) Type() parquet.Type          { return parquet.Group(nil).Type() }
func (g orderedGroup) Optional() bool              { return false }
func (g orderedGroup) Repeated() bool              { return false }
func (g orderedGroup) Required() bool              { return true }
func (g orderedGroup) Leaf() bool                  { return false }
func (g orderedGroup) Fields() []parquet.Field     { return g }
func (g orderedGroup) Encoding() encoding.Encoding { return nil }
func (g orderedGroup) Compression() compress.Codec { return nil }
func (g orderedGroup) GoType() reflect.Type        { return parquet.Group(g.asMap()).GoType() }
func (g orderedGroup) asMap() map[string]parquet.Node {
	m := make(map[string]parquet.Node, len(g))
	for _, f := range g {
		m[f.Name()] = f
	}
	return m
}

// field names a node inside an orderedGroup.
type field struct {
	parquet.Node
	name string
}

func (f *field) Name() string { return f.name }

// Value is only used when reading into Go values, which this package never
// does; it returns the zero value.
func (f *field) Value(base reflect.Value) reflect.Value { return reflect.Value{} }
