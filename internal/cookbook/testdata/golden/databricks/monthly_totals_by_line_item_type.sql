SELECT from_utc_timestamp(date_trunc('MONTH', to_utc_timestamp(i.end_timestamp, current_timezone())), current_timezone()) AS month,
       COALESCE(t.item_type, 'UNKNOWN') AS line_item_type,
       li.credit_type_name AS credit_type_name,
       SUM(li.total) AS line_item_total
FROM `metronome`.`current_invoice` i
JOIN `metronome`.`current_line_item` li
  ON li.invoice_id = i.id AND li.environment_type = i.environment_type
LEFT JOIN (
  SELECT b.line_item_id, MAX(b.line_item_type) AS item_type
  FROM `metronome`.`current_breakdowns_line_items` b
  WHERE b.environment_type = 'PRODUCTION'
  GROUP BY b.line_item_id
) t ON t.line_item_id = li.id
WHERE i.environment_type = 'PRODUCTION'
  AND COALESCE(i.`status`, '') <> 'VOID'
GROUP BY 1, 2, 3
ORDER BY 1, 2, 3;
