-- name: active_customers
-- description: Number of customers that are not archived, in one environment.
-- source: Metronome SQL cookbook, "total active customers"
-- fixed:
--   - reads current_customer, one row per customer; the raw export holds a row per update, so a customer updated twice was counted twice
--   - counts one environment; the export holds SANDBOX and PRODUCTION customers together
-- params:
--   - name: environment
--     description: PRODUCTION or SANDBOX
--     default: PRODUCTION
--     values: [PRODUCTION, SANDBOX]
SELECT COUNT(*) AS active_customers
FROM {{ current "customer" }} c
WHERE c.archived_at IS NULL
  AND c.environment_type = {{ param "environment" }}
