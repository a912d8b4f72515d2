package enginetest

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/mtxhq/mtx/internal/model"
)

// FormattedRows runs query and returns its rows in the order the engine
// sent them, each value formatted as mtx query prints it and the values
// joined by sep: the one form the tests compare engines' answers in.
func FormattedRows(ctx context.Context, db *sql.DB, query, sep string) ([]string, error) {
	rs, err := db.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	cols, err := rs.Columns()
	if err != nil {
		return nil, err
	}
	var out []string
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for rs.Next() {
		for i := range vals {
			vals[i] = nil
			ptrs[i] = &vals[i]
		}
		if err := rs.Scan(ptrs...); err != nil {
			return nil, fmt.Errorf("scan: %w", err)
		}
		parts := make([]string, len(vals))
		for i, v := range vals {
			parts[i] = model.Format(v)
		}
		out = append(out, strings.Join(parts, sep))
	}
	return out, rs.Err()
}
