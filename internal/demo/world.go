package demo

import (
	"fmt"
	"sort"
	"time"
)

// metric is a usage product: its billable metric, event type and price.
type metric struct {
	name, eventType, unit string
	price                 nanos // per unit
	qtyLo, qtyHi          int
	metricID, productID   string
}

// envWorld is what one Metronome environment has before any customer.
type envWorld struct {
	name                   string
	usd, cloud             string // credit type ids
	metrics                []*metric
	platformID, commitProd string // subscription and commit products
	rateCard, plan         string
	packages               []string
	alerts                 []string
}

// Amounts are in the fiat credit type, "USD (cents)": cents, as Metronome counts them.
var platformFee = 25000 * unit // per seat per month

type customer struct {
	id, name, env, contract string
	ew                      *envWorld
	created, archived       time.Time
	firstDay                int       // first day of usage (index)
	usage                   [][]int64 // [day][metric]
	seats                   int64
	multNum, multDen        nanos // list-rate override multiplier
	subscription            string
	commit                  string
	commitAmount            nanos
	balanceBefore           []nanos // commit balance before month m's invoice
	legacy                  bool
	invoiceIDs              []string // per month
	commitEnt, balanceEnt   *snapEnt
	ledger                  []map[string]any
	full                    bool // every optional contract feature
}

// line is one invoice line: usage lines carry their daily quantities.
type line struct {
	id, name, kind, productID, commitID, subscriptionID string
	metric                                              int // usage lines: metric index, else -1
	daily                                               []int64
	qty                                                 int64
	unitPrice, total                                    nanos
	from                                                int // first day index of the usage
}

var (
	adjectives = []string{"Acme", "Blue", "Bright", "Cedar", "Delta", "Ember", "Falcon", "Granite", "Harbor", "Indigo", "Juniper", "Kestrel", "Lumen", "Maple", "Nimbus", "Orbit", "Pioneer", "Quartz", "Raven", "Summit", "Tidal", "Umber", "Vertex", "Willow"}
	nouns      = []string{"Analytics", "Labs", "Systems", "Logistics", "Health", "Robotics", "Media", "Foods", "Energy", "Networks", "Studios", "Cloud", "Finance", "Security", "Bio", "Works"}
	regions    = []string{"us-east-1", "us-west-2", "eu-west-1", "ap-southeast-2"}
)

func (g *gen) build() {
	g.buildEnvs()
	g.buildCustomers()
	for _, c := range g.customers {
		g.buildUsage(c)
	}
	for _, c := range g.customers {
		g.buildInvoices(c)
	}
	g.buildDrafts()
	g.buildAlertHistory()
	sort.Slice(g.known.InvoiceTotals, func(i, j int) bool {
		a, b := g.known.InvoiceTotals[i], g.known.InvoiceTotals[j]
		if a.Environment != b.Environment {
			return a.Environment < b.Environment
		}
		if a.Month != b.Month {
			return a.Month < b.Month
		}
		return a.Status < b.Status
	})
}

