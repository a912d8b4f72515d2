package databricks

import (
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
// mtx load still streams rows on Databricks (see docs/loading.md).
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
