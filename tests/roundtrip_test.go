package tests

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/catalog"
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
		q := e.d.Quote
		for _, tbl := range s.history.Current().Tables() {
			var cols, params, sel []string
			for i, c := range tbl.Columns {
				cols = append(cols, q(c.Name))
				p := e.a.Placeholder(i + 1)
				if f, ok := e.a.BindAs[c.Type]; ok {
					p = fmt.Sprintf(f, p)
				}
				params = append(params, p)
				expr := q(c.Name)
				if c.Type == catalog.Decimal || c.Type == catalog.JSON {
					expr = fmt.Sprintf(e.a.TextCast, expr)
				}
				sel = append(sel, expr)
			}
			table := q(s.o.Schema) + "." + q(tbl.Name)
			insert := fmt.Sprintf("INSERT INTO %s (%s) VALUES (%s)", table, strings.Join(cols, ", "), strings.Join(params, ", "))
			if e.a.InsertSelect {
				insert = fmt.Sprintf("INSERT INTO %s (%s) SELECT %s", table, strings.Join(cols, ", "), strings.Join(params, ", "))
			}
			// A prepared statement in a transaction, as a loader writes rows.
			// On ClickHouse this is clickhouse-go's batch (one Native block);
			// its plain Exec binds time.Time args as whole seconds. BigQuery
			// has no transactions: its statement runs on the pool.
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
			st.Close()
			rows, err := s.db.QueryContext(ctx, fmt.Sprintf("SELECT %s FROM %s", strings.Join(sel, ", "), table))
			if err != nil {
				t.Fatalf("%s: select: %v", tbl.Name, err)
			}
			n := 0
			for rows.Next() {
				dest := make([]any, len(tbl.Columns))
				for i, c := range tbl.Columns {
					dest[i] = scanTarget(c.Type)
				}
				if err := rows.Scan(dest...); err != nil {
					t.Fatalf("%s: scan: %v", tbl.Name, err)
				}
				// The provenance timestamp (last but one column) tells the rows apart.
				x := extremes[1]
				if dest[len(dest)-2].(*time.Time).UTC().Year() == 1970 { // UTC: the client zone (TZ) must not matter
					x = extremes[0]
				}
				for i, c := range tbl.Columns {
					if err := x.check(c.Type, dest[i], x.value(tbl, c, doc)); err != nil {
						t.Errorf("%s.%s: %v", tbl.Name, c.Name, err)
					}
				}
				n++
			}
			if err := rows.Err(); err != nil {
				t.Fatal(err)
			}
			rows.Close()
			if n != len(extremes) {
				t.Errorf("%s: read %d rows, wrote %d", tbl.Name, n, len(extremes))
			}
		}
	})
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
