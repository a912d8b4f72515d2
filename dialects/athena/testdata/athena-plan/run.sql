-- run lock
CREATE TABLE `metronome`.`mtx_run_lock` (`owner` string, `beat` bigint) LOCATION 's3://lake/mtx/metronome/mtx_run_lock/' TBLPROPERTIES ('table_type' = 'ICEBERG');

-- run lock
INSERT INTO "metronome"."mtx_run_lock" ("owner", "beat") VALUES ('host:1:abcd', 0);

-- run lock
SELECT MAX("owner"), COUNT(*) FROM "metronome"."mtx_run_lock";

-- run lock
DROP TABLE `metronome`.`mtx_run_lock`;

-- run lock
DROP TABLE IF EXISTS `metronome`.`mtx_run_lock`;

-- relations
SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = 'metronome';

-- model current_customer
CREATE OR REPLACE VIEW "metronome"."current_customer" AS
SELECT "id", "name", "ingest_aliases", "salesforce_account_id", "billing_provider_type", "billing_provider_customer_id", "custom_fields", "environment_type", "created_at", "updated_at", "archived_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "id", "name", "ingest_aliases", "salesforce_account_id", "billing_provider_type", "billing_provider_customer_id", "custom_fields", "environment_type", "created_at", "updated_at", "archived_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
    ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) AS "_mtx_row"
  FROM "metronome"."customer"
  WHERE "id" IS NOT NULL
) AS "_mtx_ranked"
WHERE "_mtx_row" = 1;

-- model cookbook_active_customers
CREATE OR REPLACE VIEW "metronome"."cookbook_active_customers" AS
SELECT * FROM (
SELECT COUNT(*) AS active_customers
FROM "metronome"."current_customer" c
WHERE c.archived_at IS NULL
  AND c.environment_type = 'PRODUCTION'
) AS _mtx_cookbook;

-- model current_contracts_rate_card_entries
CREATE OR REPLACE VIEW "metronome"."current_contracts_rate_card_entries" AS
SELECT "id", "environment_type", "rate_card_id", "product_id", "version", "entitled", "rate", "commit_rate", "product_order", "pricing_group_values", "snapshot_id", "metadata", "credit_type_id", "credit_type_name", "billing_frequency", "starting_at", "ending_before", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "id", "environment_type", "rate_card_id", "product_id", "version", "entitled", "rate", "commit_rate", "product_order", "pricing_group_values", "snapshot_id", "metadata", "credit_type_id", "credit_type_name", "billing_frequency", "starting_at", "ending_before", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
    ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) AS "_mtx_row"
  FROM (
    SELECT "id", "environment_type", "rate_card_id", "product_id", "version", "entitled", "rate", "commit_rate", "product_order", "pricing_group_values", "snapshot_id", "metadata", "credit_type_id", "credit_type_name", "billing_frequency", "starting_at", "ending_before", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
    FROM (
      SELECT "id", "environment_type", "rate_card_id", "product_id", "version", "entitled", "rate", "commit_rate", "product_order", "pricing_group_values", "snapshot_id", "metadata", "credit_type_id", "credit_type_name", "billing_frequency", "starting_at", "ending_before", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
        FIRST_VALUE("snapshot_id") OVER (PARTITION BY "environment_type" ORDER BY "_mtx_transferred_at" DESC NULLS LAST, "snapshot_id" DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "_mtx_latest_snapshot"
      FROM "metronome"."contracts_rate_card_entries"
      WHERE "snapshot_id" IS NOT NULL AND "id" IS NOT NULL
    ) AS "_mtx_snapshots"
    WHERE "snapshot_id" = "_mtx_latest_snapshot"
  ) AS "_mtx_latest"
) AS "_mtx_ranked"
WHERE "_mtx_row" = 1;

-- model current_contracts_rate_cards
CREATE OR REPLACE VIEW "metronome"."current_contracts_rate_cards" AS
SELECT "id", "environment_type", "snapshot_id", "credit_type_conversions", "metadata", "aliases", "fiat_credit_type_id", "fiat_credit_type_name", "description", "name", "created_by", "created_at", "updated_at", "archived_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "id", "environment_type", "snapshot_id", "credit_type_conversions", "metadata", "aliases", "fiat_credit_type_id", "fiat_credit_type_name", "description", "name", "created_by", "created_at", "updated_at", "archived_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
    ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) AS "_mtx_row"
  FROM (
    SELECT "id", "environment_type", "snapshot_id", "credit_type_conversions", "metadata", "aliases", "fiat_credit_type_id", "fiat_credit_type_name", "description", "name", "created_by", "created_at", "updated_at", "archived_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
    FROM (
      SELECT "id", "environment_type", "snapshot_id", "credit_type_conversions", "metadata", "aliases", "fiat_credit_type_id", "fiat_credit_type_name", "description", "name", "created_by", "created_at", "updated_at", "archived_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
        FIRST_VALUE("snapshot_id") OVER (PARTITION BY "environment_type" ORDER BY "_mtx_transferred_at" DESC NULLS LAST, "snapshot_id" DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "_mtx_latest_snapshot"
      FROM "metronome"."contracts_rate_cards"
      WHERE "snapshot_id" IS NOT NULL AND "id" IS NOT NULL
    ) AS "_mtx_snapshots"
    WHERE "snapshot_id" = "_mtx_latest_snapshot"
  ) AS "_mtx_latest"
) AS "_mtx_ranked"
WHERE "_mtx_row" = 1;

-- model cookbook_active_rate_card_entries
CREATE OR REPLACE VIEW "metronome"."cookbook_active_rate_card_entries" AS
SELECT * FROM (
SELECT rc.id AS rate_card_id,
       rc."name" AS rate_card_name,
       COALESCE(e.entry_count, 0) AS active_entry_count
FROM "metronome"."current_contracts_rate_cards" rc
LEFT JOIN (
  SELECT x.rate_card_id, COUNT(*) AS entry_count
  FROM "metronome"."current_contracts_rate_card_entries" x
  WHERE x.environment_type = 'PRODUCTION'
    AND x.starting_at <= current_timestamp
    AND (x.ending_before IS NULL OR x.ending_before > current_timestamp)
  GROUP BY x.rate_card_id
) e ON e.rate_card_id = rc.id
WHERE rc.environment_type = 'PRODUCTION'
  AND rc.archived_at IS NULL
ORDER BY 2, 1
) AS _mtx_cookbook;

-- model current_alert
CREATE OR REPLACE VIEW "metronome"."current_alert" AS
SELECT "id", "name", "alert_type", "threshold", "webhooks_enabled", "environment_type", "created_at", "disabled_at", "updated_at", "archived_at", "group_values", "seat_filter", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "id", "name", "alert_type", "threshold", "webhooks_enabled", "environment_type", "created_at", "disabled_at", "updated_at", "archived_at", "group_values", "seat_filter", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
    ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) AS "_mtx_row"
  FROM "metronome"."alert"
  WHERE "id" IS NOT NULL
) AS "_mtx_ranked"
WHERE "_mtx_row" = 1;

-- model current_customer_alert_history
CREATE OR REPLACE VIEW "metronome"."current_customer_alert_history" AS
SELECT "id", "customer_id", "alert_id", "alert_status", "additional_data", "environment_type", "created_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "id", "customer_id", "alert_id", "alert_status", "additional_data", "environment_type", "created_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
    ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "created_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) AS "_mtx_row"
  FROM "metronome"."customer_alert_history"
  WHERE "id" IS NOT NULL
) AS "_mtx_ranked"
WHERE "_mtx_row" = 1;

-- model cookbook_alert_triggers_per_day
CREATE OR REPLACE VIEW "metronome"."cookbook_alert_triggers_per_day" AS
SELECT * FROM (
SELECT date_trunc('day', (h.created_at) AT TIME ZONE 'UTC') AS day,
       a.id AS alert_id,
       a."name" AS alert_name,
       COUNT(*) AS triggered_count
FROM "metronome"."current_customer_alert_history" h
JOIN "metronome"."current_alert" a
  ON a.id = h.alert_id AND a.environment_type = h.environment_type
WHERE h.environment_type = 'PRODUCTION'
  AND LOWER(h.alert_status) = 'in_alarm'
  AND h.created_at >= date_add('hour', -168, current_timestamp)
  AND h.created_at < current_timestamp
GROUP BY 1, 2, 3
ORDER BY 1, 3, 2
) AS _mtx_cookbook;

-- model cookbook_alerts_with_webhooks
CREATE OR REPLACE VIEW "metronome"."cookbook_alerts_with_webhooks" AS
SELECT * FROM (
SELECT a.id AS alert_id,
       a."name" AS alert_name,
       a.alert_type AS alert_type,
       a.threshold AS threshold
FROM "metronome"."current_alert" a
WHERE a.webhooks_enabled = TRUE
  AND a.disabled_at IS NULL
  AND a.archived_at IS NULL
  AND a.environment_type = 'PRODUCTION'
ORDER BY 2, 1
) AS _mtx_cookbook;

-- model current_contracts_contracts
CREATE OR REPLACE VIEW "metronome"."current_contracts_contracts" AS
SELECT "id", "environment_type", "snapshot_id", "name", "customer_id", "package_id", "rate_card_id", "starting_at", "ending_before", "archived_at", "multiplier_override_prioritization", "net_payment_terms_days", "usage_statement_schedule_frequency", "scheduled_charges_on_usage_invoices", "metadata", "created_at", "created_by", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "id", "environment_type", "snapshot_id", "name", "customer_id", "package_id", "rate_card_id", "starting_at", "ending_before", "archived_at", "multiplier_override_prioritization", "net_payment_terms_days", "usage_statement_schedule_frequency", "scheduled_charges_on_usage_invoices", "metadata", "created_at", "created_by", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
    ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) AS "_mtx_row"
  FROM (
    SELECT "id", "environment_type", "snapshot_id", "name", "customer_id", "package_id", "rate_card_id", "starting_at", "ending_before", "archived_at", "multiplier_override_prioritization", "net_payment_terms_days", "usage_statement_schedule_frequency", "scheduled_charges_on_usage_invoices", "metadata", "created_at", "created_by", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
    FROM (
      SELECT "id", "environment_type", "snapshot_id", "name", "customer_id", "package_id", "rate_card_id", "starting_at", "ending_before", "archived_at", "multiplier_override_prioritization", "net_payment_terms_days", "usage_statement_schedule_frequency", "scheduled_charges_on_usage_invoices", "metadata", "created_at", "created_by", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
        FIRST_VALUE("snapshot_id") OVER (PARTITION BY "environment_type" ORDER BY "_mtx_transferred_at" DESC NULLS LAST, "snapshot_id" DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "_mtx_latest_snapshot"
      FROM "metronome"."contracts_contracts"
      WHERE "snapshot_id" IS NOT NULL AND "id" IS NOT NULL
    ) AS "_mtx_snapshots"
    WHERE "snapshot_id" = "_mtx_latest_snapshot"
  ) AS "_mtx_latest"
) AS "_mtx_ranked"
WHERE "_mtx_row" = 1;

-- model cookbook_archived_contracts
CREATE OR REPLACE VIEW "metronome"."cookbook_archived_contracts" AS
SELECT * FROM (
SELECT c.id AS contract_id,
       c."name" AS contract_name,
       c.customer_id AS customer_id,
       c.starting_at AS starting_at,
       c.ending_before AS ending_before,
       c.archived_at AS archived_at
FROM "metronome"."current_contracts_contracts" c
WHERE c.archived_at IS NOT NULL
  AND c.environment_type = 'PRODUCTION'
ORDER BY c.archived_at DESC, c.id
) AS _mtx_cookbook;

-- model current_contracts_balances
CREATE OR REPLACE VIEW "metronome"."current_contracts_balances" AS
SELECT "id", "environment_type", "snapshot_id", "customer_id", "contract_id", "amendment_id", "type", "name", "priority", "description", "product_id", "access_schedule", "invoice_schedule", "rollover_fraction", "rate_type", "applicable_product_ids", "applicable_product_tags", "specifiers", "applicable_contract_ids", "invoice_contract_id", "ledger", "rolled_over_from_commit_id", "rolled_over_from_contract_id", "recurring_commit_id", "metadata", "balance", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "id", "environment_type", "snapshot_id", "customer_id", "contract_id", "amendment_id", "type", "name", "priority", "description", "product_id", "access_schedule", "invoice_schedule", "rollover_fraction", "rate_type", "applicable_product_ids", "applicable_product_tags", "specifiers", "applicable_contract_ids", "invoice_contract_id", "ledger", "rolled_over_from_commit_id", "rolled_over_from_contract_id", "recurring_commit_id", "metadata", "balance", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
    ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) AS "_mtx_row"
  FROM (
    SELECT "id", "environment_type", "snapshot_id", "customer_id", "contract_id", "amendment_id", "type", "name", "priority", "description", "product_id", "access_schedule", "invoice_schedule", "rollover_fraction", "rate_type", "applicable_product_ids", "applicable_product_tags", "specifiers", "applicable_contract_ids", "invoice_contract_id", "ledger", "rolled_over_from_commit_id", "rolled_over_from_contract_id", "recurring_commit_id", "metadata", "balance", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
    FROM (
      SELECT "id", "environment_type", "snapshot_id", "customer_id", "contract_id", "amendment_id", "type", "name", "priority", "description", "product_id", "access_schedule", "invoice_schedule", "rollover_fraction", "rate_type", "applicable_product_ids", "applicable_product_tags", "specifiers", "applicable_contract_ids", "invoice_contract_id", "ledger", "rolled_over_from_commit_id", "rolled_over_from_contract_id", "recurring_commit_id", "metadata", "balance", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
        FIRST_VALUE("snapshot_id") OVER (PARTITION BY "environment_type" ORDER BY "_mtx_transferred_at" DESC NULLS LAST, "snapshot_id" DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "_mtx_latest_snapshot"
      FROM "metronome"."contracts_balances"
      WHERE "snapshot_id" IS NOT NULL AND "id" IS NOT NULL
    ) AS "_mtx_snapshots"
    WHERE "snapshot_id" = "_mtx_latest_snapshot"
  ) AS "_mtx_latest"
) AS "_mtx_ranked"
WHERE "_mtx_row" = 1;

-- model cookbook_commit_credit_balances_by_contract
CREATE OR REPLACE VIEW "metronome"."cookbook_commit_credit_balances_by_contract" AS
SELECT * FROM (
SELECT b.customer_id AS customer_id,
       b.contract_id AS contract_id,
       b."type" AS balance_type,
       COUNT(*) AS balance_count,
       SUM(CAST(b.balance AS decimal(38, 9))) AS total_balance
FROM "metronome"."current_contracts_balances" b
WHERE b.environment_type = 'PRODUCTION'
GROUP BY 1, 2, 3
ORDER BY 1, 2, 3
) AS _mtx_cookbook;

-- model current_contracts_overrides
CREATE OR REPLACE VIEW "metronome"."current_contracts_overrides" AS
SELECT "id", "environment_type", "snapshot_id", "contract_id", "amendment_id", "product_id", "entitled", "rate_type", "multiplier", "priority", "new_rate", "credit_type_id", "credit_type_name", "applicable_product_tags", "override_specifiers", "target", "is_commit_specific", "metadata", "tiered_override", "starting_at", "ending_before", "created_at", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "id", "environment_type", "snapshot_id", "contract_id", "amendment_id", "product_id", "entitled", "rate_type", "multiplier", "priority", "new_rate", "credit_type_id", "credit_type_name", "applicable_product_tags", "override_specifiers", "target", "is_commit_specific", "metadata", "tiered_override", "starting_at", "ending_before", "created_at", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
    ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) AS "_mtx_row"
  FROM (
    SELECT "id", "environment_type", "snapshot_id", "contract_id", "amendment_id", "product_id", "entitled", "rate_type", "multiplier", "priority", "new_rate", "credit_type_id", "credit_type_name", "applicable_product_tags", "override_specifiers", "target", "is_commit_specific", "metadata", "tiered_override", "starting_at", "ending_before", "created_at", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
    FROM (
      SELECT "id", "environment_type", "snapshot_id", "contract_id", "amendment_id", "product_id", "entitled", "rate_type", "multiplier", "priority", "new_rate", "credit_type_id", "credit_type_name", "applicable_product_tags", "override_specifiers", "target", "is_commit_specific", "metadata", "tiered_override", "starting_at", "ending_before", "created_at", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
        FIRST_VALUE("snapshot_id") OVER (PARTITION BY "environment_type" ORDER BY "_mtx_transferred_at" DESC NULLS LAST, "snapshot_id" DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "_mtx_latest_snapshot"
      FROM "metronome"."contracts_overrides"
      WHERE "snapshot_id" IS NOT NULL AND "id" IS NOT NULL
    ) AS "_mtx_snapshots"
    WHERE "snapshot_id" = "_mtx_latest_snapshot"
  ) AS "_mtx_latest"
) AS "_mtx_ranked"
WHERE "_mtx_row" = 1;