func (g *gen) buildEnvs() {
	long := g.start.AddDate(-1, 0, 0)
	for _, name := range []string{production, sandbox} {
		r := g.r
		ew := &envWorld{name: name, usd: r.uuid(), cloud: r.uuid(), rateCard: r.uuid(), plan: r.uuid(), platformID: r.uuid(), commitProd: r.uuid()}
		g.envs = append(g.envs, ew)
		for _, ct := range []struct {
			id, name string
			cur      bool
		}{{ew.usd, "USD (cents)", true}, {ew.cloud, "Cloud credits", false}} {
			g.emit("credit_type", long, row{"id": ct.id, "name": ct.name, "is_currency": ct.cur, "environment_type": name, "updated_at": long, "_metronome_metadata_id": r.uuid()})
		}
		ew.metrics = []*metric{
			{name: "API requests", eventType: "api_request", unit: "requests", price: 200_000_000, qtyLo: 1, qtyHi: 400},
			{name: "Storage GB-hours", eventType: "storage_usage", unit: "GB-hours", price: 10_000_000, qtyLo: 50, qtyHi: 5000},
			{name: "Compute seconds", eventType: "compute_job", unit: "seconds", price: 4_000_000, qtyLo: 10, qtyHi: 3600},
		}
		for i, m := range ew.metrics {
			m.metricID, m.productID = r.uuid(), r.uuid()
			created := long.AddDate(0, 0, i)
			g.emit("billable_metric", created, row{"id": m.metricID, "name": m.name, "aggregate": "SUM", "aggregate_keys": []string{"quantity"},
				"group_keys": [][]string{{"region"}}, "environment_type": name, "created_at": created, "updated_at": created})
		}
		// Products: three usage products, the platform subscription and the commit product.
		type prod struct {
			id, name, kind, metricID string
		}
		prods := []prod{}
		for _, m := range ew.metrics {
			prods = append(prods, prod{m.productID, m.name, "USAGE", m.metricID})
		}
		prods = append(prods, prod{ew.platformID, "Platform fee", "SUBSCRIPTION", ""}, prod{ew.commitProd, "Prepaid commit", "FIXED", ""})
		for i, p := range prods {
			created := long.AddDate(0, 0, 3+i)
			g.emit("product", created, row{"id": p.id, "name": p.name, "description": p.name + " (" + p.kind + ")", "custom_fields": map[string]string{"sku": fmt.Sprintf("SKU-%03d", i+1)},
				"created_at": created, "environment_type": name, "updated_at": created})
			var metricID any
			if p.metricID != "" {
				metricID = p.metricID
			}
			g.entity("contracts_product_list_item_versions", created, row{"id": r.uuid(), "environment_type": name, "product_list_item_id": p.id, "type": p.kind, "version": int64(1),
				"name": p.name, "is_refundable": p.kind != "USAGE", "billable_metric_id": metricID, "tags": []string{p.kind}, "pricing_group_key": []string{"region"},
				"presentation_group_key": []string{"region"}, "metadata": map[string]any{}, "starting_at": created, "created_at": created, "created_by": "ops@example.com", "updated_at": created})
			if i < len(ew.metrics)+1 {
				price := platformFee
				if p.metricID != "" {
					price = ew.metrics[i].price
				}
				g.entity("contracts_rate_card_entries", created, row{"id": r.uuid(), "environment_type": name, "rate_card_id": ew.rateCard, "product_id": p.id, "version": int64(1),
					"entitled": true, "rate": mustJSON(map[string]any{"rate_type": "FLAT", "price": price.float()}), "product_order": int64(i + 1), "metadata": map[string]any{},
					"credit_type_id": ew.usd, "credit_type_name": "USD (cents)", "billing_frequency": "MONTHLY", "starting_at": created, "updated_at": created})
				g.emit("plan_charge", created, row{"id": r.uuid(), "charge_id": r.uuid(), "name": p.name, "plan_id": ew.plan, "product_id": p.id, "product_name": p.name,
					"billable_metric_id": metricID, "start_period": "0", "credit_type_id": ew.usd, "credit_type_name": "USD (cents)", "charge_type": map[bool]string{true: "usage", false: "flat"}[p.metricID != ""],
					"quantity": "1", "environment_type": name, "prices": []map[string]any{{"tier": 0, "value": price.float()}}, "updated_at": created})
			}
		}
		g.entity("contracts_rate_cards", long, row{"id": ew.rateCard, "environment_type": name, "credit_type_conversions": []any{map[string]any{"custom_credit_type_id": ew.cloud, "fiat_per_custom_credit": 1.0}},
			"metadata": map[string]any{}, "aliases": []any{map[string]any{"name": "standard"}}, "fiat_credit_type_id": ew.usd, "fiat_credit_type_name": "USD (cents)",
			"description": "Standard list prices", "name": "Standard 2026", "created_by": "ops@example.com", "created_at": long, "updated_at": long})
		for i, pk := range []string{"Starter", "Enterprise"} {
			id := r.uuid()
			ew.packages = append(ew.packages, id)
			g.entity("packages", long, row{"id": id, "name": pk, "rate_card_id": ew.rateCard, "duration_unit": "YEARS", "duration_value": int64(1 + i),
				"multiplier_override_prioritization": "LOWEST_MULTIPLIER", "net_payment_terms_days": int64(30), "usage_statement_schedule_frequency": "MONTHLY",
				"scheduled_charges_on_usage_invoices": "ALL", "billing_provider": "stripe", "delivery_method": "direct_to_billing_provider", "aliases": []string{pk},
				"created_at": long, "created_by": "ops@example.com", "updated_at": long, "environment_type": name, "metadata": map[string]any{}})
		}
		g.emit("plan", long, row{"id": ew.plan, "name": "Legacy Growth Plan", "description": "Plans-era pricing, kept for older customers", "billing_frequency": "monthly",
			"starting_on": long, "custom_fields": map[string]any{}, "environment_type": name, "created_at": long, "updated_at": long})
		// Alerts: one gets a new threshold, one is archived during the export.
		for i, a := range []struct {
			name, typ string
			threshold nanos
		}{{"Low prepaid balance", "low_remaining_contract_credit_and_commit_balance_reached", 10000 * unit}, {"Spend over budget", "spend_threshold_reached", 500000 * unit}, {"Invoice total high", "invoice_total_reached", 1000000 * unit}} {
			id := r.uuid()
			ew.alerts = append(ew.alerts, id)
			created := long.AddDate(0, 1, i)
			base := row{"id": id, "name": a.name, "alert_type": a.typ, "threshold": a.threshold.String(), "webhooks_enabled": true, "environment_type": name,
				"created_at": created, "updated_at": created, "group_values": []any{}, "seat_filter": nil}
			g.emit("alert", created, base)
			switch i {
			case 1:
				at := g.dayAt(min(30, g.days-1)).Add(10 * time.Hour)
				next := copyRow(base)
				next["threshold"], next["updated_at"] = (750000 * unit).String(), at
				g.emit("alert", at, next)
			case 2:
				at := g.dayAt(min(40, g.days-1)).Add(11 * time.Hour)
				next := copyRow(base)
				next["archived_at"], next["disabled_at"], next["updated_at"] = at, at, at
				g.emit("alert", at, next)
			}
		}
	}
}

