-- name: plan_charges
-- description: Plans-era charges of one plan (every plan when plan_id is empty).
-- source: Metronome export page (Plans era), "all charges for a given plan"
-- fixed:
--   - the plan id is a parameter rendered as a quoted literal, not an id edited into the text
--   - explicit columns instead of SELECT *, which also returned mtx's provenance columns and changes shape when Metronome adds a column
--   - one environment; current_plan_charge so an updated charge is listed once
-- params:
--   - name: environment
--     description: PRODUCTION or SANDBOX
--     default: PRODUCTION
--     values: [PRODUCTION, SANDBOX]
--   - name: plan_id
--     description: the plan; empty means every plan
--     default: ""
SELECT pc.plan_id AS plan_id,
       pc.id AS plan_charge_id,
       pc.charge_id AS charge_id,
       pc.{{ q "name" }} AS charge_name,
       pc.product_id AS product_id,
       pc.product_name AS product_name,
       pc.billable_metric_id AS billable_metric_id,
       pc.billable_metric_name AS billable_metric_name,
       pc.charge_type AS charge_type,
       pc.credit_type_name AS credit_type_name,
       pc.start_period AS start_period,
       pc.quantity AS quantity
FROM {{ current "plan_charge" }} pc
WHERE pc.environment_type = {{ param "environment" }}
{{- if set "plan_id" }}
  AND pc.plan_id = {{ param "plan_id" }}
{{- end }}
ORDER BY pc.plan_id, pc.start_period, pc.{{ q "name" }}, pc.id