-- model cookbook_contract_recent_overrides
CREATE OR REPLACE VIEW "metronome"."cookbook_contract_recent_overrides" AS
SELECT * FROM (
SELECT o.contract_id AS contract_id,
       o.id AS override_id,
       o.product_id AS product_id,
       o.rate_type AS rate_type,
       o.target AS target,
       json_extract_scalar(o.new_rate, '$.type') AS new_rate_type,
       o.starting_at AS starting_at,
       o.ending_before AS ending_before,
       o.created_at AS created_at
FROM "metronome"."current_contracts_overrides" o
WHERE o.environment_type = 'PRODUCTION'
ORDER BY o.created_at DESC, o.id
LIMIT 20
) AS _mtx_cookbook;

-- model cookbook_daily_draft_invoice_totals
CREATE OR REPLACE VIEW "metronome"."cookbook_daily_draft_invoice_totals" AS
SELECT * FROM (
SELECT date_trunc('day', (d.snapshot_time) AT TIME ZONE 'UTC') AS day,
       d.credit_type_name AS credit_type_name,
       COUNT(*) AS invoice_count,
       SUM(d.total) AS invoice_total
FROM (
  SELECT r.snapshot_time, r.id, r.credit_type_name, r.total,
         ROW_NUMBER() OVER (PARTITION BY r.snapshot_time, r.id
                            ORDER BY r.updated_at DESC, r._mtx_transferred_at DESC, r._mtx_source_file DESC) AS row_num
  FROM "metronome"."draft_invoice" r
  WHERE r.environment_type = 'PRODUCTION'
) d
WHERE d.row_num = 1
GROUP BY 1, 2
ORDER BY 1, 2
) AS _mtx_cookbook;

-- model current_breakdowns_draft_line_items
CREATE OR REPLACE VIEW "metronome"."current_breakdowns_draft_line_items" AS
SELECT "id", "environment_type", "snapshot_timestamp", "watermark_timestamp", "invoice_breakdown_id", "name", "transfer_id", "group_key", "group_value", "quantity", "total", "unit_price", "product_id", "product_type", "credit_type_id", "credit_type_name", "commit_id", "commit_segment_id", "commit_type", "subscription_id", "is_prorated", "line_item_id", "line_item_type", "custom_fields", "pricing_group_values", "presentation_group_values", "billable_metric_id", "metadata", "breakdown_start_timestamp", "breakdown_end_timestamp", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "id", "environment_type", "snapshot_timestamp", "watermark_timestamp", "invoice_breakdown_id", "name", "transfer_id", "group_key", "group_value", "quantity", "total", "unit_price", "product_id", "product_type", "credit_type_id", "credit_type_name", "commit_id", "commit_segment_id", "commit_type", "subscription_id", "is_prorated", "line_item_id", "line_item_type", "custom_fields", "pricing_group_values", "presentation_group_values", "billable_metric_id", "metadata", "breakdown_start_timestamp", "breakdown_end_timestamp", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
    ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) AS "_mtx_row"
  FROM (
    SELECT "id", "environment_type", "snapshot_timestamp", "watermark_timestamp", "invoice_breakdown_id", "name", "transfer_id", "group_key", "group_value", "quantity", "total", "unit_price", "product_id", "product_type", "credit_type_id", "credit_type_name", "commit_id", "commit_segment_id", "commit_type", "subscription_id", "is_prorated", "line_item_id", "line_item_type", "custom_fields", "pricing_group_values", "presentation_group_values", "billable_metric_id", "metadata", "breakdown_start_timestamp", "breakdown_end_timestamp", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
    FROM (
      SELECT "id", "environment_type", "snapshot_timestamp", "watermark_timestamp", "invoice_breakdown_id", "name", "transfer_id", "group_key", "group_value", "quantity", "total", "unit_price", "product_id", "product_type", "credit_type_id", "credit_type_name", "commit_id", "commit_segment_id", "commit_type", "subscription_id", "is_prorated", "line_item_id", "line_item_type", "custom_fields", "pricing_group_values", "presentation_group_values", "billable_metric_id", "metadata", "breakdown_start_timestamp", "breakdown_end_timestamp", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
        FIRST_VALUE("snapshot_timestamp") OVER (PARTITION BY "environment_type" ORDER BY "snapshot_timestamp" DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "_mtx_latest_snapshot"
      FROM "metronome"."breakdowns_draft_line_items"
      WHERE "snapshot_timestamp" IS NOT NULL AND "id" IS NOT NULL
    ) AS "_mtx_snapshots"
    WHERE "snapshot_timestamp" = "_mtx_latest_snapshot"
  ) AS "_mtx_latest"
) AS "_mtx_ranked"
WHERE "_mtx_row" = 1;

-- model cookbook_daily_draft_line_item_totals
CREATE OR REPLACE VIEW "metronome"."cookbook_daily_draft_line_item_totals" AS
SELECT * FROM (
SELECT date_trunc('day', (b.breakdown_start_timestamp) AT TIME ZONE 'UTC') AS day,
       b."name" AS line_item_name,
       b.credit_type_name AS credit_type_name,
       SUM(b.quantity) AS total_quantity,
       SUM(b.total) AS total_amount
FROM "metronome"."current_breakdowns_draft_line_items" b
WHERE b.environment_type = 'PRODUCTION'
GROUP BY 1, 2, 3
ORDER BY 1, 2, 3
) AS _mtx_cookbook;

-- model current_breakdowns_draft_invoices
CREATE OR REPLACE VIEW "metronome"."current_breakdowns_draft_invoices" AS
SELECT "id", "environment_type", "snapshot_timestamp", "invoice_id", "customer_id", "transfer_id", "credit_type_id", "net_payment_term_days", "credit_type_name", "subtotal", "total", "type", "external_invoice", "plan_id", "contract_id", "amendment_id", "custom_fields", "billable_status", "window_size", "metadata", "issued_at", "invoice_start_timestamp", "invoice_end_timestamp", "breakdown_start_timestamp", "breakdown_end_timestamp", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "id", "environment_type", "snapshot_timestamp", "invoice_id", "customer_id", "transfer_id", "credit_type_id", "net_payment_term_days", "credit_type_name", "subtotal", "total", "type", "external_invoice", "plan_id", "contract_id", "amendment_id", "custom_fields", "billable_status", "window_size", "metadata", "issued_at", "invoice_start_timestamp", "invoice_end_timestamp", "breakdown_start_timestamp", "breakdown_end_timestamp", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
    ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) AS "_mtx_row"
  FROM (
    SELECT "id", "environment_type", "snapshot_timestamp", "invoice_id", "customer_id", "transfer_id", "credit_type_id", "net_payment_term_days", "credit_type_name", "subtotal", "total", "type", "external_invoice", "plan_id", "contract_id", "amendment_id", "custom_fields", "billable_status", "window_size", "metadata", "issued_at", "invoice_start_timestamp", "invoice_end_timestamp", "breakdown_start_timestamp", "breakdown_end_timestamp", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
    FROM (
      SELECT "id", "environment_type", "snapshot_timestamp", "invoice_id", "customer_id", "transfer_id", "credit_type_id", "net_payment_term_days", "credit_type_name", "subtotal", "total", "type", "external_invoice", "plan_id", "contract_id", "amendment_id", "custom_fields", "billable_status", "window_size", "metadata", "issued_at", "invoice_start_timestamp", "invoice_end_timestamp", "breakdown_start_timestamp", "breakdown_end_timestamp", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
        FIRST_VALUE("snapshot_timestamp") OVER (PARTITION BY "environment_type" ORDER BY "snapshot_timestamp" DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "_mtx_latest_snapshot"
      FROM "metronome"."breakdowns_draft_invoices"
      WHERE "snapshot_timestamp" IS NOT NULL AND "id" IS NOT NULL
    ) AS "_mtx_snapshots"
    WHERE "snapshot_timestamp" = "_mtx_latest_snapshot"
  ) AS "_mtx_latest"
) AS "_mtx_ranked"
WHERE "_mtx_row" = 1;

-- model cookbook_daily_draft_line_item_totals_by_customer
CREATE OR REPLACE VIEW "metronome"."cookbook_daily_draft_line_item_totals_by_customer" AS
SELECT * FROM (
SELECT bi.customer_id AS customer_id,
       date_trunc('day', (li.breakdown_start_timestamp) AT TIME ZONE 'UTC') AS day,
       bi.invoice_id AS invoice_id,
       li."name" AS line_item_name,
       li.credit_type_name AS credit_type_name,
       SUM(li.quantity) AS total_quantity,
       SUM(li.total) AS total_amount
FROM "metronome"."current_breakdowns_draft_line_items" li
JOIN "metronome"."current_breakdowns_draft_invoices" bi
  ON bi.id = li.invoice_breakdown_id AND bi.environment_type = li.environment_type
WHERE li.environment_type = 'PRODUCTION'
GROUP BY 1, 2, 3, 4, 5
ORDER BY 1, 2, 3, 4, 5
) AS _mtx_cookbook;

-- model cookbook_daily_draft_usage_totals
CREATE OR REPLACE VIEW "metronome"."cookbook_daily_draft_usage_totals" AS
SELECT * FROM (
SELECT date_trunc('day', (s.snapshot_time) AT TIME ZONE 'UTC') AS day,
       CASE WHEN s.billable_metric_id IS NULL THEN 'NON_USAGE' ELSE 'USAGE' END AS charge_type,
       li.credit_type_name AS credit_type_name,
       SUM(s.subtotal) AS subtotal_sum
FROM (
  SELECT r.snapshot_time, r.id, r.line_item_id, r.billable_metric_id, r.subtotal,
         ROW_NUMBER() OVER (PARTITION BY r.snapshot_time, r.id
                            ORDER BY r.updated_at DESC, r._mtx_transferred_at DESC, r._mtx_source_file DESC) AS row_num
  FROM "metronome"."draft_sub_line_item" r
) s
JOIN (
  SELECT r.snapshot_time, r.id, r.environment_type, r.credit_type_name,
         ROW_NUMBER() OVER (PARTITION BY r.snapshot_time, r.id
                            ORDER BY r.updated_at DESC, r._mtx_transferred_at DESC, r._mtx_source_file DESC) AS row_num
  FROM "metronome"."draft_line_item" r
) li ON li.id = s.line_item_id AND li.snapshot_time = s.snapshot_time AND li.row_num = 1
WHERE s.row_num = 1
  AND li.environment_type = 'PRODUCTION'
GROUP BY 1, 2, 3
ORDER BY 1, 2, 3
) AS _mtx_cookbook;

-- model current_draft_invoice
CREATE OR REPLACE VIEW "metronome"."current_draft_invoice" AS
SELECT "_metronome_metadata_id", "id", "status", "total", "credit_type_id", "credit_type_name", "customer_id", "plan_id", "plan_name", "start_timestamp", "end_timestamp", "billing_provider_invoice_id", "billing_provider_invoice_created_at", "environment_type", "updated_at", "snapshot_time", "label", "contract_id", "billable_status", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "_metronome_metadata_id", "id", "status", "total", "credit_type_id", "credit_type_name", "customer_id", "plan_id", "plan_name", "start_timestamp", "end_timestamp", "billing_provider_invoice_id", "billing_provider_invoice_created_at", "environment_type", "updated_at", "snapshot_time", "label", "contract_id", "billable_status", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
    ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) AS "_mtx_row"
  FROM (
    SELECT "_metronome_metadata_id", "id", "status", "total", "credit_type_id", "credit_type_name", "customer_id", "plan_id", "plan_name", "start_timestamp", "end_timestamp", "billing_provider_invoice_id", "billing_provider_invoice_created_at", "environment_type", "updated_at", "snapshot_time", "label", "contract_id", "billable_status", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
    FROM (
      SELECT "_metronome_metadata_id", "id", "status", "total", "credit_type_id", "credit_type_name", "customer_id", "plan_id", "plan_name", "start_timestamp", "end_timestamp", "billing_provider_invoice_id", "billing_provider_invoice_created_at", "environment_type", "updated_at", "snapshot_time", "label", "contract_id", "billable_status", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
        FIRST_VALUE("snapshot_time") OVER (PARTITION BY "environment_type" ORDER BY "snapshot_time" DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "_mtx_latest_snapshot"
      FROM "metronome"."draft_invoice"
      WHERE "snapshot_time" IS NOT NULL AND "id" IS NOT NULL
    ) AS "_mtx_snapshots"
    WHERE "snapshot_time" = "_mtx_latest_snapshot"
  ) AS "_mtx_latest"
) AS "_mtx_ranked"
WHERE "_mtx_row" = 1;

-- model cookbook_draft_invoice_total_by_contract
CREATE OR REPLACE VIEW "metronome"."cookbook_draft_invoice_total_by_contract" AS
SELECT * FROM (
SELECT d.contract_id AS contract_id,
       c."name" AS contract_name,
       d.credit_type_name AS credit_type_name,
       COUNT(*) AS invoice_count,
       SUM(d.total) AS invoice_total
FROM "metronome"."current_draft_invoice" d
LEFT JOIN "metronome"."current_contracts_contracts" c
  ON c.id = d.contract_id AND c.environment_type = d.environment_type
WHERE d.environment_type = 'PRODUCTION'
GROUP BY 1, 2, 3
ORDER BY 1, 2, 3
) AS _mtx_cookbook;

-- model cookbook_draft_invoice_total_by_plan
CREATE OR REPLACE VIEW "metronome"."cookbook_draft_invoice_total_by_plan" AS
SELECT * FROM (
SELECT d.plan_id AS plan_id,
       d.plan_name AS plan_name,
       d.credit_type_name AS credit_type_name,
       COUNT(*) AS invoice_count,
       SUM(d.total) AS invoice_total
FROM "metronome"."current_draft_invoice" d
WHERE d.environment_type = 'PRODUCTION'
GROUP BY 1, 2, 3
ORDER BY 1, 2, 3
) AS _mtx_cookbook;

-- model current_events
DROP TABLE IF EXISTS `metronome`.`_mtx_build_current_events_ed57d84a`;

-- model current_events
CREATE TABLE "metronome"."_mtx_build_current_events_ed57d84a" WITH (table_type = 'ICEBERG', is_external = false, location = 's3://lake/mtx/metronome/_mtx_build_current_events_ed57d84a/0000000000000001/') AS
SELECT "transaction_id", "customer_id", "timestamp", "event_type", "properties", "environment_type", "_metronome_metadata_id", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "transaction_id", "customer_id", "timestamp", "event_type", "properties", "environment_type", "_metronome_metadata_id", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
    ROW_NUMBER() OVER (PARTITION BY "transaction_id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "timestamp" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) AS "_mtx_row"
  FROM "metronome"."events"
  WHERE "transaction_id" IS NOT NULL
) AS "_mtx_ranked"
WHERE "_mtx_row" = 1;

-- model current_events
ALTER TABLE `metronome`.`_mtx_build_current_events_ed57d84a` RENAME TO `metronome`.`current_events`;

-- model current_events
CREATE OR REPLACE VIEW "metronome"."current_events_live" AS
SELECT "transaction_id", "customer_id", "timestamp", "event_type", "properties", "environment_type", "_metronome_metadata_id", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM "metronome"."current_events" AS "_mtx_stored"
WHERE "transaction_id" NOT IN (
    SELECT "transaction_id"
    FROM "metronome"."events"
    WHERE "transaction_id" IS NOT NULL AND ("_mtx_loaded_at" > date_add('second', -3600, COALESCE((SELECT MAX("_mtx_loaded_at") FROM "metronome"."current_events"), TIMESTAMP '1970-01-01 00:00:00.000000')) OR "_mtx_loaded_at" IS NULL)
)
UNION ALL
SELECT "transaction_id", "customer_id", "timestamp", "event_type", "properties", "environment_type", "_metronome_metadata_id", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "transaction_id", "customer_id", "timestamp", "event_type", "properties", "environment_type", "_metronome_metadata_id", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
  FROM (
    SELECT "transaction_id", "customer_id", "timestamp", "event_type", "properties", "environment_type", "_metronome_metadata_id", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
      ROW_NUMBER() OVER (PARTITION BY "transaction_id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "timestamp" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) AS "_mtx_row"
    FROM (
      SELECT "transaction_id", "customer_id", "timestamp", "event_type", "properties", "environment_type", "_metronome_metadata_id", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
      FROM "metronome"."events"
      WHERE "transaction_id" IS NOT NULL AND ("_mtx_loaded_at" > date_add('second', -3600, COALESCE((SELECT MAX("_mtx_loaded_at") FROM "metronome"."current_events"), TIMESTAMP '1970-01-01 00:00:00.000000')) OR "_mtx_loaded_at" IS NULL)
      UNION ALL
      SELECT "transaction_id", "customer_id", "timestamp", "event_type", "properties", "environment_type", "_metronome_metadata_id", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at" FROM "metronome"."current_events" AS "_mtx_stored"
      WHERE "transaction_id" IN (SELECT "transaction_id" FROM (
        SELECT "transaction_id"
        FROM "metronome"."events"
        WHERE "transaction_id" IS NOT NULL AND ("_mtx_loaded_at" > date_add('second', -3600, COALESCE((SELECT MAX("_mtx_loaded_at") FROM "metronome"."current_events"), TIMESTAMP '1970-01-01 00:00:00.000000')) OR "_mtx_loaded_at" IS NULL)
      ) AS "_mtx_tail")
    ) AS "_mtx_candidates"
  ) AS "_mtx_ranked"
  WHERE "_mtx_row" = 1
) AS "_mtx_winners";

