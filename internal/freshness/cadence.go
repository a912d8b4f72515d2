// Package freshness compares each export table's last delivery with
// Metronome's published cadence (mtx freshness).
package freshness

import (
	"time"

	"github.com/mtxhq/mtx/internal/catalog"
)

// Cadence is how often Metronome transfers a table and how late its data
// is on average when it lands.
type Cadence struct {
	Every, Average time.Duration
	// Published is false for a table Metronome gives no figures for: it
	// takes its kind's usual cadence.
	Published bool
}

var (
	twoHourly = Cadence{Every: 2 * time.Hour, Average: 4 * time.Hour, Published: true}
	daily     = Cadence{Every: 24 * time.Hour, Average: 24 * time.Hour, Published: true}
)

// published is the "Data availability" table of Metronome's data-export
// overview (transfer frequency, average freshness), and for the Plans-era
// tables the same table on the older export page. The older page gives the
// draft tables "n/a" for freshness; the current page says 24 hours.
var published = map[string]Cadence{
	"billable_metric": twoHourly, "credit_type": twoHourly, "events": twoHourly, "customer": twoHourly,
	"invoice": twoHourly, "line_item": twoHourly, "alert": twoHourly, "customer_alert_history": twoHourly,
	"draft_invoice": daily, "draft_line_item": daily,
	"breakdowns_invoices": daily, "breakdowns_line_items": daily,
	"breakdowns_draft_invoices": daily, "breakdowns_draft_line_items": daily,
	"contracts_contracts": daily, "contracts_commits": daily, "contracts_balances": daily,
	"contracts_recurring_commits_and_credits": daily, "contracts_subscriptions": daily,
	"contracts_scheduled_charges": daily, "contracts_usage_filter_schedule": daily, "contracts_usage_filters": daily,
	"contracts_prepaid_balance_threshold_configurations": daily, "contracts_spend_threshold_configurations": daily,
	"contracts_overrides": daily, "contracts_transitions": daily, "contracts_edits": daily, "contracts_amendments": daily,
	"contracts_rate_cards": daily, "contracts_rate_card_entries": daily, "contracts_product_list_item_versions": daily,
	"packages": daily,
	// Plans era (older export page).
	"sub_line_item": twoHourly, "credit_grant": twoHourly, "credit_grant_deduction": twoHourly,
	"customer_plan": twoHourly, "plan_charge": twoHourly, "plan": twoHourly, "product": twoHourly,
	"draft_sub_line_item": daily,
}

// PublishedCadence is t's published cadence; a table without one takes
// its kind's: incremental tables every 2 hours (4 hours' freshness),
// snapshot tables daily.
func PublishedCadence(t *catalog.Table) Cadence {
	if c, ok := published[t.Name]; ok {
		return c
	}
	c := twoHourly
	if t.Kind == catalog.Snapshot {
		c = daily
	}
	c.Published = false
	return c
}
