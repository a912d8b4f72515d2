SELECT from_utc_timestamp(date_trunc('MONTH', to_utc_timestamp(i.end_timestamp, current_timezone())), current_timezone()) AS month,
       li.product_id AS product_id,
       MAX(li.`name`) AS product_name,
       li.credit_type_name AS credit_type_name,
       SUM(li.total) AS revenue
FROM `metronome`.`current_invoice` i
JOIN `metronome`.`current_line_item` li
  ON li.invoice_id = i.id AND li.environment_type = i.environment_type
WHERE i.environment_type = 'PRODUCTION'
  AND COALESCE(i.`status`, '') <> 'VOID'
GROUP BY 1, 2, 4
ORDER BY 1, 2, 4;