-- model current_events
MERGE INTO "metronome"."current_events" "_mtx_t"
USING (
SELECT "transaction_id", "customer_id", "timestamp", "event_type", "properties", "environment_type", "_metronome_metadata_id", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at" FROM (
SELECT "transaction_id", "customer_id", "timestamp", "event_type", "properties", "environment_type", "_metronome_metadata_id", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at", "_mtx_stored"
FROM (
  SELECT "transaction_id", "customer_id", "timestamp", "event_type", "properties", "environment_type", "_metronome_metadata_id", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at", "_mtx_stored",
    ROW_NUMBER() OVER (PARTITION BY "transaction_id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "timestamp" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST, "_mtx_stored" DESC NULLS LAST) AS "_mtx_row"
  FROM (
    SELECT "transaction_id", "customer_id", "timestamp", "event_type", "properties", "environment_type", "_metronome_metadata_id", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at", 0 AS "_mtx_stored" FROM "metronome"."events" WHERE "transaction_id" IS NOT NULL AND ("_mtx_loaded_at" > date_add('second', -3600, (SELECT MAX("_mtx_loaded_at") FROM "metronome"."current_events")) OR "_mtx_loaded_at" IS NULL)
    UNION ALL
    SELECT "transaction_id", "customer_id", "timestamp", "event_type", "properties", "environment_type", "_metronome_metadata_id", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at", 1 FROM "metronome"."current_events" WHERE "transaction_id" IN (SELECT "transaction_id" FROM (SELECT "transaction_id" FROM "metronome"."events" WHERE "transaction_id" IS NOT NULL AND ("_mtx_loaded_at" > date_add('second', -3600, (SELECT MAX("_mtx_loaded_at") FROM "metronome"."current_events")) OR "_mtx_loaded_at" IS NULL)) AS "_mtx_tail")
  ) AS "_mtx_candidates"
) AS "_mtx_ranked"
WHERE "_mtx_row" = 1
) AS "_mtx_winners"
WHERE "_mtx_stored" = 0
) "_mtx_s"
ON "_mtx_t"."environment_type" IS NOT DISTINCT FROM "_mtx_s"."environment_type" AND "_mtx_t"."transaction_id" IS NOT DISTINCT FROM "_mtx_s"."transaction_id"
WHEN MATCHED THEN UPDATE SET "transaction_id" = "_mtx_s"."transaction_id", "customer_id" = "_mtx_s"."customer_id", "timestamp" = "_mtx_s"."timestamp", "event_type" = "_mtx_s"."event_type", "properties" = "_mtx_s"."properties", "environment_type" = "_mtx_s"."environment_type", "_metronome_metadata_id" = "_mtx_s"."_metronome_metadata_id", "updated_at" = "_mtx_s"."updated_at", "_mtx_source_file" = "_mtx_s"."_mtx_source_file", "_mtx_transferred_at" = "_mtx_s"."_mtx_transferred_at", "_mtx_loaded_at" = "_mtx_s"."_mtx_loaded_at"
WHEN NOT MATCHED THEN INSERT ("transaction_id", "customer_id", "timestamp", "event_type", "properties", "environment_type", "_metronome_metadata_id", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at")
VALUES ("_mtx_s"."transaction_id", "_mtx_s"."customer_id", "_mtx_s"."timestamp", "_mtx_s"."event_type", "_mtx_s"."properties", "_mtx_s"."environment_type", "_mtx_s"."_metronome_metadata_id", "_mtx_s"."updated_at", "_mtx_s"."_mtx_source_file", "_mtx_s"."_mtx_transferred_at", "_mtx_s"."_mtx_loaded_at");

-- model current_events
CREATE OR REPLACE VIEW "metronome"."current_events_live" AS
SELECT "transaction_id", "customer_id", "timestamp", "event_type", "properties", "environment_type", "_metronome_metadata_id", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM "metronome"."current_events" AS "_mtx_stored"
WHERE "transaction_id" NOT IN (
    SELECT "transaction_id"
    FROM "metronome"."events"
    WHERE "transaction_id" IS NOT NULL AND ("_mtx_loaded_at" > date_add('second', -3600, COALESCE((SELECT MAX("_mtx_loaded_at") FROM "metronome"."current_events"), TIMESTAMP '1970-01-01 00:00:00.000000')) OR "_mtx_loaded_at" IS NULL)
)
UNION ALL
SELECT "transaction_id", "customer_id", "timestamp", "event_type", "properties", "environment_type", "_metronome_metadata_id", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "transaction_id", "customer_id", "timestamp", "event_type", "properties", "environment_type", "_metronome_metadata_id", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
  FROM (
    SELECT "transaction_id", "customer_id", "timestamp", "event_type", "properties", "environment_type", "_metronome_metadata_id", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
      ROW_NUMBER() OVER (PARTITION BY "transaction_id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "timestamp" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) AS "_mtx_row"
    FROM (
      SELECT "transaction_id", "customer_id", "timestamp", "event_type", "properties", "environment_type", "_metronome_metadata_id", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
      FROM "metronome"."events"
      WHERE "transaction_id" IS NOT NULL AND ("_mtx_loaded_at" > date_add('second', -3600, COALESCE((SELECT MAX("_mtx_loaded_at") FROM "metronome"."current_events"), TIMESTAMP '1970-01-01 00:00:00.000000')) OR "_mtx_loaded_at" IS NULL)
      UNION ALL
      SELECT "transaction_id", "customer_id", "timestamp", "event_type", "properties", "environment_type", "_metronome_metadata_id", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at" FROM "metronome"."current_events" AS "_mtx_stored"
      WHERE "transaction_id" IN (SELECT "transaction_id" FROM (
        SELECT "transaction_id"
        FROM "metronome"."events"
        WHERE "transaction_id" IS NOT NULL AND ("_mtx_loaded_at" > date_add('second', -3600, COALESCE((SELECT MAX("_mtx_loaded_at") FROM "metronome"."current_events"), TIMESTAMP '1970-01-01 00:00:00.000000')) OR "_mtx_loaded_at" IS NULL)
      ) AS "_mtx_tail")
    ) AS "_mtx_candidates"
  ) AS "_mtx_ranked"
  WHERE "_mtx_row" = 1
) AS "_mtx_winners";

-- model cookbook_events_per_month
CREATE OR REPLACE VIEW "metronome"."cookbook_events_per_month" AS
SELECT * FROM (
SELECT date_trunc('month', (e."timestamp") AT TIME ZONE 'UTC') AS month,
       COUNT(*) AS event_count
FROM "metronome"."current_events" e
WHERE e.environment_type = 'PRODUCTION'
GROUP BY 1
ORDER BY 1
) AS _mtx_cookbook;

-- model current_credit_grant
CREATE OR REPLACE VIEW "metronome"."current_credit_grant" AS
SELECT "id", "customer_id", "name", "invoice_id", "priority", "reason", "amount_granted", "amount_granted_credit_type_id", "amount_paid", "amount_paid_credit_type_id", "custom_fields", "product_ids", "environment_type", "created_at", "updated_at", "effective_at", "expires_at", "voided_at", "credit_grant_type", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "id", "customer_id", "name", "invoice_id", "priority", "reason", "amount_granted", "amount_granted_credit_type_id", "amount_paid", "amount_paid_credit_type_id", "custom_fields", "product_ids", "environment_type", "created_at", "updated_at", "effective_at", "expires_at", "voided_at", "credit_grant_type", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
    ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) AS "_mtx_row"
  FROM "metronome"."credit_grant"
  WHERE "id" IS NOT NULL
) AS "_mtx_ranked"
WHERE "_mtx_row" = 1;

-- model current_credit_grant_deduction
CREATE OR REPLACE VIEW "metronome"."current_credit_grant_deduction" AS
SELECT "id", "credit_grant_id", "amount", "memo", "invoice_id", "effective_at", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "id", "credit_grant_id", "amount", "memo", "invoice_id", "effective_at", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
    ROW_NUMBER() OVER (PARTITION BY "id" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) AS "_mtx_row"
  FROM "metronome"."credit_grant_deduction"
  WHERE "id" IS NOT NULL
) AS "_mtx_ranked"
WHERE "_mtx_row" = 1;

-- model cookbook_expired_credit_grants_per_month
CREATE OR REPLACE VIEW "metronome"."cookbook_expired_credit_grants_per_month" AS
SELECT * FROM (
SELECT date_trunc('month', (d.effective_at) AT TIME ZONE 'UTC') AS month,
       g.amount_granted_credit_type_id AS credit_type_id,
       SUM(d.amount) AS expired_amount
FROM "metronome"."current_credit_grant_deduction" d
JOIN "metronome"."current_credit_grant" g ON g.id = d.credit_grant_id
WHERE d.memo = 'Credits expired'
  AND g.environment_type = 'PRODUCTION'
GROUP BY 1, 2
ORDER BY 1, 2
) AS _mtx_cookbook;

-- model current_invoice
CREATE OR REPLACE VIEW "metronome"."current_invoice" AS
SELECT "id", "status", "total", "credit_type_id", "credit_type_name", "customer_id", "plan_id", "plan_name", "start_timestamp", "end_timestamp", "billing_provider_invoice_id", "billing_provider_type", "billing_provider_invoice_created_at", "billing_provider_invoice_external_status", "invoice_label", "issued_at", "metadata", "environment_type", "updated_at", "contract_id", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "id", "status", "total", "credit_type_id", "credit_type_name", "customer_id", "plan_id", "plan_name", "start_timestamp", "end_timestamp", "billing_provider_invoice_id", "billing_provider_type", "billing_provider_invoice_created_at", "billing_provider_invoice_external_status", "invoice_label", "issued_at", "metadata", "environment_type", "updated_at", "contract_id", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
    ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) AS "_mtx_row"
  FROM "metronome"."invoice"
  WHERE "id" IS NOT NULL
) AS "_mtx_ranked"
WHERE "_mtx_row" = 1;

-- model cookbook_monthly_invoice_totals
CREATE OR REPLACE VIEW "metronome"."cookbook_monthly_invoice_totals" AS
SELECT * FROM (
SELECT date_trunc('month', (i.end_timestamp) AT TIME ZONE 'UTC') AS month,
       i.credit_type_name AS credit_type_name,
       COUNT(*) AS invoice_count,
       SUM(i.total) AS invoice_total
FROM "metronome"."current_invoice" i
WHERE i.environment_type = 'PRODUCTION'
  AND COALESCE(i."status", '') <> 'VOID'
GROUP BY 1, 2
ORDER BY 1, 2
) AS _mtx_cookbook;

-- model current_breakdowns_line_items
DROP TABLE IF EXISTS `metronome`.`_mtx_build_current_breakdowns_line_items_8262e6d5`;

-- model current_breakdowns_line_items
CREATE TABLE "metronome"."_mtx_build_current_breakdowns_line_items_8262e6d5" WITH (table_type = 'ICEBERG', is_external = false, location = 's3://lake/mtx/metronome/_mtx_build_current_breakdowns_line_items_8262e6d5/0000000000000002/') AS
SELECT "id", "environment_type", "snapshot_timestamp", "watermark_timestamp", "invoice_breakdown_id", "name", "transfer_id", "group_key", "group_value", "quantity", "total", "unit_price", "product_id", "product_type", "credit_type_id", "credit_type_name", "commit_id", "commit_segment_id", "commit_type", "subscription_id", "is_prorated", "line_item_id", "line_item_type", "custom_fields", "pricing_group_values", "presentation_group_values", "billable_metric_id", "metadata", "breakdown_start_timestamp", "breakdown_end_timestamp", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "id", "environment_type", "snapshot_timestamp", "watermark_timestamp", "invoice_breakdown_id", "name", "transfer_id", "group_key", "group_value", "quantity", "total", "unit_price", "product_id", "product_type", "credit_type_id", "credit_type_name", "commit_id", "commit_segment_id", "commit_type", "subscription_id", "is_prorated", "line_item_id", "line_item_type", "custom_fields", "pricing_group_values", "presentation_group_values", "billable_metric_id", "metadata", "breakdown_start_timestamp", "breakdown_end_timestamp", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
    ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) AS "_mtx_row"
  FROM "metronome"."breakdowns_line_items"
  WHERE "id" IS NOT NULL
) AS "_mtx_ranked"
WHERE "_mtx_row" = 1;

-- model current_breakdowns_line_items
ALTER TABLE `metronome`.`_mtx_build_current_breakdowns_line_items_8262e6d5` RENAME TO `metronome`.`current_breakdowns_line_items`;

-- model current_breakdowns_line_items
CREATE OR REPLACE VIEW "metronome"."current_breakdowns_line_items_live" AS
SELECT "id", "environment_type", "snapshot_timestamp", "watermark_timestamp", "invoice_breakdown_id", "name", "transfer_id", "group_key", "group_value", "quantity", "total", "unit_price", "product_id", "product_type", "credit_type_id", "credit_type_name", "commit_id", "commit_segment_id", "commit_type", "subscription_id", "is_prorated", "line_item_id", "line_item_type", "custom_fields", "pricing_group_values", "presentation_group_values", "billable_metric_id", "metadata", "breakdown_start_timestamp", "breakdown_end_timestamp", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM "metronome"."current_breakdowns_line_items" AS "_mtx_stored"
WHERE "id" NOT IN (
    SELECT "id"
    FROM "metronome"."breakdowns_line_items"
    WHERE "id" IS NOT NULL AND ("_mtx_loaded_at" > date_add('second', -3600, COALESCE((SELECT MAX("_mtx_loaded_at") FROM "metronome"."current_breakdowns_line_items"), TIMESTAMP '1970-01-01 00:00:00.000000')) OR "_mtx_loaded_at" IS NULL)
)
UNION ALL
SELECT "id", "environment_type", "snapshot_timestamp", "watermark_timestamp", "invoice_breakdown_id", "name", "transfer_id", "group_key", "group_value", "quantity", "total", "unit_price", "product_id", "product_type", "credit_type_id", "credit_type_name", "commit_id", "commit_segment_id", "commit_type", "subscription_id", "is_prorated", "line_item_id", "line_item_type", "custom_fields", "pricing_group_values", "presentation_group_values", "billable_metric_id", "metadata", "breakdown_start_timestamp", "breakdown_end_timestamp", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "id", "environment_type", "snapshot_timestamp", "watermark_timestamp", "invoice_breakdown_id", "name", "transfer_id", "group_key", "group_value", "quantity", "total", "unit_price", "product_id", "product_type", "credit_type_id", "credit_type_name", "commit_id", "commit_segment_id", "commit_type", "subscription_id", "is_prorated", "line_item_id", "line_item_type", "custom_fields", "pricing_group_values", "presentation_group_values", "billable_metric_id", "metadata", "breakdown_start_timestamp", "breakdown_end_timestamp", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
  FROM (
    SELECT "id", "environment_type", "snapshot_timestamp", "watermark_timestamp", "invoice_breakdown_id", "name", "transfer_id", "group_key", "group_value", "quantity", "total", "unit_price", "product_id", "product_type", "credit_type_id", "credit_type_name", "commit_id", "commit_segment_id", "commit_type", "subscription_id", "is_prorated", "line_item_id", "line_item_type", "custom_fields", "pricing_group_values", "presentation_group_values", "billable_metric_id", "metadata", "breakdown_start_timestamp", "breakdown_end_timestamp", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
      ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) AS "_mtx_row"
    FROM (
      SELECT "id", "environment_type", "snapshot_timestamp", "watermark_timestamp", "invoice_breakdown_id", "name", "transfer_id", "group_key", "group_value", "quantity", "total", "unit_price", "product_id", "product_type", "credit_type_id", "credit_type_name", "commit_id", "commit_segment_id", "commit_type", "subscription_id", "is_prorated", "line_item_id", "line_item_type", "custom_fields", "pricing_group_values", "presentation_group_values", "billable_metric_id", "metadata", "breakdown_start_timestamp", "breakdown_end_timestamp", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
      FROM "metronome"."breakdowns_line_items"
      WHERE "id" IS NOT NULL AND ("_mtx_loaded_at" > date_add('second', -3600, COALESCE((SELECT MAX("_mtx_loaded_at") FROM "metronome"."current_breakdowns_line_items"), TIMESTAMP '1970-01-01 00:00:00.000000')) OR "_mtx_loaded_at" IS NULL)
      UNION ALL
      SELECT "id", "environment_type", "snapshot_timestamp", "watermark_timestamp", "invoice_breakdown_id", "name", "transfer_id", "group_key", "group_value", "quantity", "total", "unit_price", "product_id", "product_type", "credit_type_id", "credit_type_name", "commit_id", "commit_segment_id", "commit_type", "subscription_id", "is_prorated", "line_item_id", "line_item_type", "custom_fields", "pricing_group_values", "presentation_group_values", "billable_metric_id", "metadata", "breakdown_start_timestamp", "breakdown_end_timestamp", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at" FROM "metronome"."current_breakdowns_line_items" AS "_mtx_stored"
      WHERE "id" IN (SELECT "id" FROM (
        SELECT "id"
        FROM "metronome"."breakdowns_line_items"
        WHERE "id" IS NOT NULL AND ("_mtx_loaded_at" > date_add('second', -3600, COALESCE((SELECT MAX("_mtx_loaded_at") FROM "metronome"."current_breakdowns_line_items"), TIMESTAMP '1970-01-01 00:00:00.000000')) OR "_mtx_loaded_at" IS NULL)
      ) AS "_mtx_tail")
    ) AS "_mtx_candidates"
  ) AS "_mtx_ranked"
  WHERE "_mtx_row" = 1
) AS "_mtx_winners";

