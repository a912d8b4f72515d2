package freshness

import (
	"context"
	"database/sql"
	"fmt"
	"reflect"
	"strings"
	"time"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/internal/discover"
	"github.com/mtxhq/mtx/internal/project"
)

// Status is a table's freshness verdict.
type Status string

// The verdicts. Only StatusError fails mtx freshness.
const (
	StatusFresh   Status = "fresh"
	StatusWarn    Status = "warn"
	StatusError   Status = "error"
	StatusMissing Status = "missing" // the schema has no such table
	StatusEmpty   Status = "empty"   // the table has no rows
	StatusUnknown Status = "unknown" // rows, but nothing says when they came
)

// TransferStatus is the table Metronome's delivery service keeps in each
// destination schema: per data model, when its last transfer landed. On
// BigQuery it is a view (over __TABLES__ and _transfer_status_cache).
const TransferStatus = discover.TransferStatusTable

// Table is one table's freshness.
type Table struct {
	Table  string `json:"table"`
	Status Status `json:"status"`
	// LastDelivery is the newest delivery found, nil when none is.
	LastDelivery *time.Time `json:"last_delivery"`
	AgeSeconds   *int64     `json:"age_seconds"`
	// From says where LastDelivery comes from: _transfer_status, or the
	// column whose newest value it is.
	From              string `json:"from,omitempty"`
	WarnAfterSeconds  int64  `json:"warn_after_seconds"`
	ErrorAfterSeconds int64  `json:"error_after_seconds"`
	// Published is false when Metronome publishes no cadence for the table
	// and the thresholds start from its kind's.
	Published bool   `json:"published_cadence"`
	Note      string `json:"note,omitempty"`

	age, warn, fail time.Duration
}

// Report is mtx freshness's answer.
type Report struct {
	Dialect string `json:"dialect"`
	Schema  string `json:"schema"`
	// Mode is "delivered" (source_schema) or "mtx" (mtx's raw tables).
	Mode string    `json:"mode"`
	Now  time.Time `json:"now"`
	// Notes are schema-wide remarks (_transfer_status unreadable, say).
	Notes  []string       `json:"notes"`
	Tables []Table        `json:"tables"`
	Counts map[Status]int `json:"counts"`
}

// Measure finds each table's last delivery and judges it at now: from
// _transfer_status where the delivered schema has it, else from the newest
// version or snapshot time (delivered tables) or _mtx_transferred_at (mtx's
// raw tables).
func Measure(ctx context.Context, src discover.Source, db *sql.DB, found *discover.Schema, tables []*catalog.Table, cfg *project.Freshness, now time.Time) (*Report, error) {
	r := &Report{Dialect: src.Dialect.Name(), Schema: src.Schema, Mode: src.Mode(), Now: now.UTC(), Notes: []string{}, Counts: map[Status]int{}}
	var transfers map[string]time.Time
	if src.Delivered {
		var err error
		transfers, err = readTransferStatus(ctx, src, db, found)
		if err != nil {
			r.Notes = append(r.Notes, fmt.Sprintf("%s could not be read, so the data columns date each table: %s", TransferStatus, oneLine(err)))
			transfers = nil
		}
	}
	for _, t := range tables {
		c := PublishedCadence(t)
		warn, fail, err := cfg.Thresholds(t, c.Average)
		if err != nil {
			return nil, err
		}
		row := Table{Table: t.Name, Published: c.Published, warn: warn, fail: fail,
			WarnAfterSeconds: int64(warn / time.Second), ErrorAfterSeconds: int64(fail / time.Second)}
		ft, ok := found.Table(t.Name)
		switch {
		case !ok:
			row.Status, row.Note = StatusMissing, "not in "+src.Schema
		default:
			if last, ok := transfers[strings.ToLower(t.Name)]; ok {
				row.LastDelivery, row.From = &last, TransferStatus
			} else if err := newestRow(ctx, src, db, t, ft, &row); err != nil {
				return nil, err
			}
		}
		if row.LastDelivery != nil {
			age := now.Sub(*row.LastDelivery)
			secs := int64(age / time.Second)
			row.age, row.AgeSeconds = age, &secs
			switch {
			case age > fail:
				row.Status = StatusError
			case age > warn:
				row.Status = StatusWarn
			default:
				row.Status = StatusFresh
			}
		}
		if !c.Published && row.Note == "" {
			row.Note = fmt.Sprintf("no published cadence: %s tables' default", t.Kind)
		}
		r.Counts[row.Status]++
		r.Tables = append(r.Tables, row)
	}
	return r, nil
}

// Late lists the tables past their error_after.
func (r *Report) Late() []Table {
	var out []Table
	for _, t := range r.Tables {
		if t.Status == StatusError {
			out = append(out, t)
		}
	}
	return out
}

