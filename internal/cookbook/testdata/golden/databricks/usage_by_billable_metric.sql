SELECT from_utc_timestamp(date_trunc('MONTH', to_utc_timestamp(b.breakdown_start_timestamp, current_timezone())), current_timezone()) AS month,
       b.billable_metric_id AS billable_metric_id,
       m.`name` AS billable_metric_name,
       b.credit_type_name AS credit_type_name,
       SUM(b.quantity) AS total_quantity,
       SUM(b.total) AS total_amount
FROM `metronome`.`current_breakdowns_line_items` b
LEFT JOIN `metronome`.`current_billable_metric` m
  ON m.id = b.billable_metric_id AND m.environment_type = b.environment_type
WHERE b.environment_type = 'PRODUCTION'
  AND b.billable_metric_id IS NOT NULL
GROUP BY 1, 2, 3, 4
ORDER BY 1, 2, 3, 4;
