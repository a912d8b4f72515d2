-- Plans-era charges of one plan (every plan when plan_id is empty).
-- var environment: PRODUCTION or SANDBOX (default "PRODUCTION")
-- var plan_id: the plan; empty means every plan (default "")
{{ config(materialized='view') }}

SELECT * FROM (
SELECT pc.plan_id AS plan_id,
       pc.id AS plan_charge_id,
       pc.charge_id AS charge_id,
       pc."name" AS charge_name,
       pc.product_id AS product_id,
       pc.product_name AS product_name,
       pc.billable_metric_id AS billable_metric_id,
       pc.billable_metric_name AS billable_metric_name,
       pc.charge_type AS charge_type,
       pc.credit_type_name AS credit_type_name,
       pc.start_period AS start_period,
       pc.quantity AS quantity
FROM {{ ref('current_plan_charge') }} pc
WHERE pc.environment_type = {{ mtx_string('environment', 'PRODUCTION', ['PRODUCTION', 'SANDBOX']) }}{% if mtx_set('plan_id', '', 'string') %}
  AND pc.plan_id = {{ mtx_string('plan_id', '', none) }}{% endif %}
ORDER BY pc.plan_id, pc.start_period, pc."name", pc.id
) AS _mtx_cookbook
