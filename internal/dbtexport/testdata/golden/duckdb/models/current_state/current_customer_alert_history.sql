-- Current state of customer_alert_history: the newest version (by created_at) of each id.
{{ config(materialized='view') }}

SELECT "id", "customer_id", "alert_id", "alert_status", "additional_data", "environment_type", "created_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM {{ source('metronome', 'customer_alert_history') }}
WHERE "id" IS NOT NULL
QUALIFY ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "created_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) = 1
