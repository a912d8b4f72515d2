SELECT pc.plan_id AS plan_id,
       pc.id AS plan_charge_id,
       pc.charge_id AS charge_id,
       pc.`name` AS charge_name,
       pc.product_id AS product_id,
       pc.product_name AS product_name,
       pc.billable_metric_id AS billable_metric_id,
       pc.billable_metric_name AS billable_metric_name,
       pc.charge_type AS charge_type,
       pc.credit_type_name AS credit_type_name,
       pc.start_period AS start_period,
       pc.quantity AS quantity
FROM `metronome`.`current_plan_charge` pc
WHERE pc.environment_type = 'PRODUCTION'
ORDER BY pc.plan_id, pc.start_period, pc.`name`, pc.id;
