package tests

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math/big"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/parquet-go/parquet-go"
)

// extreme holds the values every column of every table must keep exactly.
type extreme struct {
	decimal string
	ts      time.Time
	str     string
	integer int64
	float   float64
	boolean bool
}

var extremes = []extreme{
	{
		// 24 integer digits and 9 fractional ones.
		decimal: "123456789012345678901234.123456789",
		ts:      time.Date(1970, 1, 1, 0, 0, 0, 1000, time.UTC),
		str:     "Zoë's café — 请求 ✓ 🧾 \"quoted\" ; -- not a comment",
		integer: 9223372036854775807, float: 1.5e300, boolean: true,
	},
	{
		decimal: "-999999999999999999999999.000000001",
		ts:      time.Date(2100, 12, 31, 23, 59, 59, 999999000, time.UTC),
		str:     strings.Repeat("x", 70000), // past TEXT's 64 KB and VARCHAR(256)
		integer: -9223372036854775808, float: -2.2250738585072014e-308, boolean: false,
	},
}

// bigJSON is a ~100 KB document with nesting, unicode and escapes.
func bigJSON() string {
	items := make([]map[string]any, 0, 1200)
	for i := 0; len(items) < cap(items); i++ {
		items = append(items, map[string]any{"id": fmt.Sprintf("item-%05d", i), "amount": "0.000000001", "note": "naïve \"quote\" \\ / 😀", "n": i})
	}
	b, _ := json.Marshal(map[string]any{"schedule_items": items, "nested": map[string]any{"deep": []any{1, 2.5, nil, true}}})
	return string(b)
}

// TestRoundTripExtremeValues writes rows of extreme values into every column
// of every table (reserved-word columns included) and reads them back.
// Where the driver sends bound values inside statements of bounded length
// (MaxStatement: Athena's 256 KB, which these rows outgrow), the rows go
// the way such values reach that engine: parquet files in S3 that mtx load
// has the engine read.
func TestRoundTripExtremeValues(t *testing.T) {
	doc := bigJSON()
	if len(doc) < 100_000 {
		t.Fatalf("test JSON is only %d bytes", len(doc))
	}
	forEachEngine(t, func(t *testing.T, e engine) {
		ctx := context.Background()
		s := newSetup(t, e)
		if _, err := s.migrator(t, s.versions).Provider().Up(ctx); err != nil {
			t.Fatal(err)
		}
		viaObjects := e.a.MaxStatement > 0
		tables := s.history.Current().Tables()
		if !viaObjects {
			for _, tbl := range tables {
				insertExtremes(t, e, s, tbl, e.d.Quote(s.o.Schema)+"."+e.d.Quote(tbl.Name), doc)
				for _, err := range readExtremes(e, s, tbl, doc, false) {
					t.Error(err)
				}
			}
			return
		}
		// Loaded at once, then read back as many tables at a time as the
		// engine allows.
		loadExtremes(t, s, doc)
		errs := make([][]error, len(tables))
		jobs := make([]func() error, len(tables))
		for i, tbl := range tables {
			jobs[i] = func() error { errs[i] = readExtremes(e, s, tbl, doc, true); return nil }
		}
		inParallel(e.a.Concurrent, jobs...)
		for _, es := range errs {
			for _, err := range es {
				t.Error(err)
			}
		}
	})
}

// readExtremes reads tbl back and compares every row with the extreme it
// was written as. The provenance timestamp (last but one column) tells
// the rows apart; a load writes its own (loaded: its system columns are
// not compared), and there a row is the extreme it matches best.
func readExtremes(e engine, s *setup, tbl *catalog.Table, doc string, loaded bool) []error {
	q := e.d.Quote
	var sel []string
	for _, c := range tbl.Columns {
		expr := q(c.Name)
		if c.Type == catalog.Decimal || c.Type == catalog.JSON {
			expr = fmt.Sprintf(e.a.TextCast, expr)
		}
		sel = append(sel, expr)
	}
	table := q(s.o.Schema) + "." + q(tbl.Name)
	rows, err := s.db.Query(fmt.Sprintf("SELECT %s FROM %s", strings.Join(sel, ", "), table))
	if err != nil {
		return []error{fmt.Errorf("%s: select: %w", tbl.Name, err)}
	}
	defer rows.Close()
	var out []error
	n := 0
	seen := map[int]bool{}
	for rows.Next() {
		dest := make([]any, len(tbl.Columns))
		for i, c := range tbl.Columns {
			dest[i] = scanTarget(c.Type)
		}
		if err := rows.Scan(dest...); err != nil {
			return append(out, fmt.Errorf("%s: scan: %w", tbl.Name, err))
		}
		k := 1
		if dest[len(dest)-2].(*time.Time).UTC().Year() == 1970 { // UTC: the client zone (TZ) must not matter
			k = 0
		}
		var errs [2][]error
		for j, x := range extremes {
			for i, c := range tbl.Columns {
				if loaded && c.System {
					continue
				}
				if err := x.check(c.Type, dest[i], x.value(tbl, c, doc)); err != nil {
					errs[j] = append(errs[j], fmt.Errorf("%s.%s: %w", tbl.Name, c.Name, err))
				}
			}
		}
		if loaded {
			k = 0
			if len(errs[1]) < len(errs[0]) {
				k = 1
			}
			if seen[k] {
				out = append(out, fmt.Errorf("%s: two rows read back as extreme %d", tbl.Name, k))
			}
			seen[k] = true
		}
		out = append(out, errs[k]...)
		n++
	}
	if err := rows.Err(); err != nil {
		return append(out, fmt.Errorf("%s: %w", tbl.Name, err))
	}
	if n != len(extremes) {
		out = append(out, fmt.Errorf("%s: read %d rows, wrote %d", tbl.Name, n, len(extremes)))
	}
	return out
}

