-- model events (view, source view of delivered table events)
-- The delivered table events under the catalog's column names (mtx's provenance columns NULL).
CREATE OR REPLACE VIEW "metronome"."events" AS
SELECT "TRANSACTION_ID" AS "transaction_id",
  "CUSTOMER_ID" AS "customer_id",
  "TIMESTAMP" AS "timestamp",
  "EVENT_TYPE" AS "event_type",
  JSON_PARSE("PROPERTIES") AS "properties",
  "ENVIRONMENT_TYPE" AS "environment_type",
  "_METRONOME_METADATA_ID" AS "_metronome_metadata_id",
  "UPDATED_AT" AS "updated_at",
  CAST(NULL AS VARCHAR(65535)) AS "_mtx_source_file",
  CAST(NULL AS TIMESTAMPTZ) AS "_mtx_transferred_at",
  CAST(NULL AS TIMESTAMPTZ) AS "_mtx_loaded_at"
FROM "delivered"."EVENTS";

-- model current_events (incremental, built-in current-state model of events)
-- Current state of events: the newest version (by updated_at, timestamp) of each transaction_id.
DROP TABLE IF EXISTS "metronome"."_mtx_build_current_events_ed57d84a";

CREATE TABLE "metronome"."_mtx_build_current_events_ed57d84a" AS
SELECT "transaction_id", "customer_id", "timestamp", "event_type", "properties", "environment_type", "_metronome_metadata_id", "updated_at"
FROM (
  SELECT "transaction_id", "customer_id", "timestamp", "event_type", "properties", "environment_type", "_metronome_metadata_id", "updated_at",
    ROW_NUMBER() OVER (PARTITION BY "transaction_id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "timestamp" DESC NULLS LAST, "_metronome_metadata_id" DESC NULLS LAST, "customer_id" DESC NULLS LAST, "event_type" DESC NULLS LAST) AS "_mtx_row"
  FROM (
    SELECT "TRANSACTION_ID" AS "transaction_id", "CUSTOMER_ID" AS "customer_id", "TIMESTAMP" AS "timestamp", "EVENT_TYPE" AS "event_type", JSON_PARSE("PROPERTIES") AS "properties", "ENVIRONMENT_TYPE" AS "environment_type", "_METRONOME_METADATA_ID" AS "_metronome_metadata_id", "UPDATED_AT" AS "updated_at"
    FROM "delivered"."EVENTS"
  ) AS "_mtx_delivered"
  WHERE "transaction_id" IS NOT NULL
) AS "_mtx_ranked"
WHERE "_mtx_row" = 1;

ALTER TABLE "metronome"."_mtx_build_current_events_ed57d84a" RENAME TO "current_events";

-- model current_invoice (view, built-in current-state model of invoice)
-- Current state of invoice: the newest version (by updated_at) of each id.
CREATE OR REPLACE VIEW "metronome"."current_invoice" AS
SELECT "id", "status", "total", "credit_type_id", "credit_type_name", "customer_id", "plan_id", "plan_name", "start_timestamp", "end_timestamp", "billing_provider_invoice_id", "billing_provider_type", "billing_provider_invoice_created_at", "billing_provider_invoice_external_status", "invoice_label", "issued_at", "metadata", "environment_type", "updated_at", "contract_id"
FROM (
  SELECT "id", "status", "total", "credit_type_id", "credit_type_name", "customer_id", "plan_id", "plan_name", "start_timestamp", "end_timestamp", "billing_provider_invoice_id", "billing_provider_type", "billing_provider_invoice_created_at", "billing_provider_invoice_external_status", "invoice_label", "issued_at", "metadata", "environment_type", "updated_at", "contract_id",
    ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "status" DESC NULLS LAST, "total" DESC NULLS LAST, "credit_type_id" DESC NULLS LAST, "customer_id" DESC NULLS LAST, "plan_id" DESC NULLS LAST, "plan_name" DESC NULLS LAST, "start_timestamp" DESC NULLS LAST, "end_timestamp" DESC NULLS LAST, "billing_provider_invoice_id" DESC NULLS LAST, "billing_provider_type" DESC NULLS LAST, "billing_provider_invoice_created_at" DESC NULLS LAST, "billing_provider_invoice_external_status" DESC NULLS LAST, "invoice_label" DESC NULLS LAST, "issued_at" DESC NULLS LAST, "contract_id" DESC NULLS LAST) AS "_mtx_row"
  FROM (
    SELECT "id" AS "id", "status" AS "status", "total" AS "total", "credit_type_id" AS "credit_type_id", CAST(NULL AS VARCHAR(65535)) AS "credit_type_name", "customer_id" AS "customer_id", "plan_id" AS "plan_id", "plan_name" AS "plan_name", "start_timestamp" AS "start_timestamp", "end_timestamp" AS "end_timestamp", "billing_provider_invoice_id" AS "billing_provider_invoice_id", "billing_provider_type" AS "billing_provider_type", "billing_provider_invoice_created_at" AS "billing_provider_invoice_created_at", "billing_provider_invoice_external_status" AS "billing_provider_invoice_external_status", "invoice_label" AS "invoice_label", "issued_at" AS "issued_at", "metadata" AS "metadata", "environment_type" AS "environment_type", "updated_at" AS "updated_at", "contract_id" AS "contract_id"
    FROM "delivered"."invoice"
  ) AS "_mtx_delivered"
  WHERE "id" IS NOT NULL
) AS "_mtx_ranked"
WHERE "_mtx_row" = 1;

