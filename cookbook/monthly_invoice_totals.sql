-- name: monthly_invoice_totals
-- description: >-
--   Finalized invoices per UTC month of their end_timestamp (the end of the
--   billing period, exclusive: a period ending 2024-02-01T00:00Z counts in
--   February, the month it is invoiced), with count and total per credit type.
-- source: Metronome SQL cookbook, "monthly invoice totals"
-- fixed:
--   - DATE_TRUNC("MONTH", ...) names a column "MONTH" on PostgreSQL, Snowflake and Redshift; months are now UTC buckets on every engine
--   - VOID invoices are left out; they were summed into the totals
--   - one environment; SANDBOX and PRODUCTION were mixed
--   - totals are per credit type (USD, custom pricing units...), never summed across them
--   - reads current_invoice, so an invoice updated after finalization counts once
-- params:
--   - name: environment
--     description: PRODUCTION or SANDBOX
--     default: PRODUCTION
--     values: [PRODUCTION, SANDBOX]
SELECT {{ date_trunc "month" "i.end_timestamp" }} AS month,
       i.credit_type_name AS credit_type_name,
       COUNT(*) AS invoice_count,
       SUM(i.total) AS invoice_total
FROM {{ current "invoice" }} i
WHERE i.environment_type = {{ param "environment" }}
  AND COALESCE(i.{{ q "status" }}, '') <> 'VOID'
GROUP BY 1, 2
ORDER BY 1, 2
