-- Current state of sub_line_item: the newest version (by updated_at) of each id.
{{ config(materialized='view') }}

SELECT "id", "line_item_id", "name", "quantity", "subtotal", "charge_id", "billable_metric_id", "billable_metric_name", "tiers", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM {{ source('metronome', 'sub_line_item') }}
WHERE "id" IS NOT NULL
QUALIFY ROW_NUMBER() OVER (PARTITION BY "id" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) = 1
