package demo

import (
	"encoding/json"
	"math/big"
	"strings"
	"time"
)

var jsonMarshal = json.Marshal

// invRecord is the final state of one finalized invoice, for the known answers.
type invRecord struct {
	env, month, status string
	total              nanos
}

func (g *gen) dayIndex(t time.Time) int { return int(day(t).Sub(g.start) / (24 * time.Hour)) }

// buildInvoices finalizes every complete month of the customer: invoice,
// line items, breakdowns, payment, commit ledger, legacy rows, and now and
// then a correction that voids the invoice and issues another.
func (g *gen) buildInvoices(c *customer) {
	r, ew := g.r, c.ew
	balance := c.commitAmount
	grantLeft := nanos(0)
	var grant string
	if c.legacy {
		grant, grantLeft = r.uuid(), 10000*unit
		g.emit("credit_grant", c.created, row{"id": grant, "customer_id": c.id, "name": "Welcome credit", "priority": "1", "reason": "onboarding",
			"amount_granted": grantLeft.String(), "amount_granted_credit_type_id": ew.usd, "amount_paid": "0", "amount_paid_credit_type_id": ew.usd,
			"custom_fields": map[string]any{}, "product_ids": []string{}, "environment_type": c.env, "created_at": c.created, "updated_at": c.created,
			"effective_at": day(c.created), "expires_at": day(c.created).AddDate(1, 0, 0), "credit_grant_type": "promotional"})
	}
	for m := 0; m < g.opt.Months; m++ {
		ms, me := g.monthStart(m), g.monthStart(m+1)
		c.balanceBefore = append(c.balanceBefore, balance)
		id := r.uuid()
		c.invoiceIDs = append(c.invoiceIDs, id)
		if m == g.opt.Months-1 || !day(c.created).Before(me) {
			continue // in progress (a draft), or before the contract
		}
		from, to := max(c.firstDay, g.dayIndex(ms)), g.dayIndex(me)
		ls := g.lines(c, id, from, to, balance)
		issued := me.Add(time.Hour + time.Duration(r.IntN(3600))*time.Second)
		total := sum(ls)
		inv := row{"id": id, "status": "FINALIZED", "total": total.String(), "credit_type_id": ew.usd, "credit_type_name": "USD (cents)", "customer_id": c.id,
			"start_timestamp": ms, "end_timestamp": me, "billing_provider_type": "stripe", "invoice_label": "Invoice", "issued_at": issued,
			"metadata": map[string]any{}, "environment_type": c.env, "updated_at": issued, "contract_id": c.contract}
		if c.legacy {
			inv["plan_id"], inv["plan_name"] = ew.plan, "Legacy Growth Plan"
		}
		g.emit("invoice", issued, inv)
		// Counted under the month of end_timestamp, the month it is invoiced,
		// as the cookbook's monthly_invoice_totals buckets it.
		rec := &invRecord{env: c.env, month: me.Format("2006-01"), status: "FINALIZED", total: total}
		g.invoices = append(g.invoices, rec)
		if at := issued.Add(time.Duration(r.between(24, 96)) * time.Hour); r.chance(0.4) && at.Before(g.end()) {
			inv = copyRow(inv)
			inv["billing_provider_invoice_id"], inv["billing_provider_invoice_created_at"] = "in_"+hashID("", id)[:14], at.Add(-time.Minute)
			inv["billing_provider_invoice_external_status"], inv["updated_at"] = "finalized", at
			g.emit("invoice", at, inv)
		}
		g.emitLines(c, id, ls, ms, me, issued)
		invRows, lineRows := g.breakdowns(c, id, ls, ms, me, issued)
		for _, br := range invRows {
			g.emit("breakdowns_invoices", issued, br)
		}
		for _, br := range lineRows {
			g.emit("breakdowns_line_items", issued, br)
		}
		for _, l := range ls {
			if l.kind == "commit" {
				balance += l.total
				c.ledger = append(c.ledger, map[string]any{"type": "prepaid_automated_invoice_deduction", "timestamp": iso(issued), "amount": l.total.float(), "invoice_id": id, "segment_id": c.ledger[0]["segment_id"]})
				ch := row{"ledger": mustJSON(c.ledger), "balance": balance.float()}
				c.commitEnt.update(issued, ch)
				c.balanceEnt.update(issued, ch)
			}
		}
		if total > 0 {
			pid := r.uuid()
			pay := row{"id": pid, "invoice_id": id, "customer_id": c.id, "contract_id": c.contract, "environment_type": c.env, "amount": total.String(), "amount_paid": "0",
				"credit_type_id": ew.usd, "credit_type_name": "USD (cents)", "status": "pending", "payment_gateway": map[string]any{"type": "stripe", "stripe": map[string]any{"payment_intent_id": "pi_" + hashID("", pid)[:14]}},
				"created_at": issued.Add(time.Hour), "updated_at": issued.Add(time.Hour)}
			g.emit("payment", issued.Add(time.Hour), pay)
			if at := issued.Add(72 * time.Hour); at.Before(g.end()) {
				pay = copyRow(pay)
				pay["updated_at"] = at
				if r.chance(0.05) {
					pay["status"], pay["error_message"] = "failed", "card_declined"
				} else {
					pay["status"], pay["amount_paid"] = "paid", total.String()
				}
				g.emit("payment", at, pay)
			}
		}
		if c.legacy && grantLeft > 0 {
			amt := min(grantLeft, 2000*unit)
			grantLeft -= amt
			g.emit("credit_grant_deduction", issued, row{"id": r.uuid(), "credit_grant_id": grant, "amount": (-amt).String(), "memo": "Applied to invoice", "invoice_id": id,
				"effective_at": issued, "updated_at": issued})
		}
		// A correction: the invoice is voided and a new one issued with a goodwill credit.
		if at := issued.Add(5 * 24 * time.Hour); (r.chance(0.03) || (c.full && m == 0)) && at.Before(g.end()) {
			void := copyRow(inv)
			void["status"], void["updated_at"] = "VOID", at
			g.emit("invoice", at, void)
			rec.status = "VOID"
			cid := r.uuid()
			var cls []line
			var usage nanos
			for _, l := range ls {
				l.id = hashUUID(cid, l.id)
				if l.kind == "usage" {
					usage += l.total
				}
				cls = append(cls, l)
			}
			credit := -(usage / 10 / unit) * unit // 10%, whole cents
			cls = append(cls, line{id: hashUUID(cid, "goodwill"), name: "Goodwill credit", kind: "credit", productID: ew.commitProd, metric: -1, qty: 1, unitPrice: credit, total: credit, from: from})
			ctotal := sum(cls)
			corr := copyRow(inv)
			corr["id"], corr["total"], corr["issued_at"], corr["updated_at"] = cid, ctotal.String(), at, at
			delete(corr, "billing_provider_invoice_id")
			delete(corr, "billing_provider_invoice_created_at")
			delete(corr, "billing_provider_invoice_external_status")
			g.emit("invoice", at, corr)
			g.emitLines(c, cid, cls, ms, me, at)
			g.invoices = append(g.invoices, &invRecord{env: c.env, month: rec.month, status: "FINALIZED", total: ctotal})
			g.emit("invoice_corrections", at, row{"id": r.uuid(), "invoice_id": cid, "base_invoice_id": id, "reason": "goodwill", "memo": "Service credit for an incident",
				"sequence_number": "1", "environment_type": c.env, "created_at": at})
		}
	}
}

