-- name: daily_draft_line_item_totals
-- description: >-
--   Draft invoice breakdowns of the latest snapshot: line item quantity and
--   total per UTC day of the breakdown window, line item name and credit type.
-- source: Metronome SQL cookbook, "daily draft aggregate line item quantity and total"
-- fixed:
--   - reads only the latest snapshot (current_breakdowns_draft_line_items); summing every snapshot counted each day once per snapshot that contained it
--   - days are UTC days; one environment; totals per credit type
-- params:
--   - name: environment
--     description: PRODUCTION or SANDBOX
--     default: PRODUCTION
--     values: [PRODUCTION, SANDBOX]
SELECT {{ date_trunc "day" "b.breakdown_start_timestamp" }} AS day,
       b.{{ q "name" }} AS line_item_name,
       b.credit_type_name,
       SUM(b.quantity) AS total_quantity,
       SUM(b.total) AS total_amount
FROM {{ current "breakdowns_draft_line_items" }} b
WHERE b.environment_type = {{ param "environment" }}
GROUP BY 1, 2, 3
ORDER BY 1, 2, 3
