-- Current state of packages: the latest snapshot (by snapshot_id) of each environment, one row per id.
{{ config(materialized='view') }}

SELECT "id", "name", "rate_card_id", "duration_unit", "duration_value", "multiplier_override_prioritization", "net_payment_terms_days", "usage_statement_schedule_frequency", "scheduled_charges_on_usage_invoices", "billing_provider", "delivery_method", "aliases", "created_at", "created_by", "archived_at", "updated_at", "environment_type", "snapshot_id", "metadata", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "id", "name", "rate_card_id", "duration_unit", "duration_value", "multiplier_override_prioritization", "net_payment_terms_days", "usage_statement_schedule_frequency", "scheduled_charges_on_usage_invoices", "billing_provider", "delivery_method", "aliases", "created_at", "created_by", "archived_at", "updated_at", "environment_type", "snapshot_id", "metadata", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
  FROM {{ source('metronome', 'packages') }}
  WHERE "snapshot_id" IS NOT NULL AND "id" IS NOT NULL
  QUALIFY "snapshot_id" = FIRST_VALUE("snapshot_id") OVER (PARTITION BY "environment_type" ORDER BY "_mtx_transferred_at" DESC NULLS LAST, "snapshot_id" DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
) AS "_mtx_latest"
QUALIFY ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) = 1
