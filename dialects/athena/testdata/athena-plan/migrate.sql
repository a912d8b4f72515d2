-- migration lock
CREATE TABLE `metronome`.`mtx_migration_lock` (`owner` string, `beat` bigint) LOCATION 's3://lake/mtx/metronome/mtx_migration_lock/' TBLPROPERTIES ('table_type' = 'ICEBERG');

-- migration lock
INSERT INTO "metronome"."mtx_migration_lock" ("owner", "beat") VALUES ('host:1:abcd', 0);

-- migration lock
SELECT MAX("owner"), COUNT(*) FROM "metronome"."mtx_migration_lock";

-- migration lock
DROP TABLE `metronome`.`mtx_migration_lock`;

-- migration lock
DROP TABLE IF EXISTS `metronome`.`mtx_migration_lock`;

-- introspection
SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'metronome' ORDER BY table_name, ordinal_position;

-- goose version table
CREATE TABLE `metronome`.`goose_db_version` (`version_id` bigint, `is_applied` boolean, `tstamp` timestamp) LOCATION 's3://lake/mtx/metronome/goose_db_version/' TBLPROPERTIES ('table_type' = 'ICEBERG');

-- goose version table
INSERT INTO metronome.goose_db_version (version_id, is_applied, tstamp) VALUES (?, ?, CAST(current_timestamp AT TIME ZONE 'UTC' AS timestamp(6)));

-- goose version table
DELETE FROM metronome.goose_db_version WHERE version_id = ?;

-- goose version table
SELECT tstamp, is_applied FROM metronome.goose_db_version WHERE version_id = ? ORDER BY tstamp DESC LIMIT 1;

-- goose version table
SELECT MAX(version_id) FROM metronome.goose_db_version;

-- goose version table
SELECT version_id, is_applied FROM metronome.goose_db_version ORDER BY tstamp DESC, version_id DESC;

-- version 1 up
CREATE DATABASE IF NOT EXISTS `metronome`;

-- version 1 up
CREATE TABLE `metronome`.`alert` (
  `id` string,
  `name` string,
  `alert_type` string,
  `threshold` decimal(38,9),
  `webhooks_enabled` boolean,
  `environment_type` string,
  `created_at` timestamp,
  `disabled_at` timestamp,
  `updated_at` timestamp,
  `_mtx_source_file` string,
  `_mtx_transferred_at` timestamp,
  `_mtx_loaded_at` timestamp
)
LOCATION 's3://lake/mtx/metronome/alert/'
TBLPROPERTIES ('table_type' = 'ICEBERG');

-- version 1 up
CREATE TABLE `metronome`.`billable_metric` (
  `id` string,
  `aggregate` string,
  `aggregate_keys` string,
  `environment_type` string,
  `group_keys` string,
  `name` string,
  `created_at` timestamp,
  `archived_at` timestamp,
  `updated_at` timestamp,
  `_mtx_source_file` string,
  `_mtx_transferred_at` timestamp,
  `_mtx_loaded_at` timestamp
)
LOCATION 's3://lake/mtx/metronome/billable_metric/'
TBLPROPERTIES ('table_type' = 'ICEBERG');

-- version 1 up
CREATE TABLE `metronome`.`credit_grant` (
  `id` string,
  `customer_id` string,
  `name` string,
  `invoice_id` string,
  `priority` decimal(38,9),
  `reason` string,
  `amount_granted` decimal(38,9),
  `amount_granted_credit_type_id` string,
  `amount_paid` decimal(38,9),
  `amount_paid_credit_type_id` string,
  `custom_fields` string,
  `product_ids` string,
  `environment_type` string,
  `created_at` timestamp,
  `updated_at` timestamp,
  `effective_at` timestamp,
  `expires_at` timestamp,
  `voided_at` timestamp,
  `credit_grant_type` string,
  `_mtx_source_file` string,
  `_mtx_transferred_at` timestamp,
  `_mtx_loaded_at` timestamp
)
LOCATION 's3://lake/mtx/metronome/credit_grant/'
TBLPROPERTIES ('table_type' = 'ICEBERG');

-- version 1 up
CREATE TABLE `metronome`.`credit_grant_deduction` (
  `id` string,
  `credit_grant_id` string,
  `amount` decimal(38,9),
  `memo` string,
  `invoice_id` string,
  `effective_at` timestamp,
  `updated_at` timestamp,
  `_mtx_source_file` string,
  `_mtx_transferred_at` timestamp,
  `_mtx_loaded_at` timestamp
)
LOCATION 's3://lake/mtx/metronome/credit_grant_deduction/'
TBLPROPERTIES ('table_type' = 'ICEBERG');

-- version 1 up
CREATE TABLE `metronome`.`credit_type` (
  `id` string,
  `name` string,
  `is_currency` boolean,
  `environment_type` string,
  `updated_at` timestamp,
  `_metronome_metadata_id` string,
  `_mtx_source_file` string,
  `_mtx_transferred_at` timestamp,
  `_mtx_loaded_at` timestamp
)
LOCATION 's3://lake/mtx/metronome/credit_type/'
TBLPROPERTIES ('table_type' = 'ICEBERG');

-- version 1 up
CREATE TABLE `metronome`.`customer_alert_history` (
  `id` string,
  `customer_id` string,
  `alert_id` string,
  `alert_status` string,
  `additional_data` string,
  `environment_type` string,
  `created_at` timestamp,
  `_mtx_source_file` string,
  `_mtx_transferred_at` timestamp,
  `_mtx_loaded_at` timestamp
)
LOCATION 's3://lake/mtx/metronome/customer_alert_history/'
TBLPROPERTIES ('table_type' = 'ICEBERG');

