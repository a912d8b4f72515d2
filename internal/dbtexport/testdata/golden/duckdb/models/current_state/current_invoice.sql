-- Current state of invoice: the newest version (by updated_at) of each id.
{{ config(materialized='view') }}

SELECT "id", "status", "total", "credit_type_id", "credit_type_name", "customer_id", "plan_id", "plan_name", "start_timestamp", "end_timestamp", "billing_provider_invoice_id", "billing_provider_type", "billing_provider_invoice_created_at", "billing_provider_invoice_external_status", "invoice_label", "issued_at", "metadata", "environment_type", "updated_at", "contract_id", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM {{ source('metronome', 'invoice') }}
WHERE "id" IS NOT NULL
QUALIFY ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) = 1
