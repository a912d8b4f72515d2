-- How often each alert was triggered per UTC day over the last days (default 7) before as_of (default now). A trigger is a customer_alert_history row whose alert_status is in_alarm (compared case-insensitively): a customer entering the alarm state. Rows with any other status (ok when the alarm clears, evaluating, disabled) are not triggers.
-- var environment: PRODUCTION or SANDBOX (default "PRODUCTION")
-- var days: how many days back (default "7")
-- var as_of: the end of the window (RFC 3339); empty means now (default "")
{{ config(materialized='view') }}

SELECT * FROM (
SELECT date_trunc('day', (h.created_at) AT TIME ZONE 'UTC') AS day,
       a.id AS alert_id,
       a."name" AS alert_name,
       COUNT(*) AS triggered_count
FROM {{ ref('current_customer_alert_history') }} h
JOIN {{ ref('current_alert') }} a
  ON a.id = h.alert_id AND a.environment_type = h.environment_type
WHERE h.environment_type = {{ mtx_string('environment', 'PRODUCTION', ['PRODUCTION', 'SANDBOX']) }}
  AND LOWER(h.alert_status) = 'in_alarm'
  AND h.created_at >= (({{ mtx_timestamp('as_of', '') }}) + INTERVAL '{{ mtx_int('days', '7') * -24 }} hour')
  AND h.created_at < {{ mtx_timestamp('as_of', '') }}
GROUP BY 1, 2, 3
ORDER BY 1, 3, 2
) AS _mtx_cookbook
