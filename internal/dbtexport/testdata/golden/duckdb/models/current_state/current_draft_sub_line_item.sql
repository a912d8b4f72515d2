-- Current state of draft_sub_line_item: the latest snapshot (by snapshot_time) of each environment, one row per id.
{{ config(materialized='view') }}

SELECT "_metronome_metadata_id", "id", "line_item_id", "name", "quantity", "subtotal", "charge_id", "is_prorated", "billable_metric_id", "billable_metric_name", "tiers", "updated_at", "snapshot_time", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "_metronome_metadata_id", "id", "line_item_id", "name", "quantity", "subtotal", "charge_id", "is_prorated", "billable_metric_id", "billable_metric_name", "tiers", "updated_at", "snapshot_time", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
  FROM {{ source('metronome', 'draft_sub_line_item') }}
  WHERE "snapshot_time" IS NOT NULL AND "id" IS NOT NULL
  QUALIFY "snapshot_time" = FIRST_VALUE("snapshot_time") OVER (ORDER BY "snapshot_time" DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
) AS "_mtx_latest"
QUALIFY ROW_NUMBER() OVER (PARTITION BY "id" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) = 1
