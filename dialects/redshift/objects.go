package redshift

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/catalog"
)

var _ dialects.ObjectLoader = Dialect{}

// ObjectLoadable: COPY reads s3:// with an IAM role the cluster may
// assume. COPY from parquet takes no REGION (AWS: "COPY from columnar
// data formats"), so a bucket said to be in another region is streamed.
func (Dialect) ObjectLoadable(url string, o dialects.ObjectOptions) (bool, string) {
	switch {
	case !strings.HasPrefix(url, "s3://"):
		return false, "Redshift's COPY reads only s3:// objects"
	case o.IAMRole == "":
		return false, "Redshift's COPY needs an IAM role to read S3: pass --iam-role or set load: iam_role: in project.yaml"
	case o.Region != "":
		return false, "Redshift's COPY ... FORMAT AS PARQUET cannot read a bucket in another region (region " + o.Region + " is set); the bucket must be in the cluster's region"
	}
	return true, ""
}

// InsertObjects COPYs each parquet object into a temporary scratch table
// of the file's own columns, then INSERT … SELECTs them into t with the
// provenance constants, all in the load's transaction (Redshift's COPY is
// transactional), so rows and manifest entries still commit together.
// COPY … FORMAT AS PARQUET maps columns by position and needs as many
// table columns as the file has, so the scratch table has one column per
// file column, in file order (c1, c2, …: parquet names may differ only in
// case, which Redshift folds).
func (d Dialect) InsertObjects(ctx context.Context, _ *sql.Conn, q dialects.Querier, t dialects.LoadTable, files []dialects.ObjectFile, o dialects.ObjectOptions) (int64, error) {
	decimals, err := d.decimalSizes(ctx, q, t, files)
	if err != nil {
		return 0, err
	}
	var total int64
	for _, f := range files {
		sts, err := d.ParquetCopySQL(t, f, dialects.ScratchName("mtx_scratch_"), o, decimals)
		if err != nil {
			return total, err
		}
		for i, st := range sts {
			res, err := q.ExecContext(ctx, st)
			if err != nil {
				return total, err
			}
			if i == len(sts)-2 { // the INSERT
				n, err := res.RowsAffected()
				if err != nil {
					return total, err
				}
				total += n
			}
		}
	}
	return total, nil
}

// decimalSizes reads the declared size of t's decimal columns when a file
// holds one of them as something else than a decimal (text, a float), so
// the cast is to the column's own size; nil otherwise.
func (d Dialect) decimalSizes(ctx context.Context, q dialects.Querier, t dialects.LoadTable, files []dialects.ObjectFile) (map[string][2]int, error) {
	need := false
	for _, f := range files {
		types := fileTypes(f)
		for _, c := range t.Columns {
			if c.Type == catalog.Decimal && c.Source != "" && types[c.Source] != nil && types[c.Source].Type != catalog.Decimal {
				need = true
			}
		}
	}
	if !need {
		return nil, nil
	}
	rows, err := q.QueryContext(ctx, "SELECT column_name, numeric_precision, numeric_scale FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 AND numeric_scale IS NOT NULL", t.Schema, t.Table)
	if err != nil {
		return nil, fmt.Errorf("reading the decimal sizes of %s.%s: %w", t.Schema, t.Table, err)
	}
	defer rows.Close()
	out := map[string][2]int{}
	for rows.Next() {
		var name string
		var p, s int
		if err := rows.Scan(&name, &p, &s); err != nil {
			return nil, err
		}
		out[name] = [2]int{p, s}
	}
	return out, rows.Err()
}

func fileTypes(f dialects.ObjectFile) map[string]*dialects.ObjectColumn {
	out := make(map[string]*dialects.ObjectColumn, len(f.Columns))
	for i := range f.Columns {
		out[f.Columns[i].Name] = &f.Columns[i]
	}
	return out
}

