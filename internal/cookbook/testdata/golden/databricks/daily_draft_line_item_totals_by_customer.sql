SELECT bi.customer_id AS customer_id,
       from_utc_timestamp(date_trunc('DAY', to_utc_timestamp(li.breakdown_start_timestamp, current_timezone())), current_timezone()) AS day,
       bi.invoice_id AS invoice_id,
       li.`name` AS line_item_name,
       li.credit_type_name AS credit_type_name,
       SUM(li.quantity) AS total_quantity,
       SUM(li.total) AS total_amount
FROM `metronome`.`current_breakdowns_draft_line_items` li
JOIN `metronome`.`current_breakdowns_draft_invoices` bi
  ON bi.id = li.invoice_breakdown_id AND bi.environment_type = li.environment_type
WHERE li.environment_type = 'PRODUCTION'
GROUP BY 1, 2, 3, 4, 5
ORDER BY 1, 2, 3, 4, 5;
