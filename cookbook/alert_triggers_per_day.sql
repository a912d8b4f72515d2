-- name: alert_triggers_per_day
-- description: >-
--   How often each alert was triggered per UTC day over the last days
--   (default 7) before as_of (default now). A trigger is a
--   customer_alert_history row whose alert_status is in_alarm (compared
--   case-insensitively): a customer entering the alarm state. Rows with
--   any other status (ok when the alarm clears, evaluating, disabled) are
--   not triggers.
-- source: Metronome SQL cookbook, "alert triggers per day over the last week"
-- fixed:
--   - only in_alarm rows count; Metronome's COUNT(alert.id) counted every history row, so an alert that cleared (alert_status ok) counted as a second trigger
--   - the "last week" had no date filter and counted all history; now created_at is in [as_of - days, as_of)
--   - DATE_TRUNC("DAY", ...) names a column "DAY" on PostgreSQL, Snowflake and Redshift; days are UTC buckets
--   - grouped by alert id as well as name, so two alerts with the same name are not merged; one environment
--   - reads the current-state models, so a history row delivered twice counts once
-- params:
--   - name: environment
--     description: PRODUCTION or SANDBOX
--     default: PRODUCTION
--     values: [PRODUCTION, SANDBOX]
--   - name: days
--     description: how many days back
--     type: integer
--     default: "7"
--   - name: as_of
--     description: the end of the window (RFC 3339); empty means now
--     type: timestamp
--     default: ""
SELECT {{ date_trunc "day" "h.created_at" }} AS day,
       a.id AS alert_id,
       a.{{ q "name" }} AS alert_name,
       COUNT(*) AS triggered_count
FROM {{ current "customer_alert_history" }} h
JOIN {{ current "alert" }} a
  ON a.id = h.alert_id AND a.environment_type = h.environment_type
WHERE h.environment_type = {{ param "environment" }}
  AND LOWER(h.alert_status) = 'in_alarm'
  AND h.created_at >= {{ add_interval (param "as_of") (neg (int_param "days")) "day" }}
  AND h.created_at < {{ param "as_of" }}
GROUP BY 1, 2, 3
ORDER BY 1, 3, 2