-- model current_customer (view, built-in current-state model of customer)
-- Current state of customer: the newest version (by updated_at) of each id.
CREATE OR REPLACE VIEW "metronome"."current_customer" AS
SELECT "id", "name", "ingest_aliases", "salesforce_account_id", "billing_provider_type", "billing_provider_customer_id", "custom_fields", "environment_type", "created_at", "updated_at", "archived_at", "loyalty_tier"
FROM (
  SELECT "id", "name", "ingest_aliases", "salesforce_account_id", "billing_provider_type", "billing_provider_customer_id", "custom_fields", "environment_type", "created_at", "updated_at", "archived_at", "loyalty_tier",
    ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "name" DESC NULLS LAST, "salesforce_account_id" DESC NULLS LAST, "billing_provider_type" DESC NULLS LAST, "billing_provider_customer_id" DESC NULLS LAST, "created_at" DESC NULLS LAST, "archived_at" DESC NULLS LAST) AS "_mtx_row"
  FROM (
    SELECT "id" AS "id", "name" AS "name", JSON_PARSE("ingest_aliases") AS "ingest_aliases", "salesforce_account_id" AS "salesforce_account_id", "billing_provider_type" AS "billing_provider_type", "billing_provider_customer_id" AS "billing_provider_customer_id", JSON_PARSE("custom_fields") AS "custom_fields", "environment_type" AS "environment_type", "created_at" AS "created_at", "updated_at" AS "updated_at", "archived_at" AS "archived_at", "LOYALTY_TIER" AS "loyalty_tier"
    FROM "delivered"."customer"
  ) AS "_mtx_delivered"
  WHERE "id" IS NOT NULL
) AS "_mtx_ranked"
WHERE "_mtx_row" = 1;

