-- Current state of contracts_usage_filter_schedule: the latest snapshot (by _mtx_transferred_at) of each environment, one row per id, starting_at.
{{ config(materialized='view') }}

SELECT "id", "contract_id", "starting_at", "ending_before", "group_key", "group_values", "metadata", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "id", "contract_id", "starting_at", "ending_before", "group_key", "group_values", "metadata", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
  FROM {{ source('metronome', 'contracts_usage_filter_schedule') }}
  WHERE "_mtx_transferred_at" IS NOT NULL AND "id" IS NOT NULL AND "starting_at" IS NOT NULL
  QUALIFY "_mtx_transferred_at" = FIRST_VALUE("_mtx_transferred_at") OVER (ORDER BY "_mtx_transferred_at" DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
) AS "_mtx_latest"
QUALIFY ROW_NUMBER() OVER (PARTITION BY "id", "starting_at" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) = 1
