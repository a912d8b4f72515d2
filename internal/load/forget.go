package load

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/export"
	"github.com/mtxhq/mtx/internal/migrate"
)

// A manifest entry says "this file's rows are in the table". When the
// table is dropped (mtx migrate down/reset) or emptied and re-created by
// hand, the entries must go too, or the next load skips every file and the
// table stays empty. ForgetTables is what a migration rolling back calls;
// forgetEmptied is the loader's own check for tables emptied behind its back.

// querier is what *sql.DB and *sql.Conn both offer.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// ForgetTables deletes the manifest entries of tables and returns how many
// files each had (tables without entries are left out). No manifest, nothing
// to forget.
func ForgetTables(ctx context.Context, d dialects.Dialect, db querier, schema string, tables []string) (map[string]int64, error) {
	have, err := migrate.Introspect(ctx, d, db, schema)
	if err != nil {
		return nil, err
	}
	if _, ok := have[ManifestTable]; !ok || len(tables) == 0 {
		return nil, nil
	}
	counts, err := manifestCounts(ctx, d, db, schema)
	if err != nil {
		return nil, err
	}
	out := map[string]int64{}
	for _, t := range tables {
		if c := counts[t]; c.files > 0 {
			out[t] = c.files
		}
	}
	return out, forget(ctx, d, db, schema, keys(out))
}

type manifestCount struct{ files, rows int64 }

// manifestCounts sums the manifest's files and rows by table.
func manifestCounts(ctx context.Context, d dialects.Dialect, db querier, schema string) (map[string]manifestCount, error) {
	rows, err := db.QueryContext(ctx, manifestCountsQuery(d, schema))
	if err != nil {
		return nil, fmt.Errorf("reading the load manifest %s.%s: %w", schema, ManifestTable, err)
	}
	defer rows.Close()
	out := map[string]manifestCount{}
	for rows.Next() {
		var t sql.NullString
		var files, n sql.NullInt64
		if err := rows.Scan(&t, &files, &n); err != nil {
			return nil, fmt.Errorf("reading the load manifest %s.%s: %w", schema, ManifestTable, err)
		}
		out[t.String] = manifestCount{files: files.Int64, rows: n.Int64}
	}
	return out, rows.Err()
}

func forget(ctx context.Context, d dialects.Dialect, db querier, schema string, tables []string) error {
	if len(tables) == 0 {
		return nil
	}
	if _, err := db.ExecContext(ctx, forgetDelete(d, schema, tables)); err != nil {
		return fmt.Errorf("forgetting the loaded files of %s in %s.%s: %w", strings.Join(tables, ", "), schema, ManifestTable, err)
	}
	return nil
}

func keys(m map[string]int64) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// forgetEmptied finds the tables of files about to be skipped as loaded
// whose table holds no row although the manifest says it received some
// (dropped and re-created, or emptied, outside mtx), forgets their entries
// and says so, and removes them from done so they load again.
func (l *loader) forgetEmptied(ctx context.Context, files []export.File, done map[string]int64) error {
	d, schema := l.o.Dialect, l.o.Schema.Schema
	skipped := map[string]bool{}
	for _, f := range files {
		if _, ok := done[f.Path]; ok {
			skipped[f.Table] = true
		}
	}
	if len(skipped) == 0 {
		return nil
	}
	counts, err := manifestCounts(ctx, d, l.conn, schema)
	if err != nil {
		return err
	}
	var emptied []string
	for _, t := range sortedKeys(skipped) {
		if counts[t].rows == 0 || l.have[t] == nil {
			continue
		}
		rows, err := l.conn.QueryContext(ctx, anyRow(d, schema, t))
		if err != nil {
			return fmt.Errorf("checking table %s.%s against the load manifest: %w", schema, t, err)
		}
		empty := !rows.Next()
		err = rows.Err()
		rows.Close()
		if err != nil {
			return fmt.Errorf("checking table %s.%s against the load manifest: %w", schema, t, err)
		}
		if empty {
			emptied = append(emptied, t)
			l.warn(fmt.Sprintf("table %s is empty but the load manifest lists %d files (%d rows) loaded into it: it was re-created or emptied outside mtx; forgetting them, so they load again",
				t, counts[t].files, counts[t].rows))
		}
	}
	if err := forget(ctx, d, l.conn, schema, emptied); err != nil {
		return err
	}
	gone := map[string]bool{}
	for _, t := range emptied {
		gone[t] = true
	}
	for _, f := range files {
		if gone[f.Table] {
			delete(done, f.Path)
		}
	}
	return nil
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
