-- Current state of credit_grant_deduction: the newest version (by updated_at) of each id.
{{ config(materialized='view') }}

SELECT "id", "credit_grant_id", "amount", "memo", "invoice_id", "effective_at", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM {{ source('metronome', 'credit_grant_deduction') }}
WHERE "id" IS NOT NULL
QUALIFY ROW_NUMBER() OVER (PARTITION BY "id" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) = 1