// readTransferStatus reads the newest transfer per data model from
// _transfer_status, by lower-case name; nil when the schema has none.
func readTransferStatus(ctx context.Context, src discover.Source, db *sql.DB, found *discover.Schema) (map[string]time.Time, error) {
	ts := found.TransferStatus
	if ts == nil {
		return nil, nil
	}
	name, ok1 := ts.Column("data_model_name")
	at, ok2 := ts.Column("transfer_last_updated_at")
	if !ok1 || !ok2 {
		return nil, fmt.Errorf("it lacks data_model_name or transfer_last_updated_at")
	}
	n, a := src.QuoteColumn(name), src.QuoteColumn(at)
	rows, err := db.QueryContext(ctx, fmt.Sprintf("SELECT %s, MAX(%s) FROM %s GROUP BY %s", n, a, src.Qualified(ts), n))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]time.Time{}
	for rows.Next() {
		var model sql.NullString
		var v any
		if err := rows.Scan(&model, &v); err != nil {
			return nil, err
		}
		t, ok, err := asTime(v)
		if err != nil {
			return nil, fmt.Errorf("%s of %s: %w", at.Name, model.String, err)
		}
		if model.Valid && ok {
			out[strings.ToLower(model.String)] = t
		}
	}
	return out, rows.Err()
}

// newestRow dates a table by its newest row: the first version column
// with a value, or the snapshot time when newer (delivered tables); the
// transfer time in the file name (mtx's raw tables).
func newestRow(ctx context.Context, src discover.Source, db *sql.DB, t *catalog.Table, ft *discover.Table, row *Table) error {
	var names []string
	if src.Delivered {
		names = append(append(names, t.Version...), t.Snapshot)
	} else {
		names = []string{"_mtx_transferred_at"}
	}
	var cols []discover.Column
	for _, n := range names {
		c, ok := ft.Column(n)
		if !ok || n == "" {
			continue
		}
		pt := src.Dialect.DescribeType(c.Type)
		if pt.Class == dialects.ClassTimestamp {
			cols = append(cols, c)
		}
	}
	exprs := []string{"COUNT(*)"}
	for _, c := range cols {
		exprs = append(exprs, "MAX("+src.QuoteColumn(c)+")")
	}
	dest := make([]any, len(exprs))
	var count int64
	dest[0] = &count
	vals := make([]any, len(cols))
	for i := range cols {
		dest[i+1] = &vals[i]
	}
	q := "SELECT " + strings.Join(exprs, ", ") + " FROM " + src.Qualified(ft)
	if err := db.QueryRowContext(ctx, q).Scan(dest...); err != nil {
		return fmt.Errorf("dating table %s: %w", t.Name, err)
	}
	if count == 0 {
		row.Status, row.Note = StatusEmpty, "no rows yet"
		return nil
	}
	var best *time.Time
	for i, c := range cols {
		v, ok, err := asTime(vals[i])
		if err != nil {
			return fmt.Errorf("dating table %s by %s: %w", t.Name, c.Name, err)
		}
		if !ok {
			continue
		}
		// The first version column with a value wins; a newer snapshot
		// time (listed last) beats it.
		if best == nil || (strings.EqualFold(c.Name, t.Snapshot) && v.After(*best)) {
			best, row.From = &v, strings.ToLower(c.Name)
		}
	}
	if best == nil {
		row.Status, row.Note = StatusUnknown, "no timestamp column with a value dates its rows"
		return nil
	}
	row.LastDelivery = best
	return nil
}

// timeLayouts are the text forms engines give timestamps in (BigQuery's
// DATETIME, a timestamp kept as text).
var timeLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02 15:04:05.999999999 -0700",
	"2006-01-02 15:04:05.999999999-07",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02T15:04:05.999999999",
}

// asTime reads a scanned timestamp; ok is false for NULL. Text without a
// zone is UTC.
func asTime(v any) (time.Time, bool, error) {
	rv := reflect.ValueOf(v)
	for rv.IsValid() && rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return time.Time{}, false, nil
		}
		rv = rv.Elem()
	}
	if !rv.IsValid() {
		return time.Time{}, false, nil
	}
	switch x := rv.Interface().(type) {
	case time.Time:
		return x.UTC(), true, nil
	case []byte:
		return parseTime(string(x))
	case string:
		return parseTime(x)
	}
	return time.Time{}, false, fmt.Errorf("not a timestamp: %v (%T)", v, v)
}

func parseTime(s string) (time.Time, bool, error) {
	s = strings.TrimSpace(s)
	for _, l := range timeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC(), true, nil
		}
	}
	return time.Time{}, false, fmt.Errorf("not a timestamp: %q", s)
}

func oneLine(err error) string { return strings.Join(strings.Fields(err.Error()), " ") }

// sortedStatuses orders the counts for the summary line.
var sortedStatuses = []Status{StatusFresh, StatusWarn, StatusError, StatusMissing, StatusEmpty, StatusUnknown}
