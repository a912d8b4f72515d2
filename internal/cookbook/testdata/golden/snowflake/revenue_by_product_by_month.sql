SELECT DATE_TRUNC('MONTH', CONVERT_TIMEZONE('UTC', i.end_timestamp)::TIMESTAMP_NTZ) AS month,
       li.product_id AS product_id,
       MAX(li."NAME") AS product_name,
       li.credit_type_name AS credit_type_name,
       SUM(li.total) AS revenue
FROM "METRONOME"."CURRENT_INVOICE" i
JOIN "METRONOME"."CURRENT_LINE_ITEM" li
  ON li.invoice_id = i.id AND li.environment_type = i.environment_type
WHERE i.environment_type = 'PRODUCTION'
  AND COALESCE(i."STATUS", '') <> 'VOID'
GROUP BY 1, 2, 4
ORDER BY 1, 2, 4;
