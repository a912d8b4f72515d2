SELECT bi.customer_id AS customer_id,
       DATE_TRUNC('DAY', CONVERT_TIMEZONE('UTC', li.breakdown_start_timestamp)::TIMESTAMP_NTZ) AS day,
       bi.invoice_id AS invoice_id,
       li."NAME" AS line_item_name,
       li.credit_type_name AS credit_type_name,
       SUM(li.quantity) AS total_quantity,
       SUM(li.total) AS total_amount
FROM "METRONOME"."CURRENT_BREAKDOWNS_DRAFT_LINE_ITEMS" li
JOIN "METRONOME"."CURRENT_BREAKDOWNS_DRAFT_INVOICES" bi
  ON bi.id = li.invoice_breakdown_id AND bi.environment_type = li.environment_type
WHERE li.environment_type = 'PRODUCTION'
GROUP BY 1, 2, 3, 4, 5
ORDER BY 1, 2, 3, 4, 5;
