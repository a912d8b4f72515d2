-- name: draft_invoice_total_by_plan
-- description: Plans-era draft invoices of the latest snapshot per plan, with count and total per credit type.
-- source: Metronome export page (Plans era), "invoice total by plan from most recent snapshot"
-- fixed:
--   - the latest snapshot is the chosen environment's (current_draft_invoice); MAX(snapshot_time) over the whole table let a newer SANDBOX snapshot hide PRODUCTION drafts
--   - a snapshot delivered twice (a retried transfer) counts each invoice once; Metronome's query read the raw table, where the retry's rows doubled invoice_count and invoice_total
--   - totals per credit type, never summed across credit types
-- params:
--   - name: environment
--     description: PRODUCTION or SANDBOX
--     default: PRODUCTION
--     values: [PRODUCTION, SANDBOX]
SELECT d.plan_id AS plan_id,
       d.plan_name AS plan_name,
       d.credit_type_name AS credit_type_name,
       COUNT(*) AS invoice_count,
       SUM(d.total) AS invoice_total
FROM {{ current "draft_invoice" }} d
WHERE d.environment_type = {{ param "environment" }}
GROUP BY 1, 2, 3
ORDER BY 1, 2, 3
