-- name: monthly_totals_by_line_item_type
-- description: >-
--   Line item totals of finalized invoices per UTC month (of the invoice's
--   end_timestamp), line item type and credit type. The type comes from the
--   invoice breakdowns; line items without a breakdown are UNKNOWN.
-- source: Metronome SQL cookbook, "monthly totals by line item type"
-- fixed:
--   - line_item has no line_item_type column; it is read from breakdowns_line_items by line_item_id
--   - months are UTC buckets written the same way on every engine
--   - VOID invoices are left out, one environment, totals per credit type
-- params:
--   - name: environment
--     description: PRODUCTION or SANDBOX
--     default: PRODUCTION
--     values: [PRODUCTION, SANDBOX]
SELECT {{ date_trunc "month" "i.end_timestamp" }} AS month,
       COALESCE(t.item_type, 'UNKNOWN') AS line_item_type,
       li.credit_type_name AS credit_type_name,
       SUM(li.total) AS line_item_total
FROM {{ current "invoice" }} i
JOIN {{ current "line_item" }} li
  ON li.invoice_id = i.id AND li.environment_type = i.environment_type
LEFT JOIN (
  SELECT b.line_item_id, MAX(b.line_item_type) AS item_type
  FROM {{ current "breakdowns_line_items" }} b
  WHERE b.environment_type = {{ param "environment" }}
  GROUP BY b.line_item_id
) t ON t.line_item_id = li.id
WHERE i.environment_type = {{ param "environment" }}
  AND COALESCE(i.{{ q "status" }}, '') <> 'VOID'
GROUP BY 1, 2, 3
ORDER BY 1, 2, 3
