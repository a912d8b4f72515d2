-- Draft invoice breakdowns of the latest snapshot, in detail: per customer, UTC day of the breakdown window, draft invoice, line item name and credit type, the line items' quantity and total (Metronome's columns, plus the credit type). Negative line items are included.
-- var environment: PRODUCTION or SANDBOX (default "PRODUCTION")
{{ config(materialized='view') }}

SELECT * FROM (
SELECT bi.customer_id AS customer_id,
       date_trunc('day', (li.breakdown_start_timestamp) AT TIME ZONE 'UTC') AS day,
       bi.invoice_id AS invoice_id,
       li."name" AS line_item_name,
       li.credit_type_name AS credit_type_name,
       SUM(li.quantity) AS total_quantity,
       SUM(li.total) AS total_amount
FROM {{ ref('current_breakdowns_draft_line_items') }} li
JOIN {{ ref('current_breakdowns_draft_invoices') }} bi
  ON bi.id = li.invoice_breakdown_id AND bi.environment_type = li.environment_type
WHERE li.environment_type = {{ mtx_string('environment', 'PRODUCTION', ['PRODUCTION', 'SANDBOX']) }}
GROUP BY 1, 2, 3, 4, 5
ORDER BY 1, 2, 3, 4, 5
) AS _mtx_cookbook
