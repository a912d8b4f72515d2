package model

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/internal/load"
)

// RebuildShare is the share of a table's loaded raw rows above which a
// refresh of its current-state model rebuilds instead, on engines whose
// adapter does not say (dialects.RebuildSharer): a refresh ranks the
// pending rows with the stored rows of their keys, deletes the losers and
// inserts the winners through the model's indexes, so past some share of
// the table it does more work than ranking everything once
// (BenchmarkRebuildShare measures where; docs/models.md).
const RebuildShare = 0.2

// ShareOf is the rebuild share on d's engine.
func ShareOf(d dialects.Dialect) float64 {
	if s, ok := d.(dialects.RebuildSharer); ok {
		return s.RebuildShare()
	}
	return RebuildShare
}

// largeBatch reports, as one line for the run's log, that c's pending raw
// rows are so many that a full build is cheaper than a refresh; "" to
// refresh. It decides from the load manifest mtx load keeps (rows per
// file and load time), so it reads no raw row: the rows the refresh would
// stage — loaded after the stored watermark less the lookback; where the
// last run's load cannot be skipped (mergedAtWatermark), that load too, so
// the first refresh after a backfill rebuilds there — against all rows
// loaded into the table. Without a manifest (rows not written by mtx load),
// or for a model with its own watermark column, it always refreshes.
func (r *Runner) largeBatch(ctx context.Context, m dialects.Modeler, c *Compiled, stored time.Time) (string, error) {
	if !r.manifest || c.watermark() != catalog.LoadedAtColumn {
		return "", nil
	}
	q := r.Project.Dialect.Quote
	// The refresh's tail: what it will read and rank (tailWhere).
	lb, _ := c.lookback()
	loadedAt := q("loaded_at")
	pending := fmt.Sprintf("%s > %s", loadedAt, m.TimestampLiteral(stored.Add(-lb)))
	if r.Project.mergedAtWatermark(c) {
		pending += fmt.Sprintf(" AND %s <> %s", loadedAt, m.TimestampLiteral(stored))
	}
	rows := q("rows")
	query := fmt.Sprintf("SELECT COALESCE(SUM(CASE WHEN %s THEN %s ELSE 0 END), 0), COALESCE(SUM(%s), 0) FROM %s WHERE %s = '%s'",
		pending, rows, rows, r.Project.relation(load.ManifestTable), q("table_name"), c.Current.Name)
	var p, total sql.NullInt64
	if err := r.DB.QueryRowContext(ctx, query).Scan(&p, &total); err != nil {
		return "", fmt.Errorf("reading the load manifest for %s: %w", c.Name, err)
	}
	share := ShareOf(r.Project.Dialect)
	if total.Int64 == 0 || float64(p.Int64) < share*float64(total.Int64) {
		return "", nil
	}
	return fmt.Sprintf("%s: the refresh would merge %d of the %d rows loaded into %s (%.0f%%, over %.0f%%): a full build is cheaper, rebuilding",
		c.Name, p.Int64, total.Int64, c.Current.Name, 100*float64(p.Int64)/float64(total.Int64), 100*share), nil
}
