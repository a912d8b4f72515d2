package load

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/parquet-go/parquet-go"
)

// prefetchFile writes n rows (id "r<i>", doc a JSON object, except row
// bad, 1-based, whose doc is not JSON; 0 for none) in row groups of 1000
// and opens it.
func prefetchFile(t *testing.T, n, bad int) *parquetFile {
	t.Helper()
	type row struct {
		ID  string `parquet:"id"`
		Doc string `parquet:"doc"`
	}
	p := filepath.Join(t.TempDir(), "rows.parquet")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	w := parquet.NewGenericWriter[row](f, parquet.MaxRowsPerRowGroup(1000))
	for i := 1; i <= n; i++ {
		doc := fmt.Sprintf(`{"n": %d}`, i)
		if i == bad {
			doc = "{not json"
		}
		if _, err := w.Write([]row{{ID: fmt.Sprintf("r%d", i), Doc: doc}}); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	r, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	st, _ := r.Stat()
	pf, err := openParquet(r, st.Size())
	if err != nil {
		t.Fatal(err)
	}
	return pf
}

var prefetchCols = []dialects.LoadColumn{
	{Name: "id", Type: catalog.String, Source: "id"},
	{Name: "doc", Type: catalog.JSON, Source: "doc"},
	{Name: "_mtx_source_file", Type: catalog.String, Const: "rows.parquet"},
}

// TestPrefetchedRows: the rows a prefetched source hands out, across
// batches and row groups, are the file's rows in order; a bad value stops
// them at its row with the error naming it; closing early stops the
// decoder.
func TestPrefetchedRows(t *testing.T) {
	cases := []struct {
		name      string
		rows, bad int
		stopAfter int // Close after this many rows; 0 reads to the end
		wantRows  int
		wantErr   string
	}{
		{name: "whole file", rows: 3500, wantRows: 3500},
		{name: "exactly one batch", rows: rowBatch, wantRows: rowBatch},
		{name: "empty", rows: 0, wantRows: 0},
		{name: "bad value in the third batch", rows: 3500, bad: 2100, wantRows: 2099, wantErr: "rows.parquet: column doc, row 2100: \"{not json\" is not valid JSON"},
		{name: "closed early", rows: 3500, stopAfter: 10, wantRows: 10},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			pf := prefetchFile(t, tc.rows, tc.bad)
			src := prefetch(newFileRows("rows.parquet", pf, prefetchCols, decimalSpec{38, 9}))
			n := 0
			for src.Next() {
				vals, _ := src.Values()
				n++
				if vals[0] != fmt.Sprintf("r%d", n) || vals[1] != fmt.Sprintf(`{"n": %d}`, n) || vals[2] != "rows.parquet" {
					t.Fatalf("row %d: %v", n, vals)
				}
				if n == tc.stopAfter {
					break
				}
			}
			src.Close()
			if n != tc.wantRows {
				t.Fatalf("%d rows, want %d", n, tc.wantRows)
			}
			err := src.Err()
			if tc.wantErr == "" {
				if err != nil {
					t.Fatalf("error %v", err)
				}
				return
			}
			var ve *ValueError
			if !errors.As(err, &ve) || err.Error() != tc.wantErr {
				t.Fatalf("error %v, want %s", err, tc.wantErr)
			}
		})
	}
}
