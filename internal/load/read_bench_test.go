package load

import (
	"os"
	"testing"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/catalog"
)

// BenchmarkReadParquet decodes a parquet export file (MTX_BENCH_PARQUET,
// a line_item file) into neutral values, as every streamed engine does.
func BenchmarkReadParquet(b *testing.B) {
	path := os.Getenv("MTX_BENCH_PARQUET")
	if path == "" {
		b.Skip("MTX_BENCH_PARQUET not set (a line_item parquet file)")
	}
	h, err := catalog.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	tbl, _ := h.Current().Table("line_item")
	for i := 0; i < b.N; i++ {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		st, _ := f.Stat()
		pf, err := openParquet(f, st.Size())
		if err != nil {
			b.Fatal(err)
		}
		var cols []dialects.LoadColumn
		for _, c := range tbl.Columns {
			if _, ok := pf.byName[c.Name]; ok {
				cols = append(cols, dialects.LoadColumn{Name: c.Name, Type: c.Type, Source: c.Name})
			}
		}
		r := newFileRows(path, pf, cols, decimalSpec{38, 9})
		n := 0
		for r.Next() {
			n++
		}
		if r.Err() != nil {
			b.Fatal(r.Err())
		}
		r.Close()
		f.Close()
		b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	}
}