// emitLines records the line items (and the legacy sub line items) of a
// finalized invoice.
func (g *gen) emitLines(c *customer, invoiceID string, ls []line, ms, me, at time.Time) {
	for _, l := range ls {
		lr := g.lineRow(c, invoiceID, l, ms, me, at)
		lr["starting_on"] = ms
		g.emit("line_item", at, lr)
		if c.legacy && l.kind == "usage" {
			g.emit("sub_line_item", at, g.subLineRow(c, l, at))
		}
	}
}

func (g *gen) lineRow(c *customer, invoiceID string, l line, ms, me, at time.Time) row {
	lr := row{"id": l.id, "invoice_id": invoiceID, "credit_type_id": c.ew.usd, "credit_type_name": "USD (cents)", "name": l.name, "quantity": nanos(l.qty * int64(unit)).String(),
		"total": l.total.String(), "product_id": l.productID, "unit_price": l.unitPrice.String(), "starting_at": ms, "ending_before": me,
		"metadata": map[string]any{}, "updated_at": at, "environment_type": c.env, "is_prorated": false}
	if l.commitID != "" {
		lr["commit_id"] = l.commitID
	}
	if l.subscriptionID != "" {
		lr["subscription_id"] = l.subscriptionID
	}
	if l.kind == "usage" {
		lr["pricing_group_values"] = map[string]any{}
	}
	return lr
}