-- model current_breakdowns_line_items
MERGE INTO "metronome"."current_breakdowns_line_items" "_mtx_t"
USING (
SELECT "id", "environment_type", "snapshot_timestamp", "watermark_timestamp", "invoice_breakdown_id", "name", "transfer_id", "group_key", "group_value", "quantity", "total", "unit_price", "product_id", "product_type", "credit_type_id", "credit_type_name", "commit_id", "commit_segment_id", "commit_type", "subscription_id", "is_prorated", "line_item_id", "line_item_type", "custom_fields", "pricing_group_values", "presentation_group_values", "billable_metric_id", "metadata", "breakdown_start_timestamp", "breakdown_end_timestamp", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at" FROM (
SELECT "id", "environment_type", "snapshot_timestamp", "watermark_timestamp", "invoice_breakdown_id", "name", "transfer_id", "group_key", "group_value", "quantity", "total", "unit_price", "product_id", "product_type", "credit_type_id", "credit_type_name", "commit_id", "commit_segment_id", "commit_type", "subscription_id", "is_prorated", "line_item_id", "line_item_type", "custom_fields", "pricing_group_values", "presentation_group_values", "billable_metric_id", "metadata", "breakdown_start_timestamp", "breakdown_end_timestamp", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at", "_mtx_stored"
FROM (
  SELECT "id", "environment_type", "snapshot_timestamp", "watermark_timestamp", "invoice_breakdown_id", "name", "transfer_id", "group_key", "group_value", "quantity", "total", "unit_price", "product_id", "product_type", "credit_type_id", "credit_type_name", "commit_id", "commit_segment_id", "commit_type", "subscription_id", "is_prorated", "line_item_id", "line_item_type", "custom_fields", "pricing_group_values", "presentation_group_values", "billable_metric_id", "metadata", "breakdown_start_timestamp", "breakdown_end_timestamp", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at", "_mtx_stored",
    ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST, "_mtx_stored" DESC NULLS LAST) AS "_mtx_row"
  FROM (
    SELECT "id", "environment_type", "snapshot_timestamp", "watermark_timestamp", "invoice_breakdown_id", "name", "transfer_id", "group_key", "group_value", "quantity", "total", "unit_price", "product_id", "product_type", "credit_type_id", "credit_type_name", "commit_id", "commit_segment_id", "commit_type", "subscription_id", "is_prorated", "line_item_id", "line_item_type", "custom_fields", "pricing_group_values", "presentation_group_values", "billable_metric_id", "metadata", "breakdown_start_timestamp", "breakdown_end_timestamp", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at", 0 AS "_mtx_stored" FROM "metronome"."breakdowns_line_items" WHERE "id" IS NOT NULL AND ("_mtx_loaded_at" > date_add('second', -3600, (SELECT MAX("_mtx_loaded_at") FROM "metronome"."current_breakdowns_line_items")) OR "_mtx_loaded_at" IS NULL)
    UNION ALL
    SELECT "id", "environment_type", "snapshot_timestamp", "watermark_timestamp", "invoice_breakdown_id", "name", "transfer_id", "group_key", "group_value", "quantity", "total", "unit_price", "product_id", "product_type", "credit_type_id", "credit_type_name", "commit_id", "commit_segment_id", "commit_type", "subscription_id", "is_prorated", "line_item_id", "line_item_type", "custom_fields", "pricing_group_values", "presentation_group_values", "billable_metric_id", "metadata", "breakdown_start_timestamp", "breakdown_end_timestamp", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at", 1 FROM "metronome"."current_breakdowns_line_items" WHERE "id" IN (SELECT "id" FROM (SELECT "id" FROM "metronome"."breakdowns_line_items" WHERE "id" IS NOT NULL AND ("_mtx_loaded_at" > date_add('second', -3600, (SELECT MAX("_mtx_loaded_at") FROM "metronome"."current_breakdowns_line_items")) OR "_mtx_loaded_at" IS NULL)) AS "_mtx_tail")
  ) AS "_mtx_candidates"
) AS "_mtx_ranked"
WHERE "_mtx_row" = 1
) AS "_mtx_winners"
WHERE "_mtx_stored" = 0
) "_mtx_s"
ON "_mtx_t"."environment_type" IS NOT DISTINCT FROM "_mtx_s"."environment_type" AND "_mtx_t"."id" IS NOT DISTINCT FROM "_mtx_s"."id"
WHEN MATCHED THEN UPDATE SET "id" = "_mtx_s"."id", "environment_type" = "_mtx_s"."environment_type", "snapshot_timestamp" = "_mtx_s"."snapshot_timestamp", "watermark_timestamp" = "_mtx_s"."watermark_timestamp", "invoice_breakdown_id" = "_mtx_s"."invoice_breakdown_id", "name" = "_mtx_s"."name", "transfer_id" = "_mtx_s"."transfer_id", "group_key" = "_mtx_s"."group_key", "group_value" = "_mtx_s"."group_value", "quantity" = "_mtx_s"."quantity", "total" = "_mtx_s"."total", "unit_price" = "_mtx_s"."unit_price", "product_id" = "_mtx_s"."product_id", "product_type" = "_mtx_s"."product_type", "credit_type_id" = "_mtx_s"."credit_type_id", "credit_type_name" = "_mtx_s"."credit_type_name", "commit_id" = "_mtx_s"."commit_id", "commit_segment_id" = "_mtx_s"."commit_segment_id", "commit_type" = "_mtx_s"."commit_type", "subscription_id" = "_mtx_s"."subscription_id", "is_prorated" = "_mtx_s"."is_prorated", "line_item_id" = "_mtx_s"."line_item_id", "line_item_type" = "_mtx_s"."line_item_type", "custom_fields" = "_mtx_s"."custom_fields", "pricing_group_values" = "_mtx_s"."pricing_group_values", "presentation_group_values" = "_mtx_s"."presentation_group_values", "billable_metric_id" = "_mtx_s"."billable_metric_id", "metadata" = "_mtx_s"."metadata", "breakdown_start_timestamp" = "_mtx_s"."breakdown_start_timestamp", "breakdown_end_timestamp" = "_mtx_s"."breakdown_end_timestamp", "updated_at" = "_mtx_s"."updated_at", "_mtx_source_file" = "_mtx_s"."_mtx_source_file", "_mtx_transferred_at" = "_mtx_s"."_mtx_transferred_at", "_mtx_loaded_at" = "_mtx_s"."_mtx_loaded_at"
WHEN NOT MATCHED THEN INSERT ("id", "environment_type", "snapshot_timestamp", "watermark_timestamp", "invoice_breakdown_id", "name", "transfer_id", "group_key", "group_value", "quantity", "total", "unit_price", "product_id", "product_type", "credit_type_id", "credit_type_name", "commit_id", "commit_segment_id", "commit_type", "subscription_id", "is_prorated", "line_item_id", "line_item_type", "custom_fields", "pricing_group_values", "presentation_group_values", "billable_metric_id", "metadata", "breakdown_start_timestamp", "breakdown_end_timestamp", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at")
VALUES ("_mtx_s"."id", "_mtx_s"."environment_type", "_mtx_s"."snapshot_timestamp", "_mtx_s"."watermark_timestamp", "_mtx_s"."invoice_breakdown_id", "_mtx_s"."name", "_mtx_s"."transfer_id", "_mtx_s"."group_key", "_mtx_s"."group_value", "_mtx_s"."quantity", "_mtx_s"."total", "_mtx_s"."unit_price", "_mtx_s"."product_id", "_mtx_s"."product_type", "_mtx_s"."credit_type_id", "_mtx_s"."credit_type_name", "_mtx_s"."commit_id", "_mtx_s"."commit_segment_id", "_mtx_s"."commit_type", "_mtx_s"."subscription_id", "_mtx_s"."is_prorated", "_mtx_s"."line_item_id", "_mtx_s"."line_item_type", "_mtx_s"."custom_fields", "_mtx_s"."pricing_group_values", "_mtx_s"."presentation_group_values", "_mtx_s"."billable_metric_id", "_mtx_s"."metadata", "_mtx_s"."breakdown_start_timestamp", "_mtx_s"."breakdown_end_timestamp", "_mtx_s"."updated_at", "_mtx_s"."_mtx_source_file", "_mtx_s"."_mtx_transferred_at", "_mtx_s"."_mtx_loaded_at");

-- model current_breakdowns_line_items
CREATE OR REPLACE VIEW "metronome"."current_breakdowns_line_items_live" AS
SELECT "id", "environment_type", "snapshot_timestamp", "watermark_timestamp", "invoice_breakdown_id", "name", "transfer_id", "group_key", "group_value", "quantity", "total", "unit_price", "product_id", "product_type", "credit_type_id", "credit_type_name", "commit_id", "commit_segment_id", "commit_type", "subscription_id", "is_prorated", "line_item_id", "line_item_type", "custom_fields", "pricing_group_values", "presentation_group_values", "billable_metric_id", "metadata", "breakdown_start_timestamp", "breakdown_end_timestamp", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM "metronome"."current_breakdowns_line_items" AS "_mtx_stored"
WHERE "id" NOT IN (
    SELECT "id"
    FROM "metronome"."breakdowns_line_items"
    WHERE "id" IS NOT NULL AND ("_mtx_loaded_at" > date_add('second', -3600, COALESCE((SELECT MAX("_mtx_loaded_at") FROM "metronome"."current_breakdowns_line_items"), TIMESTAMP '1970-01-01 00:00:00.000000')) OR "_mtx_loaded_at" IS NULL)
)
UNION ALL
SELECT "id", "environment_type", "snapshot_timestamp", "watermark_timestamp", "invoice_breakdown_id", "name", "transfer_id", "group_key", "group_value", "quantity", "total", "unit_price", "product_id", "product_type", "credit_type_id", "credit_type_name", "commit_id", "commit_segment_id", "commit_type", "subscription_id", "is_prorated", "line_item_id", "line_item_type", "custom_fields", "pricing_group_values", "presentation_group_values", "billable_metric_id", "metadata", "breakdown_start_timestamp", "breakdown_end_timestamp", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "id", "environment_type", "snapshot_timestamp", "watermark_timestamp", "invoice_breakdown_id", "name", "transfer_id", "group_key", "group_value", "quantity", "total", "unit_price", "product_id", "product_type", "credit_type_id", "credit_type_name", "commit_id", "commit_segment_id", "commit_type", "subscription_id", "is_prorated", "line_item_id", "line_item_type", "custom_fields", "pricing_group_values", "presentation_group_values", "billable_metric_id", "metadata", "breakdown_start_timestamp", "breakdown_end_timestamp", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
  FROM (
    SELECT "id", "environment_type", "snapshot_timestamp", "watermark_timestamp", "invoice_breakdown_id", "name", "transfer_id", "group_key", "group_value", "quantity", "total", "unit_price", "product_id", "product_type", "credit_type_id", "credit_type_name", "commit_id", "commit_segment_id", "commit_type", "subscription_id", "is_prorated", "line_item_id", "line_item_type", "custom_fields", "pricing_group_values", "presentation_group_values", "billable_metric_id", "metadata", "breakdown_start_timestamp", "breakdown_end_timestamp", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
      ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) AS "_mtx_row"
    FROM (
      SELECT "id", "environment_type", "snapshot_timestamp", "watermark_timestamp", "invoice_breakdown_id", "name", "transfer_id", "group_key", "group_value", "quantity", "total", "unit_price", "product_id", "product_type", "credit_type_id", "credit_type_name", "commit_id", "commit_segment_id", "commit_type", "subscription_id", "is_prorated", "line_item_id", "line_item_type", "custom_fields", "pricing_group_values", "presentation_group_values", "billable_metric_id", "metadata", "breakdown_start_timestamp", "breakdown_end_timestamp", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
      FROM "metronome"."breakdowns_line_items"
      WHERE "id" IS NOT NULL AND ("_mtx_loaded_at" > date_add('second', -3600, COALESCE((SELECT MAX("_mtx_loaded_at") FROM "metronome"."current_breakdowns_line_items"), TIMESTAMP '1970-01-01 00:00:00.000000')) OR "_mtx_loaded_at" IS NULL)
      UNION ALL
      SELECT "id", "environment_type", "snapshot_timestamp", "watermark_timestamp", "invoice_breakdown_id", "name", "transfer_id", "group_key", "group_value", "quantity", "total", "unit_price", "product_id", "product_type", "credit_type_id", "credit_type_name", "commit_id", "commit_segment_id", "commit_type", "subscription_id", "is_prorated", "line_item_id", "line_item_type", "custom_fields", "pricing_group_values", "presentation_group_values", "billable_metric_id", "metadata", "breakdown_start_timestamp", "breakdown_end_timestamp", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at" FROM "metronome"."current_breakdowns_line_items" AS "_mtx_stored"
      WHERE "id" IN (SELECT "id" FROM (
        SELECT "id"
        FROM "metronome"."breakdowns_line_items"
        WHERE "id" IS NOT NULL AND ("_mtx_loaded_at" > date_add('second', -3600, COALESCE((SELECT MAX("_mtx_loaded_at") FROM "metronome"."current_breakdowns_line_items"), TIMESTAMP '1970-01-01 00:00:00.000000')) OR "_mtx_loaded_at" IS NULL)
      ) AS "_mtx_tail")
    ) AS "_mtx_candidates"
  ) AS "_mtx_ranked"
  WHERE "_mtx_row" = 1
) AS "_mtx_winners";

-- model current_line_item
DROP TABLE IF EXISTS `metronome`.`_mtx_build_current_line_item_223bb2e5`;

-- model current_line_item
CREATE TABLE "metronome"."_mtx_build_current_line_item_223bb2e5" WITH (table_type = 'ICEBERG', is_external = false, location = 's3://lake/mtx/metronome/_mtx_build_current_line_item_223bb2e5/0000000000000003/') AS
SELECT "id", "invoice_id", "credit_grant_id", "credit_type_id", "credit_type_name", "name", "quantity", "total", "commit_id", "product_id", "group_key", "group_value", "unit_price", "starting_on", "ending_before", "pricing_group_values", "metadata", "updated_at", "environment_type", "subscription_id", "is_prorated", "starting_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "id", "invoice_id", "credit_grant_id", "credit_type_id", "credit_type_name", "name", "quantity", "total", "commit_id", "product_id", "group_key", "group_value", "unit_price", "starting_on", "ending_before", "pricing_group_values", "metadata", "updated_at", "environment_type", "subscription_id", "is_prorated", "starting_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
    ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) AS "_mtx_row"
  FROM "metronome"."line_item"
  WHERE "id" IS NOT NULL
) AS "_mtx_ranked"
WHERE "_mtx_row" = 1;

-- model current_line_item
ALTER TABLE `metronome`.`_mtx_build_current_line_item_223bb2e5` RENAME TO `metronome`.`current_line_item`;

-- model current_line_item
CREATE OR REPLACE VIEW "metronome"."current_line_item_live" AS
SELECT "id", "invoice_id", "credit_grant_id", "credit_type_id", "credit_type_name", "name", "quantity", "total", "commit_id", "product_id", "group_key", "group_value", "unit_price", "starting_on", "ending_before", "pricing_group_values", "metadata", "updated_at", "environment_type", "subscription_id", "is_prorated", "starting_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM "metronome"."current_line_item" AS "_mtx_stored"
WHERE "id" NOT IN (
    SELECT "id"
    FROM "metronome"."line_item"
    WHERE "id" IS NOT NULL AND ("_mtx_loaded_at" > date_add('second', -3600, COALESCE((SELECT MAX("_mtx_loaded_at") FROM "metronome"."current_line_item"), TIMESTAMP '1970-01-01 00:00:00.000000')) OR "_mtx_loaded_at" IS NULL)
)
UNION ALL
SELECT "id", "invoice_id", "credit_grant_id", "credit_type_id", "credit_type_name", "name", "quantity", "total", "commit_id", "product_id", "group_key", "group_value", "unit_price", "starting_on", "ending_before", "pricing_group_values", "metadata", "updated_at", "environment_type", "subscription_id", "is_prorated", "starting_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "id", "invoice_id", "credit_grant_id", "credit_type_id", "credit_type_name", "name", "quantity", "total", "commit_id", "product_id", "group_key", "group_value", "unit_price", "starting_on", "ending_before", "pricing_group_values", "metadata", "updated_at", "environment_type", "subscription_id", "is_prorated", "starting_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
  FROM (
    SELECT "id", "invoice_id", "credit_grant_id", "credit_type_id", "credit_type_name", "name", "quantity", "total", "commit_id", "product_id", "group_key", "group_value", "unit_price", "starting_on", "ending_before", "pricing_group_values", "metadata", "updated_at", "environment_type", "subscription_id", "is_prorated", "starting_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
      ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) AS "_mtx_row"
    FROM (
      SELECT "id", "invoice_id", "credit_grant_id", "credit_type_id", "credit_type_name", "name", "quantity", "total", "commit_id", "product_id", "group_key", "group_value", "unit_price", "starting_on", "ending_before", "pricing_group_values", "metadata", "updated_at", "environment_type", "subscription_id", "is_prorated", "starting_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
      FROM "metronome"."line_item"
      WHERE "id" IS NOT NULL AND ("_mtx_loaded_at" > date_add('second', -3600, COALESCE((SELECT MAX("_mtx_loaded_at") FROM "metronome"."current_line_item"), TIMESTAMP '1970-01-01 00:00:00.000000')) OR "_mtx_loaded_at" IS NULL)
      UNION ALL
      SELECT "id", "invoice_id", "credit_grant_id", "credit_type_id", "credit_type_name", "name", "quantity", "total", "commit_id", "product_id", "group_key", "group_value", "unit_price", "starting_on", "ending_before", "pricing_group_values", "metadata", "updated_at", "environment_type", "subscription_id", "is_prorated", "starting_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at" FROM "metronome"."current_line_item" AS "_mtx_stored"
      WHERE "id" IN (SELECT "id" FROM (
        SELECT "id"
        FROM "metronome"."line_item"
        WHERE "id" IS NOT NULL AND ("_mtx_loaded_at" > date_add('second', -3600, COALESCE((SELECT MAX("_mtx_loaded_at") FROM "metronome"."current_line_item"), TIMESTAMP '1970-01-01 00:00:00.000000')) OR "_mtx_loaded_at" IS NULL)
      ) AS "_mtx_tail")
    ) AS "_mtx_candidates"
  ) AS "_mtx_ranked"
  WHERE "_mtx_row" = 1
) AS "_mtx_winners";