-- version 1 up
CREATE TABLE `metronome`.`customer` (
  `id` string,
  `name` string,
  `ingest_aliases` string,
  `salesforce_account_id` string,
  `billing_provider_type` string,
  `billing_provider_customer_id` string,
  `custom_fields` string,
  `environment_type` string,
  `created_at` timestamp,
  `updated_at` timestamp,
  `archived_at` timestamp,
  `_mtx_source_file` string,
  `_mtx_transferred_at` timestamp,
  `_mtx_loaded_at` timestamp
)
LOCATION 's3://lake/mtx/metronome/customer/'
TBLPROPERTIES ('table_type' = 'ICEBERG');

-- version 1 up
CREATE TABLE `metronome`.`customer_plan` (
  `id` string,
  `customer_id` string,
  `plan_id` string,
  `plan_name` string,
  `starting_on` timestamp,
  `ending_before` timestamp,
  `net_payment_term_days` decimal(38,9),
  `custom_fields` string,
  `created_at` timestamp,
  `updated_at` timestamp,
  `deleted_at` timestamp,
  `_mtx_source_file` string,
  `_mtx_transferred_at` timestamp,
  `_mtx_loaded_at` timestamp
)
LOCATION 's3://lake/mtx/metronome/customer_plan/'
TBLPROPERTIES ('table_type' = 'ICEBERG');

-- version 1 up
CREATE TABLE `metronome`.`draft_invoice` (
  `_metronome_metadata_id` string,
  `id` string,
  `status` string,
  `total` decimal(38,9),
  `credit_type_id` string,
  `credit_type_name` string,
  `customer_id` string,
  `plan_id` string,
  `plan_name` string,
  `start_timestamp` timestamp,
  `end_timestamp` timestamp,
  `billing_provider_invoice_id` string,
  `billing_provider_invoice_created_at` timestamp,
  `environment_type` string,
  `updated_at` timestamp,
  `snapshot_time` timestamp,
  `label` string,
  `_mtx_source_file` string,
  `_mtx_transferred_at` timestamp,
  `_mtx_loaded_at` timestamp
)
LOCATION 's3://lake/mtx/metronome/draft_invoice/'
TBLPROPERTIES ('table_type' = 'ICEBERG');

-- version 1 up
CREATE TABLE `metronome`.`draft_line_item` (
  `_metronome_metadata_id` string,
  `id` string,
  `invoice_id` string,
  `credit_grant_id` string,
  `credit_type_id` string,
  `credit_type_name` string,
  `name` string,
  `quantity` decimal(38,9),
  `total` decimal(38,9),
  `commit_id` string,
  `product_id` string,
  `group_key` string,
  `group_value` string,
  `is_prorated` boolean,
  `updated_at` timestamp,
  `snapshot_time` timestamp,
  `_mtx_source_file` string,
  `_mtx_transferred_at` timestamp,
  `_mtx_loaded_at` timestamp
)
LOCATION 's3://lake/mtx/metronome/draft_line_item/'
TBLPROPERTIES ('table_type' = 'ICEBERG');

-- version 1 up
CREATE TABLE `metronome`.`draft_sub_line_item` (
  `_metronome_metadata_id` string,
  `id` string,
  `line_item_id` string,
  `name` string,
  `quantity` decimal(38,9),
  `subtotal` decimal(38,9),
  `charge_id` string,
  `is_prorated` boolean,
  `billable_metric_id` string,
  `billable_metric_name` string,
  `tiers` string,
  `updated_at` timestamp,
  `snapshot_time` timestamp,
  `_mtx_source_file` string,
  `_mtx_transferred_at` timestamp,
  `_mtx_loaded_at` timestamp
)
LOCATION 's3://lake/mtx/metronome/draft_sub_line_item/'
TBLPROPERTIES ('table_type' = 'ICEBERG');

-- version 1 up
CREATE TABLE `metronome`.`events` (
  `transaction_id` string,
  `customer_id` string,
  `timestamp` timestamp,
  `event_type` string,
  `properties` string,
  `environment_type` string,
  `_metronome_metadata_id` string,
  `_mtx_source_file` string,
  `_mtx_transferred_at` timestamp,
  `_mtx_loaded_at` timestamp
)
LOCATION 's3://lake/mtx/metronome/events/'
TBLPROPERTIES ('table_type' = 'ICEBERG');

-- version 1 up
CREATE TABLE `metronome`.`invoice` (
  `id` string,
  `status` string,
  `total` decimal(38,9),
  `credit_type_id` string,
  `credit_type_name` string,
  `customer_id` string,
  `plan_id` string,
  `plan_name` string,
  `start_timestamp` timestamp,
  `end_timestamp` timestamp,
  `billing_provider_invoice_id` string,
  `billing_provider_type` string,
  `billing_provider_invoice_created_at` timestamp,
  `billing_provider_invoice_external_status` string,
  `invoice_label` string,
  `issued_at` timestamp,
  `metadata` string,
  `environment_type` string,
  `updated_at` timestamp,
  `_mtx_source_file` string,
  `_mtx_transferred_at` timestamp,
  `_mtx_loaded_at` timestamp
)
LOCATION 's3://lake/mtx/metronome/invoice/'
TBLPROPERTIES ('table_type' = 'ICEBERG');

