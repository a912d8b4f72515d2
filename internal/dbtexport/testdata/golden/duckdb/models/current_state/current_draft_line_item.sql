-- Current state of draft_line_item: the latest snapshot (by snapshot_time) of each environment, one row per id.
{{ config(materialized='view') }}

SELECT "_metronome_metadata_id", "id", "invoice_id", "credit_grant_id", "credit_type_id", "credit_type_name", "name", "quantity", "total", "commit_id", "product_id", "group_key", "group_value", "is_prorated", "updated_at", "snapshot_time", "environment_type", "unit_price", "pricing_group_values", "subscription_id", "metadata", "starting_at", "ending_before", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "_metronome_metadata_id", "id", "invoice_id", "credit_grant_id", "credit_type_id", "credit_type_name", "name", "quantity", "total", "commit_id", "product_id", "group_key", "group_value", "is_prorated", "updated_at", "snapshot_time", "environment_type", "unit_price", "pricing_group_values", "subscription_id", "metadata", "starting_at", "ending_before", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
  FROM {{ source('metronome', 'draft_line_item') }}
  WHERE "snapshot_time" IS NOT NULL AND "id" IS NOT NULL
  QUALIFY "snapshot_time" = FIRST_VALUE("snapshot_time") OVER (PARTITION BY "environment_type" ORDER BY "snapshot_time" DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
) AS "_mtx_latest"
QUALIFY ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) = 1
