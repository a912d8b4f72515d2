package load

import (
	"fmt"
	"strings"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/internal/export"
)

// accepts lists, per target type, the file types whose values mtx may
// convert into it; each value is still checked (coerce) and only exact
// conversions pass. Any other pairing can never hold a valid value (a
// boolean in a decimal column, a plain integer in a timestamp column: which
// unit?), so the file is refused before a row is read.
var accepts = map[catalog.LogicalType][]catalog.LogicalType{
	catalog.String:    {catalog.String, catalog.JSON, catalog.Integer, catalog.Decimal, catalog.Float, catalog.Boolean, catalog.Timestamp},
	catalog.JSON:      {catalog.String, catalog.JSON, catalog.Integer, catalog.Decimal, catalog.Float, catalog.Boolean},
	catalog.Decimal:   {catalog.Decimal, catalog.Integer, catalog.String, catalog.Float},
	catalog.Integer:   {catalog.Integer, catalog.Decimal, catalog.String, catalog.Float},
	catalog.Float:     {catalog.Float, catalog.Integer, catalog.Decimal, catalog.String},
	catalog.Boolean:   {catalog.Boolean, catalog.Integer, catalog.String},
	catalog.Timestamp: {catalog.Timestamp, catalog.String},
}

func accepted(to, from catalog.LogicalType) bool {
	for _, t := range accepts[to] {
		if t == from {
			return true
		}
	}
	return false
}

// matchColumns maps a file's columns to its table's and refuses a file
// whose structure is wrong, naming the file and the column: a column name
// twice (in any case), a catalog column that is nested or of a type that
// cannot convert, a missing key column, or a file most of whose columns
// are not the table's (another table's file). Names match exactly, else
// case-insensitively (catalog names are lower case). Unknown columns are
// warned about; catalog columns the file lacks stay NULL. native reports
// whether every loaded column has exactly its column's type, so an engine
// reading the file itself converts nothing (decimals within the column's
// precision and scale).
func (l *loader) matchColumns(f export.File, t *catalog.Table, pf *parquetFile) (cols []dialects.LoadColumn, native bool, err error) {
	dec := l.decimal()
	seen := map[string]string{}
	for _, fc := range pf.columns {
		k := strings.ToLower(fc.Name)
		if prev, dup := seen[k]; dup {
			if prev == fc.Name {
				return nil, false, fmt.Errorf("%s: column %s appears twice in the file", f.Path, fc.Name)
			}
			return nil, false, fmt.Errorf("%s: column %s appears twice in the file (as %s and %s)", f.Path, k, prev, fc.Name)
		}
		seen[k] = fc.Name
	}
	native = true
	have := map[string]bool{}
	var unknown []string
	for _, fc := range pf.columns {
		c, known := t.Column(fc.Name)
		if !known {
			c, known = t.Column(strings.ToLower(fc.Name))
		}
		if !known || c.System {
			unknown = append(unknown, fc.Name)
			continue
		}
		switch {
		case fc.Nested:
			return nil, false, fmt.Errorf("%s: column %s is a nested parquet column (a list, map or struct); the table's column is %s", f.Path, fc.Name, c.Type)
		case !accepted(c.Type, fc.typ):
			return nil, false, fmt.Errorf("%s: column %s is %s in the file, which cannot be loaded into a %s column", f.Path, fc.Name, fc.desc, c.Type)
		}
		have[c.Name] = true
		exact := fc.native && fc.Name == c.Name && (fc.typ == c.Type || (fc.typ == catalog.String && c.Type == catalog.JSON))
		if fc.typ == catalog.Decimal && exact && dec.prec > 0 {
			exact = fc.scale <= dec.scale && fc.prec-fc.scale <= dec.prec-dec.scale
		}
		native = native && exact
		cols = append(cols, dialects.LoadColumn{Name: c.Name, Type: c.Type, Source: fc.Name})
	}
	for _, k := range t.Key {
		if !have[k] {
			return nil, false, fmt.Errorf("%s: the file has no column %s, the key of table %s (is it %s's file?)", f.Path, k, t.Name, t.Name)
		}
	}
	// Another table's file shares a few names (id, created_at) with this
	// one: it lacks columns this table always has and brings its own.
	var lacks []string
	for _, c := range t.Columns {
		if c.DocumentedNotNull() && !have[c.Name] {
			lacks = append(lacks, c.Name)
		}
	}
	if len(unknown) > 0 && (len(lacks) > 0 || len(unknown) > len(cols)) {
		why := fmt.Sprintf("%d of its %d columns are not columns of table %s (%s)", len(unknown), len(pf.columns), t.Name, strings.Join(unknown, ", "))
		if len(lacks) > 0 {
			why = fmt.Sprintf("the file lacks %s, which table %s always has, and %s", strings.Join(lacks, ", "), t.Name, why)
		}
		return nil, false, fmt.Errorf("%s: %s: is it another table's file?", f.Path, why)
	}
	for _, u := range unknown {
		l.warn(fmt.Sprintf("table %s: column %s in the export is not in mtx's catalog and is not loaded (a newer mtx may add it)", f.Table, u))
	}
	return cols, native, nil
}

// decimal is the precision and scale of every decimal column.
func (l *loader) decimal() decimalSpec {
	return decimalSpec{prec: l.o.Schema.DecimalPrecision, scale: l.o.Schema.DecimalScale}
}
