-- name: alerts_with_webhooks
-- description: Alerts (threshold notifications) that send webhooks and are neither disabled nor archived.
-- source: Metronome SQL cookbook, "alerts with webhooks enabled"
-- fixed:
--   - archived alerts are left out (the original checked disabled_at only)
--   - one environment; current_alert so an alert updated twice is listed once
-- params:
--   - name: environment
--     description: PRODUCTION or SANDBOX
--     default: PRODUCTION
--     values: [PRODUCTION, SANDBOX]
SELECT a.id AS alert_id,
       a.{{ q "name" }} AS alert_name,
       a.alert_type AS alert_type,
       a.threshold AS threshold
FROM {{ current "alert" }} a
WHERE a.webhooks_enabled = {{ bool true }}
  AND a.disabled_at IS NULL
  AND a.archived_at IS NULL
  AND a.environment_type = {{ param "environment" }}
ORDER BY 2, 1