-- model current_line_item
MERGE INTO "metronome"."current_line_item" "_mtx_t"
USING (
SELECT "id", "invoice_id", "credit_grant_id", "credit_type_id", "credit_type_name", "name", "quantity", "total", "commit_id", "product_id", "group_key", "group_value", "unit_price", "starting_on", "ending_before", "pricing_group_values", "metadata", "updated_at", "environment_type", "subscription_id", "is_prorated", "starting_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at" FROM (
SELECT "id", "invoice_id", "credit_grant_id", "credit_type_id", "credit_type_name", "name", "quantity", "total", "commit_id", "product_id", "group_key", "group_value", "unit_price", "starting_on", "ending_before", "pricing_group_values", "metadata", "updated_at", "environment_type", "subscription_id", "is_prorated", "starting_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at", "_mtx_stored"
FROM (
  SELECT "id", "invoice_id", "credit_grant_id", "credit_type_id", "credit_type_name", "name", "quantity", "total", "commit_id", "product_id", "group_key", "group_value", "unit_price", "starting_on", "ending_before", "pricing_group_values", "metadata", "updated_at", "environment_type", "subscription_id", "is_prorated", "starting_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at", "_mtx_stored",
    ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST, "_mtx_stored" DESC NULLS LAST) AS "_mtx_row"
  FROM (
    SELECT "id", "invoice_id", "credit_grant_id", "credit_type_id", "credit_type_name", "name", "quantity", "total", "commit_id", "product_id", "group_key", "group_value", "unit_price", "starting_on", "ending_before", "pricing_group_values", "metadata", "updated_at", "environment_type", "subscription_id", "is_prorated", "starting_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at", 0 AS "_mtx_stored" FROM "metronome"."line_item" WHERE "id" IS NOT NULL AND ("_mtx_loaded_at" > date_add('second', -3600, (SELECT MAX("_mtx_loaded_at") FROM "metronome"."current_line_item")) OR "_mtx_loaded_at" IS NULL)
    UNION ALL
    SELECT "id", "invoice_id", "credit_grant_id", "credit_type_id", "credit_type_name", "name", "quantity", "total", "commit_id", "product_id", "group_key", "group_value", "unit_price", "starting_on", "ending_before", "pricing_group_values", "metadata", "updated_at", "environment_type", "subscription_id", "is_prorated", "starting_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at", 1 FROM "metronome"."current_line_item" WHERE "id" IN (SELECT "id" FROM (SELECT "id" FROM "metronome"."line_item" WHERE "id" IS NOT NULL AND ("_mtx_loaded_at" > date_add('second', -3600, (SELECT MAX("_mtx_loaded_at") FROM "metronome"."current_line_item")) OR "_mtx_loaded_at" IS NULL)) AS "_mtx_tail")
  ) AS "_mtx_candidates"
) AS "_mtx_ranked"
WHERE "_mtx_row" = 1
) AS "_mtx_winners"
WHERE "_mtx_stored" = 0
) "_mtx_s"
ON "_mtx_t"."environment_type" IS NOT DISTINCT FROM "_mtx_s"."environment_type" AND "_mtx_t"."id" IS NOT DISTINCT FROM "_mtx_s"."id"
WHEN MATCHED THEN UPDATE SET "id" = "_mtx_s"."id", "invoice_id" = "_mtx_s"."invoice_id", "credit_grant_id" = "_mtx_s"."credit_grant_id", "credit_type_id" = "_mtx_s"."credit_type_id", "credit_type_name" = "_mtx_s"."credit_type_name", "name" = "_mtx_s"."name", "quantity" = "_mtx_s"."quantity", "total" = "_mtx_s"."total", "commit_id" = "_mtx_s"."commit_id", "product_id" = "_mtx_s"."product_id", "group_key" = "_mtx_s"."group_key", "group_value" = "_mtx_s"."group_value", "unit_price" = "_mtx_s"."unit_price", "starting_on" = "_mtx_s"."starting_on", "ending_before" = "_mtx_s"."ending_before", "pricing_group_values" = "_mtx_s"."pricing_group_values", "metadata" = "_mtx_s"."metadata", "updated_at" = "_mtx_s"."updated_at", "environment_type" = "_mtx_s"."environment_type", "subscription_id" = "_mtx_s"."subscription_id", "is_prorated" = "_mtx_s"."is_prorated", "starting_at" = "_mtx_s"."starting_at", "_mtx_source_file" = "_mtx_s"."_mtx_source_file", "_mtx_transferred_at" = "_mtx_s"."_mtx_transferred_at", "_mtx_loaded_at" = "_mtx_s"."_mtx_loaded_at"
WHEN NOT MATCHED THEN INSERT ("id", "invoice_id", "credit_grant_id", "credit_type_id", "credit_type_name", "name", "quantity", "total", "commit_id", "product_id", "group_key", "group_value", "unit_price", "starting_on", "ending_before", "pricing_group_values", "metadata", "updated_at", "environment_type", "subscription_id", "is_prorated", "starting_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at")
VALUES ("_mtx_s"."id", "_mtx_s"."invoice_id", "_mtx_s"."credit_grant_id", "_mtx_s"."credit_type_id", "_mtx_s"."credit_type_name", "_mtx_s"."name", "_mtx_s"."quantity", "_mtx_s"."total", "_mtx_s"."commit_id", "_mtx_s"."product_id", "_mtx_s"."group_key", "_mtx_s"."group_value", "_mtx_s"."unit_price", "_mtx_s"."starting_on", "_mtx_s"."ending_before", "_mtx_s"."pricing_group_values", "_mtx_s"."metadata", "_mtx_s"."updated_at", "_mtx_s"."environment_type", "_mtx_s"."subscription_id", "_mtx_s"."is_prorated", "_mtx_s"."starting_at", "_mtx_s"."_mtx_source_file", "_mtx_s"."_mtx_transferred_at", "_mtx_s"."_mtx_loaded_at");

-- model current_line_item
CREATE OR REPLACE VIEW "metronome"."current_line_item_live" AS
SELECT "id", "invoice_id", "credit_grant_id", "credit_type_id", "credit_type_name", "name", "quantity", "total", "commit_id", "product_id", "group_key", "group_value", "unit_price", "starting_on", "ending_before", "pricing_group_values", "metadata", "updated_at", "environment_type", "subscription_id", "is_prorated", "starting_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM "metronome"."current_line_item" AS "_mtx_stored"
WHERE "id" NOT IN (
    SELECT "id"
    FROM "metronome"."line_item"
    WHERE "id" IS NOT NULL AND ("_mtx_loaded_at" > date_add('second', -3600, COALESCE((SELECT MAX("_mtx_loaded_at") FROM "metronome"."current_line_item"), TIMESTAMP '1970-01-01 00:00:00.000000')) OR "_mtx_loaded_at" IS NULL)
)
UNION ALL
SELECT "id", "invoice_id", "credit_grant_id", "credit_type_id", "credit_type_name", "name", "quantity", "total", "commit_id", "product_id", "group_key", "group_value", "unit_price", "starting_on", "ending_before", "pricing_group_values", "metadata", "updated_at", "environment_type", "subscription_id", "is_prorated", "starting_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "id", "invoice_id", "credit_grant_id", "credit_type_id", "credit_type_name", "name", "quantity", "total", "commit_id", "product_id", "group_key", "group_value", "unit_price", "starting_on", "ending_before", "pricing_group_values", "metadata", "updated_at", "environment_type", "subscription_id", "is_prorated", "starting_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
  FROM (
    SELECT "id", "invoice_id", "credit_grant_id", "credit_type_id", "credit_type_name", "name", "quantity", "total", "commit_id", "product_id", "group_key", "group_value", "unit_price", "starting_on", "ending_before", "pricing_group_values", "metadata", "updated_at", "environment_type", "subscription_id", "is_prorated", "starting_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
      ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) AS "_mtx_row"
    FROM (
      SELECT "id", "invoice_id", "credit_grant_id", "credit_type_id", "credit_type_name", "name", "quantity", "total", "commit_id", "product_id", "group_key", "group_value", "unit_price", "starting_on", "ending_before", "pricing_group_values", "metadata", "updated_at", "environment_type", "subscription_id", "is_prorated", "starting_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
      FROM "metronome"."line_item"
      WHERE "id" IS NOT NULL AND ("_mtx_loaded_at" > date_add('second', -3600, COALESCE((SELECT MAX("_mtx_loaded_at") FROM "metronome"."current_line_item"), TIMESTAMP '1970-01-01 00:00:00.000000')) OR "_mtx_loaded_at" IS NULL)
      UNION ALL
      SELECT "id", "invoice_id", "credit_grant_id", "credit_type_id", "credit_type_name", "name", "quantity", "total", "commit_id", "product_id", "group_key", "group_value", "unit_price", "starting_on", "ending_before", "pricing_group_values", "metadata", "updated_at", "environment_type", "subscription_id", "is_prorated", "starting_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at" FROM "metronome"."current_line_item" AS "_mtx_stored"
      WHERE "id" IN (SELECT "id" FROM (
        SELECT "id"
        FROM "metronome"."line_item"
        WHERE "id" IS NOT NULL AND ("_mtx_loaded_at" > date_add('second', -3600, COALESCE((SELECT MAX("_mtx_loaded_at") FROM "metronome"."current_line_item"), TIMESTAMP '1970-01-01 00:00:00.000000')) OR "_mtx_loaded_at" IS NULL)
      ) AS "_mtx_tail")
    ) AS "_mtx_candidates"
  ) AS "_mtx_ranked"
  WHERE "_mtx_row" = 1
) AS "_mtx_winners";

-- model cookbook_monthly_totals_by_line_item_type
CREATE OR REPLACE VIEW "metronome"."cookbook_monthly_totals_by_line_item_type" AS
SELECT * FROM (
SELECT date_trunc('month', (i.end_timestamp) AT TIME ZONE 'UTC') AS month,
       COALESCE(t.item_type, 'UNKNOWN') AS line_item_type,
       li.credit_type_name AS credit_type_name,
       SUM(li.total) AS line_item_total
FROM "metronome"."current_invoice" i
JOIN "metronome"."current_line_item" li
  ON li.invoice_id = i.id AND li.environment_type = i.environment_type
LEFT JOIN (
  SELECT b.line_item_id, MAX(b.line_item_type) AS item_type
  FROM "metronome"."current_breakdowns_line_items" b
  WHERE b.environment_type = 'PRODUCTION'
  GROUP BY b.line_item_id
) t ON t.line_item_id = li.id
WHERE i.environment_type = 'PRODUCTION'
  AND COALESCE(i."status", '') <> 'VOID'
GROUP BY 1, 2, 3
ORDER BY 1, 2, 3
) AS _mtx_cookbook;

-- model current_sub_line_item
CREATE OR REPLACE VIEW "metronome"."current_sub_line_item" AS
SELECT "id", "line_item_id", "name", "quantity", "subtotal", "charge_id", "billable_metric_id", "billable_metric_name", "tiers", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "id", "line_item_id", "name", "quantity", "subtotal", "charge_id", "billable_metric_id", "billable_metric_name", "tiers", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
    ROW_NUMBER() OVER (PARTITION BY "id" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) AS "_mtx_row"
  FROM "metronome"."sub_line_item"
  WHERE "id" IS NOT NULL
) AS "_mtx_ranked"
WHERE "_mtx_row" = 1;

-- model cookbook_monthly_usage_totals
CREATE OR REPLACE VIEW "metronome"."cookbook_monthly_usage_totals" AS
SELECT * FROM (
SELECT date_trunc('month', (i.end_timestamp) AT TIME ZONE 'UTC') AS month,
       CASE WHEN sli.billable_metric_id IS NULL THEN 'NON_USAGE' ELSE 'USAGE' END AS charge_type,
       i.credit_type_name AS credit_type_name,
       SUM(sli.subtotal) AS subtotal_sum
FROM "metronome"."current_invoice" i
JOIN "metronome"."current_line_item" li
  ON li.invoice_id = i.id AND li.environment_type = i.environment_type
JOIN "metronome"."current_sub_line_item" sli ON sli.line_item_id = li.id
WHERE i.environment_type = 'PRODUCTION'
  AND COALESCE(i."status", '') <> 'VOID'
GROUP BY 1, 2, 3
ORDER BY 1, 2, 3
) AS _mtx_cookbook;

-- model current_plan_charge
CREATE OR REPLACE VIEW "metronome"."current_plan_charge" AS
SELECT "id", "charge_id", "name", "plan_id", "product_id", "product_name", "billable_metric_id", "billable_metric_name", "start_period", "credit_type_id", "credit_type_name", "charge_type", "quantity", "environment_type", "prices", "custom_fields", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "id", "charge_id", "name", "plan_id", "product_id", "product_name", "billable_metric_id", "billable_metric_name", "start_period", "credit_type_id", "credit_type_name", "charge_type", "quantity", "environment_type", "prices", "custom_fields", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
    ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) AS "_mtx_row"
  FROM "metronome"."plan_charge"
  WHERE "id" IS NOT NULL
) AS "_mtx_ranked"
WHERE "_mtx_row" = 1;

-- model cookbook_plan_charges
CREATE OR REPLACE VIEW "metronome"."cookbook_plan_charges" AS
SELECT * FROM (
SELECT pc.plan_id AS plan_id,
       pc.id AS plan_charge_id,
       pc.charge_id AS charge_id,
       pc."name" AS charge_name,
       pc.product_id AS product_id,
       pc.product_name AS product_name,
       pc.billable_metric_id AS billable_metric_id,
       pc.billable_metric_name AS billable_metric_name,
       pc.charge_type AS charge_type,
       pc.credit_type_name AS credit_type_name,
       pc.start_period AS start_period,
       pc.quantity AS quantity
FROM "metronome"."current_plan_charge" pc
WHERE pc.environment_type = 'PRODUCTION'
ORDER BY pc.plan_id, pc.start_period, pc."name", pc.id
) AS _mtx_cookbook;

-- model current_plan
CREATE OR REPLACE VIEW "metronome"."current_plan" AS
SELECT "id", "name", "description", "billing_frequency", "starting_on", "custom_fields", "environment_type", "created_at", "deprecated_at", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "id", "name", "description", "billing_frequency", "starting_on", "custom_fields", "environment_type", "created_at", "deprecated_at", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
    ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) AS "_mtx_row"
  FROM "metronome"."plan"
  WHERE "id" IS NOT NULL
) AS "_mtx_ranked"
WHERE "_mtx_row" = 1;

-- model cookbook_plans_starting_soon
CREATE OR REPLACE VIEW "metronome"."cookbook_plans_starting_soon" AS
SELECT * FROM (
SELECT p.id AS plan_id,
       p."name" AS plan_name,
       p.billing_frequency AS billing_frequency,
       p.starting_on AS starting_on
FROM "metronome"."current_plan" p
WHERE p.environment_type = 'PRODUCTION'
  AND p.deprecated_at IS NULL
  AND p.starting_on >= current_timestamp
  AND p.starting_on < date_add('hour', 168, current_timestamp)
ORDER BY p.starting_on, p.id
) AS _mtx_cookbook;

-- model cookbook_revenue_by_product_by_month
CREATE OR REPLACE VIEW "metronome"."cookbook_revenue_by_product_by_month" AS
SELECT * FROM (
SELECT date_trunc('month', (i.end_timestamp) AT TIME ZONE 'UTC') AS month,
       li.product_id AS product_id,
       MAX(li."name") AS product_name,
       li.credit_type_name AS credit_type_name,
       SUM(li.total) AS revenue
FROM "metronome"."current_invoice" i
JOIN "metronome"."current_line_item" li
  ON li.invoice_id = i.id AND li.environment_type = i.environment_type
WHERE i.environment_type = 'PRODUCTION'
  AND COALESCE(i."status", '') <> 'VOID'
GROUP BY 1, 2, 4
ORDER BY 1, 2, 4
) AS _mtx_cookbook;

