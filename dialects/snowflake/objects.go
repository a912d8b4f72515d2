package snowflake

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/catalog"
)

var _ dialects.ObjectLoader = Dialect{}

// NeedStage is why an export in object storage is streamed when no stage
// is named.
const NeedStage = "set --stage (a Snowflake external stage whose URL is the export location) to load with COPY INTO"

// ObjectLoadable: Snowflake reads s3:// and gs:// objects through an
// external stage the user created over the export location (the stage
// holds the credentials or storage integration; mtx never sees them).
// Without a stage the rows are streamed.
func (Dialect) ObjectLoadable(u string, o dialects.ObjectOptions) (bool, string) {
	if !strings.HasPrefix(u, "s3://") && !strings.HasPrefix(u, "gs://") {
		return false, "Snowflake's COPY INTO reads only s3:// and gs:// exports here"
	}
	if strings.TrimSpace(o.Stage) == "" {
		return false, NeedStage
	}
	// A malformed stage name is reported by InsertObjects as an error rather
	// than silently streaming: the user asked for COPY.
	return true, ""
}

// InsertObjects runs one COPY INTO per object, inside the load's
// transaction q, so the rows commit with their manifest entry:
//
//	COPY INTO t (cols…) FROM (SELECT $1:"col"::type …, <constants> FROM @stage/dir/)
//	FILES = ('name') FILE_FORMAT = (TYPE = PARQUET) ON_ERROR = ABORT_STATEMENT FORCE = TRUE
//
// A COPY per object because each carries its own provenance constants.
// FORCE = TRUE: mtx's manifest decides what is loaded; Snowflake's load
// history must not skip a file whose earlier load was rolled back or whose
// run was killed before its manifest entry committed. The count is the sum
// of COPY's rows_loaded; a file that is not LOADED is an error naming it.
func (d Dialect) InsertObjects(ctx context.Context, _ *sql.Conn, q dialects.Querier, t dialects.LoadTable, files []dialects.ObjectFile, o dialects.ObjectOptions) (int64, error) {
	var total int64
	for _, f := range files {
		stmt, err := d.CopyStatement(t, f, o)
		if err != nil {
			return total, err
		}
		n, err := runCopy(ctx, q, stmt)
		total += n
		if err != nil {
			return total, fmt.Errorf("%s: COPY INTO from %s: %w", f.URL, stageOf(o), err)
		}
	}
	return total, nil
}

// stagePattern is @name, @schema.name or @db.schema.name (each part a plain
// or double-quoted identifier), optionally followed by a path inside it.
var stagePattern = regexp.MustCompile(`^@((?:"[^"]+"|[A-Za-z_][A-Za-z0-9_$]*)(?:\.(?:"[^"]+"|[A-Za-z_][A-Za-z0-9_$]*)){0,2})(/[A-Za-z0-9_=.\-/]*)?$`)

// safePath is what an unquoted stage path may hold (Metronome's
// table/dt=YYYY-MM-DD/ folders).
var safePath = regexp.MustCompile(`^[A-Za-z0-9_=.\-/]*$`)

func stageOf(o dialects.ObjectOptions) string {
	s := strings.TrimSpace(o.Stage)
	if s != "" && !strings.HasPrefix(s, "@") {
		s = "@" + s
	}
	return s
}

// CopyStatement renders the COPY INTO that loads object f into t through
// the stage in o, whose URL is f.Root.
func (d Dialect) CopyStatement(t dialects.LoadTable, f dialects.ObjectFile, o dialects.ObjectOptions) (string, error) {
	stage := stageOf(o)
	if !stagePattern.MatchString(stage) {
		return "", fmt.Errorf("stage %q is not a Snowflake stage name (@name, @schema.name or @db.schema.name, optionally /path)", o.Stage)
	}
	rel, err := relative(f.URL, f.Root)
	if err != nil {
		return "", err
	}
	dir, name := path.Split(rel)
	if name == "" || !safePath.MatchString(dir) {
		return "", fmt.Errorf("%s: its path %q cannot be named in a Snowflake stage path", f.URL, rel)
	}
	have := map[string]dialects.ObjectColumn{}
	for _, c := range f.Columns {
		have[c.Name] = c
	}
	cols := make([]string, len(t.Columns))
	exprs := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		cols[i] = d.Quote(c.Name)
		if c.Const != nil {
			v := f.ConstOf(c)
			if exprs[i], err = d.constant(v, c); err != nil {
				return "", fmt.Errorf("%s: column %s: %w", f.URL, c.Name, err)
			}
			continue
		}
		fc, inFile := have[c.Source]
		if c.Source == "" || (f.Columns != nil && !inFile) {
			exprs[i] = "NULL"
			continue
		}
		exprs[i] = fileValue(c, fc)
	}
	var b strings.Builder
	b.WriteString("COPY INTO " + d.Quote(t.Schema) + "." + d.Quote(t.Table) + " (" + strings.Join(cols, ", ") + ")")
	b.WriteString(" FROM (SELECT " + strings.Join(exprs, ", ") + " FROM " + strings.TrimSuffix(stage, "/") + "/" + dir + ")")
	b.WriteString(" FILES = (" + Macros{}.StringLiteral(name) + ")")
	b.WriteString(" FILE_FORMAT = (TYPE = PARQUET) ON_ERROR = ABORT_STATEMENT FORCE = TRUE")
	return b.String(), nil
}

