SELECT from_utc_timestamp(date_trunc('MONTH', to_utc_timestamp(i.end_timestamp, current_timezone())), current_timezone()) AS month,
       CASE WHEN sli.billable_metric_id IS NULL THEN 'NON_USAGE' ELSE 'USAGE' END AS charge_type,
       i.credit_type_name AS credit_type_name,
       SUM(sli.subtotal) AS subtotal_sum
FROM `metronome`.`current_invoice` i
JOIN `metronome`.`current_line_item` li
  ON li.invoice_id = i.id AND li.environment_type = i.environment_type
JOIN `metronome`.`current_sub_line_item` sli ON sli.line_item_id = li.id
WHERE i.environment_type = 'PRODUCTION'
  AND COALESCE(i.`status`, '') <> 'VOID'
GROUP BY 1, 2, 3
ORDER BY 1, 2, 3;
