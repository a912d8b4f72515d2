SELECT bi.customer_id AS customer_id,
       date_trunc('DAY', li.breakdown_start_timestamp) AS day,
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