func (g *gen) buildCustomers() {
	n := g.opt.Customers
	r := g.r
	for i := 0; i < n; i++ {
		ew := g.envs[0]
		if i%10 == 9 || (n >= 2 && n < 10 && i == n-1) {
			ew = g.envs[1]
		}
		c := &customer{id: r.uuid(), env: ew.name, ew: ew, seats: int64(r.between(1, 5)), multNum: 1, multDen: 1}
		// The first customer of each environment has every optional feature,
		// so that every table has rows in both environments at any size.
		g.perEnv[ew.name]++
		c.full = g.perEnv[ew.name] == 1
		c.name = fmt.Sprintf("%s %s", pick(r, adjectives), pick(r, nouns))
		if i >= len(adjectives) {
			c.name += fmt.Sprintf(" %d", i)
		}
		if r.chance(0.7) || g.days < 15 || c.full {
			c.created = g.start.AddDate(0, 0, -r.between(30, 400)).Add(time.Duration(r.IntN(86400)) * time.Second)
		} else {
			c.created = g.dayAt(r.IntN(g.days - 10)).Add(time.Duration(r.IntN(86400)) * time.Second)
		}
		c.firstDay = max(0, int(day(c.created).Sub(g.start)/(24*time.Hour)))
		c.legacy = r.chance(0.15) || c.full
		if r.chance(0.15) {
			c.multNum, c.multDen = 9, 10
		}
		g.customers = append(g.customers, c)
		g.known.Customers[c.env]++

		alias := fmt.Sprintf("acct_%06d", 100000+i)
		cust := row{"id": c.id, "name": c.name, "ingest_aliases": []string{alias, fmt.Sprintf("%s@example.com", alias)}, "billing_provider_type": "stripe",
			"billing_provider_customer_id": "cus_" + hashID("", c.id)[:14], "custom_fields": map[string]string{"tier": pick(r, []string{"gold", "silver", "bronze"}), "region": pick(r, regions)},
			"environment_type": c.env, "created_at": c.created, "updated_at": c.created}
		if r.chance(0.3) {
			cust["salesforce_account_id"] = "001" + hashID("", c.id, "sf")[:15]
		}
		g.emit("customer", c.created, cust)
		// Later updates: a renamed customer, changed custom fields, archiving.
		if r.chance(0.3) {
			lo := max(0, c.firstDay+1)
			if lo < g.days-1 {
				at := g.dayAt(r.between(lo, g.days-1)).Add(time.Duration(r.IntN(86400)) * time.Second)
				next := copyRow(cust)
				next["name"], next["updated_at"] = c.name+" Inc.", at
				next["custom_fields"] = map[string]string{"tier": "platinum", "region": pick(r, regions)}
				c.name += " Inc."
				g.emit("customer", at, next)
				cust = next
			}
		}
		if c.created.Before(g.dayAt(g.days-20)) && r.chance(0.03) {
			c.archived = g.dayAt(g.days - 3).Add(9 * time.Hour)
			next := copyRow(cust)
			next["archived_at"], next["updated_at"] = c.archived, c.archived
			g.emit("customer", c.archived, next)
		}
		g.buildContract(c, i)
	}
}