-- version 1 up
CREATE TABLE `metronome`.`invoice_corrections` (
  `id` string,
  `invoice_id` string,
  `base_invoice_id` string,
  `reason` string,
  `memo` string,
  `sequence_number` string,
  `environment_type` string,
  `created_at` timestamp,
  `_mtx_source_file` string,
  `_mtx_transferred_at` timestamp,
  `_mtx_loaded_at` timestamp
)
LOCATION 's3://lake/mtx/metronome/invoice_corrections/'
TBLPROPERTIES ('table_type' = 'ICEBERG');

-- version 1 up
CREATE TABLE `metronome`.`line_item` (
  `id` string,
  `invoice_id` string,
  `credit_grant_id` string,
  `credit_type_id` string,
  `credit_type_name` string,
  `name` string,
  `quantity` decimal(38,9),
  `total` decimal(38,9),
  `commit_id` string,
  `product_id` string,
  `group_key` string,
  `group_value` string,
  `unit_price` decimal(38,9),
  `starting_on` timestamp,
  `ending_before` timestamp,
  `pricing_group_values` string,
  `metadata` string,
  `updated_at` timestamp,
  `_mtx_source_file` string,
  `_mtx_transferred_at` timestamp,
  `_mtx_loaded_at` timestamp
)
LOCATION 's3://lake/mtx/metronome/line_item/'
TBLPROPERTIES ('table_type' = 'ICEBERG');

-- version 1 up
CREATE TABLE `metronome`.`sub_line_item` (
  `id` string,
  `line_item_id` string,
  `name` string,
  `quantity` decimal(38,9),
  `subtotal` decimal(38,9),
  `charge_id` string,
  `billable_metric_id` string,
  `billable_metric_name` string,
  `tiers` string,
  `updated_at` timestamp,
  `_mtx_source_file` string,
  `_mtx_transferred_at` timestamp,
  `_mtx_loaded_at` timestamp
)
LOCATION 's3://lake/mtx/metronome/sub_line_item/'
TBLPROPERTIES ('table_type' = 'ICEBERG');

-- version 1 up
CREATE TABLE `metronome`.`plan_charge` (
  `id` string,
  `charge_id` string,
  `name` string,
  `plan_id` string,
  `product_id` string,
  `product_name` string,
  `billable_metric_id` string,
  `billable_metric_name` string,
  `start_period` decimal(38,9),
  `credit_type_id` string,
  `credit_type_name` string,
  `charge_type` string,
  `quantity` decimal(38,9),
  `environment_type` string,
  `prices` string,
  `custom_fields` string,
  `updated_at` timestamp,
  `_mtx_source_file` string,
  `_mtx_transferred_at` timestamp,
  `_mtx_loaded_at` timestamp
)
LOCATION 's3://lake/mtx/metronome/plan_charge/'
TBLPROPERTIES ('table_type' = 'ICEBERG');

-- version 1 up
CREATE TABLE `metronome`.`plan` (
  `id` string,
  `name` string,
  `description` string,
  `billing_frequency` string,
  `starting_on` timestamp,
  `custom_fields` string,
  `environment_type` string,
  `created_at` timestamp,
  `deprecated_at` timestamp,
  `updated_at` timestamp,
  `_mtx_source_file` string,
  `_mtx_transferred_at` timestamp,
  `_mtx_loaded_at` timestamp
)
LOCATION 's3://lake/mtx/metronome/plan/'
TBLPROPERTIES ('table_type' = 'ICEBERG');

-- version 1 up
CREATE TABLE `metronome`.`product` (
  `id` string,
  `name` string,
  `description` string,
  `custom_fields` string,
  `created_at` timestamp,
  `environment_type` string,
  `deprecated_at` timestamp,
  `updated_at` timestamp,
  `_mtx_source_file` string,
  `_mtx_transferred_at` timestamp,
  `_mtx_loaded_at` timestamp
)
LOCATION 's3://lake/mtx/metronome/product/'
TBLPROPERTIES ('table_type' = 'ICEBERG');

-- version 1 down
DROP TABLE IF EXISTS `metronome`.`product`;

-- version 1 down
DROP TABLE IF EXISTS `metronome`.`plan`;

-- version 1 down
DROP TABLE IF EXISTS `metronome`.`plan_charge`;

-- version 1 down
DROP TABLE IF EXISTS `metronome`.`sub_line_item`;

-- version 1 down
DROP TABLE IF EXISTS `metronome`.`line_item`;

-- version 1 down
DROP TABLE IF EXISTS `metronome`.`invoice_corrections`;

-- version 1 down
DROP TABLE IF EXISTS `metronome`.`invoice`;

-- version 1 down
DROP TABLE IF EXISTS `metronome`.`events`;

-- version 1 down
DROP TABLE IF EXISTS `metronome`.`draft_sub_line_item`;

-- version 1 down
DROP TABLE IF EXISTS `metronome`.`draft_line_item`;

-- version 1 down
DROP TABLE IF EXISTS `metronome`.`draft_invoice`;

-- version 1 down
DROP TABLE IF EXISTS `metronome`.`customer_plan`;

-- version 1 down
DROP TABLE IF EXISTS `metronome`.`customer`;

-- version 1 down
DROP TABLE IF EXISTS `metronome`.`customer_alert_history`;

-- version 1 down
DROP TABLE IF EXISTS `metronome`.`credit_type`;

-- version 1 down
DROP TABLE IF EXISTS `metronome`.`credit_grant_deduction`;

-- version 1 down
DROP TABLE IF EXISTS `metronome`.`credit_grant`;

-- version 1 down
DROP TABLE IF EXISTS `metronome`.`billable_metric`;

-- version 1 down
DROP TABLE IF EXISTS `metronome`.`alert`;

-- version 2 up
ALTER TABLE `metronome`.`events` ADD COLUMNS (`updated_at` timestamp);

