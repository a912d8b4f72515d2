-- Finance: invoiced revenue per UTC month (of the invoice's end_timestamp), product and credit type, from finalized (not VOID) invoices.
-- var environment: PRODUCTION or SANDBOX (default "PRODUCTION")
{{ config(materialized='view') }}

SELECT * FROM (
SELECT date_trunc('month', (i.end_timestamp) AT TIME ZONE 'UTC') AS month,
       li.product_id AS product_id,
       MAX(li."name") AS product_name,
       li.credit_type_name AS credit_type_name,
       SUM(li.total) AS revenue
FROM {{ ref('current_invoice') }} i
JOIN {{ ref('current_line_item') }} li
  ON li.invoice_id = i.id AND li.environment_type = i.environment_type
WHERE i.environment_type = {{ mtx_string('environment', 'PRODUCTION', ['PRODUCTION', 'SANDBOX']) }}
  AND COALESCE(i."status", '') <> 'VOID'
GROUP BY 1, 2, 4
ORDER BY 1, 2, 4
) AS _mtx_cookbook
