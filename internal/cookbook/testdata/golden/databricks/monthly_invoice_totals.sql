SELECT from_utc_timestamp(date_trunc('MONTH', to_utc_timestamp(i.end_timestamp, current_timezone())), current_timezone()) AS month,
       i.credit_type_name AS credit_type_name,
       COUNT(*) AS invoice_count,
       SUM(i.total) AS invoice_total
FROM `metronome`.`current_invoice` i
WHERE i.environment_type = 'PRODUCTION'
  AND COALESCE(i.`status`, '') <> 'VOID'
GROUP BY 1, 2
ORDER BY 1, 2;