-- model current_draft_invoice (view, built-in current-state model of draft_invoice)
-- Current state of draft_invoice: the latest snapshot (by snapshot_time) of each environment, one row per id.
CREATE OR REPLACE VIEW "metronome"."current_draft_invoice" AS
SELECT "_metronome_metadata_id", "id", "status", "total", "credit_type_id", "credit_type_name", "customer_id", "plan_id", "plan_name", "start_timestamp", "end_timestamp", "billing_provider_invoice_id", "billing_provider_invoice_created_at", "environment_type", "updated_at", "snapshot_time", "label", "contract_id", "billable_status"
FROM (
  SELECT "_metronome_metadata_id", "id", "status", "total", "credit_type_id", "credit_type_name", "customer_id", "plan_id", "plan_name", "start_timestamp", "end_timestamp", "billing_provider_invoice_id", "billing_provider_invoice_created_at", "environment_type", "updated_at", "snapshot_time", "label", "contract_id", "billable_status",
    ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "snapshot_time" DESC NULLS LAST, "_metronome_metadata_id" DESC NULLS LAST, "status" DESC NULLS LAST, "total" DESC NULLS LAST, "credit_type_id" DESC NULLS LAST, "credit_type_name" DESC NULLS LAST, "customer_id" DESC NULLS LAST, "plan_id" DESC NULLS LAST, "plan_name" DESC NULLS LAST, "start_timestamp" DESC NULLS LAST, "end_timestamp" DESC NULLS LAST, "billing_provider_invoice_id" DESC NULLS LAST, "billing_provider_invoice_created_at" DESC NULLS LAST, "label" DESC NULLS LAST, "contract_id" DESC NULLS LAST, "billable_status" DESC NULLS LAST) AS "_mtx_row"
  FROM (
    SELECT "_metronome_metadata_id", "id", "status", "total", "credit_type_id", "credit_type_name", "customer_id", "plan_id", "plan_name", "start_timestamp", "end_timestamp", "billing_provider_invoice_id", "billing_provider_invoice_created_at", "environment_type", "updated_at", "snapshot_time", "label", "contract_id", "billable_status"
    FROM (
      SELECT "_metronome_metadata_id", "id", "status", "total", "credit_type_id", "credit_type_name", "customer_id", "plan_id", "plan_name", "start_timestamp", "end_timestamp", "billing_provider_invoice_id", "billing_provider_invoice_created_at", "environment_type", "updated_at", "snapshot_time", "label", "contract_id", "billable_status",
        FIRST_VALUE("snapshot_time") OVER (PARTITION BY "environment_type" ORDER BY "snapshot_time" DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "_mtx_latest_snapshot"
      FROM (
        SELECT "_metronome_metadata_id" AS "_metronome_metadata_id", "id" AS "id", "status" AS "status", "total" AS "total", "credit_type_id" AS "credit_type_id", "credit_type_name" AS "credit_type_name", "customer_id" AS "customer_id", "plan_id" AS "plan_id", "plan_name" AS "plan_name", "start_timestamp" AS "start_timestamp", "end_timestamp" AS "end_timestamp", "billing_provider_invoice_id" AS "billing_provider_invoice_id", "billing_provider_invoice_created_at" AS "billing_provider_invoice_created_at", "environment_type" AS "environment_type", "updated_at" AS "updated_at", "snapshot_time" AS "snapshot_time", "label" AS "label", "contract_id" AS "contract_id", "billable_status" AS "billable_status"
        FROM "delivered"."draft_invoice"
      ) AS "_mtx_delivered"
      WHERE "snapshot_time" IS NOT NULL AND "id" IS NOT NULL
    ) AS "_mtx_snapshots"
    WHERE "snapshot_time" = "_mtx_latest_snapshot"
  ) AS "_mtx_latest"
) AS "_mtx_ranked"
WHERE "_mtx_row" = 1;

-- model current_contracts_contracts (view, built-in current-state model of contracts_contracts)
-- Current state of contracts_contracts: the latest snapshot (by snapshot_id) of each environment, one row per id.
CREATE OR REPLACE VIEW "metronome"."current_contracts_contracts" AS
SELECT "id", "environment_type", "snapshot_id", "name", "customer_id", "package_id", "rate_card_id", "starting_at", "ending_before", "archived_at", "multiplier_override_prioritization", "net_payment_terms_days", "usage_statement_schedule_frequency", "scheduled_charges_on_usage_invoices", "metadata", "created_at", "created_by", "updated_at"
FROM (
  SELECT "id", "environment_type", "snapshot_id", "name", "customer_id", "package_id", "rate_card_id", "starting_at", "ending_before", "archived_at", "multiplier_override_prioritization", "net_payment_terms_days", "usage_statement_schedule_frequency", "scheduled_charges_on_usage_invoices", "metadata", "created_at", "created_by", "updated_at",
    ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "snapshot_id" DESC NULLS LAST, "name" DESC NULLS LAST, "customer_id" DESC NULLS LAST, "package_id" DESC NULLS LAST, "rate_card_id" DESC NULLS LAST, "starting_at" DESC NULLS LAST, "ending_before" DESC NULLS LAST, "archived_at" DESC NULLS LAST, "multiplier_override_prioritization" DESC NULLS LAST, "net_payment_terms_days" DESC NULLS LAST, "usage_statement_schedule_frequency" DESC NULLS LAST, "scheduled_charges_on_usage_invoices" DESC NULLS LAST, "created_at" DESC NULLS LAST, "created_by" DESC NULLS LAST) AS "_mtx_row"
  FROM (
    SELECT "id", "environment_type", "snapshot_id", "name", "customer_id", "package_id", "rate_card_id", "starting_at", "ending_before", "archived_at", "multiplier_override_prioritization", "net_payment_terms_days", "usage_statement_schedule_frequency", "scheduled_charges_on_usage_invoices", "metadata", "created_at", "created_by", "updated_at"
    FROM (
      SELECT "id", "environment_type", "snapshot_id", "name", "customer_id", "package_id", "rate_card_id", "starting_at", "ending_before", "archived_at", "multiplier_override_prioritization", "net_payment_terms_days", "usage_statement_schedule_frequency", "scheduled_charges_on_usage_invoices", "metadata", "created_at", "created_by", "updated_at",
        FIRST_VALUE("snapshot_id") OVER (PARTITION BY "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "snapshot_id" DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "_mtx_latest_snapshot"
      FROM (
        SELECT "id" AS "id", "environment_type" AS "environment_type", "snapshot_id" AS "snapshot_id", "name" AS "name", "customer_id" AS "customer_id", "package_id" AS "package_id", "rate_card_id" AS "rate_card_id", "starting_at" AS "starting_at", "ending_before" AS "ending_before", "archived_at" AS "archived_at", "multiplier_override_prioritization" AS "multiplier_override_prioritization", "net_payment_terms_days" AS "net_payment_terms_days", "usage_statement_schedule_frequency" AS "usage_statement_schedule_frequency", "scheduled_charges_on_usage_invoices" AS "scheduled_charges_on_usage_invoices", JSON_PARSE("metadata") AS "metadata", "created_at" AS "created_at", "created_by" AS "created_by", "updated_at" AS "updated_at"
        FROM "delivered"."contracts_contracts"
      ) AS "_mtx_delivered"
      WHERE "snapshot_id" IS NOT NULL AND "id" IS NOT NULL
    ) AS "_mtx_snapshots"
    WHERE "snapshot_id" = "_mtx_latest_snapshot"
  ) AS "_mtx_latest"
) AS "_mtx_ranked"
WHERE "_mtx_row" = 1;

