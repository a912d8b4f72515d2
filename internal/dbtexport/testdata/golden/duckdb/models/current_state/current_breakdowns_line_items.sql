-- Current state of breakdowns_line_items: the newest version (by updated_at) of each id.
-- Incremental as in mtx: a refresh ranks the raw rows loaded since the newest
-- _mtx_loaded_at stored (less 1 hour) together with the stored rows of their
-- keys; dbt then replaces the stored rows of each returned key.
{{ config(materialized='incremental', unique_key=['environment_type', 'id'], incremental_strategy='delete+insert', on_schema_change='fail') }}

{% if is_incremental() %}
SELECT "id", "environment_type", "snapshot_timestamp", "watermark_timestamp", "invoice_breakdown_id", "name", "transfer_id", "group_key", "group_value", "quantity", "total", "unit_price", "product_id", "product_type", "credit_type_id", "credit_type_name", "commit_id", "commit_segment_id", "commit_type", "subscription_id", "is_prorated", "line_item_id", "line_item_type", "custom_fields", "pricing_group_values", "presentation_group_values", "billable_metric_id", "metadata", "breakdown_start_timestamp", "breakdown_end_timestamp", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "id", "environment_type", "snapshot_timestamp", "watermark_timestamp", "invoice_breakdown_id", "name", "transfer_id", "group_key", "group_value", "quantity", "total", "unit_price", "product_id", "product_type", "credit_type_id", "credit_type_name", "commit_id", "commit_segment_id", "commit_type", "subscription_id", "is_prorated", "line_item_id", "line_item_type", "custom_fields", "pricing_group_values", "presentation_group_values", "billable_metric_id", "metadata", "breakdown_start_timestamp", "breakdown_end_timestamp", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
  FROM {{ source('metronome', 'breakdowns_line_items') }}
  WHERE "id" IS NOT NULL AND ("_mtx_loaded_at" > (COALESCE((SELECT MAX("_mtx_loaded_at") FROM {{ this }}), TIMESTAMPTZ '1970-01-01 00:00:00.000000+00') - INTERVAL '3600 seconds') AND "_mtx_loaded_at" <> COALESCE((SELECT MAX("_mtx_loaded_at") FROM {{ this }}), TIMESTAMPTZ '1970-01-01 00:00:00.000000+00') OR "_mtx_loaded_at" IS NULL)
  UNION ALL
  SELECT "id", "environment_type", "snapshot_timestamp", "watermark_timestamp", "invoice_breakdown_id", "name", "transfer_id", "group_key", "group_value", "quantity", "total", "unit_price", "product_id", "product_type", "credit_type_id", "credit_type_name", "commit_id", "commit_segment_id", "commit_type", "subscription_id", "is_prorated", "line_item_id", "line_item_type", "custom_fields", "pricing_group_values", "presentation_group_values", "billable_metric_id", "metadata", "breakdown_start_timestamp", "breakdown_end_timestamp", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at" FROM {{ this }} AS "_mtx_stored"
  WHERE "id" IN (SELECT "id" FROM (
    SELECT "id"
    FROM {{ source('metronome', 'breakdowns_line_items') }}
    WHERE "id" IS NOT NULL AND ("_mtx_loaded_at" > (COALESCE((SELECT MAX("_mtx_loaded_at") FROM {{ this }}), TIMESTAMPTZ '1970-01-01 00:00:00.000000+00') - INTERVAL '3600 seconds') AND "_mtx_loaded_at" <> COALESCE((SELECT MAX("_mtx_loaded_at") FROM {{ this }}), TIMESTAMPTZ '1970-01-01 00:00:00.000000+00') OR "_mtx_loaded_at" IS NULL)
  ) AS "_mtx_tail")
) AS "_mtx_candidates"
QUALIFY ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) = 1
{% else %}
SELECT "id", "environment_type", "snapshot_timestamp", "watermark_timestamp", "invoice_breakdown_id", "name", "transfer_id", "group_key", "group_value", "quantity", "total", "unit_price", "product_id", "product_type", "credit_type_id", "credit_type_name", "commit_id", "commit_segment_id", "commit_type", "subscription_id", "is_prorated", "line_item_id", "line_item_type", "custom_fields", "pricing_group_values", "presentation_group_values", "billable_metric_id", "metadata", "breakdown_start_timestamp", "breakdown_end_timestamp", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM {{ source('metronome', 'breakdowns_line_items') }}
WHERE "id" IS NOT NULL
QUALIFY ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) = 1
{% endif %}