// buildContract creates the contract-side rows of one customer.
func (g *gen) buildContract(c *customer, i int) {
	r, ew := g.r, c.ew
	full := c.full
	c.contract = r.uuid()
	start := day(c.created)
	end := start.AddDate(1, 0, 0)
	pkg := pick(r, ew.packages)
	contract := g.entity("contracts_contracts", c.created, row{"id": c.contract, "environment_type": c.env, "name": c.name + " MSA", "customer_id": c.id, "package_id": pkg,
		"rate_card_id": ew.rateCard, "starting_at": start, "ending_before": end, "multiplier_override_prioritization": "LOWEST_MULTIPLIER", "net_payment_terms_days": int64(30),
		"usage_statement_schedule_frequency": "MONTHLY", "scheduled_charges_on_usage_invoices": "ALL", "metadata": map[string]any{}, "created_at": c.created,
		"created_by": "sales@example.com", "updated_at": c.created})
	if !c.archived.IsZero() {
		contract.update(c.archived, row{"archived_at": c.archived})
	}
	c.subscription = r.uuid()
	g.entity("contracts_subscriptions", c.created, row{"id": c.subscription, "environment_type": c.env, "customer_id": c.id, "contract_id": c.contract, "product_id": ew.platformID,
		"name": "Platform fee", "description": "Per-seat platform access", "billing_frequency": "MONTHLY", "collection_schedule": "ADVANCE", "is_prorated": false,
		"invoice_behavior": "BILL_IMMEDIATELY", "quantity_schedule": []any{map[string]any{"starting_at": iso(start), "ending_before": nil, "quantity": c.seats}},
		"fiat_credit_type_id": ew.usd, "metadata": map[string]any{}, "starting_at": start, "ending_before": end, "updated_at": c.created})
	if r.chance(0.5) || full {
		c.commit = r.uuid()
		c.commitAmount = nanos(pick(r, []int64{100000, 250000, 500000})) * unit
		seg := r.uuid()
		c.ledger = []map[string]any{{"type": "prepaid_segment_start", "timestamp": iso(start), "amount": c.commitAmount.float(), "segment_id": seg}}
		common := row{"id": c.commit, "environment_type": c.env, "contract_id": c.contract, "type": "PREPAID", "name": "Prepaid usage commit", "priority": 100.0,
			"description": "Annual prepaid usage", "product_id": ew.commitProd, "access_schedule": map[string]any{"credit_type_id": ew.usd, "credit_type_name": "USD (cents)",
				"schedule_items": []any{map[string]any{"id": seg, "date": iso(start), "end_date": iso(end), "amount": c.commitAmount.float()}}},
			"invoice_schedule": map[string]any{"credit_type_id": ew.usd, "credit_type_name": "USD (cents)", "do_not_invoice": false, "schedule_items": []any{map[string]any{"id": r.uuid(), "date": iso(start), "amount": c.commitAmount.float(), "invoice_id": nil}}, "recurring_schedule": nil},
			"rate_type":        "LIST_RATE", "applicable_product_ids": []string{ew.metrics[0].productID, ew.metrics[1].productID, ew.metrics[2].productID},
			"specifiers": []any{}, "ledger": mustJSON(c.ledger), "metadata": map[string]any{}, "balance": c.commitAmount.float(), "updated_at": c.created}
		c.commitEnt = g.entity("contracts_commits", c.created, common)
		bal := copyRow(common)
		bal["customer_id"], bal["invoice_contract_id"], bal["applicable_contract_ids"] = c.id, c.contract, []string{c.contract}
		c.balanceEnt = g.entity("contracts_balances", c.created, bal)
		if r.chance(0.3) || full {
			g.entity("contracts_prepaid_balance_threshold_configurations", c.created, row{"id": r.uuid(), "environment_type": c.env, "contract_id": c.contract, "enabled": true,
				"threshold_amount": 10000.0, "recharge_to_amount": 100000.0, "commit_name": "Auto recharge", "commit_description": "Recharged when the balance is low", "commit_product_id": ew.commitProd,
				"commit_applicable_product_ids": []string{ew.metrics[0].productID}, "commit_applicable_product_tags": []string{}, "payment_gate_type": "STRIPE", "tax_type": "NONE",
				"stripe_payment_type": "PAYMENT_INTENT", "metadata": map[string]any{}, "updated_at": c.created})
		}
	}
	if r.chance(0.25) || full { // a promotional credit: a balance that is not a commit
		id := r.uuid()
		amount := 20000 * unit
		g.entity("contracts_balances", c.created, row{"id": id, "environment_type": c.env, "customer_id": c.id, "contract_id": c.contract, "type": "CREDIT", "name": "Onboarding credit",
			"priority": 50.0, "description": "Promotional credit", "product_id": ew.commitProd, "access_schedule": map[string]any{"credit_type_id": ew.cloud, "credit_type_name": "Cloud credits",
				"schedule_items": []any{map[string]any{"id": r.uuid(), "date": iso(start), "end_date": iso(end), "amount": amount.float()}}},
			"rate_type": "LIST_RATE", "applicable_product_ids": []string{}, "applicable_product_tags": []string{"USAGE"}, "specifiers": []any{}, "applicable_contract_ids": []string{c.contract},
			"invoice_contract_id": c.contract, "ledger": mustJSON([]any{map[string]any{"type": "credit_segment_start", "timestamp": iso(start), "amount": amount.float(), "segment_id": r.uuid()}}),
			"metadata": map[string]any{}, "balance": amount.float(), "updated_at": c.created})
	}
	if r.chance(0.1) || full {
		g.entity("contracts_recurring_commits_and_credits", c.created, row{"id": r.uuid(), "environment_type": c.env, "contract_id": c.contract, "customer_id": c.id, "type": "CREDIT",
			"name": "Monthly loyalty credit", "priority": 10.0, "description": "Granted every month", "product_id": ew.commitProd,
			"access_amount": map[string]any{"credit_type_id": ew.usd, "unit_price": 5000.0, "quantity": 1}, "invoice_amount": nil, "rate_type": "LIST_RATE",
			"applicable_product_ids": []string{}, "applicable_product_tags": []string{}, "specifiers": []any{}, "commit_duration": map[string]any{"value": 1, "unit": "PERIODS"},
			"proration": "NONE", "recurrence_frequency": "MONTHLY", "metadata": map[string]any{}, "subscription_config": nil, "starting_at": start, "ending_before": end, "updated_at": c.created})
	}
	if r.chance(0.2) || full { // an annual renewal fee, due when the contract ends
		g.entity("contracts_scheduled_charges", c.created, row{"id": r.uuid(), "environment_type": c.env, "contract_id": c.contract, "name": "Annual support", "description": "Premium support",
			"product_id": ew.commitProd, "credit_type_id": ew.usd, "credit_type_name": "USD (cents)",
			"schedule": map[string]any{"credit_type_id": ew.usd, "schedule_items": []any{map[string]any{"id": r.uuid(), "timestamp": iso(end), "amount": 120000.0, "quantity": 1, "unit_price": 120000.0, "invoice_id": nil}}},
			"metadata": map[string]any{}, "updated_at": c.created})
	}
	if r.chance(0.1) || full {
		g.entity("contracts_spend_threshold_configurations", c.created, row{"id": r.uuid(), "environment_type": c.env, "contract_id": c.contract, "enabled": true, "threshold_amount": 200000.0,
			"commit_name": "Spend threshold", "commit_description": "Invoice when spend reaches the threshold", "commit_product_id": ew.commitProd, "payment_gate_type": "NONE",
			"tax_type": "NONE", "stripe_payment_type": nil, "metadata": map[string]any{}, "updated_at": c.created})
	}
	if r.chance(0.05) || full {
		fid := r.uuid()
		g.entity("contracts_usage_filters", c.created, row{"id": fid, "environment_type": c.env, "contract_id": c.contract, "version": int64(1), "starting_at": start,
			"group_key": "region", "group_values": []string{"us-east-1", "us-west-2"}, "metadata": map[string]any{}, "updated_at": c.created})
		g.entity("contracts_usage_filter_schedule", c.created, row{"id": fid, "contract_id": c.contract, "starting_at": start, "ending_before": end,
			"group_key": "region", "group_values": []string{"us-east-1", "us-west-2"}, "metadata": map[string]any{}, "updated_at": c.created})
	}
	if c.multDen != 1 || r.chance(0.1) || full {
		// A LIST_RATE override is the discount the invoices apply; a COMMIT_RATE
		// override does not change list prices. One COMMIT_RATE override per
		// export is removed near the end: a row vanishing from a snapshot.
		target, mult := "COMMIT_RATE", 0.8
		if c.multDen != 1 {
			target, mult = "LIST_RATE", 0.9
		}
		ov := g.entity("contracts_overrides", c.created, row{"id": r.uuid(), "environment_type": c.env, "contract_id": c.contract, "product_id": ew.metrics[0].productID,
			"entitled": nil, "rate_type": "MULTIPLIER", "multiplier": mult, "priority": 1.0, "new_rate": nil, "credit_type_id": ew.usd, "credit_type_name": "USD (cents)",
			"applicable_product_tags": []string{"USAGE"}, "override_specifiers": []any{map[string]any{"product_tags": []string{"USAGE"}}}, "target": target,
			"is_commit_specific": false, "metadata": map[string]any{}, "tiered_override": nil, "starting_at": start, "ending_before": nil, "created_at": c.created, "updated_at": c.created})
		if target == "COMMIT_RATE" && i%3 == 0 && !full {
			ov.removed = g.dayAt(g.days - 2)
		}
	}
	// An override removed two days before the end: a row vanishing from a
	// snapshot. The customer keeps the override above, so no environment's
	// rows all vanish from a snapshot: reading snapshots per environment or
	// as a whole gives the same current state.
	if full {
		ov := g.entity("contracts_overrides", c.created, row{"id": r.uuid(), "environment_type": c.env, "contract_id": c.contract, "product_id": ew.metrics[1].productID,
			"rate_type": "MULTIPLIER", "multiplier": 0.5, "priority": 2.0, "credit_type_id": ew.usd, "credit_type_name": "USD (cents)",
			"applicable_product_tags": []string{"USAGE"}, "override_specifiers": []any{map[string]any{"product_id": ew.metrics[1].productID}}, "target": "COMMIT_RATE",
			"is_commit_specific": true, "metadata": map[string]any{}, "starting_at": start, "created_at": c.created, "updated_at": c.created})
		ov.removed = g.dayAt(g.days - 2)
	}
	if r.chance(0.1) || full {
		at := c.created.Add(time.Duration(r.between(1, 20)) * 24 * time.Hour)
		g.entity("contracts_edits", at, row{"id": r.uuid(), "contract_id": c.contract, "timestamp": at, "edits": map[string]any{"update_contract_name": c.name + " MSA (rev. 2)"},
			"metadata": map[string]any{}, "environment_type": c.env, "created_by": "sales@example.com", "updated_at": at})
	}
	if r.chance(0.05) || full {
		at := c.created.Add(time.Duration(r.between(1, 30)) * 24 * time.Hour)
		g.entity("contracts_amendments", at, row{"id": r.uuid(), "environment_type": c.env, "contract_id": c.contract, "effective_at": day(at), "metadata": map[string]any{},
			"created_at": at, "created_by": "sales@example.com", "updated_at": at})
	}
	if r.chance(0.05) || full { // a renewal: the next contract starts when this one ends
		next := r.uuid()
		g.entity("contracts_contracts", c.created, row{"id": next, "environment_type": c.env, "name": c.name + " MSA renewal", "customer_id": c.id, "package_id": pkg,
			"rate_card_id": ew.rateCard, "starting_at": end, "ending_before": end.AddDate(1, 0, 0), "multiplier_override_prioritization": "LOWEST_MULTIPLIER",
			"net_payment_terms_days": int64(30), "usage_statement_schedule_frequency": "MONTHLY", "scheduled_charges_on_usage_invoices": "ALL", "metadata": map[string]any{},
			"created_at": c.created, "created_by": "sales@example.com", "updated_at": c.created})
		g.entity("contracts_transitions", c.created, row{"id": r.uuid(), "environment_type": c.env, "type": "RENEWAL", "contract_id": c.contract, "from_contract_id": c.contract,
			"to_contract_id": next, "date": end, "metadata": map[string]any{}, "updated_at": c.created})
	}
	// A child contract billed to an earlier customer of the same environment
	// (always for the second customer of each environment).
	var parent *customer
	for j := i - 1; j >= 0; j-- {
		if g.customers[j].env == c.env {
			parent = g.customers[j]
			break
		}
	}
	if parent != nil && (r.chance(0.03) || g.perEnv[c.env] == 2) {
		g.entity("contract_hierarchy_configurations", c.created, row{"id": r.uuid(), "contract_id": c.contract, "parent_contract_id": parent.contract, "parent_customer_id": parent.id,
			"child_info": map[string]any{"customer_id": c.id, "contract_id": c.contract}, "updated_at": c.created, "metadata": map[string]any{}, "environment_type": c.env,
			"payer": "PARENT", "usage_statement_behavior": "CONSOLIDATE", "invoice_consolidation_type": "CONCATENATE"})
	}
	if c.legacy {
		g.emit("customer_plan", c.created, row{"id": r.uuid(), "customer_id": c.id, "plan_id": ew.plan, "plan_name": "Legacy Growth Plan", "starting_on": start,
			"net_payment_term_days": "30", "custom_fields": map[string]any{}, "created_at": c.created, "updated_at": c.created})
	}
}

