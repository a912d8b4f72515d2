-- Current state of invoice_corrections: the newest version (by created_at) of each id.
{{ config(materialized='view') }}

SELECT "id", "invoice_id", "base_invoice_id", "reason", "memo", "sequence_number", "environment_type", "created_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM {{ source('metronome', 'invoice_corrections') }}
WHERE "id" IS NOT NULL
QUALIFY ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "created_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) = 1
