-- name: events_per_month
-- description: Usage events received per UTC month, in one environment.
-- source: Metronome SQL cookbook, "event count per month"
-- fixed:
--   - quotes the column timestamp, a reserved word on several engines
--   - months are UTC months, not the session's time zone
--   - reads current_events, one row per transaction_id; transfer retries deliver the same event more than once
--   - counts one environment
-- params:
--   - name: environment
--     description: PRODUCTION or SANDBOX
--     default: PRODUCTION
--     values: [PRODUCTION, SANDBOX]
SELECT {{ date_trunc "month" (col "e" "timestamp") }} AS month,
       COUNT(*) AS event_count
FROM {{ current "events" }} e
WHERE e.environment_type = {{ param "environment" }}
GROUP BY 1
ORDER BY 1