-- model current_billable_metric
CREATE OR REPLACE VIEW "metronome"."current_billable_metric" AS
SELECT "id", "aggregate", "aggregate_keys", "environment_type", "group_keys", "name", "created_at", "archived_at", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "id", "aggregate", "aggregate_keys", "environment_type", "group_keys", "name", "created_at", "archived_at", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
    ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) AS "_mtx_row"
  FROM "metronome"."billable_metric"
  WHERE "id" IS NOT NULL
) AS "_mtx_ranked"
WHERE "_mtx_row" = 1;

-- model cookbook_usage_by_billable_metric
CREATE OR REPLACE VIEW "metronome"."cookbook_usage_by_billable_metric" AS
SELECT * FROM (
SELECT date_trunc('month', (b.breakdown_start_timestamp) AT TIME ZONE 'UTC') AS month,
       b.billable_metric_id AS billable_metric_id,
       m."name" AS billable_metric_name,
       b.credit_type_name AS credit_type_name,
       SUM(b.quantity) AS total_quantity,
       SUM(b.total) AS total_amount
FROM "metronome"."current_breakdowns_line_items" b
LEFT JOIN "metronome"."current_billable_metric" m
  ON m.id = b.billable_metric_id AND m.environment_type = b.environment_type
WHERE b.environment_type = 'PRODUCTION'
  AND b.billable_metric_id IS NOT NULL
GROUP BY 1, 2, 3, 4
ORDER BY 1, 2, 3, 4
) AS _mtx_cookbook;

-- model current_breakdowns_invoices
DROP TABLE IF EXISTS `metronome`.`_mtx_build_current_breakdowns_invoices_07824a1c`;

-- model current_breakdowns_invoices
CREATE TABLE "metronome"."_mtx_build_current_breakdowns_invoices_07824a1c" WITH (table_type = 'ICEBERG', is_external = false, location = 's3://lake/mtx/metronome/_mtx_build_current_breakdowns_invoices_07824a1c/0000000000000004/') AS
SELECT "id", "environment_type", "snapshot_timestamp", "invoice_id", "customer_id", "transfer_id", "credit_type_id", "net_payment_term_days", "credit_type_name", "subtotal", "total", "type", "external_invoice", "plan_id", "contract_id", "amendment_id", "custom_fields", "billable_status", "window_size", "metadata", "issued_at", "invoice_start_timestamp", "invoice_end_timestamp", "breakdown_start_timestamp", "breakdown_end_timestamp", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "id", "environment_type", "snapshot_timestamp", "invoice_id", "customer_id", "transfer_id", "credit_type_id", "net_payment_term_days", "credit_type_name", "subtotal", "total", "type", "external_invoice", "plan_id", "contract_id", "amendment_id", "custom_fields", "billable_status", "window_size", "metadata", "issued_at", "invoice_start_timestamp", "invoice_end_timestamp", "breakdown_start_timestamp", "breakdown_end_timestamp", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
    ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) AS "_mtx_row"
  FROM "metronome"."breakdowns_invoices"
  WHERE "id" IS NOT NULL
) AS "_mtx_ranked"
WHERE "_mtx_row" = 1;

-- model current_breakdowns_invoices
ALTER TABLE `metronome`.`_mtx_build_current_breakdowns_invoices_07824a1c` RENAME TO `metronome`.`current_breakdowns_invoices`;

-- model current_breakdowns_invoices
CREATE OR REPLACE VIEW "metronome"."current_breakdowns_invoices_live" AS
SELECT "id", "environment_type", "snapshot_timestamp", "invoice_id", "customer_id", "transfer_id", "credit_type_id", "net_payment_term_days", "credit_type_name", "subtotal", "total", "type", "external_invoice", "plan_id", "contract_id", "amendment_id", "custom_fields", "billable_status", "window_size", "metadata", "issued_at", "invoice_start_timestamp", "invoice_end_timestamp", "breakdown_start_timestamp", "breakdown_end_timestamp", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM "metronome"."current_breakdowns_invoices" AS "_mtx_stored"
WHERE "id" NOT IN (
    SELECT "id"
    FROM "metronome"."breakdowns_invoices"
    WHERE "id" IS NOT NULL AND ("_mtx_loaded_at" > date_add('second', -3600, COALESCE((SELECT MAX("_mtx_loaded_at") FROM "metronome"."current_breakdowns_invoices"), TIMESTAMP '1970-01-01 00:00:00.000000')) OR "_mtx_loaded_at" IS NULL)
)
UNION ALL
SELECT "id", "environment_type", "snapshot_timestamp", "invoice_id", "customer_id", "transfer_id", "credit_type_id", "net_payment_term_days", "credit_type_name", "subtotal", "total", "type", "external_invoice", "plan_id", "contract_id", "amendment_id", "custom_fields", "billable_status", "window_size", "metadata", "issued_at", "invoice_start_timestamp", "invoice_end_timestamp", "breakdown_start_timestamp", "breakdown_end_timestamp", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "id", "environment_type", "snapshot_timestamp", "invoice_id", "customer_id", "transfer_id", "credit_type_id", "net_payment_term_days", "credit_type_name", "subtotal", "total", "type", "external_invoice", "plan_id", "contract_id", "amendment_id", "custom_fields", "billable_status", "window_size", "metadata", "issued_at", "invoice_start_timestamp", "invoice_end_timestamp", "breakdown_start_timestamp", "breakdown_end_timestamp", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
  FROM (
    SELECT "id", "environment_type", "snapshot_timestamp", "invoice_id", "customer_id", "transfer_id", "credit_type_id", "net_payment_term_days", "credit_type_name", "subtotal", "total", "type", "external_invoice", "plan_id", "contract_id", "amendment_id", "custom_fields", "billable_status", "window_size", "metadata", "issued_at", "invoice_start_timestamp", "invoice_end_timestamp", "breakdown_start_timestamp", "breakdown_end_timestamp", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
      ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) AS "_mtx_row"
    FROM (
      SELECT "id", "environment_type", "snapshot_timestamp", "invoice_id", "customer_id", "transfer_id", "credit_type_id", "net_payment_term_days", "credit_type_name", "subtotal", "total", "type", "external_invoice", "plan_id", "contract_id", "amendment_id", "custom_fields", "billable_status", "window_size", "metadata", "issued_at", "invoice_start_timestamp", "invoice_end_timestamp", "breakdown_start_timestamp", "breakdown_end_timestamp", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
      FROM "metronome"."breakdowns_invoices"
      WHERE "id" IS NOT NULL AND ("_mtx_loaded_at" > date_add('second', -3600, COALESCE((SELECT MAX("_mtx_loaded_at") FROM "metronome"."current_breakdowns_invoices"), TIMESTAMP '1970-01-01 00:00:00.000000')) OR "_mtx_loaded_at" IS NULL)
      UNION ALL
      SELECT "id", "environment_type", "snapshot_timestamp", "invoice_id", "customer_id", "transfer_id", "credit_type_id", "net_payment_term_days", "credit_type_name", "subtotal", "total", "type", "external_invoice", "plan_id", "contract_id", "amendment_id", "custom_fields", "billable_status", "window_size", "metadata", "issued_at", "invoice_start_timestamp", "invoice_end_timestamp", "breakdown_start_timestamp", "breakdown_end_timestamp", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at" FROM "metronome"."current_breakdowns_invoices" AS "_mtx_stored"
      WHERE "id" IN (SELECT "id" FROM (
        SELECT "id"
        FROM "metronome"."breakdowns_invoices"
        WHERE "id" IS NOT NULL AND ("_mtx_loaded_at" > date_add('second', -3600, COALESCE((SELECT MAX("_mtx_loaded_at") FROM "metronome"."current_breakdowns_invoices"), TIMESTAMP '1970-01-01 00:00:00.000000')) OR "_mtx_loaded_at" IS NULL)
      ) AS "_mtx_tail")
    ) AS "_mtx_candidates"
  ) AS "_mtx_ranked"
  WHERE "_mtx_row" = 1
) AS "_mtx_winners";

-- model current_breakdowns_invoices
MERGE INTO "metronome"."current_breakdowns_invoices" "_mtx_t"
USING (
SELECT "id", "environment_type", "snapshot_timestamp", "invoice_id", "customer_id", "transfer_id", "credit_type_id", "net_payment_term_days", "credit_type_name", "subtotal", "total", "type", "external_invoice", "plan_id", "contract_id", "amendment_id", "custom_fields", "billable_status", "window_size", "metadata", "issued_at", "invoice_start_timestamp", "invoice_end_timestamp", "breakdown_start_timestamp", "breakdown_end_timestamp", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at" FROM (
SELECT "id", "environment_type", "snapshot_timestamp", "invoice_id", "customer_id", "transfer_id", "credit_type_id", "net_payment_term_days", "credit_type_name", "subtotal", "total", "type", "external_invoice", "plan_id", "contract_id", "amendment_id", "custom_fields", "billable_status", "window_size", "metadata", "issued_at", "invoice_start_timestamp", "invoice_end_timestamp", "breakdown_start_timestamp", "breakdown_end_timestamp", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at", "_mtx_stored"
FROM (
  SELECT "id", "environment_type", "snapshot_timestamp", "invoice_id", "customer_id", "transfer_id", "credit_type_id", "net_payment_term_days", "credit_type_name", "subtotal", "total", "type", "external_invoice", "plan_id", "contract_id", "amendment_id", "custom_fields", "billable_status", "window_size", "metadata", "issued_at", "invoice_start_timestamp", "invoice_end_timestamp", "breakdown_start_timestamp", "breakdown_end_timestamp", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at", "_mtx_stored",
    ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST, "_mtx_stored" DESC NULLS LAST) AS "_mtx_row"
  FROM (
    SELECT "id", "environment_type", "snapshot_timestamp", "invoice_id", "customer_id", "transfer_id", "credit_type_id", "net_payment_term_days", "credit_type_name", "subtotal", "total", "type", "external_invoice", "plan_id", "contract_id", "amendment_id", "custom_fields", "billable_status", "window_size", "metadata", "issued_at", "invoice_start_timestamp", "invoice_end_timestamp", "breakdown_start_timestamp", "breakdown_end_timestamp", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at", 0 AS "_mtx_stored" FROM "metronome"."breakdowns_invoices" WHERE "id" IS NOT NULL AND ("_mtx_loaded_at" > date_add('second', -3600, (SELECT MAX("_mtx_loaded_at") FROM "metronome"."current_breakdowns_invoices")) OR "_mtx_loaded_at" IS NULL)
    UNION ALL
    SELECT "id", "environment_type", "snapshot_timestamp", "invoice_id", "customer_id", "transfer_id", "credit_type_id", "net_payment_term_days", "credit_type_name", "subtotal", "total", "type", "external_invoice", "plan_id", "contract_id", "amendment_id", "custom_fields", "billable_status", "window_size", "metadata", "issued_at", "invoice_start_timestamp", "invoice_end_timestamp", "breakdown_start_timestamp", "breakdown_end_timestamp", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at", 1 FROM "metronome"."current_breakdowns_invoices" WHERE "id" IN (SELECT "id" FROM (SELECT "id" FROM "metronome"."breakdowns_invoices" WHERE "id" IS NOT NULL AND ("_mtx_loaded_at" > date_add('second', -3600, (SELECT MAX("_mtx_loaded_at") FROM "metronome"."current_breakdowns_invoices")) OR "_mtx_loaded_at" IS NULL)) AS "_mtx_tail")
  ) AS "_mtx_candidates"
) AS "_mtx_ranked"
WHERE "_mtx_row" = 1
) AS "_mtx_winners"
WHERE "_mtx_stored" = 0
) "_mtx_s"
ON "_mtx_t"."environment_type" IS NOT DISTINCT FROM "_mtx_s"."environment_type" AND "_mtx_t"."id" IS NOT DISTINCT FROM "_mtx_s"."id"
WHEN MATCHED THEN UPDATE SET "id" = "_mtx_s"."id", "environment_type" = "_mtx_s"."environment_type", "snapshot_timestamp" = "_mtx_s"."snapshot_timestamp", "invoice_id" = "_mtx_s"."invoice_id", "customer_id" = "_mtx_s"."customer_id", "transfer_id" = "_mtx_s"."transfer_id", "credit_type_id" = "_mtx_s"."credit_type_id", "net_payment_term_days" = "_mtx_s"."net_payment_term_days", "credit_type_name" = "_mtx_s"."credit_type_name", "subtotal" = "_mtx_s"."subtotal", "total" = "_mtx_s"."total", "type" = "_mtx_s"."type", "external_invoice" = "_mtx_s"."external_invoice", "plan_id" = "_mtx_s"."plan_id", "contract_id" = "_mtx_s"."contract_id", "amendment_id" = "_mtx_s"."amendment_id", "custom_fields" = "_mtx_s"."custom_fields", "billable_status" = "_mtx_s"."billable_status", "window_size" = "_mtx_s"."window_size", "metadata" = "_mtx_s"."metadata", "issued_at" = "_mtx_s"."issued_at", "invoice_start_timestamp" = "_mtx_s"."invoice_start_timestamp", "invoice_end_timestamp" = "_mtx_s"."invoice_end_timestamp", "breakdown_start_timestamp" = "_mtx_s"."breakdown_start_timestamp", "breakdown_end_timestamp" = "_mtx_s"."breakdown_end_timestamp", "updated_at" = "_mtx_s"."updated_at", "_mtx_source_file" = "_mtx_s"."_mtx_source_file", "_mtx_transferred_at" = "_mtx_s"."_mtx_transferred_at", "_mtx_loaded_at" = "_mtx_s"."_mtx_loaded_at"
WHEN NOT MATCHED THEN INSERT ("id", "environment_type", "snapshot_timestamp", "invoice_id", "customer_id", "transfer_id", "credit_type_id", "net_payment_term_days", "credit_type_name", "subtotal", "total", "type", "external_invoice", "plan_id", "contract_id", "amendment_id", "custom_fields", "billable_status", "window_size", "metadata", "issued_at", "invoice_start_timestamp", "invoice_end_timestamp", "breakdown_start_timestamp", "breakdown_end_timestamp", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at")
VALUES ("_mtx_s"."id", "_mtx_s"."environment_type", "_mtx_s"."snapshot_timestamp", "_mtx_s"."invoice_id", "_mtx_s"."customer_id", "_mtx_s"."transfer_id", "_mtx_s"."credit_type_id", "_mtx_s"."net_payment_term_days", "_mtx_s"."credit_type_name", "_mtx_s"."subtotal", "_mtx_s"."total", "_mtx_s"."type", "_mtx_s"."external_invoice", "_mtx_s"."plan_id", "_mtx_s"."contract_id", "_mtx_s"."amendment_id", "_mtx_s"."custom_fields", "_mtx_s"."billable_status", "_mtx_s"."window_size", "_mtx_s"."metadata", "_mtx_s"."issued_at", "_mtx_s"."invoice_start_timestamp", "_mtx_s"."invoice_end_timestamp", "_mtx_s"."breakdown_start_timestamp", "_mtx_s"."breakdown_end_timestamp", "_mtx_s"."updated_at", "_mtx_s"."_mtx_source_file", "_mtx_s"."_mtx_transferred_at", "_mtx_s"."_mtx_loaded_at");

-- model current_breakdowns_invoices
CREATE OR REPLACE VIEW "metronome"."current_breakdowns_invoices_live" AS
SELECT "id", "environment_type", "snapshot_timestamp", "invoice_id", "customer_id", "transfer_id", "credit_type_id", "net_payment_term_days", "credit_type_name", "subtotal", "total", "type", "external_invoice", "plan_id", "contract_id", "amendment_id", "custom_fields", "billable_status", "window_size", "metadata", "issued_at", "invoice_start_timestamp", "invoice_end_timestamp", "breakdown_start_timestamp", "breakdown_end_timestamp", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM "metronome"."current_breakdowns_invoices" AS "_mtx_stored"
WHERE "id" NOT IN (
    SELECT "id"
    FROM "metronome"."breakdowns_invoices"
    WHERE "id" IS NOT NULL AND ("_mtx_loaded_at" > date_add('second', -3600, COALESCE((SELECT MAX("_mtx_loaded_at") FROM "metronome"."current_breakdowns_invoices"), TIMESTAMP '1970-01-01 00:00:00.000000')) OR "_mtx_loaded_at" IS NULL)
)
UNION ALL
SELECT "id", "environment_type", "snapshot_timestamp", "invoice_id", "customer_id", "transfer_id", "credit_type_id", "net_payment_term_days", "credit_type_name", "subtotal", "total", "type", "external_invoice", "plan_id", "contract_id", "amendment_id", "custom_fields", "billable_status", "window_size", "metadata", "issued_at", "invoice_start_timestamp", "invoice_end_timestamp", "breakdown_start_timestamp", "breakdown_end_timestamp", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "id", "environment_type", "snapshot_timestamp", "invoice_id", "customer_id", "transfer_id", "credit_type_id", "net_payment_term_days", "credit_type_name", "subtotal", "total", "type", "external_invoice", "plan_id", "contract_id", "amendment_id", "custom_fields", "billable_status", "window_size", "metadata", "issued_at", "invoice_start_timestamp", "invoice_end_timestamp", "breakdown_start_timestamp", "breakdown_end_timestamp", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
  FROM (
    SELECT "id", "environment_type", "snapshot_timestamp", "invoice_id", "customer_id", "transfer_id", "credit_type_id", "net_payment_term_days", "credit_type_name", "subtotal", "total", "type", "external_invoice", "plan_id", "contract_id", "amendment_id", "custom_fields", "billable_status", "window_size", "metadata", "issued_at", "invoice_start_timestamp", "invoice_end_timestamp", "breakdown_start_timestamp", "breakdown_end_timestamp", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
      ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) AS "_mtx_row"
    FROM (
      SELECT "id", "environment_type", "snapshot_timestamp", "invoice_id", "customer_id", "transfer_id", "credit_type_id", "net_payment_term_days", "credit_type_name", "subtotal", "total", "type", "external_invoice", "plan_id", "contract_id", "amendment_id", "custom_fields", "billable_status", "window_size", "metadata", "issued_at", "invoice_start_timestamp", "invoice_end_timestamp", "breakdown_start_timestamp", "breakdown_end_timestamp", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
      FROM "metronome"."breakdowns_invoices"
      WHERE "id" IS NOT NULL AND ("_mtx_loaded_at" > date_add('second', -3600, COALESCE((SELECT MAX("_mtx_loaded_at") FROM "metronome"."current_breakdowns_invoices"), TIMESTAMP '1970-01-01 00:00:00.000000')) OR "_mtx_loaded_at" IS NULL)
      UNION ALL
      SELECT "id", "environment_type", "snapshot_timestamp", "invoice_id", "customer_id", "transfer_id", "credit_type_id", "net_payment_term_days", "credit_type_name", "subtotal", "total", "type", "external_invoice", "plan_id", "contract_id", "amendment_id", "custom_fields", "billable_status", "window_size", "metadata", "issued_at", "invoice_start_timestamp", "invoice_end_timestamp", "breakdown_start_timestamp", "breakdown_end_timestamp", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at" FROM "metronome"."current_breakdowns_invoices" AS "_mtx_stored"
      WHERE "id" IN (SELECT "id" FROM (
        SELECT "id"
        FROM "metronome"."breakdowns_invoices"
        WHERE "id" IS NOT NULL AND ("_mtx_loaded_at" > date_add('second', -3600, COALESCE((SELECT MAX("_mtx_loaded_at") FROM "metronome"."current_breakdowns_invoices"), TIMESTAMP '1970-01-01 00:00:00.000000')) OR "_mtx_loaded_at" IS NULL)
      ) AS "_mtx_tail")
    ) AS "_mtx_candidates"
  ) AS "_mtx_ranked"
  WHERE "_mtx_row" = 1
) AS "_mtx_winners";

