-- Current state of draft_invoice: the latest snapshot (by snapshot_time) of each environment, one row per id.
{{ config(materialized='view') }}

SELECT "_metronome_metadata_id", "id", "status", "total", "credit_type_id", "credit_type_name", "customer_id", "plan_id", "plan_name", "start_timestamp", "end_timestamp", "billing_provider_invoice_id", "billing_provider_invoice_created_at", "environment_type", "updated_at", "snapshot_time", "label", "contract_id", "billable_status", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "_metronome_metadata_id", "id", "status", "total", "credit_type_id", "credit_type_name", "customer_id", "plan_id", "plan_name", "start_timestamp", "end_timestamp", "billing_provider_invoice_id", "billing_provider_invoice_created_at", "environment_type", "updated_at", "snapshot_time", "label", "contract_id", "billable_status", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
  FROM {{ source('metronome', 'draft_invoice') }}
  WHERE "snapshot_time" IS NOT NULL AND "id" IS NOT NULL
  QUALIFY "snapshot_time" = FIRST_VALUE("snapshot_time") OVER (PARTITION BY "environment_type" ORDER BY "snapshot_time" DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
) AS "_mtx_latest"
QUALIFY ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) = 1
