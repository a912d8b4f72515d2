package freshness

import (
	"testing"
	"time"

	"github.com/mtxhq/mtx/internal/catalog"
)

func TestPublishedCadence(t *testing.T) {
	h, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	c := h.Current()
	for name := range published {
		if _, ok := c.Table(name); !ok {
			t.Errorf("published cadence for %s, which is not in the catalog", name)
		}
	}
	// The tables Metronome publishes no figures for; a new table lands
	// here until someone looks its cadence up.
	unpublished := map[string]bool{"invoice_corrections": true, "contract_hierarchy_configurations": true, "payment": true}
	for _, tbl := range c.Tables() {
		got := PublishedCadence(tbl)
		if got.Published == unpublished[tbl.Name] {
			t.Errorf("%s: published %v", tbl.Name, got.Published)
		}
		want := 4 * time.Hour
		if tbl.Kind == catalog.Snapshot || tbl.Group == "breakdowns" {
			want = 24 * time.Hour
		}
		if got.Average != want {
			t.Errorf("%s (%s, %s): average freshness %s, want %s", tbl.Name, tbl.Group, tbl.Kind, got.Average, want)
		}
	}
}

func TestAsTime(t *testing.T) {
	want := time.Date(2026, 1, 2, 3, 4, 5, 600000000, time.UTC)
	local := time.FixedZone("x", -8*3600)
	p := want.In(local)
	var nilp *time.Time
	for _, tc := range []struct {
		in any
		ok bool
	}{
		{want.In(local), true},
		{&p, true},
		{"2026-01-02T03:04:05.6Z", true},
		{"2026-01-02 03:04:05.6", true},
		{[]byte("2026-01-02 03:04:05.600000+00:00"), true},
		{"2026-01-01 19:04:05.6 -0800", true},
		{"2026-01-02T03:04:05.600", true},
		{nil, false},
		{nilp, false},
	} {
		got, ok, err := asTime(tc.in)
		if err != nil || ok != tc.ok || (ok && !got.Equal(want)) {
			t.Errorf("asTime(%#v) = %v, %v, %v", tc.in, got, ok, err)
		}
	}
	for _, bad := range []any{"yesterday", int64(5)} {
		if _, _, err := asTime(bad); err == nil {
			t.Errorf("asTime(%#v): no error", bad)
		}
	}
}

func TestHuman(t *testing.T) {
	for d, want := range map[time.Duration]string{
		45 * time.Minute: "45m", 4 * time.Hour: "4h", 5*time.Hour + 12*time.Minute: "5h12m",
		48 * time.Hour: "2d", 51*time.Hour + 10*time.Minute: "2d3h", -90 * time.Minute: "-1h30m", 20 * time.Second: "0m",
	} {
		if got := Human(d); got != want {
			t.Errorf("Human(%s) = %s, want %s", d, got, want)
		}
	}
}