// insertExtremes writes the extreme rows into table as a loader writes
// rows: a prepared statement, in a transaction where the driver has them.
func insertExtremes(t *testing.T, e engine, s *setup, tbl *catalog.Table, table, doc string) {
	t.Helper()
	ctx := context.Background()
	var cols, params []string
	for i, c := range tbl.Columns {
		cols = append(cols, e.d.Quote(c.Name))
		p := e.a.Placeholder(i + 1)
		if f, ok := e.a.BindAs[c.Type]; ok {
			p = fmt.Sprintf(f, p)
		}
		params = append(params, p)
	}
	insert := fmt.Sprintf("INSERT INTO %s (%s) VALUES (%s)", table, strings.Join(cols, ", "), strings.Join(params, ", "))
	if e.a.InsertSelect {
		insert = fmt.Sprintf("INSERT INTO %s (%s) SELECT %s", table, strings.Join(cols, ", "), strings.Join(params, ", "))
	}
	// On ClickHouse this is clickhouse-go's batch (one Native block); its
	// plain Exec binds time.Time args as whole seconds. BigQuery has no
	// transactions: its statement runs on the pool.
	var prep interface {
		PrepareContext(context.Context, string) (*sql.Stmt, error)
	} = s.db
	var tx *sql.Tx
	if !e.a.NoTransactions {
		var err error
		if tx, err = s.db.BeginTx(ctx, nil); err != nil {
			t.Fatal(err)
		}
		prep = tx
	}
	st, err := prep.PrepareContext(ctx, insert)
	if err != nil {
		t.Fatalf("%s: prepare insert: %v", tbl.Name, err)
	}
	defer st.Close()
	for _, x := range extremes {
		var args []any
		for _, c := range tbl.Columns {
			v := x.value(tbl, c, doc)
			if f, ok := e.a.BindArg[c.Type]; ok {
				v = f(v)
			}
			args = append(args, v)
		}
		if _, err := st.ExecContext(ctx, args...); err != nil {
			t.Fatalf("%s: insert: %v", tbl.Name, err)
		}
	}
	if tx != nil {
		if err := tx.Commit(); err != nil {
			t.Fatalf("%s: insert: %v", tbl.Name, err)
		}
	}
}

// loadExtremes writes the extreme rows of every table as an export in S3
// (one parquet file per table, the export's own types) and loads it with
// mtx load, which has the engine read the files.
func loadExtremes(t *testing.T, s *setup, doc string) {
	t.Helper()
	if ok, why := objectLoadable(s.e, "s3://bucket/exports/metronome"); !ok {
		t.Fatalf("%s: rows longer than its statements need a load it reads itself, and it reads no s3:// export: %s", s.e.name, why)
	}
	dir := t.TempDir()
	tables := s.history.Current().Tables()
	for _, tbl := range tables {
		var cols []genColumn
		for _, c := range tbl.Columns {
			if c.System {
				continue
			}
			cols = append(cols, extremeColumn(tbl, c, doc))
		}
		writeParquet(t, filepath.Join(dir, tbl.Name, "dt=2025-01-01", "0_20250101000000.parquet"), cols, len(extremes), 0)
	}
	sum, warnings := s.runLoad(t, s3Export(t, dir))
	if len(sum.Failed) > 0 || len(warnings) > 0 {
		t.Fatalf("loading the extreme values: failed %v, warnings %v", sum.Failed, warnings)
	}
	if sum.Loaded != len(tables) || sum.Engine != len(tables) {
		t.Fatalf("loaded %d files, %d read by the engine; want %d, all", sum.Loaded, sum.Engine, len(tables))
	}
}

