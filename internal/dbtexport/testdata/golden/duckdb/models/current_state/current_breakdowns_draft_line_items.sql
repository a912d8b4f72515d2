-- Current state of breakdowns_draft_line_items: the latest snapshot (by snapshot_timestamp) of each environment, one row per id.
{{ config(materialized='view') }}

SELECT "id", "environment_type", "snapshot_timestamp", "watermark_timestamp", "invoice_breakdown_id", "name", "transfer_id", "group_key", "group_value", "quantity", "total", "unit_price", "product_id", "product_type", "credit_type_id", "credit_type_name", "commit_id", "commit_segment_id", "commit_type", "subscription_id", "is_prorated", "line_item_id", "line_item_type", "custom_fields", "pricing_group_values", "presentation_group_values", "billable_metric_id", "metadata", "breakdown_start_timestamp", "breakdown_end_timestamp", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "id", "environment_type", "snapshot_timestamp", "watermark_timestamp", "invoice_breakdown_id", "name", "transfer_id", "group_key", "group_value", "quantity", "total", "unit_price", "product_id", "product_type", "credit_type_id", "credit_type_name", "commit_id", "commit_segment_id", "commit_type", "subscription_id", "is_prorated", "line_item_id", "line_item_type", "custom_fields", "pricing_group_values", "presentation_group_values", "billable_metric_id", "metadata", "breakdown_start_timestamp", "breakdown_end_timestamp", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
  FROM {{ source('metronome', 'breakdowns_draft_line_items') }}
  WHERE "snapshot_timestamp" IS NOT NULL AND "id" IS NOT NULL
  QUALIFY "snapshot_timestamp" = FIRST_VALUE("snapshot_timestamp") OVER (PARTITION BY "environment_type" ORDER BY "snapshot_timestamp" DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
) AS "_mtx_latest"
QUALIFY ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) = 1
