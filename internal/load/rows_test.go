package load

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/catalog"
)

// corpusFile is one file of the load corpus (tests/testdata/corpus, written
// by its gen.py with pyarrow).
func corpusFile(t *testing.T, name string) *parquetFile {
	t.Helper()
	p := filepath.Join("..", "..", "tests", "testdata", "corpus", "files", name+".parquet")
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	st, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	pf, err := openParquet(f, st.Size())
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return pf
}

// TestEmptyRowGroup reads the file pyarrow writes for an empty table: one
// row group of zero rows. It streams no row and no error (parquet-go's
// reader fails seeking into the empty group's pages).
func TestEmptyRowGroup(t *testing.T) {
	pf := corpusFile(t, "empty_table")
	if n := len(pf.f.RowGroups()); n != 1 || pf.NumRows() != 0 {
		t.Fatalf("%d row groups, %d rows: the fixture should be one empty row group", n, pf.NumRows())
	}
	src := newFileRows("empty_table.parquet", pf, []dialects.LoadColumn{{Name: "id", Type: catalog.String, Source: "id"}}, decimalSpec{38, 9})
	defer src.Close()
	n := 0
	for src.Next() {
		n++
	}
	if src.Err() != nil || n != 0 {
		t.Fatalf("read %d rows, error %v; want 0 rows and no error", n, src.Err())
	}
}
