-- Plans-era credit grants: amount deducted by expiry per UTC month of effective_at, per credit type of the grant.
-- var environment: PRODUCTION or SANDBOX (default "PRODUCTION")
{{ config(materialized='view') }}

SELECT * FROM (
SELECT date_trunc('month', (d.effective_at) AT TIME ZONE 'UTC') AS month,
       g.amount_granted_credit_type_id AS credit_type_id,
       SUM(d.amount) AS expired_amount
FROM {{ ref('current_credit_grant_deduction') }} d
JOIN {{ ref('current_credit_grant') }} g ON g.id = d.credit_grant_id
WHERE d.memo = 'Credits expired'
  AND g.environment_type = {{ mtx_string('environment', 'PRODUCTION', ['PRODUCTION', 'SANDBOX']) }}
GROUP BY 1, 2
ORDER BY 1, 2
) AS _mtx_cookbook
