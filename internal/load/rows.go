package load

import (
	"errors"
	"fmt"
	"io"

	"github.com/mtxhq/mtx/dialects"
	"github.com/parquet-go/parquet-go"
)

// rowBatch is how many rows are decoded at a time: memory stays bounded by
// one batch of one row group whatever the file size.
const rowBatch = 1024

// ValueError is an unconvertible value: the file is not loaded.
type ValueError struct {
	File   string
	Column string
	Row    int64 // 1-based, in file order
	Err    error
}

func (e *ValueError) Error() string {
	return fmt.Sprintf("%s: column %s, row %d: %v", e.File, e.Column, e.Row, e.Err)
}

// fileRows streams a parquet file's rows as neutral values of the target
// columns, row group by row group. It implements dialects.RowSource.
type fileRows struct {
	name   string
	pf     *parquetFile
	cols   []dialects.LoadColumn
	src    []*fileColumn // per target column; nil: Const or NULL
	dec    decimalSpec
	groups []parquet.RowGroup
	group  int
	rows   parquet.Rows
	buf    []parquet.Row
	n, i   int
	byCol  []parquet.Value // the current row's values by leaf index
	out    []any
	row    int64
	err    error
}

func newFileRows(name string, pf *parquetFile, cols []dialects.LoadColumn, dec decimalSpec) *fileRows {
	r := &fileRows{name: name, pf: pf, cols: cols, dec: dec, groups: pf.f.RowGroups(), buf: make([]parquet.Row, rowBatch), out: make([]any, len(cols))}
	r.byCol = make([]parquet.Value, len(pf.f.Schema().Columns())+1)
	r.src = make([]*fileColumn, len(cols))
	for i, c := range cols {
		if c.Source != "" {
			r.src[i] = pf.byName[c.Source]
		}
	}
	return r
}

// Next decodes the next row.
func (r *fileRows) Next() (ok bool) {
	if r.err != nil {
		return false
	}
	defer func() {
		if p := recover(); p != nil {
			r.err = fmt.Errorf("%s: corrupt parquet data near row %d: %v", r.name, r.row+1, p)
			ok = false
		}
	}()
	for r.i >= r.n {
		if !r.fill() {
			return false
		}
	}
	row := r.buf[r.i]
	r.i++
	r.row++
	for k := range r.byCol {
		r.byCol[k] = parquet.Value{}
	}
	for _, v := range row {
		if c := v.Column(); c >= 0 && c < len(r.byCol) {
			r.byCol[c] = v
		}
	}
	for k, c := range r.cols {
		if c.Const != nil {
			r.out[k] = c.Const
			continue
		}
		fc := r.src[k]
		if fc == nil {
			r.out[k] = nil
			continue
		}
		v := r.byCol[fc.Index]
		if v.IsNull() {
			r.out[k] = nil
			continue
		}
		raw, err := fc.read(v)
		if err == nil {
			raw, err = coerce(raw, c.Type, r.dec)
		}
		if err != nil {
			r.err = &ValueError{File: r.name, Column: c.Name, Row: r.row, Err: err}
			return false
		}
		r.out[k] = raw
	}
	return true
}

// fill reads the next batch, moving to the next row group when one ends.
func (r *fileRows) fill() bool {
	for {
		if r.rows == nil {
			if r.group >= len(r.groups) {
				return false
			}
			g := r.groups[r.group]
			r.group++
			if g.NumRows() == 0 {
				// An empty row group (pyarrow writes one for an empty
				// table) has no pages: parquet-go's reader fails seeking
				// into them.
				continue
			}
			r.rows = g.Rows()
		}
		n, err := r.rows.ReadRows(r.buf)
		r.n, r.i = n, 0
		if err != nil && !errors.Is(err, io.EOF) {
			r.err = fmt.Errorf("%s: corrupt parquet data near row %d: %w", r.name, r.row+1, err)
			return false
		}
		if errors.Is(err, io.EOF) {
			r.rows.Close()
			r.rows = nil
		}
		if n > 0 {
			return true
		}
	}
}

func (r *fileRows) Values() ([]any, error) { return r.out, nil }
func (r *fileRows) Err() error             { return r.err }

// Close releases the current row group reader.
func (r *fileRows) Close() {
	if r.rows != nil {
		r.rows.Close()
		r.rows = nil
	}
}
