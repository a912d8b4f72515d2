-- Current state of contracts_balances: the latest snapshot (by snapshot_id) of each environment, one row per id.
{{ config(materialized='view') }}

SELECT "id", "environment_type", "snapshot_id", "customer_id", "contract_id", "amendment_id", "type", "name", "priority", "description", "product_id", "access_schedule", "invoice_schedule", "rollover_fraction", "rate_type", "applicable_product_ids", "applicable_product_tags", "specifiers", "applicable_contract_ids", "invoice_contract_id", "ledger", "rolled_over_from_commit_id", "rolled_over_from_contract_id", "recurring_commit_id", "metadata", "balance", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "id", "environment_type", "snapshot_id", "customer_id", "contract_id", "amendment_id", "type", "name", "priority", "description", "product_id", "access_schedule", "invoice_schedule", "rollover_fraction", "rate_type", "applicable_product_ids", "applicable_product_tags", "specifiers", "applicable_contract_ids", "invoice_contract_id", "ledger", "rolled_over_from_commit_id", "rolled_over_from_contract_id", "recurring_commit_id", "metadata", "balance", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
  FROM {{ source('metronome', 'contracts_balances') }}
  WHERE "snapshot_id" IS NOT NULL AND "id" IS NOT NULL
  QUALIFY "snapshot_id" = FIRST_VALUE("snapshot_id") OVER (PARTITION BY "environment_type" ORDER BY "_mtx_transferred_at" DESC NULLS LAST, "snapshot_id" DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
) AS "_mtx_latest"
QUALIFY ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) = 1