// extremeColumn is column c of the extreme rows as the export writes it
// (demoColumns' types).
func extremeColumn(tbl *catalog.Table, c catalog.Column, doc string) genColumn {
	gc := genColumn{name: c.Name}
	x := func(i int) extreme { return extremes[i] }
	switch c.Type {
	case catalog.Decimal:
		gc.node = parquet.Decimal(9, 38, parquet.FixedLenByteArrayType(16))
		gc.value = func(i int) parquet.Value {
			d := strings.Replace(x(i).decimal, ".", "", 1)
			n, _ := new(big.Int).SetString(d, 10)
			return parquet.FixedLenByteArrayValue(decimalBytes16(n))
		}
	case catalog.Timestamp:
		gc.node = parquet.Timestamp(parquet.Microsecond)
		gc.value = func(i int) parquet.Value { return parquet.Int64Value(x(i).ts.UnixMicro()) }
	case catalog.Integer:
		gc.node = parquet.Leaf(parquet.Int64Type)
		gc.value = func(i int) parquet.Value { return parquet.Int64Value(x(i).integer) }
	case catalog.Float:
		gc.node = parquet.Leaf(parquet.DoubleType)
		gc.value = func(i int) parquet.Value { return parquet.DoubleValue(x(i).float) }
	case catalog.Boolean:
		gc.node = parquet.Leaf(parquet.BooleanType)
		gc.value = func(i int) parquet.Value { return parquet.BooleanValue(x(i).boolean) }
	default: // strings and JSON documents
		gc.node = parquet.String()
		gc.value = func(i int) parquet.Value { return parquet.ByteArrayValue([]byte(x(i).value(tbl, c, doc).(string))) }
	}
	return gc
}

// keyLength is the longest key string the test writes: ids are UUIDs, and
// MySQL can index at most 768 characters of a utf8mb4 column.
const keyLength = 768

func (x extreme) value(t *catalog.Table, c catalog.Column, doc string) any {
	switch c.Type {
	case catalog.Decimal:
		return x.decimal
	case catalog.Timestamp:
		return x.ts
	case catalog.JSON:
		return doc
	case catalog.Integer:
		return x.integer
	case catalog.Float:
		return x.float
	case catalog.Boolean:
		return x.boolean
	}
	if dialects.IsKeyColumn(t, c) && len([]rune(x.str)) > keyLength {
		return string([]rune(x.str)[:keyLength])
	}
	return x.str
}

func scanTarget(typ catalog.LogicalType) any {
	switch typ {
	case catalog.Timestamp:
		return new(time.Time)
	case catalog.Integer:
		return new(int64)
	case catalog.Float:
		return new(float64)
	case catalog.Boolean:
		return new(bool)
	}
	return new(string)
}

// check compares a scanned value with what was written.
func (x extreme) check(typ catalog.LogicalType, got, want any) error {
	switch typ {
	case catalog.Timestamp:
		if g := *got.(*time.Time); !g.Equal(x.ts) {
			return fmt.Errorf("timestamp %s, want %s", g.UTC().Format(time.RFC3339Nano), x.ts.Format(time.RFC3339Nano))
		}
	case catalog.JSON:
		var a, b any
		if err := json.Unmarshal([]byte(*got.(*string)), &a); err != nil {
			return fmt.Errorf("JSON does not parse back: %v", err)
		}
		json.Unmarshal([]byte(want.(string)), &b)
		if !reflect.DeepEqual(a, b) {
			return fmt.Errorf("JSON document changed (%d bytes back)", len(*got.(*string)))
		}
	case catalog.Decimal:
		if g := *got.(*string); g != x.decimal {
			return fmt.Errorf("decimal %s, want %s", g, x.decimal)
		}
	case catalog.Integer:
		if g := *got.(*int64); g != x.integer {
			return fmt.Errorf("integer %d, want %d", g, x.integer)
		}
	case catalog.Float:
		if g := *got.(*float64); g != x.float {
			return fmt.Errorf("float %g, want %g", g, x.float)
		}
	case catalog.Boolean:
		if g := *got.(*bool); g != x.boolean {
			return fmt.Errorf("boolean %v, want %v", g, x.boolean)
		}
	default:
		if g := *got.(*string); g != want.(string) {
			return fmt.Errorf("string of %d bytes, want %d", len(g), len(want.(string)))
		}
	}
	return nil
}
