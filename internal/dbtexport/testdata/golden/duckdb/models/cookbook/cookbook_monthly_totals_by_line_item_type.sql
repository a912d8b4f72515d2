-- Line item totals of finalized invoices per UTC month (of the invoice's end_timestamp), line item type and credit type. The type comes from the invoice breakdowns; line items without a breakdown are UNKNOWN.
-- var environment: PRODUCTION or SANDBOX (default "PRODUCTION")
{{ config(materialized='view') }}

SELECT * FROM (
SELECT date_trunc('month', (i.end_timestamp) AT TIME ZONE 'UTC') AS month,
       COALESCE(t.item_type, 'UNKNOWN') AS line_item_type,
       li.credit_type_name AS credit_type_name,
       SUM(li.total) AS line_item_total
FROM {{ ref('current_invoice') }} i
JOIN {{ ref('current_line_item') }} li
  ON li.invoice_id = i.id AND li.environment_type = i.environment_type
LEFT JOIN (
  SELECT b.line_item_id, MAX(b.line_item_type) AS item_type
  FROM {{ ref('current_breakdowns_line_items') }} b
  WHERE b.environment_type = {{ mtx_string('environment', 'PRODUCTION', ['PRODUCTION', 'SANDBOX']) }}
  GROUP BY b.line_item_id
) t ON t.line_item_id = li.id
WHERE i.environment_type = {{ mtx_string('environment', 'PRODUCTION', ['PRODUCTION', 'SANDBOX']) }}
  AND COALESCE(i."status", '') <> 'VOID'
GROUP BY 1, 2, 3
ORDER BY 1, 2, 3
) AS _mtx_cookbook