// fileValue reads column c from the staged parquet row ($1, a VARIANT) and
// casts it to c's type. Decimals are cast to the file's own NUMBER(p,s),
// which holds them exactly, or else travel as text into the column's
// NUMBER(p,s), as streamed rows do: never through a float.
func fileValue(c dialects.LoadColumn, fc dialects.ObjectColumn) string {
	ref := `$1:"` + strings.ReplaceAll(c.Source, `"`, `""`) + `"`
	switch c.Type {
	case catalog.Decimal:
		if fc.Type == catalog.Decimal && fc.Precision > 0 && fc.Precision <= 38 {
			return fmt.Sprintf("%s::NUMBER(%d,%d)", ref, fc.Precision, fc.Scale)
		}
		return ref + "::VARCHAR"
	case catalog.Integer:
		return ref + "::NUMBER(38,0)"
	case catalog.Float:
		return ref + "::FLOAT"
	case catalog.Boolean:
		return ref + "::BOOLEAN"
	case catalog.Timestamp:
		return ref + "::TIMESTAMP_TZ(9)"
	case catalog.JSON:
		return "PARSE_JSON(" + ref + "::VARCHAR)"
	}
	return ref + "::VARCHAR"
}

// constant renders a provenance value as a literal of c's type.
func (d Dialect) constant(v any, c dialects.LoadColumn) (string, error) {
	switch x := v.(type) {
	case nil:
		return "NULL", nil
	case string:
		if c.Type == catalog.JSON {
			return "PARSE_JSON(" + Macros{}.StringLiteral(x) + ")", nil
		}
		return Macros{}.StringLiteral(x), nil
	case dialects.Decimal:
		return Macros{}.StringLiteral(string(x)) + "::VARCHAR", nil
	case int64:
		return strconv.FormatInt(x, 10), nil
	case float64:
		return "TO_DOUBLE(" + Macros{}.StringLiteral(strconv.FormatFloat(x, 'g', -1, 64)) + ")", nil
	case bool:
		return Macros{}.BoolLiteral(x), nil
	case time.Time:
		return "'" + dialects.UTCText(x) + " +00:00'::TIMESTAMP_TZ(9)", nil
	}
	return "", fmt.Errorf("unsupported constant %T", v)
}

// relative is object u's path inside the export root (both URLs; query
// parameters, which hold mtx's own client settings, are ignored).
func relative(u, root string) (string, error) {
	pu, err := url.Parse(u)
	if err != nil {
		return "", fmt.Errorf("object URL %s: %w", u, err)
	}
	pr, err := url.Parse(root)
	if err != nil {
		return "", fmt.Errorf("export location %s: %w", root, err)
	}
	prefix := strings.Trim(pr.Path, "/")
	if prefix != "" {
		prefix += "/"
	}
	p := strings.TrimPrefix(pu.Path, "/")
	if pu.Scheme != pr.Scheme || pu.Host != pr.Host || !strings.HasPrefix(p, prefix) {
		return "", fmt.Errorf("object %s is not inside the export location %s", u, root)
	}
	return p[len(prefix):], nil
}

// runCopy executes one COPY INTO and sums its rows_loaded, checking that
// every file it names was LOADED.
func runCopy(ctx context.Context, q dialects.Querier, stmt string) (int64, error) {
	rows, err := q.QueryContext(ctx, stmt)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	names, err := rows.Columns()
	if err != nil {
		return 0, err
	}
	col := map[string]int{}
	for i, n := range names {
		col[strings.ToLower(n)] = i
	}
	iStatus, okS := col["status"]
	iRows, okR := col["rows_loaded"]
	var total int64
	files := 0
	for rows.Next() {
		vals := make([]sql.NullString, len(names))
		ptrs := make([]any, len(names))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return total, err
		}
		if !okR {
			// "Copy executed with 0 files processed."
			msg := ""
			if okS {
				msg = vals[iStatus].String
			}
			return total, fmt.Errorf("the stage found no such file (%s): is the stage's URL the export location?", msg)
		}
		files++
		if okS && !strings.EqualFold(vals[iStatus].String, "LOADED") {
			first := ""
			if i, ok := col["first_error"]; ok && vals[i].Valid {
				first = ": " + vals[i].String
			}
			return total, fmt.Errorf("file %s%s", strings.ToLower(vals[iStatus].String), first)
		}
		n, err := strconv.ParseInt(vals[iRows].String, 10, 64)
		if err != nil && vals[iRows].Valid {
			return total, fmt.Errorf("rows_loaded %q: %w", vals[iRows].String, err)
		}
		total += n
	}
	if err := rows.Err(); err != nil {
		return total, err
	}
	if files == 0 {
		return total, fmt.Errorf("COPY INTO loaded no file: is the stage's URL the export location?")
	}
	return total, nil
}
