-- Number of customers that are not archived, in one environment.
-- var environment: PRODUCTION or SANDBOX (default "PRODUCTION")
{{ config(materialized='view') }}

SELECT * FROM (
SELECT COUNT(*) AS active_customers
FROM {{ ref('current_customer') }} c
WHERE c.archived_at IS NULL
  AND c.environment_type = {{ mtx_string('environment', 'PRODUCTION', ['PRODUCTION', 'SANDBOX']) }}
) AS _mtx_cookbook
