-- name: usage_by_billable_metric
-- description: >-
--   Finance: usage quantity and total per UTC month (of the breakdown
--   window), billable metric and credit type, from finalized invoice breakdowns.
-- source: mtx (finance)
-- fixed: []
-- params:
--   - name: environment
--     description: PRODUCTION or SANDBOX
--     default: PRODUCTION
--     values: [PRODUCTION, SANDBOX]
SELECT {{ date_trunc "month" "b.breakdown_start_timestamp" }} AS month,
       b.billable_metric_id AS billable_metric_id,
       m.{{ q "name" }} AS billable_metric_name,
       b.credit_type_name AS credit_type_name,
       SUM(b.quantity) AS total_quantity,
       SUM(b.total) AS total_amount
FROM {{ current "breakdowns_line_items" }} b
LEFT JOIN {{ current "billable_metric" }} m
  ON m.id = b.billable_metric_id AND m.environment_type = b.environment_type
WHERE b.environment_type = {{ param "environment" }}
  AND b.billable_metric_id IS NOT NULL
GROUP BY 1, 2, 3, 4
ORDER BY 1, 2, 3, 4