-- version 2 up
ALTER TABLE `metronome`.`invoice` ADD COLUMNS (`contract_id` string);

-- version 2 up
ALTER TABLE `metronome`.`line_item` ADD COLUMNS (`environment_type` string);

-- version 2 up
ALTER TABLE `metronome`.`line_item` ADD COLUMNS (`subscription_id` string);

-- version 2 up
ALTER TABLE `metronome`.`line_item` ADD COLUMNS (`is_prorated` boolean);

-- version 2 up
ALTER TABLE `metronome`.`line_item` ADD COLUMNS (`starting_at` timestamp);

-- version 2 up
ALTER TABLE `metronome`.`draft_invoice` ADD COLUMNS (`contract_id` string);

-- version 2 up
ALTER TABLE `metronome`.`draft_invoice` ADD COLUMNS (`billable_status` string);

-- version 2 up
ALTER TABLE `metronome`.`draft_line_item` ADD COLUMNS (`environment_type` string);

-- version 2 up
ALTER TABLE `metronome`.`draft_line_item` ADD COLUMNS (`unit_price` decimal(38,9));

-- version 2 up
ALTER TABLE `metronome`.`draft_line_item` ADD COLUMNS (`pricing_group_values` string);

-- version 2 up
ALTER TABLE `metronome`.`draft_line_item` ADD COLUMNS (`subscription_id` string);

-- version 2 up
ALTER TABLE `metronome`.`draft_line_item` ADD COLUMNS (`metadata` string);

-- version 2 up
ALTER TABLE `metronome`.`draft_line_item` ADD COLUMNS (`starting_at` timestamp);

-- version 2 up
ALTER TABLE `metronome`.`draft_line_item` ADD COLUMNS (`ending_before` timestamp);

-- version 2 up
ALTER TABLE `metronome`.`alert` ADD COLUMNS (`archived_at` timestamp);

-- version 2 up
ALTER TABLE `metronome`.`alert` ADD COLUMNS (`group_values` string);

-- version 2 up
ALTER TABLE `metronome`.`alert` ADD COLUMNS (`seat_filter` string);

-- version 2 up
CREATE TABLE `metronome`.`breakdowns_invoices` (
  `id` string,
  `environment_type` string,
  `snapshot_timestamp` timestamp,
  `invoice_id` string,
  `customer_id` string,
  `transfer_id` string,
  `credit_type_id` string,
  `net_payment_term_days` bigint,
  `credit_type_name` string,
  `subtotal` decimal(38,9),
  `total` decimal(38,9),
  `type` string,
  `external_invoice` string,
  `plan_id` string,
  `contract_id` string,
  `amendment_id` string,
  `custom_fields` string,
  `billable_status` string,
  `window_size` string,
  `metadata` string,
  `issued_at` timestamp,
  `invoice_start_timestamp` timestamp,
  `invoice_end_timestamp` timestamp,
  `breakdown_start_timestamp` timestamp,
  `breakdown_end_timestamp` timestamp,
  `updated_at` timestamp,
  `_mtx_source_file` string,
  `_mtx_transferred_at` timestamp,
  `_mtx_loaded_at` timestamp
)
LOCATION 's3://lake/mtx/metronome/breakdowns_invoices/'
TBLPROPERTIES ('table_type' = 'ICEBERG');

-- version 2 up
CREATE TABLE `metronome`.`breakdowns_line_items` (
  `id` string,
  `environment_type` string,
  `snapshot_timestamp` timestamp,
  `watermark_timestamp` timestamp,
  `invoice_breakdown_id` string,
  `name` string,
  `transfer_id` string,
  `group_key` string,
  `group_value` string,
  `quantity` decimal(38,9),
  `total` decimal(38,9),
  `unit_price` decimal(38,9),
  `product_id` string,
  `product_type` string,
  `credit_type_id` string,
  `credit_type_name` string,
  `commit_id` string,
  `commit_segment_id` string,
  `commit_type` string,
  `subscription_id` string,
  `is_prorated` boolean,
  `line_item_id` string,
  `line_item_type` string,
  `custom_fields` string,
  `pricing_group_values` string,
  `presentation_group_values` string,
  `billable_metric_id` string,
  `metadata` string,
  `breakdown_start_timestamp` timestamp,
  `breakdown_end_timestamp` timestamp,
  `updated_at` timestamp,
  `_mtx_source_file` string,
  `_mtx_transferred_at` timestamp,
  `_mtx_loaded_at` timestamp
)
LOCATION 's3://lake/mtx/metronome/breakdowns_line_items/'
TBLPROPERTIES ('table_type' = 'ICEBERG');

-- version 2 up
CREATE TABLE `metronome`.`breakdowns_draft_invoices` (
  `id` string,
  `environment_type` string,
  `snapshot_timestamp` timestamp,
  `invoice_id` string,
  `customer_id` string,
  `transfer_id` string,
  `credit_type_id` string,
  `net_payment_term_days` bigint,
  `credit_type_name` string,
  `subtotal` decimal(38,9),
  `total` decimal(38,9),
  `type` string,
  `external_invoice` string,
  `plan_id` string,
  `contract_id` string,
  `amendment_id` string,
  `custom_fields` string,
  `billable_status` string,
  `window_size` string,
  `metadata` string,
  `issued_at` timestamp,
  `invoice_start_timestamp` timestamp,
  `invoice_end_timestamp` timestamp,
  `breakdown_start_timestamp` timestamp,
  `breakdown_end_timestamp` timestamp,
  `updated_at` timestamp,
  `_mtx_source_file` string,
  `_mtx_transferred_at` timestamp,
  `_mtx_loaded_at` timestamp
)
LOCATION 's3://lake/mtx/metronome/breakdowns_draft_invoices/'
TBLPROPERTIES ('table_type' = 'ICEBERG');

