-- Current state of customer_plan: the newest version (by updated_at) of each id.
{{ config(materialized='view') }}

SELECT "id", "customer_id", "plan_id", "plan_name", "starting_on", "ending_before", "net_payment_term_days", "custom_fields", "created_at", "updated_at", "deleted_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM {{ source('metronome', 'customer_plan') }}
WHERE "id" IS NOT NULL
QUALIFY ROW_NUMBER() OVER (PARTITION BY "id" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) = 1
