-- Finalized invoices per UTC month of their end_timestamp (the end of the billing period, exclusive: a period ending 2024-02-01T00:00Z counts in February, the month it is invoiced), with count and total per credit type.
-- var environment: PRODUCTION or SANDBOX (default "PRODUCTION")
{{ config(materialized='view') }}

SELECT * FROM (
SELECT date_trunc('month', (i.end_timestamp) AT TIME ZONE 'UTC') AS month,
       i.credit_type_name AS credit_type_name,
       COUNT(*) AS invoice_count,
       SUM(i.total) AS invoice_total
FROM {{ ref('current_invoice') }} i
WHERE i.environment_type = {{ mtx_string('environment', 'PRODUCTION', ['PRODUCTION', 'SANDBOX']) }}
  AND COALESCE(i."status", '') <> 'VOID'
GROUP BY 1, 2
ORDER BY 1, 2
) AS _mtx_cookbook
