-- Usage events received per UTC month, in one environment.
-- var environment: PRODUCTION or SANDBOX (default "PRODUCTION")
{{ config(materialized='view') }}

SELECT * FROM (
SELECT date_trunc('month', (e."timestamp") AT TIME ZONE 'UTC') AS month,
       COUNT(*) AS event_count
FROM {{ ref('current_events') }} e
WHERE e.environment_type = {{ mtx_string('environment', 'PRODUCTION', ['PRODUCTION', 'SANDBOX']) }}
GROUP BY 1
ORDER BY 1
) AS _mtx_cookbook
