package tests

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/mtxhq/mtx/dialects/enginetest"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/internal/model"
)

// fxRow is one raw export row of the fixture, described by the few things
// current state depends on; every other column gets a deterministic value.
type fxRow struct {
	env      string     // environment_type ("" where the table has none)
	key      string     // key value; "" writes NULL
	version  *time.Time // every version column; nil writes NULL
	snapshot string     // S1, S2, S3 (snapshot tables); "-" writes NULL
	file     string
	xfer     time.Time // _mtx_transferred_at
	loaded   time.Time // _mtx_loaded_at
	want     bool      // the row current state must return
	seq      int       // distinguishes the decimal value written
	nulls    []string  // other columns written as NULL
}

func tp(s string) *time.Time { t := ts(s); return &t }

var (
	// Transfers, and the versions (updated_at) rows carry. v1 and v2 sit on
	// both sides of a month edge, one microsecond apart.
	t1, t2, t3, t4 = ts("2026-01-31T22:00:00Z"), ts("2026-02-01T02:00:00Z"), ts("2026-02-01T06:00:00Z"), ts("2026-02-01T10:00:00Z")
	v0, v1, v2, v9 = tp("2026-01-15T08:00:00Z"), tp("2026-01-31T23:59:59.999999Z"), tp("2026-02-01T00:00:00Z"), tp("2026-03-01T00:00:00Z")
	// Snapshots: times for snapshot_time tables (S1 and S2 one microsecond
	// apart across the month edge), ids sorting opposite to their transfers
	// for snapshot_id tables, transfers for all.
	snapTime = map[string]time.Time{"S1": ts("2026-01-31T23:59:59.999999Z"), "S2": ts("2026-02-01T00:00:00Z"), "S3": ts("2026-02-01T05:00:00Z")}
	snapID   = map[string]string{"S1": "zz-snapshot", "S2": "mm-snapshot", "S3": "aa-snapshot"}
	snapXfer = map[string]time.Time{"S1": t1, "S2": t2, "S3": t3}
)

// incrementalFixture: one row per key survives, chosen by version, then
// transfer, then file name, then load time.
func incrementalFixture(hasEnv bool) []fxRow {
	env := "PRODUCTION"
	if !hasEnv {
		env = ""
	}
	at := func(t time.Time, us int) time.Time { return t.Add(time.Duration(us) * time.Microsecond) }
	rows := []fxRow{
		// a: v2 beats v1, and v1 re-delivered later still loses.
		{env: env, key: "a", version: v1, file: "a/part-0_1.parquet", xfer: t1, loaded: at(t1, 1)},
		{env: env, key: "a", version: v2, file: "a/part-0_2.parquet", xfer: t2, loaded: at(t2, 1), want: true},
		{env: env, key: "a", version: v1, file: "a/part-0_3.parquet", xfer: t3, loaded: at(t3, 1)},
		// b: the same version exported twice: the later transfer wins.
		{env: env, key: "b", version: v1, file: "b/part-0_1.parquet", xfer: t1, loaded: at(t1, 2)},
		{env: env, key: "b", version: v1, file: "b/part-0_2.parquet", xfer: t2, loaded: at(t2, 2), want: true},
		// c: same version, same transfer, two part files: the later file name.
		{env: env, key: "c", version: v1, file: "c/part-1_1.parquet", xfer: t1, loaded: at(t1, 3), want: true},
		{env: env, key: "c", version: v1, file: "c/part-0_1.parquet", xfer: t1, loaded: at(t1, 4)},
		// d: a NULL version never beats a real one, even transferred later.
		{env: env, key: "d", version: v1, file: "d/part-0_1.parquet", xfer: t1, loaded: at(t1, 5), want: true},
		{env: env, key: "d", version: nil, file: "d/part-0_2.parquet", xfer: t2, loaded: at(t2, 5)},
		// e: a row without its key is left out.
		{env: env, key: "", version: v9, file: "e/part-0_1.parquet", xfer: t1, loaded: at(t1, 6)},
		// f: an exact duplicate inside one file gives one row.
		{env: env, key: "f", version: v1, file: "f/part-0_1.parquet", xfer: t1, loaded: at(t1, 7), want: true, seq: 1},
		{env: env, key: "f", version: v1, file: "f/part-0_1.parquet", xfer: t1, loaded: at(t1, 7), want: true, seq: 1},
		// g: a microsecond across the month edge is newer, whatever the transfer order.
		{env: env, key: "g", version: v1, file: "g/part-0_2.parquet", xfer: t2, loaded: at(t2, 8)},
		{env: env, key: "g", version: v2, file: "g/part-0_1.parquet", xfer: t1, loaded: at(t1, 8), want: true},
		// h: the same file loaded twice: the later load.
		{env: env, key: "h", version: v0, file: "h/part-0_1.parquet", xfer: t1, loaded: at(t1, 9)},
		{env: env, key: "h", version: v0, file: "h/part-0_1.parquet", xfer: t1, loaded: at(t2, 9), want: true},
	}
	if hasEnv {
		// The same id in the other environment is another row.
		rows = append(rows,
			fxRow{env: "SANDBOX", key: "a", version: v0, file: "sa/part-0_1.parquet", xfer: t1, loaded: at(t1, 10)},
			fxRow{env: "SANDBOX", key: "a", version: v1, file: "sa/part-0_2.parquet", xfer: t2, loaded: at(t2, 10), want: true},
		)
	}
	return rows
}

