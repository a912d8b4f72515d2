-- Current state of plan_charge: the newest version (by updated_at) of each id.
{{ config(materialized='view') }}

SELECT "id", "charge_id", "name", "plan_id", "product_id", "product_name", "billable_metric_id", "billable_metric_name", "start_period", "credit_type_id", "credit_type_name", "charge_type", "quantity", "environment_type", "prices", "custom_fields", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM {{ source('metronome', 'plan_charge') }}
WHERE "id" IS NOT NULL
QUALIFY ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) = 1