-- version 2 up
CREATE TABLE `metronome`.`breakdowns_draft_line_items` (
  `id` string,
  `environment_type` string,
  `snapshot_timestamp` timestamp,
  `watermark_timestamp` timestamp,
  `invoice_breakdown_id` string,
  `name` string,
  `transfer_id` string,
  `group_key` string,
  `group_value` string,
  `quantity` decimal(38,9),
  `total` decimal(38,9),
  `unit_price` decimal(38,9),
  `product_id` string,
  `product_type` string,
  `credit_type_id` string,
  `credit_type_name` string,
  `commit_id` string,
  `commit_segment_id` string,
  `commit_type` string,
  `subscription_id` string,
  `is_prorated` boolean,
  `line_item_id` string,
  `line_item_type` string,
  `custom_fields` string,
  `pricing_group_values` string,
  `presentation_group_values` string,
  `billable_metric_id` string,
  `metadata` string,
  `breakdown_start_timestamp` timestamp,
  `breakdown_end_timestamp` timestamp,
  `updated_at` timestamp,
  `_mtx_source_file` string,
  `_mtx_transferred_at` timestamp,
  `_mtx_loaded_at` timestamp
)
LOCATION 's3://lake/mtx/metronome/breakdowns_draft_line_items/'
TBLPROPERTIES ('table_type' = 'ICEBERG');

-- version 2 up
CREATE TABLE `metronome`.`contracts_contracts` (
  `id` string,
  `environment_type` string,
  `snapshot_id` string,
  `name` string,
  `customer_id` string,
  `package_id` string,
  `rate_card_id` string,
  `starting_at` timestamp,
  `ending_before` timestamp,
  `archived_at` timestamp,
  `multiplier_override_prioritization` string,
  `net_payment_terms_days` bigint,
  `usage_statement_schedule_frequency` string,
  `scheduled_charges_on_usage_invoices` string,
  `metadata` string,
  `created_at` timestamp,
  `created_by` string,
  `updated_at` timestamp,
  `_mtx_source_file` string,
  `_mtx_transferred_at` timestamp,
  `_mtx_loaded_at` timestamp
)
LOCATION 's3://lake/mtx/metronome/contracts_contracts/'
TBLPROPERTIES ('table_type' = 'ICEBERG');

-- version 2 up
CREATE TABLE `metronome`.`contracts_commits` (
  `id` string,
  `environment_type` string,
  `snapshot_id` string,
  `contract_id` string,
  `amendment_id` string,
  `type` string,
  `name` string,
  `priority` double,
  `description` string,
  `product_id` string,
  `amount` double,
  `access_schedule` string,
  `invoice_schedule` string,
  `rollover_fraction` double,
  `rate_type` string,
  `applicable_product_ids` string,
  `applicable_product_tags` string,
  `specifiers` string,
  `ledger` string,
  `rolled_over_from_commit_id` string,
  `rolled_over_from_contract_id` string,
  `recurring_commit_id` string,
  `metadata` string,
  `balance` double,
  `updated_at` timestamp,
  `_mtx_source_file` string,
  `_mtx_transferred_at` timestamp,
  `_mtx_loaded_at` timestamp
)
LOCATION 's3://lake/mtx/metronome/contracts_commits/'
TBLPROPERTIES ('table_type' = 'ICEBERG');

-- version 2 up
CREATE TABLE `metronome`.`contracts_balances` (
  `id` string,
  `environment_type` string,
  `snapshot_id` string,
  `customer_id` string,
  `contract_id` string,
  `amendment_id` string,
  `type` string,
  `name` string,
  `priority` double,
  `description` string,
  `product_id` string,
  `access_schedule` string,
  `invoice_schedule` string,
  `rollover_fraction` double,
  `rate_type` string,
  `applicable_product_ids` string,
  `applicable_product_tags` string,
  `specifiers` string,
  `applicable_contract_ids` string,
  `invoice_contract_id` string,
  `ledger` string,
  `rolled_over_from_commit_id` string,
  `rolled_over_from_contract_id` string,
  `recurring_commit_id` string,
  `metadata` string,
  `balance` double,
  `updated_at` timestamp,
  `_mtx_source_file` string,
  `_mtx_transferred_at` timestamp,
  `_mtx_loaded_at` timestamp
)
LOCATION 's3://lake/mtx/metronome/contracts_balances/'
TBLPROPERTIES ('table_type' = 'ICEBERG');

-- version 2 up
CREATE TABLE `metronome`.`contracts_recurring_commits_and_credits` (
  `id` string,
  `environment_type` string,
  `snapshot_id` string,
  `contract_id` string,
  `customer_id` string,
  `type` string,
  `name` string,
  `priority` double,
  `description` string,
  `product_id` string,
  `access_amount` string,
  `invoice_amount` string,
  `rollover_fraction` double,
  `rate_type` string,
  `applicable_product_ids` string,
  `applicable_product_tags` string,
  `specifiers` string,
  `commit_duration` string,
  `proration` string,
  `recurrence_frequency` string,
  `metadata` string,
  `subscription_config` string,
  `starting_at` timestamp,
  `ending_before` timestamp,
  `updated_at` timestamp,
  `_mtx_source_file` string,
  `_mtx_transferred_at` timestamp,
  `_mtx_loaded_at` timestamp
)
LOCATION 's3://lake/mtx/metronome/contracts_recurring_commits_and_credits/'
TBLPROPERTIES ('table_type' = 'ICEBERG');

