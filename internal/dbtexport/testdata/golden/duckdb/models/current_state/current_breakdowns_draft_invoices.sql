-- Current state of breakdowns_draft_invoices: the latest snapshot (by snapshot_timestamp) of each environment, one row per id.
{{ config(materialized='view') }}

SELECT "id", "environment_type", "snapshot_timestamp", "invoice_id", "customer_id", "transfer_id", "credit_type_id", "net_payment_term_days", "credit_type_name", "subtotal", "total", "type", "external_invoice", "plan_id", "contract_id", "amendment_id", "custom_fields", "billable_status", "window_size", "metadata", "issued_at", "invoice_start_timestamp", "invoice_end_timestamp", "breakdown_start_timestamp", "breakdown_end_timestamp", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "id", "environment_type", "snapshot_timestamp", "invoice_id", "customer_id", "transfer_id", "credit_type_id", "net_payment_term_days", "credit_type_name", "subtotal", "total", "type", "external_invoice", "plan_id", "contract_id", "amendment_id", "custom_fields", "billable_status", "window_size", "metadata", "issued_at", "invoice_start_timestamp", "invoice_end_timestamp", "breakdown_start_timestamp", "breakdown_end_timestamp", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
  FROM {{ source('metronome', 'breakdowns_draft_invoices') }}
  WHERE "snapshot_timestamp" IS NOT NULL AND "id" IS NOT NULL
  QUALIFY "snapshot_timestamp" = FIRST_VALUE("snapshot_timestamp") OVER (PARTITION BY "environment_type" ORDER BY "snapshot_timestamp" DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
) AS "_mtx_latest"
QUALIFY ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) = 1