-- model current_contract_hierarchy_configurations
CREATE OR REPLACE VIEW "metronome"."current_contract_hierarchy_configurations" AS
SELECT "id", "contract_id", "parent_contract_id", "parent_customer_id", "child_info", "updated_at", "metadata", "environment_type", "snapshot_id", "payer", "usage_statement_behavior", "invoice_consolidation_type", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "id", "contract_id", "parent_contract_id", "parent_customer_id", "child_info", "updated_at", "metadata", "environment_type", "snapshot_id", "payer", "usage_statement_behavior", "invoice_consolidation_type", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
    ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) AS "_mtx_row"
  FROM (
    SELECT "id", "contract_id", "parent_contract_id", "parent_customer_id", "child_info", "updated_at", "metadata", "environment_type", "snapshot_id", "payer", "usage_statement_behavior", "invoice_consolidation_type", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
    FROM (
      SELECT "id", "contract_id", "parent_contract_id", "parent_customer_id", "child_info", "updated_at", "metadata", "environment_type", "snapshot_id", "payer", "usage_statement_behavior", "invoice_consolidation_type", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
        FIRST_VALUE("snapshot_id") OVER (PARTITION BY "environment_type" ORDER BY "_mtx_transferred_at" DESC NULLS LAST, "snapshot_id" DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "_mtx_latest_snapshot"
      FROM "metronome"."contract_hierarchy_configurations"
      WHERE "snapshot_id" IS NOT NULL AND "id" IS NOT NULL
    ) AS "_mtx_snapshots"
    WHERE "snapshot_id" = "_mtx_latest_snapshot"
  ) AS "_mtx_latest"
) AS "_mtx_ranked"
WHERE "_mtx_row" = 1;

-- model current_contracts_amendments
CREATE OR REPLACE VIEW "metronome"."current_contracts_amendments" AS
SELECT "id", "environment_type", "snapshot_id", "contract_id", "effective_at", "metadata", "created_at", "created_by", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "id", "environment_type", "snapshot_id", "contract_id", "effective_at", "metadata", "created_at", "created_by", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
    ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) AS "_mtx_row"
  FROM (
    SELECT "id", "environment_type", "snapshot_id", "contract_id", "effective_at", "metadata", "created_at", "created_by", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
    FROM (
      SELECT "id", "environment_type", "snapshot_id", "contract_id", "effective_at", "metadata", "created_at", "created_by", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
        FIRST_VALUE("snapshot_id") OVER (PARTITION BY "environment_type" ORDER BY "_mtx_transferred_at" DESC NULLS LAST, "snapshot_id" DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "_mtx_latest_snapshot"
      FROM "metronome"."contracts_amendments"
      WHERE "snapshot_id" IS NOT NULL AND "id" IS NOT NULL
    ) AS "_mtx_snapshots"
    WHERE "snapshot_id" = "_mtx_latest_snapshot"
  ) AS "_mtx_latest"
) AS "_mtx_ranked"
WHERE "_mtx_row" = 1;

-- model current_contracts_commits
CREATE OR REPLACE VIEW "metronome"."current_contracts_commits" AS
SELECT "id", "environment_type", "snapshot_id", "contract_id", "amendment_id", "type", "name", "priority", "description", "product_id", "amount", "access_schedule", "invoice_schedule", "rollover_fraction", "rate_type", "applicable_product_ids", "applicable_product_tags", "specifiers", "ledger", "rolled_over_from_commit_id", "rolled_over_from_contract_id", "recurring_commit_id", "metadata", "balance", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "id", "environment_type", "snapshot_id", "contract_id", "amendment_id", "type", "name", "priority", "description", "product_id", "amount", "access_schedule", "invoice_schedule", "rollover_fraction", "rate_type", "applicable_product_ids", "applicable_product_tags", "specifiers", "ledger", "rolled_over_from_commit_id", "rolled_over_from_contract_id", "recurring_commit_id", "metadata", "balance", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
    ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) AS "_mtx_row"
  FROM (
    SELECT "id", "environment_type", "snapshot_id", "contract_id", "amendment_id", "type", "name", "priority", "description", "product_id", "amount", "access_schedule", "invoice_schedule", "rollover_fraction", "rate_type", "applicable_product_ids", "applicable_product_tags", "specifiers", "ledger", "rolled_over_from_commit_id", "rolled_over_from_contract_id", "recurring_commit_id", "metadata", "balance", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
    FROM (
      SELECT "id", "environment_type", "snapshot_id", "contract_id", "amendment_id", "type", "name", "priority", "description", "product_id", "amount", "access_schedule", "invoice_schedule", "rollover_fraction", "rate_type", "applicable_product_ids", "applicable_product_tags", "specifiers", "ledger", "rolled_over_from_commit_id", "rolled_over_from_contract_id", "recurring_commit_id", "metadata", "balance", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
        FIRST_VALUE("snapshot_id") OVER (PARTITION BY "environment_type" ORDER BY "_mtx_transferred_at" DESC NULLS LAST, "snapshot_id" DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "_mtx_latest_snapshot"
      FROM "metronome"."contracts_commits"
      WHERE "snapshot_id" IS NOT NULL AND "id" IS NOT NULL
    ) AS "_mtx_snapshots"
    WHERE "snapshot_id" = "_mtx_latest_snapshot"
  ) AS "_mtx_latest"
) AS "_mtx_ranked"
WHERE "_mtx_row" = 1;

-- model current_contracts_edits
CREATE OR REPLACE VIEW "metronome"."current_contracts_edits" AS
SELECT "id", "contract_id", "timestamp", "edits", "metadata", "environment_type", "created_by", "updated_at", "snapshot_id", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "id", "contract_id", "timestamp", "edits", "metadata", "environment_type", "created_by", "updated_at", "snapshot_id", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
    ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) AS "_mtx_row"
  FROM (
    SELECT "id", "contract_id", "timestamp", "edits", "metadata", "environment_type", "created_by", "updated_at", "snapshot_id", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
    FROM (
      SELECT "id", "contract_id", "timestamp", "edits", "metadata", "environment_type", "created_by", "updated_at", "snapshot_id", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
        FIRST_VALUE("snapshot_id") OVER (PARTITION BY "environment_type" ORDER BY "_mtx_transferred_at" DESC NULLS LAST, "snapshot_id" DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "_mtx_latest_snapshot"
      FROM "metronome"."contracts_edits"
      WHERE "snapshot_id" IS NOT NULL AND "id" IS NOT NULL
    ) AS "_mtx_snapshots"
    WHERE "snapshot_id" = "_mtx_latest_snapshot"
  ) AS "_mtx_latest"
) AS "_mtx_ranked"
WHERE "_mtx_row" = 1;

-- model current_contracts_prepaid_balance_threshold_configurations
CREATE OR REPLACE VIEW "metronome"."current_contracts_prepaid_balance_threshold_configurations" AS
SELECT "id", "environment_type", "snapshot_id", "contract_id", "enabled", "threshold_amount", "recharge_to_amount", "commit_name", "commit_description", "commit_product_id", "commit_applicable_product_ids", "commit_applicable_product_tags", "payment_gate_type", "tax_type", "stripe_payment_type", "metadata", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "id", "environment_type", "snapshot_id", "contract_id", "enabled", "threshold_amount", "recharge_to_amount", "commit_name", "commit_description", "commit_product_id", "commit_applicable_product_ids", "commit_applicable_product_tags", "payment_gate_type", "tax_type", "stripe_payment_type", "metadata", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
    ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) AS "_mtx_row"
  FROM (
    SELECT "id", "environment_type", "snapshot_id", "contract_id", "enabled", "threshold_amount", "recharge_to_amount", "commit_name", "commit_description", "commit_product_id", "commit_applicable_product_ids", "commit_applicable_product_tags", "payment_gate_type", "tax_type", "stripe_payment_type", "metadata", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
    FROM (
      SELECT "id", "environment_type", "snapshot_id", "contract_id", "enabled", "threshold_amount", "recharge_to_amount", "commit_name", "commit_description", "commit_product_id", "commit_applicable_product_ids", "commit_applicable_product_tags", "payment_gate_type", "tax_type", "stripe_payment_type", "metadata", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
        FIRST_VALUE("snapshot_id") OVER (PARTITION BY "environment_type" ORDER BY "_mtx_transferred_at" DESC NULLS LAST, "snapshot_id" DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "_mtx_latest_snapshot"
      FROM "metronome"."contracts_prepaid_balance_threshold_configurations"
      WHERE "snapshot_id" IS NOT NULL AND "id" IS NOT NULL
    ) AS "_mtx_snapshots"
    WHERE "snapshot_id" = "_mtx_latest_snapshot"
  ) AS "_mtx_latest"
) AS "_mtx_ranked"
WHERE "_mtx_row" = 1;

-- model current_contracts_product_list_item_versions
CREATE OR REPLACE VIEW "metronome"."current_contracts_product_list_item_versions" AS
SELECT "id", "environment_type", "snapshot_id", "product_list_item_id", "type", "version", "name", "is_refundable", "billable_metric_id", "composite_product_ids", "composite_scope", "tags", "composite_tags", "quantity_conversion", "quantity_rounding", "pricing_group_key", "presentation_group_key", "metadata", "starting_at", "created_at", "created_by", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "id", "environment_type", "snapshot_id", "product_list_item_id", "type", "version", "name", "is_refundable", "billable_metric_id", "composite_product_ids", "composite_scope", "tags", "composite_tags", "quantity_conversion", "quantity_rounding", "pricing_group_key", "presentation_group_key", "metadata", "starting_at", "created_at", "created_by", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
    ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) AS "_mtx_row"
  FROM (
    SELECT "id", "environment_type", "snapshot_id", "product_list_item_id", "type", "version", "name", "is_refundable", "billable_metric_id", "composite_product_ids", "composite_scope", "tags", "composite_tags", "quantity_conversion", "quantity_rounding", "pricing_group_key", "presentation_group_key", "metadata", "starting_at", "created_at", "created_by", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
    FROM (
      SELECT "id", "environment_type", "snapshot_id", "product_list_item_id", "type", "version", "name", "is_refundable", "billable_metric_id", "composite_product_ids", "composite_scope", "tags", "composite_tags", "quantity_conversion", "quantity_rounding", "pricing_group_key", "presentation_group_key", "metadata", "starting_at", "created_at", "created_by", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
        FIRST_VALUE("snapshot_id") OVER (PARTITION BY "environment_type" ORDER BY "_mtx_transferred_at" DESC NULLS LAST, "snapshot_id" DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "_mtx_latest_snapshot"
      FROM "metronome"."contracts_product_list_item_versions"
      WHERE "snapshot_id" IS NOT NULL AND "id" IS NOT NULL
    ) AS "_mtx_snapshots"
    WHERE "snapshot_id" = "_mtx_latest_snapshot"
  ) AS "_mtx_latest"
) AS "_mtx_ranked"
WHERE "_mtx_row" = 1;

-- model current_contracts_recurring_commits_and_credits
CREATE OR REPLACE VIEW "metronome"."current_contracts_recurring_commits_and_credits" AS
SELECT "id", "environment_type", "snapshot_id", "contract_id", "customer_id", "type", "name", "priority", "description", "product_id", "access_amount", "invoice_amount", "rollover_fraction", "rate_type", "applicable_product_ids", "applicable_product_tags", "specifiers", "commit_duration", "proration", "recurrence_frequency", "metadata", "subscription_config", "starting_at", "ending_before", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "id", "environment_type", "snapshot_id", "contract_id", "customer_id", "type", "name", "priority", "description", "product_id", "access_amount", "invoice_amount", "rollover_fraction", "rate_type", "applicable_product_ids", "applicable_product_tags", "specifiers", "commit_duration", "proration", "recurrence_frequency", "metadata", "subscription_config", "starting_at", "ending_before", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
    ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) AS "_mtx_row"
  FROM (
    SELECT "id", "environment_type", "snapshot_id", "contract_id", "customer_id", "type", "name", "priority", "description", "product_id", "access_amount", "invoice_amount", "rollover_fraction", "rate_type", "applicable_product_ids", "applicable_product_tags", "specifiers", "commit_duration", "proration", "recurrence_frequency", "metadata", "subscription_config", "starting_at", "ending_before", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
    FROM (
      SELECT "id", "environment_type", "snapshot_id", "contract_id", "customer_id", "type", "name", "priority", "description", "product_id", "access_amount", "invoice_amount", "rollover_fraction", "rate_type", "applicable_product_ids", "applicable_product_tags", "specifiers", "commit_duration", "proration", "recurrence_frequency", "metadata", "subscription_config", "starting_at", "ending_before", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
        FIRST_VALUE("snapshot_id") OVER (PARTITION BY "environment_type" ORDER BY "_mtx_transferred_at" DESC NULLS LAST, "snapshot_id" DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "_mtx_latest_snapshot"
      FROM "metronome"."contracts_recurring_commits_and_credits"
      WHERE "snapshot_id" IS NOT NULL AND "id" IS NOT NULL
    ) AS "_mtx_snapshots"
    WHERE "snapshot_id" = "_mtx_latest_snapshot"
  ) AS "_mtx_latest"
) AS "_mtx_ranked"
WHERE "_mtx_row" = 1;

-- model current_contracts_scheduled_charges
CREATE OR REPLACE VIEW "metronome"."current_contracts_scheduled_charges" AS
SELECT "id", "environment_type", "snapshot_id", "contract_id", "amendment_id", "name", "description", "product_id", "credit_type_id", "credit_type_name", "schedule", "metadata", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "id", "environment_type", "snapshot_id", "contract_id", "amendment_id", "name", "description", "product_id", "credit_type_id", "credit_type_name", "schedule", "metadata", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
    ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) AS "_mtx_row"
  FROM (
    SELECT "id", "environment_type", "snapshot_id", "contract_id", "amendment_id", "name", "description", "product_id", "credit_type_id", "credit_type_name", "schedule", "metadata", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
    FROM (
      SELECT "id", "environment_type", "snapshot_id", "contract_id", "amendment_id", "name", "description", "product_id", "credit_type_id", "credit_type_name", "schedule", "metadata", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
        FIRST_VALUE("snapshot_id") OVER (PARTITION BY "environment_type" ORDER BY "_mtx_transferred_at" DESC NULLS LAST, "snapshot_id" DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "_mtx_latest_snapshot"
      FROM "metronome"."contracts_scheduled_charges"
      WHERE "snapshot_id" IS NOT NULL AND "id" IS NOT NULL
    ) AS "_mtx_snapshots"
    WHERE "snapshot_id" = "_mtx_latest_snapshot"
  ) AS "_mtx_latest"
) AS "_mtx_ranked"
WHERE "_mtx_row" = 1;