-- version 2 up
CREATE TABLE `metronome`.`contracts_usage_filter_schedule` (
  `id` string,
  `contract_id` string,
  `starting_at` timestamp,
  `ending_before` timestamp,
  `group_key` string,
  `group_values` string,
  `metadata` string,
  `updated_at` timestamp,
  `_mtx_source_file` string,
  `_mtx_transferred_at` timestamp,
  `_mtx_loaded_at` timestamp
)
LOCATION 's3://lake/mtx/metronome/contracts_usage_filter_schedule/'
TBLPROPERTIES ('table_type' = 'ICEBERG');

-- version 2 up
CREATE TABLE `metronome`.`contracts_usage_filters` (
  `id` string,
  `environment_type` string,
  `snapshot_id` string,
  `contract_id` string,
  `version` bigint,
  `starting_at` timestamp,
  `group_key` string,
  `group_values` string,
  `metadata` string,
  `updated_at` timestamp,
  `_mtx_source_file` string,
  `_mtx_transferred_at` timestamp,
  `_mtx_loaded_at` timestamp
)
LOCATION 's3://lake/mtx/metronome/contracts_usage_filters/'
TBLPROPERTIES ('table_type' = 'ICEBERG');

-- version 2 up
CREATE TABLE `metronome`.`contracts_prepaid_balance_threshold_configurations` (
  `id` string,
  `environment_type` string,
  `snapshot_id` string,
  `contract_id` string,
  `enabled` boolean,
  `threshold_amount` double,
  `recharge_to_amount` double,
  `commit_name` string,
  `commit_description` string,
  `commit_product_id` string,
  `commit_applicable_product_ids` string,
  `commit_applicable_product_tags` string,
  `payment_gate_type` string,
  `tax_type` string,
  `stripe_payment_type` string,
  `metadata` string,
  `updated_at` timestamp,
  `_mtx_source_file` string,
  `_mtx_transferred_at` timestamp,
  `_mtx_loaded_at` timestamp
)
LOCATION 's3://lake/mtx/metronome/contracts_prepaid_balance_threshold_configurations/'
TBLPROPERTIES ('table_type' = 'ICEBERG');

-- version 2 up
CREATE TABLE `metronome`.`contracts_spend_threshold_configurations` (
  `id` string,
  `environment_type` string,
  `snapshot_id` string,
  `contract_id` string,
  `enabled` boolean,
  `threshold_amount` double,
  `commit_name` string,
  `commit_description` string,
  `commit_product_id` string,
  `payment_gate_type` string,
  `tax_type` string,
  `stripe_payment_type` string,
  `metadata` string,
  `updated_at` timestamp,
  `_mtx_source_file` string,
  `_mtx_transferred_at` timestamp,
  `_mtx_loaded_at` timestamp
)
LOCATION 's3://lake/mtx/metronome/contracts_spend_threshold_configurations/'
TBLPROPERTIES ('table_type' = 'ICEBERG');

-- version 2 up
CREATE TABLE `metronome`.`contracts_subscriptions` (
  `id` string,
  `environment_type` string,
  `snapshot_id` string,
  `customer_id` string,
  `contract_id` string,
  `product_id` string,
  `name` string,
  `description` string,
  `billing_frequency` string,
  `collection_schedule` string,
  `is_prorated` boolean,
  `invoice_behavior` string,
  `quantity_schedule` string,
  `fiat_credit_type_id` string,
  `metadata` string,
  `starting_at` timestamp,
  `ending_before` timestamp,
  `updated_at` timestamp,
  `_mtx_source_file` string,
  `_mtx_transferred_at` timestamp,
  `_mtx_loaded_at` timestamp
)
LOCATION 's3://lake/mtx/metronome/contracts_subscriptions/'
TBLPROPERTIES ('table_type' = 'ICEBERG');

-- version 2 up
CREATE TABLE `metronome`.`contracts_scheduled_charges` (
  `id` string,
  `environment_type` string,
  `snapshot_id` string,
  `contract_id` string,
  `amendment_id` string,
  `name` string,
  `description` string,
  `product_id` string,
  `credit_type_id` string,
  `credit_type_name` string,
  `schedule` string,
  `metadata` string,
  `updated_at` timestamp,
  `_mtx_source_file` string,
  `_mtx_transferred_at` timestamp,
  `_mtx_loaded_at` timestamp
)
LOCATION 's3://lake/mtx/metronome/contracts_scheduled_charges/'
TBLPROPERTIES ('table_type' = 'ICEBERG');

-- version 2 up
CREATE TABLE `metronome`.`contract_hierarchy_configurations` (
  `id` string,
  `contract_id` string,
  `parent_contract_id` string,
  `parent_customer_id` string,
  `child_info` string,
  `updated_at` timestamp,
  `metadata` string,
  `environment_type` string,
  `snapshot_id` string,
  `payer` string,
  `usage_statement_behavior` string,
  `invoice_consolidation_type` string,
  `_mtx_source_file` string,
  `_mtx_transferred_at` timestamp,
  `_mtx_loaded_at` timestamp
)
LOCATION 's3://lake/mtx/metronome/contract_hierarchy_configurations/'
TBLPROPERTIES ('table_type' = 'ICEBERG');

