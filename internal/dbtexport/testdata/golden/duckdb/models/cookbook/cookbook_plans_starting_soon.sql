-- Plans-era plans whose starting_on is in [as_of, as_of + days), default the next 7 days.
-- var environment: PRODUCTION or SANDBOX (default "PRODUCTION")
-- var days: how many days ahead (default "7")
-- var as_of: the start of the window (RFC 3339); empty means now (default "")
{{ config(materialized='view') }}

SELECT * FROM (
SELECT p.id AS plan_id,
       p."name" AS plan_name,
       p.billing_frequency AS billing_frequency,
       p.starting_on AS starting_on
FROM {{ ref('current_plan') }} p
WHERE p.environment_type = {{ mtx_string('environment', 'PRODUCTION', ['PRODUCTION', 'SANDBOX']) }}
  AND p.deprecated_at IS NULL
  AND p.starting_on >= {{ mtx_timestamp('as_of', '') }}
  AND p.starting_on < (({{ mtx_timestamp('as_of', '') }}) + INTERVAL '{{ mtx_int('days', '7') * 24 }} hour')
ORDER BY p.starting_on, p.id
) AS _mtx_cookbook
