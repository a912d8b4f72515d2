-- Current state of product: the newest version (by updated_at) of each id.
{{ config(materialized='view') }}

SELECT "id", "name", "description", "custom_fields", "created_at", "environment_type", "deprecated_at", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM {{ source('metronome', 'product') }}
WHERE "id" IS NOT NULL
QUALIFY ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) = 1