func (g *gen) subLineRow(c *customer, l line, at time.Time) row {
	m := c.ew.metrics[l.metric]
	return row{"id": hashUUID(l.id, "sub"), "line_item_id": l.id, "name": l.name, "quantity": nanos(l.qty * int64(unit)).String(), "subtotal": l.total.String(),
		"charge_id": hashUUID(c.ew.plan, m.productID), "billable_metric_id": m.metricID, "billable_metric_name": m.name,
		"tiers": []any{map[string]any{"starting_at": 0, "quantity": l.qty, "price": l.unitPrice.float(), "subtotal": l.total.float()}}, "updated_at": at}
}

// breakdowns splits an invoice into daily windows: usage by day, fixed
// lines (subscription, commit, credits) in the first window, so the
// windows of an invoice add up to its total.
func (g *gen) breakdowns(c *customer, invoiceID string, ls []line, ms, me, stamp time.Time) ([]row, []row) {
	if len(ls) == 0 {
		return nil, nil
	}
	from := ls[0].from
	days := len(ls[0].daily)
	if days == 0 {
		days = 1 // nothing used yet: one window for the fixed lines
	}
	var invs, lines []row
	transfer := hashID("tr_", invoiceID, stamp.Unix())
	for k := 0; k < days; k++ {
		d := from + k
		bid := hashUUID(invoiceID, "bd", d)
		var total nanos
		for _, l := range ls {
			var q int64
			var t nanos
			switch {
			case l.kind == "usage" && k < len(l.daily) && l.daily[k] != 0:
				q, t = l.daily[k], nanos(l.daily[k])*l.unitPrice
			case l.kind != "usage" && k == 0:
				q, t = l.qty, l.total
			default:
				continue
			}
			total += t
			lr := row{"id": hashUUID(l.id, "bd", d), "environment_type": c.env, "snapshot_timestamp": stamp, "watermark_timestamp": stamp, "invoice_breakdown_id": bid,
				"name": l.name, "transfer_id": transfer, "quantity": nanos(q * int64(unit)).String(), "total": t.String(), "unit_price": l.unitPrice.String(),
				"product_id": l.productID, "product_type": strings.ToUpper(l.kind), "credit_type_id": c.ew.usd, "credit_type_name": "USD (cents)", "is_prorated": false,
				"line_item_id": l.id, "line_item_type": strings.ToUpper(l.kind), "custom_fields": map[string]any{}, "metadata": map[string]any{},
				"breakdown_start_timestamp": g.dayAt(d), "breakdown_end_timestamp": g.dayAt(d + 1), "updated_at": stamp}
			if l.metric >= 0 {
				lr["billable_metric_id"] = c.ew.metrics[l.metric].metricID
			}
			if l.commitID != "" {
				lr["commit_id"], lr["commit_type"] = l.commitID, "PREPAID"
			}
			if l.subscriptionID != "" {
				lr["subscription_id"] = l.subscriptionID
			}
			lines = append(lines, lr)
		}
		invs = append(invs, row{"id": bid, "environment_type": c.env, "snapshot_timestamp": stamp, "invoice_id": invoiceID, "customer_id": c.id, "transfer_id": transfer,
			"credit_type_id": c.ew.usd, "net_payment_term_days": int64(30), "credit_type_name": "USD (cents)", "total": total.String(), "type": "USAGE",
			"contract_id": c.contract, "custom_fields": map[string]any{}, "billable_status": "billable", "window_size": "DAY", "metadata": map[string]any{},
			"issued_at": stamp, "invoice_start_timestamp": ms, "invoice_end_timestamp": me, "breakdown_start_timestamp": g.dayAt(d),
			"breakdown_end_timestamp": g.dayAt(d + 1), "updated_at": stamp})
	}
	return invs, lines
}

