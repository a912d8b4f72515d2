-- name: plans_starting_soon
-- description: Plans-era plans whose starting_on is in [as_of, as_of + days), default the next 7 days.
-- source: Metronome export page (Plans era), "plans starting in the next 7 days"
-- fixed:
--   - DATEADD("DAY", ...) and CURRENT_DATE() exist only on some engines, and "DAY" is an identifier there; the window is now exact 24-hour days from an instant
--   - CURRENT_DATE() is the session's local date; as_of is an instant, so the answer does not depend on the time zone
--   - the upper bound is exclusive (<= counted an eighth day); deprecated plans are left out; one environment
-- params:
--   - name: environment
--     description: PRODUCTION or SANDBOX
--     default: PRODUCTION
--     values: [PRODUCTION, SANDBOX]
--   - name: days
--     description: how many days ahead
--     type: integer
--     default: "7"
--   - name: as_of
--     description: the start of the window (RFC 3339); empty means now
--     type: timestamp
--     default: ""
SELECT p.id AS plan_id,
       p.{{ q "name" }} AS plan_name,
       p.billing_frequency AS billing_frequency,
       p.starting_on AS starting_on
FROM {{ current "plan" }} p
WHERE p.environment_type = {{ param "environment" }}
  AND p.deprecated_at IS NULL
  AND p.starting_on >= {{ param "as_of" }}
  AND p.starting_on < {{ add_interval (param "as_of") (int_param "days") "day" }}
ORDER BY p.starting_on, p.id