// buildUsage generates the customer's events, day by day.
func (g *gen) buildUsage(c *customer) {
	r := g.r
	c.usage = make([][]int64, g.days)
	intensity := r.between(1, 6)
	for d := c.firstDay; d < g.days; d++ {
		c.usage[d] = make([]int64, len(c.ew.metrics))
		if !c.archived.IsZero() && !g.dayAt(d).Before(day(c.archived)) {
			continue
		}
		for n := r.IntN(intensity + 1); n > 0; n-- {
			mi := r.IntN(len(c.ew.metrics))
			m := c.ew.metrics[mi]
			q := int64(r.between(m.qtyLo, m.qtyHi))
			ts := g.dayAt(d).Add(time.Duration(r.Int64N(int64(24*time.Hour/time.Microsecond))) * time.Microsecond)
			if ts.Before(c.created) {
				continue
			}
			c.usage[d][mi] += q
			id := r.uuid()
			upd := ts.Add(time.Duration(r.between(2, 300)) * time.Second)
			if late := ts.Add(time.Duration(r.between(24, 72)) * time.Hour); r.chance(0.01) && late.Before(g.end()) {
				upd = late // a late arrival: delivered in a later transfer than its day's
			}
			g.emit("events", upd, row{"transaction_id": id, "customer_id": c.id, "timestamp": ts, "event_type": m.eventType,
				"properties": map[string]any{"quantity": q, "region": pick(r, regions), "unit": m.unit}, "environment_type": c.env,
				"_metronome_metadata_id": hashUUID(id), "updated_at": upd})
			g.known.Events[c.env]++
		}
	}
}