// draft is one customer's draft invoice as of a snapshot.
type draft struct {
	c      *customer
	id     string
	ms, me time.Time
	ls     []line
}

// draftsAt returns the draft invoices a snapshot taken at t shows: the
// month in progress of every customer whose contract has started and who
// is not archived. Last month's drafts are gone: they were finalized.
func (g *gen) draftsAt(t time.Time) []draft {
	if ds, ok := g.drafts[t.Unix()]; ok {
		return ds
	}
	ds := g.computeDrafts(t)
	g.drafts[t.Unix()] = ds
	return ds
}

func (g *gen) computeDrafts(t time.Time) []draft {
	m := 0
	for m+1 < g.opt.Months && !g.monthStart(m+1).After(t) {
		m++
	}
	ms, me := g.monthStart(m), g.monthStart(m+1)
	var out []draft
	for _, c := range g.customers {
		if c.created.After(t) || (!c.archived.IsZero() && !c.archived.After(t)) {
			continue
		}
		from, to := max(c.firstDay, g.dayIndex(ms)), g.dayIndex(t)
		to = max(to, from)
		id := c.invoiceIDs[m]
		out = append(out, draft{c: c, id: id, ms: ms, me: me, ls: g.lines(c, id, from, to, c.balanceBefore[m])})
	}
	return out
}

