-- name: daily_draft_line_item_totals
-- description: >-
--   Draft invoice breakdowns of the latest snapshot: line item quantity and
--   total per UTC day of the breakdown window, line item name and credit
--   type. Rows with a negative total (credits, commit draw-downs) are
--   included, so a day's totals add up to what the draft invoices bill.
--   Totals are exact decimals in the credit type's own unit.
-- source: Metronome SQL cookbook, "daily draft aggregate line item quantity and total"
-- fixed:
--   - the latest snapshot is taken per environment (current_breakdowns_draft_line_items); Metronome's query also keeps one snapshot, but the MAX(snapshot_timestamp) of the whole table, so a newer SANDBOX snapshot left no PRODUCTION rows, and a retried delivery of the snapshot (both tables joined) counted its rows more than once
--   - negative line items are kept; Metronome's li.total >= 0 dropped credits and draw-downs, so its totals were higher than the invoices
--   - total, not total/100 AS total_dollars; dividing by 100 assumes every credit type is USD cents (custom pricing units are not), and on DuckDB it turns the exact decimal into a float
--   - one row per UTC day (Metronome grouped by the raw breakdown_start_timestamp), line item name and credit type (never summed across credit types)
--   - environment is a parameter (Metronome filtered PRODUCTION only); ordered oldest day first
-- params:
--   - name: environment
--     description: PRODUCTION or SANDBOX
--     default: PRODUCTION
--     values: [PRODUCTION, SANDBOX]
SELECT {{ date_trunc "day" "b.breakdown_start_timestamp" }} AS day,
       b.{{ q "name" }} AS line_item_name,
       b.credit_type_name AS credit_type_name,
       SUM(b.quantity) AS total_quantity,
       SUM(b.total) AS total_amount
FROM {{ current "breakdowns_draft_line_items" }} b
WHERE b.environment_type = {{ param "environment" }}
GROUP BY 1, 2, 3
ORDER BY 1, 2, 3