-- version 2 up
CREATE TABLE `metronome`.`contracts_overrides` (
  `id` string,
  `environment_type` string,
  `snapshot_id` string,
  `contract_id` string,
  `amendment_id` string,
  `product_id` string,
  `entitled` boolean,
  `rate_type` string,
  `multiplier` double,
  `priority` double,
  `new_rate` string,
  `credit_type_id` string,
  `credit_type_name` string,
  `applicable_product_tags` string,
  `override_specifiers` string,
  `target` string,
  `is_commit_specific` boolean,
  `metadata` string,
  `tiered_override` string,
  `starting_at` timestamp,
  `ending_before` timestamp,
  `created_at` timestamp,
  `updated_at` timestamp,
  `_mtx_source_file` string,
  `_mtx_transferred_at` timestamp,
  `_mtx_loaded_at` timestamp
)
LOCATION 's3://lake/mtx/metronome/contracts_overrides/'
TBLPROPERTIES ('table_type' = 'ICEBERG');

-- version 2 up
CREATE TABLE `metronome`.`contracts_transitions` (
  `id` string,
  `environment_type` string,
  `snapshot_id` string,
  `type` string,
  `contract_id` string,
  `from_contract_id` string,
  `to_contract_id` string,
  `date` timestamp,
  `metadata` string,
  `updated_at` timestamp,
  `_mtx_source_file` string,
  `_mtx_transferred_at` timestamp,
  `_mtx_loaded_at` timestamp
)
LOCATION 's3://lake/mtx/metronome/contracts_transitions/'
TBLPROPERTIES ('table_type' = 'ICEBERG');

-- version 2 up
CREATE TABLE `metronome`.`contracts_edits` (
  `id` string,
  `contract_id` string,
  `timestamp` timestamp,
  `edits` string,
  `metadata` string,
  `environment_type` string,
  `created_by` string,
  `updated_at` timestamp,
  `snapshot_id` string,
  `_mtx_source_file` string,
  `_mtx_transferred_at` timestamp,
  `_mtx_loaded_at` timestamp
)
LOCATION 's3://lake/mtx/metronome/contracts_edits/'
TBLPROPERTIES ('table_type' = 'ICEBERG');

-- version 2 up
CREATE TABLE `metronome`.`contracts_amendments` (
  `id` string,
  `environment_type` string,
  `snapshot_id` string,
  `contract_id` string,
  `effective_at` timestamp,
  `metadata` string,
  `created_at` timestamp,
  `created_by` string,
  `updated_at` timestamp,
  `_mtx_source_file` string,
  `_mtx_transferred_at` timestamp,
  `_mtx_loaded_at` timestamp
)
LOCATION 's3://lake/mtx/metronome/contracts_amendments/'
TBLPROPERTIES ('table_type' = 'ICEBERG');

-- version 2 up
CREATE TABLE `metronome`.`contracts_rate_cards` (
  `id` string,
  `environment_type` string,
  `snapshot_id` string,
  `credit_type_conversions` string,
  `metadata` string,
  `aliases` string,
  `fiat_credit_type_id` string,
  `fiat_credit_type_name` string,
  `description` string,
  `name` string,
  `created_by` string,
  `created_at` timestamp,
  `updated_at` timestamp,
  `archived_at` timestamp,
  `_mtx_source_file` string,
  `_mtx_transferred_at` timestamp,
  `_mtx_loaded_at` timestamp
)
LOCATION 's3://lake/mtx/metronome/contracts_rate_cards/'
TBLPROPERTIES ('table_type' = 'ICEBERG');

-- version 2 up
CREATE TABLE `metronome`.`contracts_rate_card_entries` (
  `id` string,
  `environment_type` string,
  `rate_card_id` string,
  `product_id` string,
  `version` bigint,
  `entitled` boolean,
  `rate` string,
  `commit_rate` string,
  `product_order` bigint,
  `pricing_group_values` string,
  `snapshot_id` string,
  `metadata` string,
  `credit_type_id` string,
  `credit_type_name` string,
  `billing_frequency` string,
  `starting_at` timestamp,
  `ending_before` timestamp,
  `updated_at` timestamp,
  `_mtx_source_file` string,
  `_mtx_transferred_at` timestamp,
  `_mtx_loaded_at` timestamp
)
LOCATION 's3://lake/mtx/metronome/contracts_rate_card_entries/'
TBLPROPERTIES ('table_type' = 'ICEBERG');

-- version 2 up
CREATE TABLE `metronome`.`contracts_product_list_item_versions` (
  `id` string,
  `environment_type` string,
  `snapshot_id` string,
  `product_list_item_id` string,
  `type` string,
  `version` bigint,
  `name` string,
  `is_refundable` boolean,
  `billable_metric_id` string,
  `composite_product_ids` string,
  `composite_scope` string,
  `tags` string,
  `composite_tags` string,
  `quantity_conversion` string,
  `quantity_rounding` string,
  `pricing_group_key` string,
  `presentation_group_key` string,
  `metadata` string,
  `starting_at` timestamp,
  `created_at` timestamp,
  `created_by` string,
  `updated_at` timestamp,
  `_mtx_source_file` string,
  `_mtx_transferred_at` timestamp,
  `_mtx_loaded_at` timestamp
)
LOCATION 's3://lake/mtx/metronome/contracts_product_list_item_versions/'
TBLPROPERTIES ('table_type' = 'ICEBERG');

-- version 2 up
CREATE TABLE `metronome`.`packages` (
  `id` string,
  `name` string,
  `rate_card_id` string,
  `duration_unit` string,
  `duration_value` bigint,
  `multiplier_override_prioritization` string,
  `net_payment_terms_days` bigint,
  `usage_statement_schedule_frequency` string,
  `scheduled_charges_on_usage_invoices` string,
  `billing_provider` string,
  `delivery_method` string,
  `aliases` string,
  `created_at` timestamp,
  `created_by` string,
  `archived_at` timestamp,
  `updated_at` timestamp,
  `environment_type` string,
  `snapshot_id` string,
  `metadata` string,
  `_mtx_source_file` string,
  `_mtx_transferred_at` timestamp,
  `_mtx_loaded_at` timestamp
)
LOCATION 's3://lake/mtx/metronome/packages/'
TBLPROPERTIES ('table_type' = 'ICEBERG');

