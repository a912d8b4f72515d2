-- Current state of billable_metric: the newest version (by updated_at) of each id.
{{ config(materialized='view') }}

SELECT "id", "aggregate", "aggregate_keys", "environment_type", "group_keys", "name", "created_at", "archived_at", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM {{ source('metronome', 'billable_metric') }}
WHERE "id" IS NOT NULL
QUALIFY ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) = 1