// lines prices the customer's usage of month m on days [from, to), with the
// commit balance available before the invoice.
func (g *gen) lines(c *customer, invoiceID string, from, to int, balance nanos) []line {
	var out []line
	var usage nanos
	for mi, m := range c.ew.metrics {
		l := line{id: hashUUID(invoiceID, "usage", mi), name: m.name, kind: "usage", productID: m.productID, metric: mi, from: from,
			unitPrice: m.price * c.multNum / c.multDen}
		for d := from; d < to; d++ {
			q := c.usage[d][mi]
			l.daily = append(l.daily, q)
			l.qty += q
		}
		l.total = nanos(l.qty) * l.unitPrice
		usage += l.total
		out = append(out, l)
	}
	out = append(out, line{id: hashUUID(invoiceID, "subscription"), name: "Platform fee", kind: "subscription", productID: c.ew.platformID, subscriptionID: c.subscription,
		metric: -1, qty: c.seats, unitPrice: platformFee, total: nanos(c.seats) * platformFee, from: from})
	if c.commit != "" && balance > 0 {
		applied := min(balance, usage)
		out = append(out, line{id: hashUUID(invoiceID, "commit"), name: "Prepaid commit", kind: "commit", productID: c.ew.commitProd, commitID: c.commit,
			metric: -1, qty: 1, unitPrice: -applied, total: -applied, from: from})
	}
	return out
}

func sum(ls []line) nanos {
	var t nanos
	for _, l := range ls {
		t += l.total
	}
	return t
}

func mustJSON(v any) string {
	b, err := jsonMarshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}
