SELECT DATE_TRUNC('DAY', CONVERT_TIMEZONE('UTC', b.breakdown_start_timestamp)::TIMESTAMP_NTZ) AS day,
       b."NAME" AS line_item_name,
       b.credit_type_name AS credit_type_name,
       SUM(b.quantity) AS total_quantity,
       SUM(b.total) AS total_amount
FROM "METRONOME"."CURRENT_BREAKDOWNS_DRAFT_LINE_ITEMS" b
WHERE b.environment_type = 'PRODUCTION'
GROUP BY 1, 2, 3
ORDER BY 1, 2, 3;
