SELECT DATE_TRUNC('MONTH', CONVERT_TIMEZONE('UTC', i.end_timestamp)::TIMESTAMP_NTZ) AS month,
       CASE WHEN sli.billable_metric_id IS NULL THEN 'NON_USAGE' ELSE 'USAGE' END AS charge_type,
       i.credit_type_name AS credit_type_name,
       SUM(sli.subtotal) AS subtotal_sum
FROM "METRONOME"."CURRENT_INVOICE" i
JOIN "METRONOME"."CURRENT_LINE_ITEM" li
  ON li.invoice_id = i.id AND li.environment_type = i.environment_type
JOIN "METRONOME"."CURRENT_SUB_LINE_ITEM" sli ON sli.line_item_id = li.id
WHERE i.environment_type = 'PRODUCTION'
  AND COALESCE(i."STATUS", '') <> 'VOID'
GROUP BY 1, 2, 3
ORDER BY 1, 2, 3;
