package bigquery

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	bq "cloud.google.com/go/bigquery"
	"github.com/mtxhq/mtx/dialects"
)

var _ dialects.ObjectLoader = Dialect{}

// ObjectLoadable: BigQuery load jobs read Google Cloud Storage only, with
// the job's own credentials; no setting is needed.
func (Dialect) ObjectLoadable(url string, _ dialects.ObjectOptions) (bool, string) {
	if strings.HasPrefix(url, "gs://") {
		return true, ""
	}
	return false, "BigQuery load jobs read only gs:// objects"
}

// InsertObjects loads each parquet object with a load job into a scratch
// table of the file's own columns (BigQuery takes the schema from the
// parquet file), then copies it into t with one INSERT … SELECT that casts
// each column to the table's type and adds the provenance constants (a
// load job cannot set those), and drops the scratch table. The rows never
// pass through mtx. BigQuery loads are not transactional: the loader's
// delete-by-source and manifest-last keep them exactly once.
func (d Dialect) InsertObjects(ctx context.Context, sc *sql.Conn, q dialects.Querier, t dialects.LoadTable, files []dialects.ObjectFile, _ dialects.ObjectOptions) (int64, error) {
	// The client is shared by the whole pool and outlives Raw; the
	// statements go through q, outside Raw (which holds the connection).
	var c *conn
	if err := sc.Raw(func(dc any) error {
		var ok bool
		if c, ok = dc.(*conn); !ok {
			return fmt.Errorf("bigquery: load jobs need mtx's BigQuery driver, not %T", dc)
		}
		return nil
	}); err != nil {
		return 0, err
	}
	var total int64
	for _, f := range files {
		n, err := d.loadObject(ctx, c, q, t, f)
		total += n
		if err != nil {
			return total, err
		}
	}
	return total, nil
}

// loadObject loads one object through its scratch table.
func (d Dialect) loadObject(ctx context.Context, c *conn, q dialects.Querier, t dialects.LoadTable, f dialects.ObjectFile) (int64, error) {
	ds := c.client.DatasetInProject(c.project, t.Schema)
	scratch := ds.Table(dialects.ScratchName("_mtx_scratch_"))
	defer func() {
		// Also after a failed or cancelled load: a scratch table left behind
		// would only cost storage, but it is mtx's to clean up.
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Minute)
		defer cancel()
		scratch.Delete(ctx)
	}()
	ref := bq.NewGCSReference(f.URL)
	ref.SourceFormat = bq.Parquet
	ld := scratch.LoaderFrom(ref)
	ld.CreateDisposition = bq.CreateIfNeeded
	ld.WriteDisposition = bq.WriteEmpty
	job, err := ld.Run(ctx)
	if err != nil {
		return 0, fmt.Errorf("bigquery: starting the load job: %w", err)
	}
	st, err := job.Wait(ctx)
	if err == nil {
		err = st.Err()
	}
	if err != nil {
		return 0, fmt.Errorf("bigquery: load job %s: %w", job.ID(), err)
	}
	src, err := scratch.Metadata(ctx)
	if err != nil {
		return 0, fmt.Errorf("bigquery: reading the loaded columns: %w", err)
	}
	dst, err := ds.Table(t.Table).Metadata(ctx)
	if err != nil {
		return 0, fmt.Errorf("bigquery: reading the columns of %s.%s: %w", t.Schema, t.Table, err)
	}
	stmt, err := d.copyFromScratch(t, scratch.TableID, f.Consts, fieldTypes(src.Schema), fieldTypes(dst.Schema))
	if err != nil {
		return 0, err
	}
	res, err := q.ExecContext(ctx, stmt)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

func fieldTypes(s bq.Schema) map[string]bq.FieldType {
	out := make(map[string]bq.FieldType, len(s))
	for _, f := range s {
		if f.Repeated || f.Type == bq.RecordFieldType {
			continue // nested: the loader never loads those
		}
		out[f.Name] = f.Type
	}
	return out
}

// copyFromScratch renders INSERT INTO t (…) SELECT … FROM scratch: each
// column from its source in the scratch table, cast to the target's type
// where the parquet type differs (text to JSON parsed), NULL where the file
// lacks it, and the provenance constants as literals.
func (d Dialect) copyFromScratch(t dialects.LoadTable, scratch string, consts map[string]any, src, dst map[string]bq.FieldType) (string, error) {
	var m Macros
	cols := make([]string, len(t.Columns))
	sel := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		cols[i] = d.Quote(c.Name)
		to, ok := dst[c.Name]
		if !ok {
			return "", fmt.Errorf("table %s.%s has no column %s", t.Schema, t.Table, c.Name)
		}
		switch {
		case c.Const != nil:
			v, ok := consts[c.Name]
			if !ok {
				v = c.Const
			}
			lit, err := dialects.ConstLiteral(m, v)
			if err != nil {
				return "", fmt.Errorf("column %s: %w", c.Name, err)
			}
			sel[i] = lit
		case c.Source == "":
			sel[i] = "NULL"
		default:
			from, ok := src[c.Source]
			if !ok {
				sel[i] = "NULL"
				continue
			}
			sel[i] = convert(d.Quote(c.Source), from, to)
		}
	}
	return "INSERT INTO " + d.Quote(t.Schema) + "." + d.Quote(t.Table) + " (" + strings.Join(cols, ", ") + ") SELECT " +
		strings.Join(sel, ", ") + " FROM " + d.Quote(t.Schema) + "." + d.Quote(scratch), nil
}

// convert turns a scratch column into the target column's type.
func convert(expr string, from, to bq.FieldType) string {
	switch {
	case from == to:
		return expr
	case to == bq.JSONFieldType && from == bq.StringFieldType:
		return "PARSE_JSON(" + expr + ")"
	case to == bq.JSONFieldType:
		return "TO_JSON(" + expr + ")"
	case from == bq.DateTimeFieldType && to == bq.TimestampFieldType:
		return "TIMESTAMP(" + expr + ", 'UTC')"
	}
	return "CAST(" + expr + " AS " + sqlType(to) + ")"
}

// sqlType is the GoogleSQL name of a schema field type (the REST API
// still says INTEGER, FLOAT, BOOLEAN).
func sqlType(t bq.FieldType) string {
	switch t {
	case bq.IntegerFieldType:
		return "INT64"
	case bq.FloatFieldType:
		return "FLOAT64"
	case bq.BooleanFieldType:
		return "BOOL"
	}
	return string(t)
}
