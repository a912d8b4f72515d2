SELECT from_utc_timestamp(date_trunc('DAY', to_utc_timestamp(b.breakdown_start_timestamp, current_timezone())), current_timezone()) AS day,
       b.`name` AS line_item_name,
       b.credit_type_name AS credit_type_name,
       SUM(b.quantity) AS total_quantity,
       SUM(b.total) AS total_amount
FROM `metronome`.`current_breakdowns_draft_line_items` b
WHERE b.environment_type = 'PRODUCTION'
GROUP BY 1, 2, 3
ORDER BY 1, 2, 3;
