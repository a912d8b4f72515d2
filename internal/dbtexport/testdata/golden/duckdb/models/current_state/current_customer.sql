-- Current state of customer: the newest version (by updated_at) of each id.
{{ config(materialized='view') }}

SELECT "id", "name", "ingest_aliases", "salesforce_account_id", "billing_provider_type", "billing_provider_customer_id", "custom_fields", "environment_type", "created_at", "updated_at", "archived_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM {{ source('metronome', 'customer') }}
WHERE "id" IS NOT NULL
QUALIFY ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) = 1
