-- name: revenue_by_product_by_month
-- description: >-
--   Finance: invoiced revenue per UTC month (of the invoice's end_timestamp),
--   product and credit type, from finalized (not VOID) invoices.
-- source: mtx (finance)
-- fixed: []
-- params:
--   - name: environment
--     description: PRODUCTION or SANDBOX
--     default: PRODUCTION
--     values: [PRODUCTION, SANDBOX]
SELECT {{ date_trunc "month" "i.end_timestamp" }} AS month,
       li.product_id AS product_id,
       MAX(li.{{ q "name" }}) AS product_name,
       li.credit_type_name AS credit_type_name,
       SUM(li.total) AS revenue
FROM {{ current "invoice" }} i
JOIN {{ current "line_item" }} li
  ON li.invoice_id = i.id AND li.environment_type = i.environment_type
WHERE i.environment_type = {{ param "environment" }}
  AND COALESCE(i.{{ q "status" }}, '') <> 'VOID'
GROUP BY 1, 2, 4
ORDER BY 1, 2, 4