// ParquetCopySQL renders the statements loading one object into t through
// the temporary table scratch: CREATE TEMP TABLE, COPY, INSERT … SELECT,
// DROP TABLE. decimals holds the declared (precision, scale) of t's decimal
// columns a file holds as non-decimals (decimalSizes).
func (d Dialect) ParquetCopySQL(t dialects.LoadTable, f dialects.ObjectFile, scratch string, o dialects.ObjectOptions, decimals map[string][2]int) ([]string, error) {
	var m Macros
	if len(f.Columns) == 0 {
		return nil, fmt.Errorf("%s: no columns", f.URL)
	}
	defs := make([]string, len(f.Columns))
	pos := map[string]int{}
	for i, c := range f.Columns {
		defs[i] = d.Quote(fmt.Sprintf("c%d", i+1)) + " " + scratchType(c)
		if _, dup := pos[c.Name]; !dup {
			pos[c.Name] = i
		}
	}
	cols := make([]string, len(t.Columns))
	sel := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		cols[i] = d.Quote(c.Name)
		switch {
		case c.Const != nil:
			v := f.ConstOf(c)
			lit, err := dialects.ConstLiteral(m, v)
			if err != nil {
				return nil, fmt.Errorf("column %s: %w", c.Name, err)
			}
			sel[i] = lit
		default:
			j, ok := pos[c.Source]
			if c.Source == "" || !ok {
				sel[i] = "NULL"
				continue
			}
			expr, err := convert(d.Quote(fmt.Sprintf("c%d", j+1)), f.Columns[j], c, decimals)
			if err != nil {
				return nil, err
			}
			sel[i] = expr
		}
	}
	copySQL := "COPY " + d.Quote(scratch) + " FROM " + m.StringLiteral(f.URL) + " IAM_ROLE " + m.StringLiteral(o.IAMRole) + " FORMAT AS PARQUET"
	return []string{
		"CREATE TEMP TABLE " + d.Quote(scratch) + " (" + strings.Join(defs, ", ") + ")",
		copySQL,
		"INSERT INTO " + d.Quote(t.Schema) + "." + d.Quote(t.Table) + " (" + strings.Join(cols, ", ") + ") SELECT " + strings.Join(sel, ", ") + " FROM " + d.Quote(scratch),
		"DROP TABLE " + d.Quote(scratch),
	}, nil
}

// scratchType is the column type COPY reads a parquet column into.
func scratchType(c dialects.ObjectColumn) string {
	switch c.Type {
	case catalog.Decimal:
		p, s := c.DecimalSize()
		return fmt.Sprintf("DECIMAL(%d,%d)", p, s)
	case catalog.Integer:
		return "BIGINT"
	case catalog.Float:
		return "DOUBLE PRECISION"
	case catalog.Boolean:
		return "BOOLEAN"
	case catalog.Timestamp:
		return "TIMESTAMP"
	case "":
		return "SUPER" // nested: COPY loads lists and structs into SUPER
	}
	return "VARCHAR(65535)"
}

// convert casts a scratch column to the target column's type where
// Redshift does not on assignment.
func convert(expr string, from dialects.ObjectColumn, to dialects.LoadColumn, decimals map[string][2]int) (string, error) {
	if from.Type == to.Type && to.Type != catalog.JSON {
		return expr, nil
	}
	switch to.Type {
	case catalog.JSON:
		if from.Type == catalog.String {
			return "JSON_PARSE(" + expr + ")", nil
		}
		return expr, nil
	case catalog.String:
		return "CAST(" + expr + " AS VARCHAR(65535))", nil
	case catalog.Decimal:
		ps, ok := decimals[to.Name]
		if !ok {
			return "", fmt.Errorf("column %s: decimal size unknown", to.Name)
		}
		return fmt.Sprintf("CAST(%s AS DECIMAL(%d,%d))", expr, ps[0], ps[1]), nil
	}
	return "CAST(" + expr + " AS " + types[to.Type] + ")", nil
}
