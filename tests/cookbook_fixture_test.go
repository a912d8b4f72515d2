package tests

import "time"

// The cookbook fixture: rows of the current_* models (and of raw
// draft_invoice) chosen so that every entry has a known answer — month and
// day edges, VOID invoices, both environments, exact decimals at the edge
// of DECIMAL(38,9), duplicates within a snapshot.

type row map[string]any

func ts(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		panic(err)
	}
	return t
}

const (
	prod = "PRODUCTION"
	sbx  = "SANDBOX"
	huge = "12345678901234567890.123456789"
)

// asOf is the instant the time-window entries are evaluated at.
const asOf = "2024-03-10T00:00:00Z"

// fixture maps current-state tables (by export table name) to their rows;
// "raw:NAME" holds rows of the raw export table.
var fixture = map[string][]row{
	"customer": {
		{"id": "c1", "environment_type": prod},
		{"id": "c2", "environment_type": prod, "archived_at": ts("2024-01-05T00:00:00Z")},
		{"id": "c3", "environment_type": sbx},
		{"id": "c4", "environment_type": prod},
	},
	"events": {
		{"transaction_id": "e1", "environment_type": prod, "timestamp": ts("2024-01-31T23:59:59.999999Z")},
		{"transaction_id": "e2", "environment_type": prod, "timestamp": ts("2024-02-01T00:00:00Z")},
		{"transaction_id": "e3", "environment_type": prod, "timestamp": ts("2024-02-15T12:00:00Z")},
		{"transaction_id": "e4", "environment_type": sbx, "timestamp": ts("2024-01-10T00:00:00Z")},
		// Still February in Los Angeles, March in UTC.
		{"transaction_id": "e5", "environment_type": prod, "timestamp": ts("2024-03-01T07:59:59Z")},
	},
	"invoice": {
		{"id": "i1", "environment_type": prod, "status": "FINALIZED", "total": huge, "credit_type_name": "USD", "end_timestamp": ts("2024-02-01T00:00:00Z")},
		{"id": "i2", "environment_type": prod, "status": "FINALIZED", "total": "0.000000001", "credit_type_name": "USD", "end_timestamp": ts("2024-01-31T23:59:59Z")},
		{"id": "i3", "environment_type": prod, "status": "VOID", "total": "1000", "credit_type_name": "USD", "end_timestamp": ts("2024-01-15T00:00:00Z")},
		{"id": "i4", "environment_type": sbx, "status": "FINALIZED", "total": "500", "credit_type_name": "USD", "end_timestamp": ts("2024-01-15T00:00:00Z")},
		{"id": "i5", "environment_type": prod, "status": "FINALIZED", "total": "10.5", "credit_type_name": "Credits", "end_timestamp": ts("2024-02-10T00:00:00Z")},
	},
	"line_item": {
		{"id": "li1", "invoice_id": "i1", "environment_type": prod, "total": "12345678901234567890.123456788", "product_id": "p1", "name": "Compute", "credit_type_name": "USD"},
		{"id": "li6", "invoice_id": "i1", "environment_type": prod, "total": "0.000000001", "product_id": "p1", "name": "Compute", "credit_type_name": "USD"},
		{"id": "li2", "invoice_id": "i2", "environment_type": prod, "total": "0.000000001", "product_id": "p2", "name": "Seats", "credit_type_name": "USD"},
		{"id": "li3", "invoice_id": "i3", "environment_type": prod, "total": "1000", "product_id": "p1", "name": "Compute", "credit_type_name": "USD"},
		{"id": "li4", "invoice_id": "i5", "environment_type": prod, "total": "10.5", "product_id": "p1", "name": "Compute", "credit_type_name": "Credits"},
		{"id": "li5", "invoice_id": "i4", "environment_type": sbx, "total": "500", "product_id": "p1", "name": "Compute", "credit_type_name": "USD"},
	},
	"breakdowns_line_items": {
		{"id": "bl1", "environment_type": prod, "line_item_id": "li1", "line_item_type": "USAGE", "billable_metric_id": "m1", "quantity": "100", "total": "60", "credit_type_name": "USD", "breakdown_start_timestamp": ts("2024-01-31T00:00:00Z")},
		{"id": "bl2", "environment_type": prod, "line_item_id": "li1", "line_item_type": "USAGE", "billable_metric_id": "m1", "quantity": "50.5", "total": "40", "credit_type_name": "USD", "breakdown_start_timestamp": ts("2024-02-01T00:00:00Z")},
		{"id": "bl3", "environment_type": prod, "line_item_id": "li2", "line_item_type": "SUBSCRIPTION", "quantity": "1", "total": "0.000000001", "credit_type_name": "USD", "breakdown_start_timestamp": ts("2024-01-15T00:00:00Z")},
		{"id": "bl4", "environment_type": prod, "line_item_id": "li6", "line_item_type": "USAGE", "billable_metric_id": "m2", "quantity": "2", "total": "0.000000001", "credit_type_name": "USD", "breakdown_start_timestamp": ts("2024-02-02T00:00:00Z")},
		{"id": "bl5", "environment_type": sbx, "line_item_id": "li5", "line_item_type": "USAGE", "billable_metric_id": "m1", "quantity": "999", "total": "999", "credit_type_name": "USD", "breakdown_start_timestamp": ts("2024-01-02T00:00:00Z")},
	},
	"billable_metric": {
		{"id": "m1", "environment_type": prod, "name": "API calls"},
		{"id": "m2", "environment_type": prod, "name": "Storage GB"},
		{"id": "m1", "environment_type": sbx, "name": "API calls (sandbox)"},
	},
	"sub_line_item": {
		{"id": "s1", "line_item_id": "li1", "billable_metric_id": "m1", "subtotal": "7.25"},
		{"id": "s2", "line_item_id": "li1", "subtotal": "1"},
		{"id": "s3", "line_item_id": "li2", "subtotal": "0.000000001"},
		{"id": "s4", "line_item_id": "li3", "billable_metric_id": "m1", "subtotal": "100"},
		{"id": "s5", "line_item_id": "li4", "billable_metric_id": "m1", "subtotal": "3"},
	},
	"raw:draft_invoice": {
		{"id": "d1", "environment_type": prod, "snapshot_time": ts("2024-03-01T00:00:00Z"), "credit_type_name": "USD", "total": "10", "_mtx_source_file": "a.parquet"},
		{"id": "d1", "environment_type": prod, "snapshot_time": ts("2024-03-01T00:00:00Z"), "credit_type_name": "USD", "total": "10", "_mtx_source_file": "b.parquet"},
		{"id": "d2", "environment_type": prod, "snapshot_time": ts("2024-03-01T00:00:00Z"), "credit_type_name": "USD", "total": "5.5"},
		{"id": "d3", "environment_type": sbx, "snapshot_time": ts("2024-03-01T00:00:00Z"), "credit_type_name": "USD", "total": "100"},
		{"id": "d1", "environment_type": prod, "snapshot_time": ts("2024-03-02T00:00:00Z"), "credit_type_name": "USD", "total": "12"},
		{"id": "d2", "environment_type": prod, "snapshot_time": ts("2024-03-02T00:00:00Z"), "credit_type_name": "USD", "status": "DRAFT_INCOMPLETE"},
	},
	"draft_invoice": {
		{"id": "d1", "environment_type": prod, "contract_id": "k1", "plan_id": "pl1", "plan_name": "Starter", "credit_type_name": "USD", "total": "12"},
		{"id": "d2", "environment_type": prod, "contract_id": "k1", "plan_id": "pl1", "plan_name": "Starter", "credit_type_name": "USD", "status": "DRAFT_INCOMPLETE"},
		{"id": "d4", "environment_type": prod, "contract_id": "k2", "plan_id": "pl2", "plan_name": "Pro", "credit_type_name": "USD", "total": "7"},
		{"id": "d5", "environment_type": sbx, "contract_id": "k1", "plan_id": "pl1", "plan_name": "Starter", "credit_type_name": "USD", "total": "100"},
	},
	"raw:draft_line_item": {
		{"id": "dl1", "environment_type": prod, "snapshot_time": ts("2024-03-01T00:00:00Z"), "credit_type_name": "USD", "_mtx_source_file": "a.parquet"},
		{"id": "dl1", "environment_type": prod, "snapshot_time": ts("2024-03-01T00:00:00Z"), "credit_type_name": "USD", "_mtx_source_file": "b.parquet"},
		{"id": "dl1", "environment_type": prod, "snapshot_time": ts("2024-03-02T00:00:00Z"), "credit_type_name": "USD"},
		{"id": "dl2", "environment_type": sbx, "snapshot_time": ts("2024-03-01T00:00:00Z"), "credit_type_name": "USD"},
	},
	"raw:draft_sub_line_item": {
		{"id": "ds1", "line_item_id": "dl1", "snapshot_time": ts("2024-03-01T00:00:00Z"), "billable_metric_id": "m1", "subtotal": "2.5", "_mtx_source_file": "a.parquet"},
		{"id": "ds1", "line_item_id": "dl1", "snapshot_time": ts("2024-03-01T00:00:00Z"), "billable_metric_id": "m1", "subtotal": "2.5", "_mtx_source_file": "b.parquet"},
		{"id": "ds2", "line_item_id": "dl1", "snapshot_time": ts("2024-03-01T00:00:00Z"), "subtotal": "1"},
		{"id": "ds3", "line_item_id": "dl1", "snapshot_time": ts("2024-03-02T00:00:00Z"), "billable_metric_id": "m1", "subtotal": "3.000000001"},
		{"id": "ds4", "line_item_id": "dl2", "snapshot_time": ts("2024-03-01T00:00:00Z"), "billable_metric_id": "m1", "subtotal": "100"},
	},
	"contracts_contracts": {
		{"id": "k1", "environment_type": prod, "name": "Acme 2024", "customer_id": "c1", "starting_at": ts("2024-01-01T00:00:00Z")},
		{"id": "k2", "environment_type": prod, "name": "Globex", "customer_id": "c1", "starting_at": ts("2024-01-01T00:00:00Z"), "archived_at": ts("2024-02-20T10:00:00Z")},
		{"id": "k3", "environment_type": prod, "name": "Initech", "customer_id": "c4", "starting_at": ts("2024-01-01T00:00:00Z"), "ending_before": ts("2025-01-01T00:00:00Z"), "archived_at": ts("2024-03-05T00:00:00Z")},
		{"id": "k4", "environment_type": sbx, "name": "Sandbox", "customer_id": "c3", "starting_at": ts("2024-01-01T00:00:00Z"), "archived_at": ts("2024-01-01T00:00:00Z")},
	},
	"breakdowns_draft_line_items": {
		{"id": "bd1", "environment_type": prod, "name": "Compute", "credit_type_name": "USD", "quantity": "10", "total": "1.5", "breakdown_start_timestamp": ts("2024-03-01T00:00:00Z"), "invoice_breakdown_id": "bi1"},
		{"id": "bd2", "environment_type": prod, "name": "Compute", "credit_type_name": "USD", "quantity": "5", "total": "0.75", "breakdown_start_timestamp": ts("2024-03-01T23:59:59Z"), "invoice_breakdown_id": "bi1"},
		{"id": "bd3", "environment_type": prod, "name": "Compute", "credit_type_name": "USD", "quantity": "1", "total": "0.15", "breakdown_start_timestamp": ts("2024-03-02T00:00:00Z"), "invoice_breakdown_id": "bi2"},
		{"id": "bd4", "environment_type": prod, "name": "Seats", "credit_type_name": "USD", "quantity": "3", "total": "30", "breakdown_start_timestamp": ts("2024-03-01T12:00:00Z"), "invoice_breakdown_id": "bi2"},
		// A credit: negative, and still part of what the draft bills.
		{"id": "bd6", "environment_type": prod, "name": "Credit", "credit_type_name": "USD", "quantity": "1", "total": "-2", "breakdown_start_timestamp": ts("2024-03-01T06:00:00Z"), "invoice_breakdown_id": "bi1"},
		{"id": "bd5", "environment_type": sbx, "name": "Compute", "credit_type_name": "USD", "quantity": "9", "total": "9", "breakdown_start_timestamp": ts("2024-03-01T12:00:00Z"), "invoice_breakdown_id": "bi3"},
	},
	"breakdowns_draft_invoices": {
		{"id": "bi1", "environment_type": prod, "customer_id": "c1", "invoice_id": "d1"},
		{"id": "bi2", "environment_type": prod, "customer_id": "c4", "invoice_id": "d4"},
		{"id": "bi3", "environment_type": sbx, "customer_id": "c3", "invoice_id": "d5"},
	},
	"contracts_overrides": {
		{"id": "o1", "environment_type": prod, "contract_id": "k1", "product_id": "p1", "rate_type": "OVERWRITE", "target": "LIST_RATE", "new_rate": `{"type": "flat", "unit_price": 2}`, "starting_at": ts("2024-02-01T00:00:00Z"), "created_at": ts("2024-02-01T00:00:00Z")},
		{"id": "o2", "environment_type": prod, "contract_id": "k1", "product_id": "p2", "rate_type": "MULTIPLIER", "target": "COMMIT_RATE", "starting_at": ts("2024-03-01T00:00:00Z"), "created_at": ts("2024-03-01T00:00:00Z")},
		{"id": "o3", "environment_type": prod, "contract_id": "k2", "product_id": "p1", "rate_type": "OVERWRITE", "target": "LIST_RATE", "new_rate": `{"type": "percentage", "fraction": 0.5}`, "starting_at": ts("2024-03-05T00:00:00Z"), "created_at": ts("2024-03-05T00:00:00Z")},
		{"id": "o4", "environment_type": sbx, "contract_id": "k1", "product_id": "p1", "rate_type": "OVERWRITE", "target": "LIST_RATE", "created_at": ts("2024-03-06T00:00:00Z")},
	},
	"contracts_rate_cards": {
		{"id": "rc1", "environment_type": prod, "name": "Standard"},
		{"id": "rc2", "environment_type": prod, "name": "Legacy", "archived_at": ts("2024-01-01T00:00:00Z")},
		{"id": "rc3", "environment_type": prod, "name": "Empty"},
	},
	"contracts_rate_card_entries": {
		{"id": "re1", "environment_type": prod, "rate_card_id": "rc1", "starting_at": ts("2024-01-01T00:00:00Z")},
		{"id": "re2", "environment_type": prod, "rate_card_id": "rc1", "starting_at": ts("2024-01-01T00:00:00Z"), "ending_before": ts(asOf)},
		{"id": "re3", "environment_type": prod, "rate_card_id": "rc1", "starting_at": ts(asOf)},
		{"id": "re4", "environment_type": prod, "rate_card_id": "rc1", "starting_at": ts("2024-04-01T00:00:00Z")},
		{"id": "re5", "environment_type": sbx, "rate_card_id": "rc1", "starting_at": ts("2024-01-01T00:00:00Z")},
		{"id": "re6", "environment_type": prod, "rate_card_id": "rc2", "starting_at": ts("2024-01-01T00:00:00Z")},
	},
	"alert": {
		{"id": "a1", "environment_type": prod, "name": "Low balance", "alert_type": "LOW_CREDIT_BALANCE", "threshold": huge, "webhooks_enabled": true},
		{"id": "a2", "environment_type": prod, "name": "Spend", "alert_type": "SPEND", "threshold": "1", "webhooks_enabled": true, "disabled_at": ts("2024-01-01T00:00:00Z")},
		{"id": "a3", "environment_type": prod, "name": "Archived", "alert_type": "SPEND", "threshold": "1", "webhooks_enabled": true, "archived_at": ts("2024-01-01T00:00:00Z")},
		{"id": "a4", "environment_type": prod, "name": "No hooks", "alert_type": "SPEND", "threshold": "1", "webhooks_enabled": false},
		{"id": "a5", "environment_type": sbx, "name": "Low balance", "alert_type": "LOW_CREDIT_BALANCE", "threshold": "1", "webhooks_enabled": true},
		{"id": "a6", "environment_type": prod, "name": "Low balance", "alert_type": "LOW_CREDIT_BALANCE", "threshold": "2", "webhooks_enabled": false},
	},
	"customer_alert_history": {
		{"id": "h1", "alert_status": "in_alarm", "environment_type": prod, "alert_id": "a1", "created_at": ts("2024-03-02T23:59:59Z")},
		{"id": "h2", "alert_status": "in_alarm", "environment_type": prod, "alert_id": "a1", "created_at": ts("2024-03-03T00:00:00Z")},
		{"id": "h3", "alert_status": "IN_ALARM", "environment_type": prod, "alert_id": "a1", "created_at": ts("2024-03-03T08:00:00Z")},
		{"id": "h4", "alert_status": "in_alarm", "environment_type": prod, "alert_id": "a6", "created_at": ts("2024-03-03T12:00:00Z")},
		{"id": "h5", "alert_status": "in_alarm", "environment_type": prod, "alert_id": "a1", "created_at": ts("2024-03-09T23:59:59.999Z")},
		{"id": "h6", "alert_status": "in_alarm", "environment_type": prod, "alert_id": "a1", "created_at": ts(asOf)},
		{"id": "h7", "alert_status": "in_alarm", "environment_type": sbx, "alert_id": "a5", "created_at": ts("2024-03-05T00:00:00Z")},
		// The alarm of h2 clearing: a status change, not a trigger.
		{"id": "h8", "alert_status": "ok", "environment_type": prod, "alert_id": "a1", "created_at": ts("2024-03-03T06:00:00Z")},
	},
	"credit_grant": {
		{"id": "g1", "environment_type": prod, "amount_granted_credit_type_id": "ct1"},
		{"id": "g2", "environment_type": sbx, "amount_granted_credit_type_id": "ct1"},
	},
	"credit_grant_deduction": {
		{"id": "cd1", "credit_grant_id": "g1", "memo": "Credits expired", "amount": "5.5", "effective_at": ts("2024-01-31T23:00:00Z")},
		{"id": "cd2", "credit_grant_id": "g1", "memo": "Credits expired", "amount": "0.000000001", "effective_at": ts("2024-02-01T00:00:00Z")},
		{"id": "cd3", "credit_grant_id": "g1", "memo": "Consumed", "amount": "100", "effective_at": ts("2024-02-01T00:00:00Z")},
		{"id": "cd4", "credit_grant_id": "g2", "memo": "Credits expired", "amount": "7", "effective_at": ts("2024-02-01T00:00:00Z")},
	},
	"plan_charge": {
		{"id": "pc1", "environment_type": prod, "plan_id": "pl1", "charge_id": "ch1", "name": "Base fee", "charge_type": "FLAT", "credit_type_name": "USD", "start_period": "0", "quantity": "1"},
		{"id": "pc2", "environment_type": prod, "plan_id": "pl1", "charge_id": "ch2", "name": "API", "product_id": "p1", "product_name": "API", "billable_metric_id": "m1", "billable_metric_name": "API calls", "charge_type": "USAGE", "credit_type_name": "USD", "start_period": "1"},
		{"id": "pc3", "environment_type": prod, "plan_id": "pl2", "charge_id": "ch3", "name": "Other", "start_period": "0"},
		{"id": "pc4", "environment_type": sbx, "plan_id": "pl1", "charge_id": "ch4", "name": "Sandbox", "start_period": "0"},
	},
	"plan": {
		{"id": "pl1", "environment_type": prod, "name": "Starter", "billing_frequency": "MONTHLY", "starting_on": ts(asOf)},
		{"id": "pl2", "environment_type": prod, "name": "Pro", "billing_frequency": "ANNUAL", "starting_on": ts("2024-03-16T23:59:59Z")},
		{"id": "pl3", "environment_type": prod, "name": "Late", "starting_on": ts("2024-03-17T00:00:00Z")},
		{"id": "pl4", "environment_type": prod, "name": "Deprecated", "starting_on": ts("2024-03-12T00:00:00Z"), "deprecated_at": ts("2024-03-01T00:00:00Z")},
		{"id": "pl5", "environment_type": sbx, "name": "Sandbox", "starting_on": ts("2024-03-11T00:00:00Z")},
		{"id": "pl6", "environment_type": prod, "name": "Early", "starting_on": ts("2024-03-09T23:59:59Z")},
	},
	"contracts_balances": {
		{"id": "b1", "environment_type": prod, "customer_id": "c1", "contract_id": "k1", "type": "COMMIT", "balance": 100.5},
		{"id": "b2", "environment_type": prod, "customer_id": "c1", "contract_id": "k1", "type": "COMMIT", "balance": 0.25},
		{"id": "b3", "environment_type": prod, "customer_id": "c1", "contract_id": "k1", "type": "CREDIT", "balance": 10.0},
		{"id": "b4", "environment_type": sbx, "customer_id": "c3", "contract_id": "k4", "type": "CREDIT", "balance": 5.0},
	},
}

