package databricks

import (
	"database/sql/driver"
	"reflect"
	"regexp"
	"time"
)

// Spark's Thrift server sends a timestamp as text in the session's time
// zone, and the driver reads that text as UTC (a workspace sends Arrow
// instants, read right in any zone). mtx's sessions are in UTC (every
// connection starts with SET TIME ZONE 'UTC'); after a statement that
// sets another zone, the connection reads Spark's timestamps in it.

var setTimeZone = regexp.MustCompile(`(?i)^\s*SET\s+TIME\s+ZONE\s+'([^']+)'\s*;?\s*$`)

// noteZone remembers the zone a successful SET TIME ZONE put the Spark
// session in.
func (c *conn) noteZone(query string) {
	if !c.local {
		return
	}
	m := setTimeZone.FindStringSubmatch(query)
	if m == nil {
		return
	}
	loc, err := time.LoadLocation(m[1])
	if err != nil || loc == time.UTC {
		c.zone = nil
		return
	}
	c.zone = loc
}

// zonedRows reads the wall-clock times the driver parsed as UTC in zone.
type zonedRows struct {
	driver.Rows
	zone *time.Location
}

func (r zonedRows) Next(dest []driver.Value) error {
	if err := r.Rows.Next(dest); err != nil {
		return err
	}
	for i, v := range dest {
		if t, ok := v.(time.Time); ok {
			dest[i] = inZone(t, r.zone)
		}
	}
	return nil
}

// inZone is t's wall clock read in zone.
func inZone(t time.Time, zone *time.Location) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), zone).UTC()
}

// The driver's column types stay visible through the wrapper (mtx reads
// a column's database type to print decimals exactly).

func (r zonedRows) ColumnTypeDatabaseTypeName(i int) string {
	if c, ok := r.Rows.(driver.RowsColumnTypeDatabaseTypeName); ok {
		return c.ColumnTypeDatabaseTypeName(i)
	}
	return ""
}

func (r zonedRows) ColumnTypeScanType(i int) reflect.Type {
	if c, ok := r.Rows.(driver.RowsColumnTypeScanType); ok {
		return c.ColumnTypeScanType(i)
	}
	return reflect.TypeOf(new(any)).Elem()
}

func (r zonedRows) ColumnTypePrecisionScale(i int) (int64, int64, bool) {
	if c, ok := r.Rows.(driver.RowsColumnTypePrecisionScale); ok {
		return c.ColumnTypePrecisionScale(i)
	}
	return 0, 0, false
}

func (r zonedRows) ColumnTypeNullable(i int) (bool, bool) {
	if c, ok := r.Rows.(driver.RowsColumnTypeNullable); ok {
		return c.ColumnTypeNullable(i)
	}
	return false, false
}

func (r zonedRows) ColumnTypeLength(i int) (int64, bool) {
	if c, ok := r.Rows.(driver.RowsColumnTypeLength); ok {
		return c.ColumnTypeLength(i)
	}
	return 0, false
}
