-- Alerts (threshold notifications) that send webhooks and are neither disabled nor archived.
-- var environment: PRODUCTION or SANDBOX (default "PRODUCTION")
{{ config(materialized='view') }}

SELECT * FROM (
SELECT a.id AS alert_id,
       a."name" AS alert_name,
       a.alert_type AS alert_type,
       a.threshold AS threshold
FROM {{ ref('current_alert') }} a
WHERE a.webhooks_enabled = TRUE
  AND a.disabled_at IS NULL
  AND a.archived_at IS NULL
  AND a.environment_type = {{ mtx_string('environment', 'PRODUCTION', ['PRODUCTION', 'SANDBOX']) }}
ORDER BY 2, 1
) AS _mtx_cookbook
