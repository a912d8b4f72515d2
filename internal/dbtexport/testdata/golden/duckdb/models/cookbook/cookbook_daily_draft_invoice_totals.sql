-- Draft invoices per daily snapshot (UTC day of snapshot_time), with count and total per credit type: how the open invoices grew day by day. Reads the raw draft_invoice history, one row per invoice per snapshot. DRAFT_INCOMPLETE invoices have no total; they are counted, not summed.
-- var environment: PRODUCTION or SANDBOX (default "PRODUCTION")
{{ config(materialized='view') }}

SELECT * FROM (
SELECT date_trunc('day', (d.snapshot_time) AT TIME ZONE 'UTC') AS day,
       d.credit_type_name AS credit_type_name,
       COUNT(*) AS invoice_count,
       SUM(d.total) AS invoice_total
FROM (
  SELECT r.snapshot_time, r.id, r.credit_type_name, r.total,
         ROW_NUMBER() OVER (PARTITION BY r.snapshot_time, r.id
                            ORDER BY r.updated_at DESC, r._mtx_transferred_at DESC, r._mtx_source_file DESC) AS row_num
  FROM {{ source('metronome', 'draft_invoice') }} r
  WHERE r.environment_type = {{ mtx_string('environment', 'PRODUCTION', ['PRODUCTION', 'SANDBOX']) }}
) d
WHERE d.row_num = 1
GROUP BY 1, 2
ORDER BY 1, 2
) AS _mtx_cookbook
