-- Current state of events: the newest version (by updated_at, timestamp) of each transaction_id.
-- Incremental as in mtx: a refresh ranks the raw rows loaded since the newest
-- _mtx_loaded_at stored (less 1 hour) together with the stored rows of their
-- keys; dbt then replaces the stored rows of each returned key.
{{ config(materialized='incremental', unique_key=['environment_type', 'transaction_id'], incremental_strategy='delete+insert', on_schema_change='fail') }}

{% if is_incremental() %}
SELECT "transaction_id", "customer_id", "timestamp", "event_type", "properties", "environment_type", "_metronome_metadata_id", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "transaction_id", "customer_id", "timestamp", "event_type", "properties", "environment_type", "_metronome_metadata_id", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
  FROM {{ source('metronome', 'events') }}
  WHERE "transaction_id" IS NOT NULL AND ("_mtx_loaded_at" > (COALESCE((SELECT MAX("_mtx_loaded_at") FROM {{ this }}), TIMESTAMPTZ '1970-01-01 00:00:00.000000+00') - INTERVAL '3600 seconds') AND "_mtx_loaded_at" <> COALESCE((SELECT MAX("_mtx_loaded_at") FROM {{ this }}), TIMESTAMPTZ '1970-01-01 00:00:00.000000+00') OR "_mtx_loaded_at" IS NULL)
  UNION ALL
  SELECT "transaction_id", "customer_id", "timestamp", "event_type", "properties", "environment_type", "_metronome_metadata_id", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at" FROM {{ this }} AS "_mtx_stored"
  WHERE "transaction_id" IN (SELECT "transaction_id" FROM (
    SELECT "transaction_id"
    FROM {{ source('metronome', 'events') }}
    WHERE "transaction_id" IS NOT NULL AND ("_mtx_loaded_at" > (COALESCE((SELECT MAX("_mtx_loaded_at") FROM {{ this }}), TIMESTAMPTZ '1970-01-01 00:00:00.000000+00') - INTERVAL '3600 seconds') AND "_mtx_loaded_at" <> COALESCE((SELECT MAX("_mtx_loaded_at") FROM {{ this }}), TIMESTAMPTZ '1970-01-01 00:00:00.000000+00') OR "_mtx_loaded_at" IS NULL)
  ) AS "_mtx_tail")
) AS "_mtx_candidates"
QUALIFY ROW_NUMBER() OVER (PARTITION BY "transaction_id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "timestamp" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) = 1
{% else %}
SELECT "transaction_id", "customer_id", "timestamp", "event_type", "properties", "environment_type", "_metronome_metadata_id", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM {{ source('metronome', 'events') }}
WHERE "transaction_id" IS NOT NULL
QUALIFY ROW_NUMBER() OVER (PARTITION BY "transaction_id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "timestamp" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) = 1
{% endif %}
