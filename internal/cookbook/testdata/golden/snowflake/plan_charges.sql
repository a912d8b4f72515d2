SELECT pc.plan_id,
       pc.id AS plan_charge_id,
       pc.charge_id,
       pc."NAME" AS charge_name,
       pc.product_id,
       pc.product_name,
       pc.billable_metric_id,
       pc.billable_metric_name,
       pc.charge_type,
       pc.credit_type_name,
       pc.start_period,
       pc.quantity
FROM "METRONOME"."CURRENT_PLAN_CHARGE" pc
WHERE pc.environment_type = 'PRODUCTION'
ORDER BY pc.plan_id, pc.start_period, pc."NAME", pc.id;