// expectation is one entry's run: its parameters and the exact answer,
// after normalize (decimals without trailing zeros, timestamps RFC 3339 UTC).
type expectation struct {
	params map[string]string
	rows   [][]string
}

const N = "NULL"

var expected = map[string][]expectation{
	"active_customers": {
		{nil, [][]string{{"2"}}},
		{map[string]string{"environment": sbx}, [][]string{{"1"}}},
	},
	"events_per_month": {{nil, [][]string{
		{"2024-01-01T00:00:00Z", "1"}, {"2024-02-01T00:00:00Z", "2"}, {"2024-03-01T00:00:00Z", "1"},
	}}},
	"monthly_invoice_totals": {
		{nil, [][]string{
			{"2024-01-01T00:00:00Z", "USD", "1", "0.000000001"},
			{"2024-02-01T00:00:00Z", "Credits", "1", "10.5"},
			{"2024-02-01T00:00:00Z", "USD", "1", huge},
		}},
		{map[string]string{"environment": sbx}, [][]string{{"2024-01-01T00:00:00Z", "USD", "1", "500"}}},
	},
	"monthly_totals_by_line_item_type": {{nil, [][]string{
		{"2024-01-01T00:00:00Z", "SUBSCRIPTION", "USD", "0.000000001"},
		{"2024-02-01T00:00:00Z", "UNKNOWN", "Credits", "10.5"},
		{"2024-02-01T00:00:00Z", "USAGE", "USD", huge},
	}}},
	"monthly_usage_totals": {{nil, [][]string{
		{"2024-01-01T00:00:00Z", "NON_USAGE", "USD", "0.000000001"},
		{"2024-02-01T00:00:00Z", "NON_USAGE", "USD", "1"},
		{"2024-02-01T00:00:00Z", "USAGE", "Credits", "3"},
		{"2024-02-01T00:00:00Z", "USAGE", "USD", "7.25"},
	}}},
	"daily_draft_invoice_totals": {{nil, [][]string{
		{"2024-03-01T00:00:00Z", "USD", "2", "15.5"},
		{"2024-03-02T00:00:00Z", "USD", "2", "12"},
	}}},
	"draft_invoice_total_by_contract": {{nil, [][]string{
		{"k1", "Acme 2024", "USD", "2", "12"},
		{"k2", "Globex", "USD", "1", "7"},
	}}},
	"daily_draft_usage_totals": {{nil, [][]string{
		{"2024-03-01T00:00:00Z", "NON_USAGE", "USD", "1"},
		{"2024-03-01T00:00:00Z", "USAGE", "USD", "2.5"},
		{"2024-03-02T00:00:00Z", "USAGE", "USD", "3.000000001"},
	}}},
	"draft_invoice_total_by_plan": {{nil, [][]string{
		{"pl1", "Starter", "USD", "2", "12"},
		{"pl2", "Pro", "USD", "1", "7"},
	}}},
	// bd1 and bd2 are one UTC day (the second at 23:59:59); bd6 is negative
	// and kept; bd5 is SANDBOX.
	"daily_draft_line_item_totals": {{nil, [][]string{
		{"2024-03-01T00:00:00Z", "Compute", "USD", "15", "2.25"},
		{"2024-03-01T00:00:00Z", "Credit", "USD", "1", "-2"},
		{"2024-03-01T00:00:00Z", "Seats", "USD", "3", "30"},
		{"2024-03-02T00:00:00Z", "Compute", "USD", "1", "0.15"},
	}}},
	// customer, day, draft invoice, line item name, credit type, quantity, total.
	"daily_draft_line_item_totals_by_customer": {{nil, [][]string{
		{"c1", "2024-03-01T00:00:00Z", "d1", "Compute", "USD", "15", "2.25"},
		{"c1", "2024-03-01T00:00:00Z", "d1", "Credit", "USD", "1", "-2"},
		{"c4", "2024-03-01T00:00:00Z", "d4", "Seats", "USD", "3", "30"},
		{"c4", "2024-03-02T00:00:00Z", "d4", "Compute", "USD", "1", "0.15"},
	}}},
	"archived_contracts": {{nil, [][]string{
		{"k3", "Initech", "c4", "2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z", "2024-03-05T00:00:00Z"},
		{"k2", "Globex", "c1", "2024-01-01T00:00:00Z", N, "2024-02-20T10:00:00Z"},
	}}},
	"contract_recent_overrides": {
		{map[string]string{"contract_id": "k1", "limit": "5"}, [][]string{
			{"k1", "o2", "p2", "MULTIPLIER", "COMMIT_RATE", N, "2024-03-01T00:00:00Z", N, "2024-03-01T00:00:00Z"},
			{"k1", "o1", "p1", "OVERWRITE", "LIST_RATE", "flat", "2024-02-01T00:00:00Z", N, "2024-02-01T00:00:00Z"},
		}},
		{map[string]string{"limit": "1"}, [][]string{
			{"k2", "o3", "p1", "OVERWRITE", "LIST_RATE", "percentage", "2024-03-05T00:00:00Z", N, "2024-03-05T00:00:00Z"},
		}},
		// Hostile values are data, not SQL: nothing matches them.
		{map[string]string{"contract_id": "k1' OR '1'='1"}, nil},
		{map[string]string{"contract_id": `k1\' OR 1=1 -- `}, nil},
		{map[string]string{"contract_id": `k1\`}, nil},
	},
	"active_rate_card_entries": {{map[string]string{"as_of": asOf}, [][]string{
		{"rc3", "Empty", "0"},
		{"rc1", "Standard", "2"},
	}}},
	"alerts_with_webhooks": {{nil, [][]string{
		{"a1", "Low balance", "LOW_CREDIT_BALANCE", huge},
	}}},
	// In [as_of - 7 days, as_of): h2, h3 (IN_ALARM), h4, h5; not h8 (ok), h1
	// (before), h6 (at as_of), h7 (SANDBOX).
	"alert_triggers_per_day": {{map[string]string{"as_of": asOf}, [][]string{
		{"2024-03-03T00:00:00Z", "a1", "Low balance", "2"},
		{"2024-03-03T00:00:00Z", "a6", "Low balance", "1"},
		{"2024-03-09T00:00:00Z", "a1", "Low balance", "1"},
	}}},
	"expired_credit_grants_per_month": {{nil, [][]string{
		{"2024-01-01T00:00:00Z", "ct1", "5.5"},
		{"2024-02-01T00:00:00Z", "ct1", "0.000000001"},
	}}},
	"plan_charges": {{map[string]string{"plan_id": "pl1"}, [][]string{
		{"pl1", "pc1", "ch1", "Base fee", N, N, N, N, "FLAT", "USD", "0", "1"},
		{"pl1", "pc2", "ch2", "API", "p1", "API", "m1", "API calls", "USAGE", "USD", "1", N},
	}}},
	"plans_starting_soon": {{map[string]string{"as_of": asOf}, [][]string{
		{"pl1", "Starter", "MONTHLY", "2024-03-10T00:00:00Z"},
		{"pl2", "Pro", "ANNUAL", "2024-03-16T23:59:59Z"},
	}}},
	"commit_credit_balances_by_contract": {{nil, [][]string{
		{"c1", "k1", "COMMIT", "2", "100.75"},
		{"c1", "k1", "CREDIT", "1", "10"},
	}}},
	"revenue_by_product_by_month": {{nil, [][]string{
		{"2024-01-01T00:00:00Z", "p2", "Seats", "USD", "0.000000001"},
		{"2024-02-01T00:00:00Z", "p1", "Compute", "Credits", "10.5"},
		{"2024-02-01T00:00:00Z", "p1", "Compute", "USD", huge},
	}}},
	"usage_by_billable_metric": {{nil, [][]string{
		{"2024-01-01T00:00:00Z", "m1", "API calls", "USD", "100", "60"},
		{"2024-02-01T00:00:00Z", "m1", "API calls", "USD", "50.5", "40"},
		{"2024-02-01T00:00:00Z", "m2", "Storage GB", "USD", "2", "0.000000001"},
	}}},
}