// buildDrafts registers the draft tables' snapshot functions and the
// known answers about drafts.
func (g *gen) buildDrafts() {
	stamp := func(t time.Time) time.Time { return day(t) }
	set := func(table string, fn func(t time.Time) []row) {
		if s, ok := g.snap[table]; ok {
			s.fn = fn
		}
	}
	set("draft_invoice", func(t time.Time) []row {
		var out []row
		for _, d := range g.draftsAt(t) {
			r := row{"_metronome_metadata_id": hashUUID(d.id, t.Unix()), "id": d.id, "status": "DRAFT", "total": sum(d.ls).String(), "credit_type_id": d.c.ew.usd,
				"credit_type_name": "USD (cents)", "customer_id": d.c.id, "start_timestamp": d.ms, "end_timestamp": d.me, "environment_type": d.c.env,
				"updated_at": stamp(t), "label": "Invoice", "contract_id": d.c.contract, "billable_status": "billable"}
			if d.c.legacy {
				r["plan_id"], r["plan_name"] = d.c.ew.plan, "Legacy Growth Plan"
			}
			out = append(out, g.fill("draft_invoice", r, stamp(t)))
		}
		return out
	})
	set("draft_line_item", func(t time.Time) []row {
		var out []row
		for _, d := range g.draftsAt(t) {
			for _, l := range d.ls {
				r := g.lineRow(d.c, d.id, l, d.ms, d.me, stamp(t))
				r["_metronome_metadata_id"] = hashUUID(l.id, t.Unix())
				out = append(out, g.fill("draft_line_item", r, stamp(t)))
			}
		}
		return out
	})
	set("draft_sub_line_item", func(t time.Time) []row {
		var out []row
		for _, d := range g.draftsAt(t) {
			for _, l := range d.ls {
				if d.c.legacy && l.kind == "usage" {
					r := g.subLineRow(d.c, l, stamp(t))
					r["_metronome_metadata_id"], r["is_prorated"] = hashUUID(l.id, "sub", t.Unix()), false
					out = append(out, g.fill("draft_sub_line_item", r, stamp(t)))
				}
			}
		}
		return out
	})
	set("breakdowns_draft_invoices", func(t time.Time) []row {
		var out []row
		for _, d := range g.draftsAt(t) {
			invs, _ := g.breakdowns(d.c, d.id, d.ls, d.ms, d.me, stamp(t))
			for _, r := range invs {
				out = append(out, g.fill("breakdowns_draft_invoices", r, stamp(t)))
			}
		}
		return out
	})
	set("breakdowns_draft_line_items", func(t time.Time) []row {
		var out []row
		for _, d := range g.draftsAt(t) {
			_, ls := g.breakdowns(d.c, d.id, d.ls, d.ms, d.me, stamp(t))
			for _, r := range ls {
				out = append(out, g.fill("breakdowns_draft_line_items", r, stamp(t)))
			}
		}
		return out
	})

	// Known answers: invoices, drafts of the latest snapshot, vanished drafts.
	type key struct{ env, month, status string }
	agg := map[key]*InvoiceTotal{}
	totals := map[key]*big.Int{}
	for _, rec := range g.invoices {
		k := key{rec.env, rec.month, rec.status}
		if agg[k] == nil {
			agg[k] = &InvoiceTotal{Environment: rec.env, Month: rec.month, Status: rec.status}
		}
		agg[k].Invoices++
		if totals[k] == nil {
			totals[k] = new(big.Int)
		}
		totals[k].Add(totals[k], big.NewInt(int64(rec.total)))
	}
	for k, it := range agg {
		it.Total = bigNanos(totals[k])
		g.known.InvoiceTotals = append(g.known.InvoiceTotals, *it)
	}
	times := g.snapshotTimes(false)
	seen := map[string]bool{}
	for _, t := range times {
		for _, d := range g.draftsAt(t) {
			seen[d.id] = true
		}
	}
	final := g.draftsAt(times[len(times)-1])
	dt := map[string]*DraftTotal{}
	dsum := map[string]*big.Int{production: new(big.Int), sandbox: new(big.Int)}
	for _, d := range final {
		delete(seen, d.id)
		if dt[d.c.env] == nil {
			dt[d.c.env] = &DraftTotal{Environment: d.c.env}
		}
		dt[d.c.env].Invoices++
		dsum[d.c.env].Add(dsum[d.c.env], big.NewInt(int64(sum(d.ls))))
	}
	for _, env := range []string{production, sandbox} {
		if x := dt[env]; x != nil {
			x.Total = bigNanos(dsum[env])
			g.known.DraftTotals = append(g.known.DraftTotals, *x)
		}
	}
	g.known.VanishedDrafts = len(seen)
}

// buildAlertHistory records alerts firing and resolving for some customers.
func (g *gen) buildAlertHistory() {
	r := g.r
	for _, c := range g.customers {
		if !(r.chance(0.2) || c.full) || c.firstDay >= g.days-2 {
			continue
		}
		lo := c.firstDay
		if c.full {
			// The showcase customer's alert fires in the export's last week,
			// so alert_triggers_per_day answers at the export's as_of.
			lo = max(lo, g.days-6)
		}
		d := r.between(lo, g.days-2)
		fired := g.dayAt(d).Add(time.Duration(r.IntN(86400)) * time.Second)
		alert := c.ew.alerts[0]
		g.emit("customer_alert_history", fired, row{"id": r.uuid(), "customer_id": c.id, "alert_id": alert, "alert_status": "in_alarm",
			"additional_data": map[string]any{"remaining_balance": 42.5}, "environment_type": c.env, "created_at": fired})
		if ok := fired.Add(36 * time.Hour); ok.Before(g.end()) {
			g.emit("customer_alert_history", ok, row{"id": r.uuid(), "customer_id": c.id, "alert_id": alert, "alert_status": "ok",
				"additional_data": map[string]any{"remaining_balance": 1000.0}, "environment_type": c.env, "created_at": ok})
		}
	}
}
