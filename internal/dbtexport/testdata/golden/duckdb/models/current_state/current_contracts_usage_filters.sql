-- Current state of contracts_usage_filters: the latest snapshot (by snapshot_id) of each environment, one row per id.
{{ config(materialized='view') }}

SELECT "id", "environment_type", "snapshot_id", "contract_id", "version", "starting_at", "group_key", "group_values", "metadata", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "id", "environment_type", "snapshot_id", "contract_id", "version", "starting_at", "group_key", "group_values", "metadata", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
  FROM {{ source('metronome', 'contracts_usage_filters') }}
  WHERE "snapshot_id" IS NOT NULL AND "id" IS NOT NULL
  QUALIFY "snapshot_id" = FIRST_VALUE("snapshot_id") OVER (PARTITION BY "environment_type" ORDER BY "_mtx_transferred_at" DESC NULLS LAST, "snapshot_id" DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
) AS "_mtx_latest"
QUALIFY ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) = 1
