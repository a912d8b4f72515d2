package databricks

import (
	"database/sql/driver"
	"testing"
	"time"
)

// TestZone: after SET TIME ZONE on Spark, timestamps the driver read as
// UTC are read in the session's zone; UTC and a workspace change nothing.
func TestZone(t *testing.T) {
	la, _ := time.LoadLocation("America/Los_Angeles")
	c := &conn{local: true}
	c.noteZone("SET TIME ZONE 'America/Los_Angeles'")
	if c.zone == nil || c.zone.String() != la.String() {
		t.Fatalf("zone %v", c.zone)
	}
	// Spark printed 2024-03-10 05:00 (PDT); the driver read it as UTC.
	got := inZone(time.Date(2024, 3, 10, 5, 0, 0, 0, time.UTC), c.zone)
	if want := time.Date(2024, 3, 10, 12, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("inZone = %v, want %v", got, want)
	}
	c.noteZone("SELECT 'SET TIME ZONE ''UTC'''")
	if c.zone == nil {
		t.Error("a SELECT changed the zone")
	}
	c.noteZone("set time zone 'UTC'")
	if c.zone != nil {
		t.Errorf("zone %v after UTC", c.zone)
	}
	ws := &conn{}
	ws.noteZone("SET TIME ZONE 'America/Los_Angeles'")
	if ws.zone != nil {
		t.Error("a workspace connection (Arrow instants) got a zone")
	}
}

type typedRows struct{ driver.Rows }

func (typedRows) ColumnTypeDatabaseTypeName(int) string { return "DECIMAL" }

// TestZonedRowsKeepColumnTypes: the wrapper still tells a column's database type.
func TestZonedRowsKeepColumnTypes(t *testing.T) {
	r := zonedRows{Rows: typedRows{}, zone: time.UTC}
	if got := r.ColumnTypeDatabaseTypeName(0); got != "DECIMAL" {
		t.Errorf("database type %q", got)
	}
}
