-- name: daily_draft_line_item_totals_by_customer
-- description: >-
--   Draft invoice breakdowns of the latest snapshot: line item total per UTC
--   day of the breakdown window, customer and credit type.
-- source: Metronome SQL cookbook, "daily draft line item totals by customer"
-- fixed:
--   - line items join their breakdown invoice on invoice_breakdown_id within the same environment and the latest snapshot only
--   - days are UTC days; totals per credit type
-- params:
--   - name: environment
--     description: PRODUCTION or SANDBOX
--     default: PRODUCTION
--     values: [PRODUCTION, SANDBOX]
SELECT {{ date_trunc "day" "li.breakdown_start_timestamp" }} AS day,
       bi.customer_id,
       li.credit_type_name,
       SUM(li.total) AS total_amount
FROM {{ current "breakdowns_draft_line_items" }} li
JOIN {{ current "breakdowns_draft_invoices" }} bi
  ON bi.id = li.invoice_breakdown_id AND bi.environment_type = li.environment_type
WHERE li.environment_type = {{ param "environment" }}
GROUP BY 1, 2, 3
ORDER BY 1, 2, 3
