package databricks

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/catalog"
)

// CopyInto renders Databricks' COPY INTO for one parquet object of the
// export: the workspace reads the file from S3, GCS or ADLS itself
// (through a Unity Catalog external location or storage credential), each
// column from its parquet column cast to the table's type (NULL where
// the file lacks it), the provenance columns as the file's constants.
// COPY INTO is idempotent per file on its own (it skips files it loaded);
// FORCE keeps mtx's manifest the one judge of exactly-once, as for every
// engine. Open-source Spark has no COPY INTO, so only a workspace runs it:
// on the local stand-in mtx load streams the rows (LoadsObjectsOn).
var (
	_ dialects.ObjectLoader     = Dialect{}
	_ dialects.ConnObjectLoader = Dialect{}
)

// ObjectLoadable: a workspace reads s3://, gs:// and Azure (abfss://)
// objects itself, through the Unity Catalog external location or storage
// credential its admin set up for the export's bucket; mtx never sees
// those credentials. A workspace without access fails the COPY INTO with
// its own permission error (--stream streams the rows through mtx).
func (Dialect) ObjectLoadable(url string, _ dialects.ObjectOptions) (bool, string) {
	for _, p := range []string{"s3://", "gs://", "abfss://"} {
		if strings.HasPrefix(url, p) {
			return true, ""
		}
	}
	return false, "COPY INTO reads s3://, gs:// and abfss:// exports"
}

// LoadsObjectsOn: Spark's Thrift server (the local stand-in) has no COPY
// INTO.
func (Dialect) LoadsObjectsOn(db *sql.DB) (bool, string) {
	if onSpark(db) {
		return false, "open-source Spark has no COPY INTO"
	}
	return true, ""
}

// InsertObjects runs one COPY INTO per file: each carries its own
// provenance constants. The count is the sum of the rows each reports
// inserting (num_affected_rows).
func (Dialect) InsertObjects(ctx context.Context, _ *sql.Conn, q dialects.Querier, t dialects.LoadTable, files []dialects.ObjectFile, o dialects.ObjectOptions) (int64, error) {
	var n int64
	for _, f := range files {
		st, err := CopyInto(t, f, o.Types)
		if err != nil {
			return n, err
		}
		res, err := q.ExecContext(ctx, st)
		if err != nil {
			return n, fmt.Errorf("COPY INTO %s from %s: %w", t.Table, f.URL, err)
		}
		k, err := res.RowsAffected()
		if err != nil {
			return n, fmt.Errorf("COPY INTO %s from %s: %w", t.Table, f.URL, err)
		}
		n += k
	}
	return n, nil
}

func CopyInto(t dialects.LoadTable, f dialects.ObjectFile, o dialects.Options) (string, error) {
	d := Dialect{}
	var sel []string
	for _, c := range t.Columns {
		typ := d.ColumnType(nil, catalog.Column{Name: c.Name, Type: c.Type}, o)
		var expr string
		switch {
		case c.Const != nil:
			v := f.ConstOf(c)
			lit, err := dialects.ConstLiteral(Macros{}, v)
			if err != nil {
				return "", fmt.Errorf("%s: column %s: %w", f.URL, c.Name, err)
			}
			expr = lit
		case c.Source == "":
			expr = "NULL"
		default:
			expr = d.Quote(c.Source)
		}
		sel = append(sel, fmt.Sprintf("CAST(%s AS %s) AS %s", expr, typ, d.Quote(c.Name)))
	}
	dir, file := f.URL, ""
	if i := strings.LastIndexByte(f.URL, '/'); i >= 0 {
		dir, file = f.URL[:i], f.URL[i+1:]
	}
	m := Macros{}
	return "COPY INTO " + d.Quote(t.Schema) + "." + d.Quote(t.Table) +
		"\nFROM (SELECT " + strings.Join(sel, ", ") + " FROM " + m.StringLiteral(dir) + ")" +
		"\nFILEFORMAT = PARQUET" +
		"\nFILES = (" + m.StringLiteral(file) + ")" +
		"\nCOPY_OPTIONS ('force' = 'true')", nil
}
