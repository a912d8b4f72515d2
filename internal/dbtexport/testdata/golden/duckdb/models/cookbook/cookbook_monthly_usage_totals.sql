-- Plans-era invoices: sub line item subtotals per UTC month (of the invoice's end_timestamp), split into USAGE (a billable metric) and NON_USAGE, per credit type.
-- var environment: PRODUCTION or SANDBOX (default "PRODUCTION")
{{ config(materialized='view') }}

SELECT * FROM (
SELECT date_trunc('month', (i.end_timestamp) AT TIME ZONE 'UTC') AS month,
       CASE WHEN sli.billable_metric_id IS NULL THEN 'NON_USAGE' ELSE 'USAGE' END AS charge_type,
       i.credit_type_name AS credit_type_name,
       SUM(sli.subtotal) AS subtotal_sum
FROM {{ ref('current_invoice') }} i
JOIN {{ ref('current_line_item') }} li
  ON li.invoice_id = i.id AND li.environment_type = i.environment_type
JOIN {{ ref('current_sub_line_item') }} sli ON sli.line_item_id = li.id
WHERE i.environment_type = {{ mtx_string('environment', 'PRODUCTION', ['PRODUCTION', 'SANDBOX']) }}
  AND COALESCE(i."status", '') <> 'VOID'
GROUP BY 1, 2, 3
ORDER BY 1, 2, 3
) AS _mtx_cookbook
