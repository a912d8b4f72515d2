-- name: daily_draft_line_item_totals_by_customer
-- description: >-
--   Draft invoice breakdowns of the latest snapshot, in detail: per customer,
--   UTC day of the breakdown window, draft invoice, line item name and
--   credit type, the line items' quantity and total (Metronome's columns,
--   plus the credit type). Negative line items are included.
-- source: Metronome SQL cookbook, "daily draft line item totals by customer"
-- fixed:
--   - Metronome's GROUP BY 1, 2 beside four other plain columns is rejected by PostgreSQL, Snowflake, BigQuery and MySQL's ONLY_FULL_GROUP_BY; every listed column is grouped now and quantity and total are summed, so a line item split over several breakdown rows (pricing groups) is one row
--   - the latest snapshot is taken per environment (the current_breakdowns_* models); Metronome's MAX(snapshot_timestamp) over the whole table let a newer SANDBOX snapshot hide every PRODUCTION row, and a retried delivery of the snapshot (both tables joined) counted its rows more than once
--   - line items join their breakdown invoice on invoice_breakdown_id within the same environment
--   - total, not total/100 AS total_dollars, which assumes USD cents; the credit type is a column, so amounts in different units are never added
--   - UTC days of the breakdown window instead of the raw breakdown_start_timestamp; environment is a parameter (Metronome filtered PRODUCTION only); ordered by customer, then oldest day first
-- params:
--   - name: environment
--     description: PRODUCTION or SANDBOX
--     default: PRODUCTION
--     values: [PRODUCTION, SANDBOX]
SELECT bi.customer_id AS customer_id,
       {{ date_trunc "day" "li.breakdown_start_timestamp" }} AS day,
       bi.invoice_id AS invoice_id,
       li.{{ q "name" }} AS line_item_name,
       li.credit_type_name AS credit_type_name,
       SUM(li.quantity) AS total_quantity,
       SUM(li.total) AS total_amount
FROM {{ current "breakdowns_draft_line_items" }} li
JOIN {{ current "breakdowns_draft_invoices" }} bi
  ON bi.id = li.invoice_breakdown_id AND bi.environment_type = li.environment_type
WHERE li.environment_type = {{ param "environment" }}
GROUP BY 1, 2, 3, 4, 5
ORDER BY 1, 2, 3, 4, 5