// snapshotFixture: only the latest snapshot of each environment counts.
// PRODUCTION has S1 and S3, SANDBOX S1 and S2 (its latest is older than
// PRODUCTION's and must still be used).
func snapshotFixture(t *catalog.Table, hasEnv bool) []fxRow {
	env := "PRODUCTION"
	if !hasEnv {
		env = ""
	}
	byTransfer := t.Snapshot == catalog.TransferredAtColumn
	at := func(s string, us int) time.Time { return snapXfer[s].Add(time.Duration(us) * time.Microsecond) }
	rows := []fxRow{
		{env: env, key: "keep", version: v1, snapshot: "S1", file: "S1/part-0.parquet", xfer: snapXfer["S1"], loaded: at("S1", 1)},
		{env: env, key: "keep", version: v1, snapshot: "S3", file: "S3/part-0.parquet", xfer: snapXfer["S3"], loaded: at("S3", 1), want: true},
		// Vanished from the latest snapshot: gone from current state.
		{env: env, key: "vanished", version: v1, snapshot: "S1", file: "S1/part-0.parquet", xfer: snapXfer["S1"], loaded: at("S1", 2)},
		// A newer version in an older snapshot does not come back.
		{env: env, key: "older", version: v9, snapshot: "S1", file: "S1/part-0.parquet", xfer: snapXfer["S1"], loaded: at("S1", 3)},
		{env: env, key: "older", version: v1, snapshot: "S3", file: "S3/part-0.parquet", xfer: snapXfer["S3"], loaded: at("S3", 3), want: true},
		// Repeated inside the latest snapshot (two part files): one row.
		{env: env, key: "dup", version: v1, snapshot: "S3", file: "S3/part-0.parquet", xfer: snapXfer["S3"], loaded: at("S3", 4)},
		{env: env, key: "dup", version: v1, snapshot: "S3", file: "S3/part-1.parquet", xfer: snapXfer["S3"], loaded: at("S3", 4), want: true},
		// No key, or no snapshot: left out.
		{env: env, key: "", version: v1, snapshot: "S3", file: "S3/part-0.parquet", xfer: snapXfer["S3"], loaded: at("S3", 5)},
	}
	if !byTransfer {
		rows = append(rows,
			// The latest snapshot delivered again by a later transfer (a retry):
			// still the same snapshot; the re-delivered row wins its tie.
			fxRow{env: env, key: "retried", version: v1, snapshot: "S3", file: "S3/part-0.parquet", xfer: snapXfer["S3"], loaded: at("S3", 6)},
			fxRow{env: env, key: "retried", version: v1, snapshot: "S3", file: "S3-retry/part-0.parquet", xfer: t4, loaded: t4, want: true},
			fxRow{env: env, key: "nosnap", version: v9, snapshot: "-", file: "S3/part-0.parquet", xfer: t4, loaded: t4},
		)
	}
	if hasEnv {
		rows = append(rows,
			fxRow{env: "SANDBOX", key: "keep", version: v1, snapshot: "S1", file: "x/S1.parquet", xfer: snapXfer["S1"], loaded: at("S1", 7)},
			fxRow{env: "SANDBOX", key: "keep", version: v0, snapshot: "S2", file: "x/S2.parquet", xfer: snapXfer["S2"], loaded: at("S2", 7), want: true},
			fxRow{env: "SANDBOX", key: "vanished", version: v1, snapshot: "S1", file: "x/S1.parquet", xfer: snapXfer["S1"], loaded: at("S1", 8)},
		)
	}
	return rows
}