-- model current_contracts_spend_threshold_configurations
CREATE OR REPLACE VIEW "metronome"."current_contracts_spend_threshold_configurations" AS
SELECT "id", "environment_type", "snapshot_id", "contract_id", "enabled", "threshold_amount", "commit_name", "commit_description", "commit_product_id", "payment_gate_type", "tax_type", "stripe_payment_type", "metadata", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "id", "environment_type", "snapshot_id", "contract_id", "enabled", "threshold_amount", "commit_name", "commit_description", "commit_product_id", "payment_gate_type", "tax_type", "stripe_payment_type", "metadata", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
    ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) AS "_mtx_row"
  FROM (
    SELECT "id", "environment_type", "snapshot_id", "contract_id", "enabled", "threshold_amount", "commit_name", "commit_description", "commit_product_id", "payment_gate_type", "tax_type", "stripe_payment_type", "metadata", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
    FROM (
      SELECT "id", "environment_type", "snapshot_id", "contract_id", "enabled", "threshold_amount", "commit_name", "commit_description", "commit_product_id", "payment_gate_type", "tax_type", "stripe_payment_type", "metadata", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
        FIRST_VALUE("snapshot_id") OVER (PARTITION BY "environment_type" ORDER BY "_mtx_transferred_at" DESC NULLS LAST, "snapshot_id" DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "_mtx_latest_snapshot"
      FROM "metronome"."contracts_spend_threshold_configurations"
      WHERE "snapshot_id" IS NOT NULL AND "id" IS NOT NULL
    ) AS "_mtx_snapshots"
    WHERE "snapshot_id" = "_mtx_latest_snapshot"
  ) AS "_mtx_latest"
) AS "_mtx_ranked"
WHERE "_mtx_row" = 1;

-- model current_contracts_subscriptions
CREATE OR REPLACE VIEW "metronome"."current_contracts_subscriptions" AS
SELECT "id", "environment_type", "snapshot_id", "customer_id", "contract_id", "product_id", "name", "description", "billing_frequency", "collection_schedule", "is_prorated", "invoice_behavior", "quantity_schedule", "fiat_credit_type_id", "metadata", "starting_at", "ending_before", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "id", "environment_type", "snapshot_id", "customer_id", "contract_id", "product_id", "name", "description", "billing_frequency", "collection_schedule", "is_prorated", "invoice_behavior", "quantity_schedule", "fiat_credit_type_id", "metadata", "starting_at", "ending_before", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
    ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) AS "_mtx_row"
  FROM (
    SELECT "id", "environment_type", "snapshot_id", "customer_id", "contract_id", "product_id", "name", "description", "billing_frequency", "collection_schedule", "is_prorated", "invoice_behavior", "quantity_schedule", "fiat_credit_type_id", "metadata", "starting_at", "ending_before", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
    FROM (
      SELECT "id", "environment_type", "snapshot_id", "customer_id", "contract_id", "product_id", "name", "description", "billing_frequency", "collection_schedule", "is_prorated", "invoice_behavior", "quantity_schedule", "fiat_credit_type_id", "metadata", "starting_at", "ending_before", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
        FIRST_VALUE("snapshot_id") OVER (PARTITION BY "environment_type" ORDER BY "_mtx_transferred_at" DESC NULLS LAST, "snapshot_id" DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "_mtx_latest_snapshot"
      FROM "metronome"."contracts_subscriptions"
      WHERE "snapshot_id" IS NOT NULL AND "id" IS NOT NULL
    ) AS "_mtx_snapshots"
    WHERE "snapshot_id" = "_mtx_latest_snapshot"
  ) AS "_mtx_latest"
) AS "_mtx_ranked"
WHERE "_mtx_row" = 1;

-- model current_contracts_transitions
CREATE OR REPLACE VIEW "metronome"."current_contracts_transitions" AS
SELECT "id", "environment_type", "snapshot_id", "type", "contract_id", "from_contract_id", "to_contract_id", "date", "metadata", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "id", "environment_type", "snapshot_id", "type", "contract_id", "from_contract_id", "to_contract_id", "date", "metadata", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
    ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) AS "_mtx_row"
  FROM (
    SELECT "id", "environment_type", "snapshot_id", "type", "contract_id", "from_contract_id", "to_contract_id", "date", "metadata", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
    FROM (
      SELECT "id", "environment_type", "snapshot_id", "type", "contract_id", "from_contract_id", "to_contract_id", "date", "metadata", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
        FIRST_VALUE("snapshot_id") OVER (PARTITION BY "environment_type" ORDER BY "_mtx_transferred_at" DESC NULLS LAST, "snapshot_id" DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "_mtx_latest_snapshot"
      FROM "metronome"."contracts_transitions"
      WHERE "snapshot_id" IS NOT NULL AND "id" IS NOT NULL
    ) AS "_mtx_snapshots"
    WHERE "snapshot_id" = "_mtx_latest_snapshot"
  ) AS "_mtx_latest"
) AS "_mtx_ranked"
WHERE "_mtx_row" = 1;

-- model current_contracts_usage_filter_schedule
CREATE OR REPLACE VIEW "metronome"."current_contracts_usage_filter_schedule" AS
SELECT "id", "contract_id", "starting_at", "ending_before", "group_key", "group_values", "metadata", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "id", "contract_id", "starting_at", "ending_before", "group_key", "group_values", "metadata", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
    ROW_NUMBER() OVER (PARTITION BY "id", "starting_at" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) AS "_mtx_row"
  FROM (
    SELECT "id", "contract_id", "starting_at", "ending_before", "group_key", "group_values", "metadata", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
    FROM (
      SELECT "id", "contract_id", "starting_at", "ending_before", "group_key", "group_values", "metadata", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
        FIRST_VALUE("_mtx_transferred_at") OVER (ORDER BY "_mtx_transferred_at" DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "_mtx_latest_snapshot"
      FROM "metronome"."contracts_usage_filter_schedule"
      WHERE "_mtx_transferred_at" IS NOT NULL AND "id" IS NOT NULL AND "starting_at" IS NOT NULL
    ) AS "_mtx_snapshots"
    WHERE "_mtx_transferred_at" = "_mtx_latest_snapshot"
  ) AS "_mtx_latest"
) AS "_mtx_ranked"
WHERE "_mtx_row" = 1;

-- model current_contracts_usage_filters
CREATE OR REPLACE VIEW "metronome"."current_contracts_usage_filters" AS
SELECT "id", "environment_type", "snapshot_id", "contract_id", "version", "starting_at", "group_key", "group_values", "metadata", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "id", "environment_type", "snapshot_id", "contract_id", "version", "starting_at", "group_key", "group_values", "metadata", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
    ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) AS "_mtx_row"
  FROM (
    SELECT "id", "environment_type", "snapshot_id", "contract_id", "version", "starting_at", "group_key", "group_values", "metadata", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
    FROM (
      SELECT "id", "environment_type", "snapshot_id", "contract_id", "version", "starting_at", "group_key", "group_values", "metadata", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
        FIRST_VALUE("snapshot_id") OVER (PARTITION BY "environment_type" ORDER BY "_mtx_transferred_at" DESC NULLS LAST, "snapshot_id" DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "_mtx_latest_snapshot"
      FROM "metronome"."contracts_usage_filters"
      WHERE "snapshot_id" IS NOT NULL AND "id" IS NOT NULL
    ) AS "_mtx_snapshots"
    WHERE "snapshot_id" = "_mtx_latest_snapshot"
  ) AS "_mtx_latest"
) AS "_mtx_ranked"
WHERE "_mtx_row" = 1;

-- model current_credit_type
CREATE OR REPLACE VIEW "metronome"."current_credit_type" AS
SELECT "id", "name", "is_currency", "environment_type", "updated_at", "_metronome_metadata_id", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "id", "name", "is_currency", "environment_type", "updated_at", "_metronome_metadata_id", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
    ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) AS "_mtx_row"
  FROM "metronome"."credit_type"
  WHERE "id" IS NOT NULL
) AS "_mtx_ranked"
WHERE "_mtx_row" = 1;

-- model current_customer_plan
CREATE OR REPLACE VIEW "metronome"."current_customer_plan" AS
SELECT "id", "customer_id", "plan_id", "plan_name", "starting_on", "ending_before", "net_payment_term_days", "custom_fields", "created_at", "updated_at", "deleted_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "id", "customer_id", "plan_id", "plan_name", "starting_on", "ending_before", "net_payment_term_days", "custom_fields", "created_at", "updated_at", "deleted_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
    ROW_NUMBER() OVER (PARTITION BY "id" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) AS "_mtx_row"
  FROM "metronome"."customer_plan"
  WHERE "id" IS NOT NULL
) AS "_mtx_ranked"
WHERE "_mtx_row" = 1;

-- model current_draft_line_item
CREATE OR REPLACE VIEW "metronome"."current_draft_line_item" AS
SELECT "_metronome_metadata_id", "id", "invoice_id", "credit_grant_id", "credit_type_id", "credit_type_name", "name", "quantity", "total", "commit_id", "product_id", "group_key", "group_value", "is_prorated", "updated_at", "snapshot_time", "environment_type", "unit_price", "pricing_group_values", "subscription_id", "metadata", "starting_at", "ending_before", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "_metronome_metadata_id", "id", "invoice_id", "credit_grant_id", "credit_type_id", "credit_type_name", "name", "quantity", "total", "commit_id", "product_id", "group_key", "group_value", "is_prorated", "updated_at", "snapshot_time", "environment_type", "unit_price", "pricing_group_values", "subscription_id", "metadata", "starting_at", "ending_before", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
    ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) AS "_mtx_row"
  FROM (
    SELECT "_metronome_metadata_id", "id", "invoice_id", "credit_grant_id", "credit_type_id", "credit_type_name", "name", "quantity", "total", "commit_id", "product_id", "group_key", "group_value", "is_prorated", "updated_at", "snapshot_time", "environment_type", "unit_price", "pricing_group_values", "subscription_id", "metadata", "starting_at", "ending_before", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
    FROM (
      SELECT "_metronome_metadata_id", "id", "invoice_id", "credit_grant_id", "credit_type_id", "credit_type_name", "name", "quantity", "total", "commit_id", "product_id", "group_key", "group_value", "is_prorated", "updated_at", "snapshot_time", "environment_type", "unit_price", "pricing_group_values", "subscription_id", "metadata", "starting_at", "ending_before", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
        FIRST_VALUE("snapshot_time") OVER (PARTITION BY "environment_type" ORDER BY "snapshot_time" DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "_mtx_latest_snapshot"
      FROM "metronome"."draft_line_item"
      WHERE "snapshot_time" IS NOT NULL AND "id" IS NOT NULL
    ) AS "_mtx_snapshots"
    WHERE "snapshot_time" = "_mtx_latest_snapshot"
  ) AS "_mtx_latest"
) AS "_mtx_ranked"
WHERE "_mtx_row" = 1;

-- model current_draft_sub_line_item
CREATE OR REPLACE VIEW "metronome"."current_draft_sub_line_item" AS
SELECT "_metronome_metadata_id", "id", "line_item_id", "name", "quantity", "subtotal", "charge_id", "is_prorated", "billable_metric_id", "billable_metric_name", "tiers", "updated_at", "snapshot_time", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "_metronome_metadata_id", "id", "line_item_id", "name", "quantity", "subtotal", "charge_id", "is_prorated", "billable_metric_id", "billable_metric_name", "tiers", "updated_at", "snapshot_time", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
    ROW_NUMBER() OVER (PARTITION BY "id" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) AS "_mtx_row"
  FROM (
    SELECT "_metronome_metadata_id", "id", "line_item_id", "name", "quantity", "subtotal", "charge_id", "is_prorated", "billable_metric_id", "billable_metric_name", "tiers", "updated_at", "snapshot_time", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
    FROM (
      SELECT "_metronome_metadata_id", "id", "line_item_id", "name", "quantity", "subtotal", "charge_id", "is_prorated", "billable_metric_id", "billable_metric_name", "tiers", "updated_at", "snapshot_time", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
        FIRST_VALUE("snapshot_time") OVER (ORDER BY "snapshot_time" DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "_mtx_latest_snapshot"
      FROM "metronome"."draft_sub_line_item"
      WHERE "snapshot_time" IS NOT NULL AND "id" IS NOT NULL
    ) AS "_mtx_snapshots"
    WHERE "snapshot_time" = "_mtx_latest_snapshot"
  ) AS "_mtx_latest"
) AS "_mtx_ranked"
WHERE "_mtx_row" = 1;

-- model current_invoice_corrections
CREATE OR REPLACE VIEW "metronome"."current_invoice_corrections" AS
SELECT "id", "invoice_id", "base_invoice_id", "reason", "memo", "sequence_number", "environment_type", "created_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "id", "invoice_id", "base_invoice_id", "reason", "memo", "sequence_number", "environment_type", "created_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
    ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "created_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) AS "_mtx_row"
  FROM "metronome"."invoice_corrections"
  WHERE "id" IS NOT NULL
) AS "_mtx_ranked"
WHERE "_mtx_row" = 1;

-- model current_packages
CREATE OR REPLACE VIEW "metronome"."current_packages" AS
SELECT "id", "name", "rate_card_id", "duration_unit", "duration_value", "multiplier_override_prioritization", "net_payment_terms_days", "usage_statement_schedule_frequency", "scheduled_charges_on_usage_invoices", "billing_provider", "delivery_method", "aliases", "created_at", "created_by", "archived_at", "updated_at", "environment_type", "snapshot_id", "metadata", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "id", "name", "rate_card_id", "duration_unit", "duration_value", "multiplier_override_prioritization", "net_payment_terms_days", "usage_statement_schedule_frequency", "scheduled_charges_on_usage_invoices", "billing_provider", "delivery_method", "aliases", "created_at", "created_by", "archived_at", "updated_at", "environment_type", "snapshot_id", "metadata", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
    ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) AS "_mtx_row"
  FROM (
    SELECT "id", "name", "rate_card_id", "duration_unit", "duration_value", "multiplier_override_prioritization", "net_payment_terms_days", "usage_statement_schedule_frequency", "scheduled_charges_on_usage_invoices", "billing_provider", "delivery_method", "aliases", "created_at", "created_by", "archived_at", "updated_at", "environment_type", "snapshot_id", "metadata", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
    FROM (
      SELECT "id", "name", "rate_card_id", "duration_unit", "duration_value", "multiplier_override_prioritization", "net_payment_terms_days", "usage_statement_schedule_frequency", "scheduled_charges_on_usage_invoices", "billing_provider", "delivery_method", "aliases", "created_at", "created_by", "archived_at", "updated_at", "environment_type", "snapshot_id", "metadata", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
        FIRST_VALUE("snapshot_id") OVER (PARTITION BY "environment_type" ORDER BY "_mtx_transferred_at" DESC NULLS LAST, "snapshot_id" DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "_mtx_latest_snapshot"
      FROM "metronome"."packages"
      WHERE "snapshot_id" IS NOT NULL AND "id" IS NOT NULL
    ) AS "_mtx_snapshots"
    WHERE "snapshot_id" = "_mtx_latest_snapshot"
  ) AS "_mtx_latest"
) AS "_mtx_ranked"
WHERE "_mtx_row" = 1;

-- model current_payment
CREATE OR REPLACE VIEW "metronome"."current_payment" AS
SELECT "id", "invoice_id", "customer_id", "contract_id", "environment_type", "amount", "amount_paid", "credit_type_id", "credit_type_name", "status", "error_message", "payment_gateway", "created_at", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "id", "invoice_id", "customer_id", "contract_id", "environment_type", "amount", "amount_paid", "credit_type_id", "credit_type_name", "status", "error_message", "payment_gateway", "created_at", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
    ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) AS "_mtx_row"
  FROM "metronome"."payment"
  WHERE "id" IS NOT NULL
) AS "_mtx_ranked"
WHERE "_mtx_row" = 1;

-- model current_product
CREATE OR REPLACE VIEW "metronome"."current_product" AS
SELECT "id", "name", "description", "custom_fields", "created_at", "environment_type", "deprecated_at", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at"
FROM (
  SELECT "id", "name", "description", "custom_fields", "created_at", "environment_type", "deprecated_at", "updated_at", "_mtx_source_file", "_mtx_transferred_at", "_mtx_loaded_at",
    ROW_NUMBER() OVER (PARTITION BY "id", "environment_type" ORDER BY "updated_at" DESC NULLS LAST, "_mtx_transferred_at" DESC NULLS LAST, "_mtx_source_file" DESC NULLS LAST, "_mtx_loaded_at" DESC NULLS LAST) AS "_mtx_row"
  FROM "metronome"."product"
  WHERE "id" IS NOT NULL
) AS "_mtx_ranked"
WHERE "_mtx_row" = 1;

