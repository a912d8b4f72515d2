-- name: monthly_usage_totals
-- description: >-
--   Plans-era invoices: sub line item subtotals per UTC month (of the
--   invoice's end_timestamp), split into USAGE (a billable metric) and
--   NON_USAGE, per credit type.
-- source: Metronome export page (Plans era), "monthly usage-based totals"
-- fixed:
--   - DATE_TRUNC("MONTH", ...) is a column reference on PostgreSQL, Snowflake and Redshift; months are UTC buckets
--   - VOID invoices are left out; sub_line_item has no environment, so the invoice's environment filters
--   - totals per credit type; current_* models so updated rows count once
-- params:
--   - name: environment
--     description: PRODUCTION or SANDBOX
--     default: PRODUCTION
--     values: [PRODUCTION, SANDBOX]
SELECT {{ date_trunc "month" "i.end_timestamp" }} AS month,
       CASE WHEN sli.billable_metric_id IS NULL THEN 'NON_USAGE' ELSE 'USAGE' END AS charge_type,
       i.credit_type_name AS credit_type_name,
       SUM(sli.subtotal) AS subtotal_sum
FROM {{ current "invoice" }} i
JOIN {{ current "line_item" }} li
  ON li.invoice_id = i.id AND li.environment_type = i.environment_type
JOIN {{ current "sub_line_item" }} sli ON sli.line_item_id = li.id
WHERE i.environment_type = {{ param "environment" }}
  AND COALESCE(i.{{ q "status" }}, '') <> 'VOID'
GROUP BY 1, 2, 3
ORDER BY 1, 2, 3