-- version 2 up
CREATE TABLE `metronome`.`payment` (
  `id` string,
  `invoice_id` string,
  `customer_id` string,
  `contract_id` string,
  `environment_type` string,
  `amount` decimal(38,9),
  `amount_paid` decimal(38,9),
  `credit_type_id` string,
  `credit_type_name` string,
  `status` string,
  `error_message` string,
  `payment_gateway` string,
  `created_at` timestamp,
  `updated_at` timestamp,
  `_mtx_source_file` string,
  `_mtx_transferred_at` timestamp,
  `_mtx_loaded_at` timestamp
)
LOCATION 's3://lake/mtx/metronome/payment/'
TBLPROPERTIES ('table_type' = 'ICEBERG');

-- version 2 down
DROP TABLE IF EXISTS `metronome`.`payment`;

-- version 2 down
DROP TABLE IF EXISTS `metronome`.`packages`;

-- version 2 down
DROP TABLE IF EXISTS `metronome`.`contracts_product_list_item_versions`;

-- version 2 down
DROP TABLE IF EXISTS `metronome`.`contracts_rate_card_entries`;

-- version 2 down
DROP TABLE IF EXISTS `metronome`.`contracts_rate_cards`;

-- version 2 down
DROP TABLE IF EXISTS `metronome`.`contracts_amendments`;

-- version 2 down
DROP TABLE IF EXISTS `metronome`.`contracts_edits`;

-- version 2 down
DROP TABLE IF EXISTS `metronome`.`contracts_transitions`;

-- version 2 down
DROP TABLE IF EXISTS `metronome`.`contracts_overrides`;

-- version 2 down
DROP TABLE IF EXISTS `metronome`.`contract_hierarchy_configurations`;

-- version 2 down
DROP TABLE IF EXISTS `metronome`.`contracts_scheduled_charges`;

-- version 2 down
DROP TABLE IF EXISTS `metronome`.`contracts_subscriptions`;

-- version 2 down
DROP TABLE IF EXISTS `metronome`.`contracts_spend_threshold_configurations`;

-- version 2 down
DROP TABLE IF EXISTS `metronome`.`contracts_prepaid_balance_threshold_configurations`;

-- version 2 down
DROP TABLE IF EXISTS `metronome`.`contracts_usage_filters`;

-- version 2 down
DROP TABLE IF EXISTS `metronome`.`contracts_usage_filter_schedule`;

-- version 2 down
DROP TABLE IF EXISTS `metronome`.`contracts_recurring_commits_and_credits`;

-- version 2 down
DROP TABLE IF EXISTS `metronome`.`contracts_balances`;

-- version 2 down
DROP TABLE IF EXISTS `metronome`.`contracts_commits`;

-- version 2 down
DROP TABLE IF EXISTS `metronome`.`contracts_contracts`;

-- version 2 down
DROP TABLE IF EXISTS `metronome`.`breakdowns_draft_line_items`;

-- version 2 down
DROP TABLE IF EXISTS `metronome`.`breakdowns_draft_invoices`;

-- version 2 down
DROP TABLE IF EXISTS `metronome`.`breakdowns_line_items`;

-- version 2 down
DROP TABLE IF EXISTS `metronome`.`breakdowns_invoices`;

-- version 2 down
ALTER TABLE `metronome`.`alert` DROP COLUMN `seat_filter`;

-- version 2 down
ALTER TABLE `metronome`.`alert` DROP COLUMN `group_values`;

-- version 2 down
ALTER TABLE `metronome`.`alert` DROP COLUMN `archived_at`;

-- version 2 down
ALTER TABLE `metronome`.`draft_line_item` DROP COLUMN `ending_before`;

-- version 2 down
ALTER TABLE `metronome`.`draft_line_item` DROP COLUMN `starting_at`;

-- version 2 down
ALTER TABLE `metronome`.`draft_line_item` DROP COLUMN `metadata`;

-- version 2 down
ALTER TABLE `metronome`.`draft_line_item` DROP COLUMN `subscription_id`;

-- version 2 down
ALTER TABLE `metronome`.`draft_line_item` DROP COLUMN `pricing_group_values`;

-- version 2 down
ALTER TABLE `metronome`.`draft_line_item` DROP COLUMN `unit_price`;

-- version 2 down
ALTER TABLE `metronome`.`draft_line_item` DROP COLUMN `environment_type`;

-- version 2 down
ALTER TABLE `metronome`.`draft_invoice` DROP COLUMN `billable_status`;

-- version 2 down
ALTER TABLE `metronome`.`draft_invoice` DROP COLUMN `contract_id`;

-- version 2 down
ALTER TABLE `metronome`.`line_item` DROP COLUMN `starting_at`;

-- version 2 down
ALTER TABLE `metronome`.`line_item` DROP COLUMN `is_prorated`;

-- version 2 down
ALTER TABLE `metronome`.`line_item` DROP COLUMN `subscription_id`;

-- version 2 down
ALTER TABLE `metronome`.`line_item` DROP COLUMN `environment_type`;

-- version 2 down
ALTER TABLE `metronome`.`invoice` DROP COLUMN `contract_id`;

-- version 2 down
ALTER TABLE `metronome`.`events` DROP COLUMN `updated_at`;

