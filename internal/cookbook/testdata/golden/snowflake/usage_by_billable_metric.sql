SELECT DATE_TRUNC('MONTH', CONVERT_TIMEZONE('UTC', b.breakdown_start_timestamp)::TIMESTAMP_NTZ) AS month,
       b.billable_metric_id AS billable_metric_id,
       m."NAME" AS billable_metric_name,
       b.credit_type_name AS credit_type_name,
       SUM(b.quantity) AS total_quantity,
       SUM(b.total) AS total_amount
FROM "METRONOME"."CURRENT_BREAKDOWNS_LINE_ITEMS" b
LEFT JOIN "METRONOME"."CURRENT_BILLABLE_METRIC" m
  ON m.id = b.billable_metric_id AND m.environment_type = b.environment_type
WHERE b.environment_type = 'PRODUCTION'
  AND b.billable_metric_id IS NOT NULL
GROUP BY 1, 2, 3, 4
ORDER BY 1, 2, 3, 4;
