-- Current state of alert: the newest version (by updated_at) of each id.
{{ config(materialized='view') }}

SELECT "id", "name", "alert_type", "threshold", "webhooks_enabled", "environment_type", "created_at", "disabled_at", "updated_at", "archived_at", "group_values", "seat_filter", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM {{ source('metronome', 'alert') }}
WHERE "id" IS NOT NULL
QUALIFY ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) = 1
