-- Draft invoice breakdowns of the latest snapshot: line item quantity and total per UTC day of the breakdown window, line item name and credit type. Rows with a negative total (credits, commit draw-downs) are included, so a day's totals add up to what the draft invoices bill. Totals are exact decimals in the credit type's own unit.
-- var environment: PRODUCTION or SANDBOX (default "PRODUCTION")
{{ config(materialized='view') }}

SELECT * FROM (
SELECT date_trunc('day', (b.breakdown_start_timestamp) AT TIME ZONE 'UTC') AS day,
       b."name" AS line_item_name,
       b.credit_type_name AS credit_type_name,
       SUM(b.quantity) AS total_quantity,
       SUM(b.total) AS total_amount
FROM {{ ref('current_breakdowns_draft_line_items') }} b
WHERE b.environment_type = {{ mtx_string('environment', 'PRODUCTION', ['PRODUCTION', 'SANDBOX']) }}
GROUP BY 1, 2, 3
ORDER BY 1, 2, 3
) AS _mtx_cookbook