func fixtureRows(t *catalog.Table) []fxRow {
	_, hasEnv := t.Column(model.EnvironmentColumn)
	var rows []fxRow
	if t.Kind == catalog.Snapshot {
		rows = snapshotFixture(t, hasEnv)
	} else {
		rows = incrementalFixture(hasEnv)
	}
	for i := range rows {
		if rows[i].seq == 0 {
			rows[i].seq = i + 10
		}
	}
	return rows
}

// value is what row r writes into column c of table t.
func (r fxRow) value(t *catalog.Table, c catalog.Column) any {
	isKey := false
	for _, k := range t.Key {
		isKey = isKey || k == c.Name
	}
	isVersion := false
	for _, v := range t.Version {
		isVersion = isVersion || v == c.Name
	}
	for _, n := range r.nulls {
		if n == c.Name {
			return nil
		}
	}
	switch {
	case c.Name == catalog.SourceFileColumn:
		return r.file
	case c.Name == catalog.TransferredAtColumn:
		return r.xfer
	case c.Name == catalog.LoadedAtColumn:
		return r.loaded
	case c.Name == t.Snapshot:
		if r.snapshot == "-" {
			return nil
		}
		if c.Type == catalog.Timestamp {
			return snapTime[r.snapshot]
		}
		return snapID[r.snapshot]
	case isKey:
		if r.key == "" {
			return nil
		}
		if c.Type == catalog.Timestamp { // contracts_usage_filter_schedule.starting_at
			return ts("2026-01-01T00:00:00Z")
		}
		return r.key
	case isVersion:
		if r.version == nil {
			return nil
		}
		return *r.version
	case c.Name == model.EnvironmentColumn:
		return r.env
	}
	switch c.Type {
	case catalog.Decimal:
		return fmt.Sprintf("98765432109876543210987654%02d.1234567%02d", r.seq%100, r.seq%100)
	case catalog.Timestamp:
		return ts("2026-02-28T23:59:59.999999Z")
	case catalog.JSON:
		return fmt.Sprintf(`{"n": %d, "s": "x"}`, r.seq)
	case catalog.Integer:
		return int64(r.seq)
	case catalog.Float:
		return 1.5
	case catalog.Boolean:
		return true
	}
	return fmt.Sprintf("%s-%d", c.Name, r.seq)
}

// insertRows writes rows into table t with multi-row INSERTs
// (insertValues), every column of the table in each.
func insertRows(t *testing.T, e engine, db *sql.DB, schema string, tbl *catalog.Table, rows []fxRow) {
	t.Helper()
	var vals [][]any
	for _, r := range rows {
		var vs []any
		for _, c := range tbl.Columns {
			vs = append(vs, r.value(tbl, c))
		}
		vals = append(vals, vs)
	}
	if err := insertValues(context.Background(), e, db, schema, tbl.Name, tbl.Columns, vals); err != nil {
		t.Fatalf("%s: insert: %v", tbl.Name, err)
	}
}

// Each multi-row INSERT holds at most insertMaxRows rows and about
// insertMaxBytes of values: some engines cap a statement's size or its
// parameters, and some drivers write parameters into the text.
const (
	insertMaxRows  = 50
	insertMaxBytes = 64 << 10
)

