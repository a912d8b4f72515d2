-- name: expired_credit_grants_per_month
-- description: >-
--   Plans-era credit grants: amount deducted by expiry per UTC month of
--   effective_at, per credit type of the grant.
-- source: Metronome export page (Plans era), "expired credit grants per month"
-- fixed:
--   - credit_grant_deduction has no environment; the grant's environment filters
--   - amounts per credit type of the grant, never summed across credit types
--   - months are UTC buckets; current_* models so updated rows count once
-- params:
--   - name: environment
--     description: PRODUCTION or SANDBOX
--     default: PRODUCTION
--     values: [PRODUCTION, SANDBOX]
SELECT {{ date_trunc "month" "d.effective_at" }} AS month,
       g.amount_granted_credit_type_id AS credit_type_id,
       SUM(d.amount) AS expired_amount
FROM {{ current "credit_grant_deduction" }} d
JOIN {{ current "credit_grant" }} g ON g.id = d.credit_grant_id
WHERE d.memo = 'Credits expired'
  AND g.environment_type = {{ param "environment" }}
GROUP BY 1, 2
ORDER BY 1, 2
