-- Current state of payment: the newest version (by updated_at) of each id.
{{ config(materialized='view') }}

SELECT "id", "invoice_id", "customer_id", "contract_id", "environment_type", "amount", "amount_paid", "credit_type_id", "credit_type_name", "status", "error_message", "payment_gateway", "created_at", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM {{ source('metronome', 'payment') }}
WHERE "id" IS NOT NULL
QUALIFY ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) = 1
