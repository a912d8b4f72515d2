package athena

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/mtxhq/mtx/dialects"
)

var _ dialects.Loader = Dialect{}

// LoadTransactional is false: no transaction spans two statements. Rows
// carry _mtx_source_file, and a file missing from the manifest is deleted
// by source file (an Iceberg row-level DELETE), then inserted again.
func (Dialect) LoadTransactional() bool { return false }

// maxStatement bounds one INSERT's text: Athena takes queries up to 256 KB
// (Trino up to 1,000,000 characters by default).
const maxStatement = 200_000

// InsertRows streams the rows as multi-row INSERT … VALUES statements with
// the values written as literals: trino-go-client would send bound
// parameters in one HTTP header each request, which a batch outgrows.
func (d Dialect) InsertRows(ctx context.Context, _ *sql.Conn, q dialects.Querier, t dialects.LoadTable, src dialects.RowSource) (int64, error) {
	cols := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		cols[i] = d.Quote(c.Name)
	}
	head := "INSERT INTO " + d.Quote(t.Schema) + "." + d.Quote(t.Table) + " (" + strings.Join(cols, ", ") + ") VALUES "
	var b strings.Builder
	var total, n int64
	flush := func() error {
		if n == 0 {
			return nil
		}
		if _, err := q.ExecContext(ctx, b.String()); err != nil {
			return err
		}
		total += n
		n = 0
		b.Reset()
		return nil
	}
	var row strings.Builder
	for src.Next() {
		vals, err := src.Values()
		if err != nil {
			return total, err
		}
		row.Reset()
		row.WriteByte('(')
		for i, v := range vals {
			if i > 0 {
				row.WriteString(", ")
			}
			lit, err := d.literal(v)
			if err != nil {
				return total, fmt.Errorf("column %s: %w", t.Columns[i].Name, err)
			}
			row.WriteString(lit)
		}
		row.WriteByte(')')
		if n > 0 && b.Len()+2+row.Len() > maxStatement {
			if err := flush(); err != nil {
				return total, err
			}
		}
		if n == 0 {
			b.WriteString(head)
		} else {
			b.WriteString(", ")
		}
		b.WriteString(row.String())
		n++
	}
	if err := src.Err(); err != nil {
		return total, err
	}
	return total, flush()
}

// literal writes a neutral value as a typed Trino literal, exactly:
// decimals and doubles as typed strings (a bare 0.5 would be a decimal),
// instants in UTC with microseconds (through Athena's API without a
// zone, as its Iceberg timestamps are).
func (d Dialect) literal(v any) (string, error) {
	switch x := v.(type) {
	case nil:
		return "NULL", nil
	case string:
		return dialects.StringLiteral(x), nil
	case dialects.Decimal:
		return "DECIMAL " + dialects.StringLiteral(string(x)), nil
	case int64:
		return "BIGINT '" + strconv.FormatInt(x, 10) + "'", nil
	case float64:
		switch {
		case math.IsNaN(x):
			return "nan()", nil
		case math.IsInf(x, 1):
			return "infinity()", nil
		case math.IsInf(x, -1):
			return "-infinity()", nil
		}
		return "DOUBLE '" + strconv.FormatFloat(x, 'g', -1, 64) + "'", nil
	case bool:
		if x {
			return "TRUE", nil
		}
		return "FALSE", nil
	case time.Time:
		return d.TimestampLiteral(x), nil
	}
	return "", fmt.Errorf("a value of type %T", v)
}
