package model_test

import (
	"strings"
	"testing"

	"github.com/mtxhq/mtx/internal/model"
)

// TestLiveViewFollowsItsModel: only incremental current-state models get a
// live view; selecting one by name says which model builds it; a model
// cannot take a live view's name.
func TestLiveViewFollowsItsModel(t *testing.T) {
	p := project(t, "duckdb")
	g, err := p.Compile()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		model string
		live  bool
	}{{"current_events", true}, {"current_line_item", true}, {"current_invoice", false}, {"current_contracts_balances", false}} {
		script, err := g.Script(p, []string{c.model})
		if err != nil {
			t.Fatal(err)
		}
		has := strings.Contains(script, `CREATE OR REPLACE VIEW "metronome"."`+model.LiveView(c.model)+`"`)
		if has != c.live {
			t.Errorf("compile of %s prints a live view: %v, want %v", c.model, has, c.live)
		}
	}
	_, err = g.Select([]string{"current_events_live"})
	if want := `--select "current_events_live" matches no model (current_events_live is the live view of current_events, built with it: select current_events)`; err == nil || err.Error() != want {
		t.Errorf("selecting a live view: %v, want %s", err, want)
	}

	clash := parse(t, "current_events_live", "SELECT 1 AS x")
	p = project(t, "duckdb", clash)
	if _, err := p.Compile(); err == nil || !strings.Contains(err.Error(), "taken by the live view of incremental model current_events") {
		t.Errorf("a model named like a live view: %v", err)
	}
}

// TestTailSkipsTheMergedLoad: the tail (refresh and live view) leaves out
// raw rows at exactly the stored watermark only where a load commits all
// rows of one _mtx_loaded_at together, and only for that column: a model
// with its own watermark column re-reads them, as do engines whose loads
// are not transactional.
func TestTailSkipsTheMergedLoad(t *testing.T) {
	ownWatermark := parse(t, "current_events", `-- materialized: incremental
-- watermark: updated_at
{{ current_state "events" }}`)
	for _, c := range []struct {
		dialect string
		own     bool
		skips   bool
	}{
		{"duckdb", false, true}, {"postgres", false, true}, {"mysql", false, true},
		{"snowflake", false, true}, {"redshift", false, true},
		{"clickhouse", false, false}, {"bigquery", false, false},
		{"duckdb", true, false}, {"postgres", true, false},
	} {
		var p *model.Project
		wm := "_mtx_loaded_at"
		if c.own {
			p, wm = project(t, c.dialect, ownWatermark), "updated_at"
		} else {
			p = project(t, c.dialect)
		}
		g, err := p.Compile()
		if err != nil {
			t.Fatal(err)
		}
		script, err := g.Script(p, []string{"current_events"})
		if err != nil {
			t.Fatal(err)
		}
		skip := p.Dialect.Quote(wm) + " <> "
		if got := strings.Contains(script, skip); got != c.skips {
			t.Errorf("%s (watermark %s): the tail has %q: %v, want %v", c.dialect, wm, skip, got, c.skips)
		}
		if !strings.Contains(script, p.Dialect.Quote(wm)+" > ") {
			t.Errorf("%s (watermark %s): the tail does not compare the watermark", c.dialect, wm)
		}
	}
}