// insertValues writes rows (one value per column of cols, nil for NULL)
// into schema.table with as few statements as the caps allow, since an
// engine that commits per statement (Delta Lake: one commit, about a
// second, per INSERT) pays per statement rather than per row. Per-engine
// harness adaptations (nothing in mtx's SQL): arguments converted by
// BindArg and wrapped by BindAs as in the round trip; Snowflake's INSERT
// VALUES takes only constants, so there it is INSERT ... SELECT ... UNION
// ALL; ClickHouse gets one clickhouse-go batch (a Native block), since its
// plain Exec binds time.Time as whole seconds.
func insertValues(ctx context.Context, e engine, db *sql.DB, schema, table string, cols []catalog.Column, rows [][]any) error {
	if len(rows) == 0 {
		return nil
	}
	q := e.d.Quote
	var names []string
	for _, c := range cols {
		names = append(names, q(c.Name))
	}
	into := fmt.Sprintf("INSERT INTO %s.%s (%s)", q(schema), q(table), strings.Join(names, ", "))
	arg := func(c catalog.Column, v any) any {
		if f, ok := e.a.BindArg[c.Type]; ok && v != nil {
			v = f(v)
		}
		return v
	}
	if e.a.BatchInsert {
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		defer tx.Rollback()
		ph := strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ")
		st, err := tx.PrepareContext(ctx, into+" VALUES ("+ph+")")
		if err != nil {
			return fmt.Errorf("prepare: %w", err)
		}
		defer st.Close()
		for _, r := range rows {
			var args []any
			for i, c := range cols {
				args = append(args, arg(c, r[i]))
			}
			if _, err := st.ExecContext(ctx, args...); err != nil {
				return err
			}
		}
		return tx.Commit()
	}
	var tuples []string
	var args []any
	size := 0
	flush := func() error {
		if len(tuples) == 0 {
			return nil
		}
		stmt := into + " VALUES (" + strings.Join(tuples, "), (") + ")"
		if e.a.InsertSelect {
			stmt = into + " SELECT " + strings.Join(tuples, "\nUNION ALL SELECT ")
		}
		_, err := db.ExecContext(ctx, stmt, args...)
		tuples, args, size = nil, nil, 0
		return err
	}
	for _, r := range rows {
		var ph []string
		for i, c := range cols {
			args = append(args, arg(c, r[i]))
			size += len(fmt.Sprint(r[i])) + 4
			p := e.a.Placeholder(len(args))
			if f, ok := e.a.BindAs[c.Type]; ok {
				p = fmt.Sprintf(f, p)
			}
			ph = append(ph, p)
		}
		tuples = append(tuples, strings.Join(ph, ", "))
		if len(tuples) >= insertMaxRows || size >= insertMaxBytes {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	return flush()
}

// identity is how a current-state row is compared: its grain, where it came
// from, and its first decimal column digit for digit.
func identityColumns(tbl *catalog.Table) []string {
	cols := append(model.Grain(tbl), catalog.SourceFileColumn, catalog.LoadedAtColumn)
	for _, c := range tbl.Columns {
		if c.Type == catalog.Decimal {
			return append(cols, c.Name)
		}
	}
	return cols
}

// wantIdentities is what the fixture says current state must hold, sorted.
func wantIdentities(tbl *catalog.Table, rows []fxRow) []string {
	seen := map[string]bool{}
	var out []string
	for _, r := range rows {
		if !r.want {
			continue
		}
		var parts []string
		for _, name := range identityColumns(tbl) {
			c, _ := tbl.Column(name)
			parts = append(parts, model.Format(r.value(tbl, c)))
		}
		s := strings.Join(parts, " | ")
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}

// readIdentities reads the identity columns of relation, normalised so every
// engine's answer prints the same.
func readIdentities(t *testing.T, e engine, db *sql.DB, relation string, tbl *catalog.Table) []string {
	t.Helper()
	var sel []string
	for _, name := range identityColumns(tbl) {
		c, _ := tbl.Column(name)
		expr := e.d.Quote(name)
		if c.Type == catalog.Decimal {
			expr = fmt.Sprintf(e.a.TextCast, expr)
		}
		sel = append(sel, expr)
	}
	return formattedRows(t, db, "SELECT "+strings.Join(sel, ", ")+" FROM "+relation, " | ")
}

// formattedRows runs query and returns its rows, each formatted like mtx
// query prints values and joined by sep, sorted.
func formattedRows(t *testing.T, db *sql.DB, query, sep string) []string {
	t.Helper()
	out, err := enginetest.FormattedRows(context.Background(), db, query, sep)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	sort.Strings(out)
	return out
}
