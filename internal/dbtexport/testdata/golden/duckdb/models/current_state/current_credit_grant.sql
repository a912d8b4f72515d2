-- Current state of credit_grant: the newest version (by updated_at) of each id.
{{ config(materialized='view') }}

SELECT "id", "customer_id", "name", "invoice_id", "priority", "reason", "amount_granted", "amount_granted_credit_type_id", "amount_paid", "amount_paid_credit_type_id", "custom_fields", "product_ids", "environment_type", "created_at", "updated_at", "effective_at", "expires_at", "voided_at", "credit_grant_type", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM {{ source('metronome', 'credit_grant') }}
WHERE "id" IS NOT NULL
QUALIFY ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) = 1
