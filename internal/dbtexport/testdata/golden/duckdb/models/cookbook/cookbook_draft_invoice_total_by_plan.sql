-- Plans-era draft invoices of the latest snapshot per plan, with count and total per credit type.
-- var environment: PRODUCTION or SANDBOX (default "PRODUCTION")
{{ config(materialized='view') }}

SELECT * FROM (
SELECT d.plan_id AS plan_id,
       d.plan_name AS plan_name,
       d.credit_type_name AS credit_type_name,
       COUNT(*) AS invoice_count,
       SUM(d.total) AS invoice_total
FROM {{ ref('current_draft_invoice') }} d
WHERE d.environment_type = {{ mtx_string('environment', 'PRODUCTION', ['PRODUCTION', 'SANDBOX']) }}
GROUP BY 1, 2, 3
ORDER BY 1, 2, 3
) AS _mtx_cookbook
