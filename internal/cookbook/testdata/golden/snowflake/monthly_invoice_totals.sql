SELECT DATE_TRUNC('MONTH', CONVERT_TIMEZONE('UTC', i.end_timestamp)::TIMESTAMP_NTZ) AS month,
       i.credit_type_name AS credit_type_name,
       COUNT(*) AS invoice_count,
       SUM(i.total) AS invoice_total
FROM "METRONOME"."CURRENT_INVOICE" i
WHERE i.environment_type = 'PRODUCTION'
  AND COALESCE(i."STATUS", '') <> 'VOID'
GROUP BY 1, 2
ORDER BY 1, 2;