-- model current_contracts_usage_filter_schedule (view, built-in current-state model of contracts_usage_filter_schedule)
-- Current state of contracts_usage_filter_schedule: the latest snapshot (by _mtx_transferred_at) of each environment, one row per id, starting_at.
CREATE OR REPLACE VIEW "metronome"."current_contracts_usage_filter_schedule" AS
SELECT "id", "contract_id", "starting_at", "ending_before", "group_key", "group_values", "metadata", "updated_at"
FROM (
  SELECT "id", "contract_id", "starting_at", "ending_before", "group_key", "group_values", "metadata", "updated_at",
    ROW_NUMBER() OVER (PARTITION BY "id", "starting_at" ORDER BY "updated_at" DESC NULLS LAST, "contract_id" DESC NULLS LAST, "ending_before" DESC NULLS LAST, "group_key" DESC NULLS LAST) AS "_mtx_row"
  FROM (
    SELECT "id" AS "id", "contract_id" AS "contract_id", "starting_at" AS "starting_at", "ending_before" AS "ending_before", "group_key" AS "group_key", JSON_PARSE("group_values") AS "group_values", JSON_PARSE("metadata") AS "metadata", "updated_at" AS "updated_at"
    FROM "delivered"."contracts_usage_filter_schedule"
  ) AS "_mtx_delivered"
  WHERE "id" IS NOT NULL AND "starting_at" IS NOT NULL
) AS "_mtx_ranked"
WHERE "_mtx_row" = 1;

-- model event_log (incremental, event_log.sql)
DROP TABLE IF EXISTS "metronome"."_mtx_build_event_log_4a5960e2";

CREATE TABLE "metronome"."_mtx_build_event_log_4a5960e2" AS
SELECT transaction_id, customer_id, "timestamp", _mtx_loaded_at
FROM "metronome"."events";

ALTER TABLE "metronome"."_mtx_build_event_log_4a5960e2" RENAME TO "event_log";

-- refresh of event_log when it exists:
DROP TABLE IF EXISTS "_mtx_new_event_log_4a5960e2";

CREATE TEMPORARY TABLE "_mtx_new_event_log_4a5960e2" AS
SELECT transaction_id, customer_id, "timestamp", _mtx_loaded_at
FROM "metronome"."events"
WHERE _mtx_loaded_at > (SELECT MAX(_mtx_loaded_at) FROM "metronome"."event_log");

-- mtx check: the new rows repeat unique_key
-- hint: add newest: to the header to keep the newest row of each key
-- on failure: DROP TABLE "_mtx_new_event_log_4a5960e2"
SELECT "transaction_id", COUNT(*) AS "_mtx_rows" FROM "_mtx_new_event_log_4a5960e2" GROUP BY "transaction_id" HAVING COUNT(*) > 1 ORDER BY "transaction_id" LIMIT 1;

DELETE FROM "metronome"."event_log" WHERE "transaction_id" IN (SELECT "transaction_id" FROM "_mtx_new_event_log_4a5960e2");

INSERT INTO "metronome"."event_log" SELECT * FROM "_mtx_new_event_log_4a5960e2";

DROP TABLE "_mtx_new_event_log_4a5960e2";

