package tests

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mtxhq/mtx/dialects/enginetest"
	"github.com/parquet-go/parquet-go"
)

// replaceColumn swaps (or, with node nil, drops) one column of cols.
func replaceColumn(cols []genColumn, name string, node parquet.Node, value func(int) parquet.Value) []genColumn {
	var out []genColumn
	for _, c := range cols {
		if c.name == name {
			if node == nil {
				continue
			}
			c.node, c.value = node, value
		}
		out = append(out, c)
	}
	return out
}

func TestLoadDriftAndBadInput(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e engine) {
		s := newLoadSetup(t, e, []string{"invoice", "line_item"})
		cat := s.history.Current()
		inv, _ := cat.Table("invoice")
		li, _ := cat.Table("line_item")
		dir := t.TempDir()
		path := func(rel string) string { return filepath.Join(dir, filepath.FromSlash(rel)) }
		const rows = 50

		// A: a column mtx does not know (Metronome added it): warned, the rest loaded.
		a := "invoice/dt=2025-02-01/0_20250201000000.parquet"
		writeParquet(t, path(a), append(demoColumns(inv, 1), genColumn{name: "brand_new_col", node: parquet.String(),
			value: func(i int) parquet.Value { return parquet.ByteArrayValue([]byte("x")) }}), rows, 0)
		// B: a column missing from the file: NULL.
		b := "invoice/dt=2025-02-01/1_20250201000000.parquet"
		writeParquet(t, path(b), replaceColumn(demoColumns(inv, 2), "billing_provider_type", nil, nil), rows, 0)
		// C: other encodings: DECIMAL in INT64 and INT32, a decimal as text,
		// TIMESTAMP in millis and nanos, several row groups.
		c := "invoice/dt=2025-02-02/0_20250202000000.parquet"
		cc := demoColumns(inv, 3)
		cc = replaceColumn(cc, "total", parquet.Decimal(2, 18, parquet.Int64Type), func(i int) parquet.Value { return parquet.Int64Value(int64(-12345 - i)) })
		cc = replaceColumn(cc, "issued_at", parquet.Timestamp(parquet.Millisecond), func(i int) parquet.Value {
			return parquet.Int64Value(time.Date(2030, 1, 2, 3, 4, 5, 678e6, time.UTC).UnixMilli())
		})
		cc = replaceColumn(cc, "updated_at", parquet.Timestamp(parquet.Nanosecond), func(i int) parquet.Value {
			return parquet.Int64Value(time.Date(2030, 1, 2, 3, 4, 5, 123456000, time.UTC).UnixNano())
		})
		writeParquet(t, path(c), cc, rows, 20)
		d := "line_item/dt=2025-02-02/0_20250202000000.parquet"
		dc := demoColumns(li, 4)
		dc = replaceColumn(dc, "quantity", parquet.Decimal(3, 9, parquet.Int32Type), func(i int) parquet.Value { return parquet.Int32Value(int32(1500 + i)) })
		dc = replaceColumn(dc, "unit_price", parquet.String(), func(i int) parquet.Value { return parquet.ByteArrayValue([]byte("0.000000001")) })
		writeParquet(t, path(d), dc, rows, 0)
		// E: an unconvertible value in row 6: the file fails, nothing of it is loaded.
		bad := "invoice/dt=2025-02-03/0_20250203000000.parquet"
		writeParquet(t, path(bad), replaceColumn(demoColumns(inv, 5), "total", parquet.String(), func(i int) parquet.Value {
			if i == 5 {
				return parquet.ByteArrayValue([]byte("12,50 EUR"))
			}
			return parquet.ByteArrayValue([]byte("1.5"))
		}), rows, 0)
		// F: a truncated parquet file.
		trunc := "line_item/dt=2025-02-03/0_20250203000000.parquet"
		writeParquet(t, path(trunc), demoColumns(li, 6), rows, 0)
		data, _ := os.ReadFile(path(trunc))
		os.WriteFile(path(trunc), data[:len(data)/2], 0o644)
		// G: files outside the layout are ignored and reported.
		os.WriteFile(path("invoice/dt=2025-02-03/README.txt"), []byte("hi"), 0o644)
		os.MkdirAll(path("invoice/latest"), 0o755)
		os.WriteFile(path("invoice/latest/0_20250203000000.parquet"), data, 0o644)
		// H: a table mtx does not know yet.
		os.MkdirAll(path("brand_new_table/dt=2025-02-03"), 0o755)
		os.WriteFile(path("brand_new_table/dt=2025-02-03/0_20250203000000.parquet"), data, 0o644)

		sum, warnings := s.runLoad(t, dir)
		if sum.Loaded != 4 || len(sum.Failed) != 2 {
			t.Fatalf("loaded %d, failed %v; want 4 loaded, 2 failed", sum.Loaded, sum.Failed)
		}
		errs := fmt.Sprint(sum.Failed)
		for _, want := range []string{bad + ": column total, row 6: \"12,50 EUR\" is not a decimal number", trunc + ": "} {
			if !strings.Contains(errs, want) {
				t.Errorf("errors %s do not contain %q", errs, want)
			}
		}
		joined := strings.Join(warnings, "\n")
		for _, want := range []string{"table invoice: column brand_new_col", "a newer mtx may add it", "ignored invoice/dt=2025-02-03/README.txt", "ignored invoice/latest/0_20250203000000.parquet", "ignored 1 files of brand_new_table: not an export table mtx knows"} {
			if !strings.Contains(joined, want) {
				t.Errorf("warnings %q lack %q", joined, want)
			}
		}
		if n := s.count(t, "invoice", ""); n != 3*rows {
			t.Errorf("invoice has %d rows, want %d (A, B, C)", n, 3*rows)
		}
		if n := s.count(t, "line_item", ""); n != rows {
			t.Errorf("line_item has %d rows, want %d (D only)", n, rows)
		}
		q := e.d.Quote
		if n := s.count(t, "invoice", q("billing_provider_type")+" IS NULL"); n != rows+int64(2*(rows/7)) {
			t.Errorf("%d NULL billing_provider_type, want %d (all of B, every 7th of A and C)", n, rows+2*(rows/7))
		}
		str := e.a.TextType
		one := func(col, table, where string) string {
			var v string
			qq := "SELECT CAST(" + q(col) + " AS " + str + ") FROM " + q(s.o.Schema) + "." + q(table) + " WHERE " + where
			if err := s.db.QueryRow(qq).Scan(&v); err != nil {
				t.Fatalf("%s: %v", qq, err)
			}
			return fixedScale(e.a, v)
		}
		if v := one("total", "invoice", q("id")+" = 'id-3-1'"); v != "-123.460000000" {
			t.Errorf("INT64 DECIMAL(18,2) -12346 loaded as %s, want -123.460000000", v)
		}
		if v := one("quantity", "line_item", q("id")+" = 'id-4-2'"); v != "1.502000000" {
			t.Errorf("INT32 DECIMAL(9,3) 1502 loaded as %s, want 1.502000000", v)
		}
		if v := one("unit_price", "line_item", q("id")+" = 'id-4-2'"); v != "0.000000001" {
			t.Errorf("text decimal 0.000000001 loaded as %s", v)
		}
		var issued, updated time.Time
		if err := s.db.QueryRow("SELECT "+q("issued_at")+", "+q("updated_at")+" FROM "+q(s.o.Schema)+"."+q("invoice")+" WHERE "+q("id")+" = 'id-3-1'").Scan(&issued, &updated); err != nil {
			t.Fatal(err)
		}
		if !issued.Equal(time.Date(2030, 1, 2, 3, 4, 5, 678e6, time.UTC)) || !updated.Equal(time.Date(2030, 1, 2, 3, 4, 5, 123456000, time.UTC)) {
			t.Errorf("millis/nanos timestamps loaded as %v, %v", issued.UTC(), updated.UTC())
		}
		// Failed files are not in the manifest: a rerun tries them again
		// (and fails again); the loaded ones are skipped.
		// A loaded file replaced in the bucket is reported, not loaded twice.
		writeParquet(t, path(a), demoColumns(inv, 7), rows+1, 0)
		sum, warnings = s.runLoad(t, dir)
		if sum.Loaded != 0 || sum.Skipped != 4 || len(sum.Failed) != 2 {
			t.Errorf("rerun: loaded %d, skipped %d, failed %d; want 0, 4, 2", sum.Loaded, sum.Skipped, len(sum.Failed))
		}
		if !strings.Contains(strings.Join(warnings, "\n"), a+" changed since it was loaded") {
			t.Errorf("no warning about the replaced file %s: %q", a, warnings)
		}
	})
}

// fixedScale pads a decimal read back as text to the columns' scale, 9,
// where the engine's cast to text drops trailing zeros (ClickHouse: the
// stored Decimal is exact; only its text form is shorter).
func fixedScale(a *enginetest.Adapter, v string) string {
	if !a.TextDropsZeros || v == "" {
		return v
	}
	dot := strings.IndexByte(v, '.')
	if dot < 0 {
		return v + ".000000000"
	}
	if frac := len(v) - dot - 1; frac < 9 {
		return v + strings.Repeat("0", 9-frac)
	}
	return v
}
