CREATE DATABASE IF NOT EXISTS `metronome`;

CREATE TABLE IF NOT EXISTS `metronome`.`alert` (
  `id` Nullable(String),
  `name` Nullable(String),
  `alert_type` Nullable(String),
  `threshold` Nullable(Decimal(38, 9)),
  `webhooks_enabled` Nullable(Bool),
  `environment_type` Nullable(String),
  `created_at` Nullable(DateTime64(6, 'UTC')),
  `disabled_at` Nullable(DateTime64(6, 'UTC')),
  `updated_at` Nullable(DateTime64(6, 'UTC')),
  `archived_at` Nullable(DateTime64(6, 'UTC')),
  `group_values` Nullable(String),
  `seat_filter` Nullable(String),
  `_mtx_source_file` Nullable(String),
  `_mtx_transferred_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_loaded_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_version` DateTime64(6, 'UTC') MATERIALIZED coalesce(`updated_at`, toDateTime64(0, 6, 'UTC'))
)
ENGINE = ReplacingMergeTree(`_mtx_version`)
ORDER BY (`id`, `_mtx_transferred_at`, `_mtx_source_file`, `_mtx_loaded_at`)
SETTINGS allow_nullable_key = 1;

CREATE TABLE IF NOT EXISTS `metronome`.`billable_metric` (
  `id` Nullable(String),
  `aggregate` Nullable(String),
  `aggregate_keys` Nullable(String),
  `environment_type` Nullable(String),
  `group_keys` Nullable(String),
  `name` Nullable(String),
  `created_at` Nullable(DateTime64(6, 'UTC')),
  `archived_at` Nullable(DateTime64(6, 'UTC')),
  `updated_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_source_file` Nullable(String),
  `_mtx_transferred_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_loaded_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_version` DateTime64(6, 'UTC') MATERIALIZED coalesce(`updated_at`, toDateTime64(0, 6, 'UTC'))
)
ENGINE = ReplacingMergeTree(`_mtx_version`)
ORDER BY (`id`, `_mtx_transferred_at`, `_mtx_source_file`, `_mtx_loaded_at`)
SETTINGS allow_nullable_key = 1;

CREATE TABLE IF NOT EXISTS `metronome`.`credit_grant` (
  `id` Nullable(String),
  `customer_id` Nullable(String),
  `name` Nullable(String),
  `invoice_id` Nullable(String),
  `priority` Nullable(Decimal(38, 9)),
  `reason` Nullable(String),
  `amount_granted` Nullable(Decimal(38, 9)),
  `amount_granted_credit_type_id` Nullable(String),
  `amount_paid` Nullable(Decimal(38, 9)),
  `amount_paid_credit_type_id` Nullable(String),
  `custom_fields` Nullable(String),
  `product_ids` Nullable(String),
  `environment_type` Nullable(String),
  `created_at` Nullable(DateTime64(6, 'UTC')),
  `updated_at` Nullable(DateTime64(6, 'UTC')),
  `effective_at` Nullable(DateTime64(6, 'UTC')),
  `expires_at` Nullable(DateTime64(6, 'UTC')),
  `voided_at` Nullable(DateTime64(6, 'UTC')),
  `credit_grant_type` Nullable(String),
  `_mtx_source_file` Nullable(String),
  `_mtx_transferred_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_loaded_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_version` DateTime64(6, 'UTC') MATERIALIZED coalesce(`updated_at`, toDateTime64(0, 6, 'UTC'))
)
ENGINE = ReplacingMergeTree(`_mtx_version`)
ORDER BY (`id`, `_mtx_transferred_at`, `_mtx_source_file`, `_mtx_loaded_at`)
SETTINGS allow_nullable_key = 1;

CREATE TABLE IF NOT EXISTS `metronome`.`credit_grant_deduction` (
  `id` Nullable(String),
  `credit_grant_id` Nullable(String),
  `amount` Nullable(Decimal(38, 9)),
  `memo` Nullable(String),
  `invoice_id` Nullable(String),
  `effective_at` Nullable(DateTime64(6, 'UTC')),
  `updated_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_source_file` Nullable(String),
  `_mtx_transferred_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_loaded_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_version` DateTime64(6, 'UTC') MATERIALIZED coalesce(`updated_at`, toDateTime64(0, 6, 'UTC'))
)
ENGINE = ReplacingMergeTree(`_mtx_version`)
ORDER BY (`id`, `_mtx_transferred_at`, `_mtx_source_file`, `_mtx_loaded_at`)
SETTINGS allow_nullable_key = 1;

CREATE TABLE IF NOT EXISTS `metronome`.`credit_type` (
  `id` Nullable(String),
  `name` Nullable(String),
  `is_currency` Nullable(Bool),
  `environment_type` Nullable(String),
  `updated_at` Nullable(DateTime64(6, 'UTC')),
  `_metronome_metadata_id` Nullable(String),
  `_mtx_source_file` Nullable(String),
  `_mtx_transferred_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_loaded_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_version` DateTime64(6, 'UTC') MATERIALIZED coalesce(`updated_at`, toDateTime64(0, 6, 'UTC'))
)
ENGINE = ReplacingMergeTree(`_mtx_version`)
ORDER BY (`id`, `_mtx_transferred_at`, `_mtx_source_file`, `_mtx_loaded_at`)
SETTINGS allow_nullable_key = 1;

CREATE TABLE IF NOT EXISTS `metronome`.`customer_alert_history` (
  `id` Nullable(String),
  `customer_id` Nullable(String),
  `alert_id` Nullable(String),
  `alert_status` Nullable(String),
  `additional_data` Nullable(String),
  `environment_type` Nullable(String),
  `created_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_source_file` Nullable(String),
  `_mtx_transferred_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_loaded_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_version` DateTime64(6, 'UTC') MATERIALIZED coalesce(`created_at`, toDateTime64(0, 6, 'UTC'))
)
ENGINE = ReplacingMergeTree(`_mtx_version`)
ORDER BY (`id`, `_mtx_transferred_at`, `_mtx_source_file`, `_mtx_loaded_at`)
SETTINGS allow_nullable_key = 1;

CREATE TABLE IF NOT EXISTS `metronome`.`customer` (
  `id` Nullable(String),
  `name` Nullable(String),
  `ingest_aliases` Nullable(String),
  `salesforce_account_id` Nullable(String),
  `billing_provider_type` Nullable(String),
  `billing_provider_customer_id` Nullable(String),
  `custom_fields` Nullable(String),
  `environment_type` Nullable(String),
  `created_at` Nullable(DateTime64(6, 'UTC')),
  `updated_at` Nullable(DateTime64(6, 'UTC')),
  `archived_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_source_file` Nullable(String),
  `_mtx_transferred_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_loaded_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_version` DateTime64(6, 'UTC') MATERIALIZED coalesce(`updated_at`, toDateTime64(0, 6, 'UTC'))
)
ENGINE = ReplacingMergeTree(`_mtx_version`)
ORDER BY (`id`, `_mtx_transferred_at`, `_mtx_source_file`, `_mtx_loaded_at`)
SETTINGS allow_nullable_key = 1;

CREATE TABLE IF NOT EXISTS `metronome`.`customer_plan` (
  `id` Nullable(String),
  `customer_id` Nullable(String),
  `plan_id` Nullable(String),
  `plan_name` Nullable(String),
  `starting_on` Nullable(DateTime64(6, 'UTC')),
  `ending_before` Nullable(DateTime64(6, 'UTC')),
  `net_payment_term_days` Nullable(Decimal(38, 9)),
  `custom_fields` Nullable(String),
  `created_at` Nullable(DateTime64(6, 'UTC')),
  `updated_at` Nullable(DateTime64(6, 'UTC')),
  `deleted_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_source_file` Nullable(String),
  `_mtx_transferred_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_loaded_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_version` DateTime64(6, 'UTC') MATERIALIZED coalesce(`updated_at`, toDateTime64(0, 6, 'UTC'))
)
ENGINE = ReplacingMergeTree(`_mtx_version`)
ORDER BY (`id`, `_mtx_transferred_at`, `_mtx_source_file`, `_mtx_loaded_at`)
SETTINGS allow_nullable_key = 1;

CREATE TABLE IF NOT EXISTS `metronome`.`draft_invoice` (
  `_metronome_metadata_id` Nullable(String),
  `id` Nullable(String),
  `status` Nullable(String),
  `total` Nullable(Decimal(38, 9)),
  `credit_type_id` Nullable(String),
  `credit_type_name` Nullable(String),
  `customer_id` Nullable(String),
  `plan_id` Nullable(String),
  `plan_name` Nullable(String),
  `start_timestamp` Nullable(DateTime64(6, 'UTC')),
  `end_timestamp` Nullable(DateTime64(6, 'UTC')),
  `billing_provider_invoice_id` Nullable(String),
  `billing_provider_invoice_created_at` Nullable(DateTime64(6, 'UTC')),
  `environment_type` Nullable(String),
  `updated_at` Nullable(DateTime64(6, 'UTC')),
  `snapshot_time` Nullable(DateTime64(6, 'UTC')),
  `label` Nullable(String),
  `contract_id` Nullable(String),
  `billable_status` Nullable(String),
  `_mtx_source_file` Nullable(String),
  `_mtx_transferred_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_loaded_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_version` DateTime64(6, 'UTC') MATERIALIZED coalesce(`updated_at`, toDateTime64(0, 6, 'UTC'))
)
ENGINE = ReplacingMergeTree(`_mtx_version`)
ORDER BY (`snapshot_time`, `id`, `_mtx_transferred_at`, `_mtx_source_file`, `_mtx_loaded_at`)
SETTINGS allow_nullable_key = 1;

CREATE TABLE IF NOT EXISTS `metronome`.`draft_line_item` (
  `_metronome_metadata_id` Nullable(String),
  `id` Nullable(String),
  `invoice_id` Nullable(String),
  `credit_grant_id` Nullable(String),
  `credit_type_id` Nullable(String),
  `credit_type_name` Nullable(String),
  `name` Nullable(String),
  `quantity` Nullable(Decimal(38, 9)),
  `total` Nullable(Decimal(38, 9)),
  `commit_id` Nullable(String),
  `product_id` Nullable(String),
  `group_key` Nullable(String),
  `group_value` Nullable(String),
  `is_prorated` Nullable(Bool),
  `updated_at` Nullable(DateTime64(6, 'UTC')),
  `snapshot_time` Nullable(DateTime64(6, 'UTC')),
  `environment_type` Nullable(String),
  `unit_price` Nullable(Decimal(38, 9)),
  `pricing_group_values` Nullable(String),
  `subscription_id` Nullable(String),
  `metadata` Nullable(String),
  `starting_at` Nullable(DateTime64(6, 'UTC')),
  `ending_before` Nullable(DateTime64(6, 'UTC')),
  `_mtx_source_file` Nullable(String),
  `_mtx_transferred_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_loaded_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_version` DateTime64(6, 'UTC') MATERIALIZED coalesce(`updated_at`, toDateTime64(0, 6, 'UTC'))
)
ENGINE = ReplacingMergeTree(`_mtx_version`)
ORDER BY (`snapshot_time`, `id`, `_mtx_transferred_at`, `_mtx_source_file`, `_mtx_loaded_at`)
SETTINGS allow_nullable_key = 1;

CREATE TABLE IF NOT EXISTS `metronome`.`draft_sub_line_item` (
  `_metronome_metadata_id` Nullable(String),
  `id` Nullable(String),
  `line_item_id` Nullable(String),
  `name` Nullable(String),
  `quantity` Nullable(Decimal(38, 9)),
  `subtotal` Nullable(Decimal(38, 9)),
  `charge_id` Nullable(String),
  `is_prorated` Nullable(Bool),
  `billable_metric_id` Nullable(String),
  `billable_metric_name` Nullable(String),
  `tiers` Nullable(String),
  `updated_at` Nullable(DateTime64(6, 'UTC')),
  `snapshot_time` Nullable(DateTime64(6, 'UTC')),
  `_mtx_source_file` Nullable(String),
  `_mtx_transferred_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_loaded_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_version` DateTime64(6, 'UTC') MATERIALIZED coalesce(`updated_at`, toDateTime64(0, 6, 'UTC'))
)
ENGINE = ReplacingMergeTree(`_mtx_version`)
ORDER BY (`snapshot_time`, `id`, `_mtx_transferred_at`, `_mtx_source_file`, `_mtx_loaded_at`)
SETTINGS allow_nullable_key = 1;

CREATE TABLE IF NOT EXISTS `metronome`.`events` (
  `transaction_id` Nullable(String),
  `customer_id` Nullable(String),
  `timestamp` Nullable(DateTime64(6, 'UTC')),
  `event_type` Nullable(String),
  `properties` Nullable(String),
  `environment_type` Nullable(String),
  `_metronome_metadata_id` Nullable(String),
  `updated_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_source_file` Nullable(String),
  `_mtx_transferred_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_loaded_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_version` DateTime64(6, 'UTC') MATERIALIZED coalesce(`updated_at`, `timestamp`, toDateTime64(0, 6, 'UTC'))
)
ENGINE = ReplacingMergeTree(`_mtx_version`)
ORDER BY (`transaction_id`, `_mtx_transferred_at`, `_mtx_source_file`, `_mtx_loaded_at`)
SETTINGS allow_nullable_key = 1;

CREATE TABLE IF NOT EXISTS `metronome`.`invoice` (
  `id` Nullable(String),
  `status` Nullable(String),
  `total` Nullable(Decimal(38, 9)),
  `credit_type_id` Nullable(String),
  `credit_type_name` Nullable(String),
  `customer_id` Nullable(String),
  `plan_id` Nullable(String),
  `plan_name` Nullable(String),
  `start_timestamp` Nullable(DateTime64(6, 'UTC')),
  `end_timestamp` Nullable(DateTime64(6, 'UTC')),
  `billing_provider_invoice_id` Nullable(String),
  `billing_provider_type` Nullable(String),
  `billing_provider_invoice_created_at` Nullable(DateTime64(6, 'UTC')),
  `billing_provider_invoice_external_status` Nullable(String),
  `invoice_label` Nullable(String),
  `issued_at` Nullable(DateTime64(6, 'UTC')),
  `metadata` Nullable(String),
  `environment_type` Nullable(String),
  `updated_at` Nullable(DateTime64(6, 'UTC')),
  `contract_id` Nullable(String),
  `_mtx_source_file` Nullable(String),
  `_mtx_transferred_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_loaded_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_version` DateTime64(6, 'UTC') MATERIALIZED coalesce(`updated_at`, toDateTime64(0, 6, 'UTC'))
)
ENGINE = ReplacingMergeTree(`_mtx_version`)
ORDER BY (`id`, `_mtx_transferred_at`, `_mtx_source_file`, `_mtx_loaded_at`)
SETTINGS allow_nullable_key = 1;

CREATE TABLE IF NOT EXISTS `metronome`.`invoice_corrections` (
  `id` Nullable(String),
  `invoice_id` Nullable(String),
  `base_invoice_id` Nullable(String),
  `reason` Nullable(String),
  `memo` Nullable(String),
  `sequence_number` Nullable(String),
  `environment_type` Nullable(String),
  `created_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_source_file` Nullable(String),
  `_mtx_transferred_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_loaded_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_version` DateTime64(6, 'UTC') MATERIALIZED coalesce(`created_at`, toDateTime64(0, 6, 'UTC'))
)
ENGINE = ReplacingMergeTree(`_mtx_version`)
ORDER BY (`id`, `_mtx_transferred_at`, `_mtx_source_file`, `_mtx_loaded_at`)
SETTINGS allow_nullable_key = 1;

CREATE TABLE IF NOT EXISTS `metronome`.`line_item` (
  `id` Nullable(String),
  `invoice_id` Nullable(String),
  `credit_grant_id` Nullable(String),
  `credit_type_id` Nullable(String),
  `credit_type_name` Nullable(String),
  `name` Nullable(String),
  `quantity` Nullable(Decimal(38, 9)),
  `total` Nullable(Decimal(38, 9)),
  `commit_id` Nullable(String),
  `product_id` Nullable(String),
  `group_key` Nullable(String),
  `group_value` Nullable(String),
  `unit_price` Nullable(Decimal(38, 9)),
  `starting_on` Nullable(DateTime64(6, 'UTC')),
  `ending_before` Nullable(DateTime64(6, 'UTC')),
  `pricing_group_values` Nullable(String),
  `metadata` Nullable(String),
  `updated_at` Nullable(DateTime64(6, 'UTC')),
  `environment_type` Nullable(String),
  `subscription_id` Nullable(String),
  `is_prorated` Nullable(Bool),
  `starting_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_source_file` Nullable(String),
  `_mtx_transferred_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_loaded_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_version` DateTime64(6, 'UTC') MATERIALIZED coalesce(`updated_at`, toDateTime64(0, 6, 'UTC'))
)
ENGINE = ReplacingMergeTree(`_mtx_version`)
ORDER BY (`id`, `_mtx_transferred_at`, `_mtx_source_file`, `_mtx_loaded_at`)
SETTINGS allow_nullable_key = 1;

CREATE TABLE IF NOT EXISTS `metronome`.`sub_line_item` (
  `id` Nullable(String),
  `line_item_id` Nullable(String),
  `name` Nullable(String),
  `quantity` Nullable(Decimal(38, 9)),
  `subtotal` Nullable(Decimal(38, 9)),
  `charge_id` Nullable(String),
  `billable_metric_id` Nullable(String),
  `billable_metric_name` Nullable(String),
  `tiers` Nullable(String),
  `updated_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_source_file` Nullable(String),
  `_mtx_transferred_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_loaded_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_version` DateTime64(6, 'UTC') MATERIALIZED coalesce(`updated_at`, toDateTime64(0, 6, 'UTC'))
)
ENGINE = ReplacingMergeTree(`_mtx_version`)
ORDER BY (`id`, `_mtx_transferred_at`, `_mtx_source_file`, `_mtx_loaded_at`)
SETTINGS allow_nullable_key = 1;

CREATE TABLE IF NOT EXISTS `metronome`.`plan_charge` (
  `id` Nullable(String),
  `charge_id` Nullable(String),
  `name` Nullable(String),
  `plan_id` Nullable(String),
  `product_id` Nullable(String),
  `product_name` Nullable(String),
  `billable_metric_id` Nullable(String),
  `billable_metric_name` Nullable(String),
  `start_period` Nullable(Decimal(38, 9)),
  `credit_type_id` Nullable(String),
  `credit_type_name` Nullable(String),
  `charge_type` Nullable(String),
  `quantity` Nullable(Decimal(38, 9)),
  `environment_type` Nullable(String),
  `prices` Nullable(String),
  `custom_fields` Nullable(String),
  `updated_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_source_file` Nullable(String),
  `_mtx_transferred_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_loaded_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_version` DateTime64(6, 'UTC') MATERIALIZED coalesce(`updated_at`, toDateTime64(0, 6, 'UTC'))
)
ENGINE = ReplacingMergeTree(`_mtx_version`)
ORDER BY (`id`, `_mtx_transferred_at`, `_mtx_source_file`, `_mtx_loaded_at`)
SETTINGS allow_nullable_key = 1;

CREATE TABLE IF NOT EXISTS `metronome`.`plan` (
  `id` Nullable(String),
  `name` Nullable(String),
  `description` Nullable(String),
  `billing_frequency` Nullable(String),
  `starting_on` Nullable(DateTime64(6, 'UTC')),
  `custom_fields` Nullable(String),
  `environment_type` Nullable(String),
  `created_at` Nullable(DateTime64(6, 'UTC')),
  `deprecated_at` Nullable(DateTime64(6, 'UTC')),
  `updated_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_source_file` Nullable(String),
  `_mtx_transferred_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_loaded_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_version` DateTime64(6, 'UTC') MATERIALIZED coalesce(`updated_at`, toDateTime64(0, 6, 'UTC'))
)
ENGINE = ReplacingMergeTree(`_mtx_version`)
ORDER BY (`id`, `_mtx_transferred_at`, `_mtx_source_file`, `_mtx_loaded_at`)
SETTINGS allow_nullable_key = 1;

CREATE TABLE IF NOT EXISTS `metronome`.`product` (
  `id` Nullable(String),
  `name` Nullable(String),
  `description` Nullable(String),
  `custom_fields` Nullable(String),
  `created_at` Nullable(DateTime64(6, 'UTC')),
  `environment_type` Nullable(String),
  `deprecated_at` Nullable(DateTime64(6, 'UTC')),
  `updated_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_source_file` Nullable(String),
  `_mtx_transferred_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_loaded_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_version` DateTime64(6, 'UTC') MATERIALIZED coalesce(`updated_at`, toDateTime64(0, 6, 'UTC'))
)
ENGINE = ReplacingMergeTree(`_mtx_version`)
ORDER BY (`id`, `_mtx_transferred_at`, `_mtx_source_file`, `_mtx_loaded_at`)
SETTINGS allow_nullable_key = 1;

CREATE TABLE IF NOT EXISTS `metronome`.`breakdowns_invoices` (
  `id` Nullable(String),
  `environment_type` Nullable(String),
  `snapshot_timestamp` Nullable(DateTime64(6, 'UTC')),
  `invoice_id` Nullable(String),
  `customer_id` Nullable(String),
  `transfer_id` Nullable(String),
  `credit_type_id` Nullable(String),
  `net_payment_term_days` Nullable(Int64),
  `credit_type_name` Nullable(String),
  `subtotal` Nullable(Decimal(38, 9)),
  `total` Nullable(Decimal(38, 9)),
  `type` Nullable(String),
  `external_invoice` Nullable(String),
  `plan_id` Nullable(String),
  `contract_id` Nullable(String),
  `amendment_id` Nullable(String),
  `custom_fields` Nullable(String),
  `billable_status` Nullable(String),
  `window_size` Nullable(String),
  `metadata` Nullable(String),
  `issued_at` Nullable(DateTime64(6, 'UTC')),
  `invoice_start_timestamp` Nullable(DateTime64(6, 'UTC')),
  `invoice_end_timestamp` Nullable(DateTime64(6, 'UTC')),
  `breakdown_start_timestamp` Nullable(DateTime64(6, 'UTC')),
  `breakdown_end_timestamp` Nullable(DateTime64(6, 'UTC')),
  `updated_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_source_file` Nullable(String),
  `_mtx_transferred_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_loaded_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_version` DateTime64(6, 'UTC') MATERIALIZED coalesce(`updated_at`, toDateTime64(0, 6, 'UTC'))
)
ENGINE = ReplacingMergeTree(`_mtx_version`)
ORDER BY (`id`, `_mtx_transferred_at`, `_mtx_source_file`, `_mtx_loaded_at`)
SETTINGS allow_nullable_key = 1;

CREATE TABLE IF NOT EXISTS `metronome`.`breakdowns_line_items` (
  `id` Nullable(String),
  `environment_type` Nullable(String),
  `snapshot_timestamp` Nullable(DateTime64(6, 'UTC')),
  `watermark_timestamp` Nullable(DateTime64(6, 'UTC')),
  `invoice_breakdown_id` Nullable(String),
  `name` Nullable(String),
  `transfer_id` Nullable(String),
  `group_key` Nullable(String),
  `group_value` Nullable(String),
  `quantity` Nullable(Decimal(38, 9)),
  `total` Nullable(Decimal(38, 9)),
  `unit_price` Nullable(Decimal(38, 9)),
  `product_id` Nullable(String),
  `product_type` Nullable(String),
  `credit_type_id` Nullable(String),
  `credit_type_name` Nullable(String),
  `commit_id` Nullable(String),
  `commit_segment_id` Nullable(String),
  `commit_type` Nullable(String),
  `subscription_id` Nullable(String),
  `is_prorated` Nullable(Bool),
  `line_item_id` Nullable(String),
  `line_item_type` Nullable(String),
  `custom_fields` Nullable(String),
  `pricing_group_values` Nullable(String),
  `presentation_group_values` Nullable(String),
  `billable_metric_id` Nullable(String),
  `metadata` Nullable(String),
  `breakdown_start_timestamp` Nullable(DateTime64(6, 'UTC')),
  `breakdown_end_timestamp` Nullable(DateTime64(6, 'UTC')),
  `updated_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_source_file` Nullable(String),
  `_mtx_transferred_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_loaded_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_version` DateTime64(6, 'UTC') MATERIALIZED coalesce(`updated_at`, toDateTime64(0, 6, 'UTC'))
)
ENGINE = ReplacingMergeTree(`_mtx_version`)
ORDER BY (`id`, `_mtx_transferred_at`, `_mtx_source_file`, `_mtx_loaded_at`)
SETTINGS allow_nullable_key = 1;

CREATE TABLE IF NOT EXISTS `metronome`.`breakdowns_draft_invoices` (
  `id` Nullable(String),
  `environment_type` Nullable(String),
  `snapshot_timestamp` Nullable(DateTime64(6, 'UTC')),
  `invoice_id` Nullable(String),
  `customer_id` Nullable(String),
  `transfer_id` Nullable(String),
  `credit_type_id` Nullable(String),
  `net_payment_term_days` Nullable(Int64),
  `credit_type_name` Nullable(String),
  `subtotal` Nullable(Decimal(38, 9)),
  `total` Nullable(Decimal(38, 9)),
  `type` Nullable(String),
  `external_invoice` Nullable(String),
  `plan_id` Nullable(String),
  `contract_id` Nullable(String),
  `amendment_id` Nullable(String),
  `custom_fields` Nullable(String),
  `billable_status` Nullable(String),
  `window_size` Nullable(String),
  `metadata` Nullable(String),
  `issued_at` Nullable(DateTime64(6, 'UTC')),
  `invoice_start_timestamp` Nullable(DateTime64(6, 'UTC')),
  `invoice_end_timestamp` Nullable(DateTime64(6, 'UTC')),
  `breakdown_start_timestamp` Nullable(DateTime64(6, 'UTC')),
  `breakdown_end_timestamp` Nullable(DateTime64(6, 'UTC')),
  `updated_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_source_file` Nullable(String),
  `_mtx_transferred_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_loaded_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_version` DateTime64(6, 'UTC') MATERIALIZED coalesce(`updated_at`, toDateTime64(0, 6, 'UTC'))
)
ENGINE = ReplacingMergeTree(`_mtx_version`)
ORDER BY (`snapshot_timestamp`, `id`, `_mtx_transferred_at`, `_mtx_source_file`, `_mtx_loaded_at`)
SETTINGS allow_nullable_key = 1;

CREATE TABLE IF NOT EXISTS `metronome`.`breakdowns_draft_line_items` (
  `id` Nullable(String),
  `environment_type` Nullable(String),
  `snapshot_timestamp` Nullable(DateTime64(6, 'UTC')),
  `watermark_timestamp` Nullable(DateTime64(6, 'UTC')),
  `invoice_breakdown_id` Nullable(String),
  `name` Nullable(String),
  `transfer_id` Nullable(String),
  `group_key` Nullable(String),
  `group_value` Nullable(String),
  `quantity` Nullable(Decimal(38, 9)),
  `total` Nullable(Decimal(38, 9)),
  `unit_price` Nullable(Decimal(38, 9)),
  `product_id` Nullable(String),
  `product_type` Nullable(String),
  `credit_type_id` Nullable(String),
  `credit_type_name` Nullable(String),
  `commit_id` Nullable(String),
  `commit_segment_id` Nullable(String),
  `commit_type` Nullable(String),
  `subscription_id` Nullable(String),
  `is_prorated` Nullable(Bool),
  `line_item_id` Nullable(String),
  `line_item_type` Nullable(String),
  `custom_fields` Nullable(String),
  `pricing_group_values` Nullable(String),
  `presentation_group_values` Nullable(String),
  `billable_metric_id` Nullable(String),
  `metadata` Nullable(String),
  `breakdown_start_timestamp` Nullable(DateTime64(6, 'UTC')),
  `breakdown_end_timestamp` Nullable(DateTime64(6, 'UTC')),
  `updated_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_source_file` Nullable(String),
  `_mtx_transferred_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_loaded_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_version` DateTime64(6, 'UTC') MATERIALIZED coalesce(`updated_at`, toDateTime64(0, 6, 'UTC'))
)
ENGINE = ReplacingMergeTree(`_mtx_version`)
ORDER BY (`snapshot_timestamp`, `id`, `_mtx_transferred_at`, `_mtx_source_file`, `_mtx_loaded_at`)
SETTINGS allow_nullable_key = 1;

CREATE TABLE IF NOT EXISTS `metronome`.`contracts_contracts` (
  `id` Nullable(String),
  `environment_type` Nullable(String),
  `snapshot_id` Nullable(String),
  `name` Nullable(String),
  `customer_id` Nullable(String),
  `package_id` Nullable(String),
  `rate_card_id` Nullable(String),
  `starting_at` Nullable(DateTime64(6, 'UTC')),
  `ending_before` Nullable(DateTime64(6, 'UTC')),
  `archived_at` Nullable(DateTime64(6, 'UTC')),
  `multiplier_override_prioritization` Nullable(String),
  `net_payment_terms_days` Nullable(Int64),
  `usage_statement_schedule_frequency` Nullable(String),
  `scheduled_charges_on_usage_invoices` Nullable(String),
  `metadata` Nullable(String),
  `created_at` Nullable(DateTime64(6, 'UTC')),
  `created_by` Nullable(String),
  `updated_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_source_file` Nullable(String),
  `_mtx_transferred_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_loaded_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_version` DateTime64(6, 'UTC') MATERIALIZED coalesce(`updated_at`, toDateTime64(0, 6, 'UTC'))
)
ENGINE = ReplacingMergeTree(`_mtx_version`)
ORDER BY (`snapshot_id`, `id`, `_mtx_transferred_at`, `_mtx_source_file`, `_mtx_loaded_at`)
SETTINGS allow_nullable_key = 1;

CREATE TABLE IF NOT EXISTS `metronome`.`contracts_commits` (
  `id` Nullable(String),
  `environment_type` Nullable(String),
  `snapshot_id` Nullable(String),
  `contract_id` Nullable(String),
  `amendment_id` Nullable(String),
  `type` Nullable(String),
  `name` Nullable(String),
  `priority` Nullable(Float64),
  `description` Nullable(String),
  `product_id` Nullable(String),
  `amount` Nullable(Float64),
  `access_schedule` Nullable(String),
  `invoice_schedule` Nullable(String),
  `rollover_fraction` Nullable(Float64),
  `rate_type` Nullable(String),
  `applicable_product_ids` Nullable(String),
  `applicable_product_tags` Nullable(String),
  `specifiers` Nullable(String),
  `ledger` Nullable(String),
  `rolled_over_from_commit_id` Nullable(String),
  `rolled_over_from_contract_id` Nullable(String),
  `recurring_commit_id` Nullable(String),
  `metadata` Nullable(String),
  `balance` Nullable(Float64),
  `updated_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_source_file` Nullable(String),
  `_mtx_transferred_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_loaded_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_version` DateTime64(6, 'UTC') MATERIALIZED coalesce(`updated_at`, toDateTime64(0, 6, 'UTC'))
)
ENGINE = ReplacingMergeTree(`_mtx_version`)
ORDER BY (`snapshot_id`, `id`, `_mtx_transferred_at`, `_mtx_source_file`, `_mtx_loaded_at`)
SETTINGS allow_nullable_key = 1;

CREATE TABLE IF NOT EXISTS `metronome`.`contracts_balances` (
  `id` Nullable(String),
  `environment_type` Nullable(String),
  `snapshot_id` Nullable(String),
  `customer_id` Nullable(String),
  `contract_id` Nullable(String),
  `amendment_id` Nullable(String),
  `type` Nullable(String),
  `name` Nullable(String),
  `priority` Nullable(Float64),
  `description` Nullable(String),
  `product_id` Nullable(String),
  `access_schedule` Nullable(String),
  `invoice_schedule` Nullable(String),
  `rollover_fraction` Nullable(Float64),
  `rate_type` Nullable(String),
  `applicable_product_ids` Nullable(String),
  `applicable_product_tags` Nullable(String),
  `specifiers` Nullable(String),
  `applicable_contract_ids` Nullable(String),
  `invoice_contract_id` Nullable(String),
  `ledger` Nullable(String),
  `rolled_over_from_commit_id` Nullable(String),
  `rolled_over_from_contract_id` Nullable(String),
  `recurring_commit_id` Nullable(String),
  `metadata` Nullable(String),
  `balance` Nullable(Float64),
  `updated_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_source_file` Nullable(String),
  `_mtx_transferred_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_loaded_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_version` DateTime64(6, 'UTC') MATERIALIZED coalesce(`updated_at`, toDateTime64(0, 6, 'UTC'))
)
ENGINE = ReplacingMergeTree(`_mtx_version`)
ORDER BY (`snapshot_id`, `id`, `_mtx_transferred_at`, `_mtx_source_file`, `_mtx_loaded_at`)
SETTINGS allow_nullable_key = 1;

CREATE TABLE IF NOT EXISTS `metronome`.`contracts_recurring_commits_and_credits` (
  `id` Nullable(String),
  `environment_type` Nullable(String),
  `snapshot_id` Nullable(String),
  `contract_id` Nullable(String),
  `customer_id` Nullable(String),
  `type` Nullable(String),
  `name` Nullable(String),
  `priority` Nullable(Float64),
  `description` Nullable(String),
  `product_id` Nullable(String),
  `access_amount` Nullable(String),
  `invoice_amount` Nullable(String),
  `rollover_fraction` Nullable(Float64),
  `rate_type` Nullable(String),
  `applicable_product_ids` Nullable(String),
  `applicable_product_tags` Nullable(String),
  `specifiers` Nullable(String),
  `commit_duration` Nullable(String),
  `proration` Nullable(String),
  `recurrence_frequency` Nullable(String),
  `metadata` Nullable(String),
  `subscription_config` Nullable(String),
  `starting_at` Nullable(DateTime64(6, 'UTC')),
  `ending_before` Nullable(DateTime64(6, 'UTC')),
  `updated_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_source_file` Nullable(String),
  `_mtx_transferred_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_loaded_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_version` DateTime64(6, 'UTC') MATERIALIZED coalesce(`updated_at`, toDateTime64(0, 6, 'UTC'))
)
ENGINE = ReplacingMergeTree(`_mtx_version`)
ORDER BY (`snapshot_id`, `id`, `_mtx_transferred_at`, `_mtx_source_file`, `_mtx_loaded_at`)
SETTINGS allow_nullable_key = 1;

CREATE TABLE IF NOT EXISTS `metronome`.`contracts_usage_filter_schedule` (
  `id` Nullable(String),
  `contract_id` Nullable(String),
  `starting_at` Nullable(DateTime64(6, 'UTC')),
  `ending_before` Nullable(DateTime64(6, 'UTC')),
  `group_key` Nullable(String),
  `group_values` Nullable(String),
  `metadata` Nullable(String),
  `updated_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_source_file` Nullable(String),
  `_mtx_transferred_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_loaded_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_version` DateTime64(6, 'UTC') MATERIALIZED coalesce(`updated_at`, toDateTime64(0, 6, 'UTC'))
)
ENGINE = ReplacingMergeTree(`_mtx_version`)
ORDER BY (`_mtx_transferred_at`, `id`, `starting_at`, `_mtx_source_file`, `_mtx_loaded_at`)
SETTINGS allow_nullable_key = 1;

CREATE TABLE IF NOT EXISTS `metronome`.`contracts_usage_filters` (
  `id` Nullable(String),
  `environment_type` Nullable(String),
  `snapshot_id` Nullable(String),
  `contract_id` Nullable(String),
  `version` Nullable(Int64),
  `starting_at` Nullable(DateTime64(6, 'UTC')),
  `group_key` Nullable(String),
  `group_values` Nullable(String),
  `metadata` Nullable(String),
  `updated_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_source_file` Nullable(String),
  `_mtx_transferred_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_loaded_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_version` DateTime64(6, 'UTC') MATERIALIZED coalesce(`updated_at`, toDateTime64(0, 6, 'UTC'))
)
ENGINE = ReplacingMergeTree(`_mtx_version`)
ORDER BY (`snapshot_id`, `id`, `_mtx_transferred_at`, `_mtx_source_file`, `_mtx_loaded_at`)
SETTINGS allow_nullable_key = 1;

CREATE TABLE IF NOT EXISTS `metronome`.`contracts_prepaid_balance_threshold_configurations` (
  `id` Nullable(String),
  `environment_type` Nullable(String),
  `snapshot_id` Nullable(String),
  `contract_id` Nullable(String),
  `enabled` Nullable(Bool),
  `threshold_amount` Nullable(Float64),
  `recharge_to_amount` Nullable(Float64),
  `commit_name` Nullable(String),
  `commit_description` Nullable(String),
  `commit_product_id` Nullable(String),
  `commit_applicable_product_ids` Nullable(String),
  `commit_applicable_product_tags` Nullable(String),
  `payment_gate_type` Nullable(String),
  `tax_type` Nullable(String),
  `stripe_payment_type` Nullable(String),
  `metadata` Nullable(String),
  `updated_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_source_file` Nullable(String),
  `_mtx_transferred_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_loaded_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_version` DateTime64(6, 'UTC') MATERIALIZED coalesce(`updated_at`, toDateTime64(0, 6, 'UTC'))
)
ENGINE = ReplacingMergeTree(`_mtx_version`)
ORDER BY (`snapshot_id`, `id`, `_mtx_transferred_at`, `_mtx_source_file`, `_mtx_loaded_at`)
SETTINGS allow_nullable_key = 1;

CREATE TABLE IF NOT EXISTS `metronome`.`contracts_spend_threshold_configurations` (
  `id` Nullable(String),
  `environment_type` Nullable(String),
  `snapshot_id` Nullable(String),
  `contract_id` Nullable(String),
  `enabled` Nullable(Bool),
  `threshold_amount` Nullable(Float64),
  `commit_name` Nullable(String),
  `commit_description` Nullable(String),
  `commit_product_id` Nullable(String),
  `payment_gate_type` Nullable(String),
  `tax_type` Nullable(String),
  `stripe_payment_type` Nullable(String),
  `metadata` Nullable(String),
  `updated_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_source_file` Nullable(String),
  `_mtx_transferred_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_loaded_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_version` DateTime64(6, 'UTC') MATERIALIZED coalesce(`updated_at`, toDateTime64(0, 6, 'UTC'))
)
ENGINE = ReplacingMergeTree(`_mtx_version`)
ORDER BY (`snapshot_id`, `id`, `_mtx_transferred_at`, `_mtx_source_file`, `_mtx_loaded_at`)
SETTINGS allow_nullable_key = 1;

CREATE TABLE IF NOT EXISTS `metronome`.`contracts_subscriptions` (
  `id` Nullable(String),
  `environment_type` Nullable(String),
  `snapshot_id` Nullable(String),
  `customer_id` Nullable(String),
  `contract_id` Nullable(String),
  `product_id` Nullable(String),
  `name` Nullable(String),
  `description` Nullable(String),
  `billing_frequency` Nullable(String),
  `collection_schedule` Nullable(String),
  `is_prorated` Nullable(Bool),
  `invoice_behavior` Nullable(String),
  `quantity_schedule` Nullable(String),
  `fiat_credit_type_id` Nullable(String),
  `metadata` Nullable(String),
  `starting_at` Nullable(DateTime64(6, 'UTC')),
  `ending_before` Nullable(DateTime64(6, 'UTC')),
  `updated_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_source_file` Nullable(String),
  `_mtx_transferred_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_loaded_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_version` DateTime64(6, 'UTC') MATERIALIZED coalesce(`updated_at`, toDateTime64(0, 6, 'UTC'))
)
ENGINE = ReplacingMergeTree(`_mtx_version`)
ORDER BY (`snapshot_id`, `id`, `_mtx_transferred_at`, `_mtx_source_file`, `_mtx_loaded_at`)
SETTINGS allow_nullable_key = 1;

CREATE TABLE IF NOT EXISTS `metronome`.`contracts_scheduled_charges` (
  `id` Nullable(String),
  `environment_type` Nullable(String),
  `snapshot_id` Nullable(String),
  `contract_id` Nullable(String),
  `amendment_id` Nullable(String),
  `name` Nullable(String),
  `description` Nullable(String),
  `product_id` Nullable(String),
  `credit_type_id` Nullable(String),
  `credit_type_name` Nullable(String),
  `schedule` Nullable(String),
  `metadata` Nullable(String),
  `updated_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_source_file` Nullable(String),
  `_mtx_transferred_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_loaded_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_version` DateTime64(6, 'UTC') MATERIALIZED coalesce(`updated_at`, toDateTime64(0, 6, 'UTC'))
)
ENGINE = ReplacingMergeTree(`_mtx_version`)
ORDER BY (`snapshot_id`, `id`, `_mtx_transferred_at`, `_mtx_source_file`, `_mtx_loaded_at`)
SETTINGS allow_nullable_key = 1;

CREATE TABLE IF NOT EXISTS `metronome`.`contract_hierarchy_configurations` (
  `id` Nullable(String),
  `contract_id` Nullable(String),
  `parent_contract_id` Nullable(String),
  `parent_customer_id` Nullable(String),
  `child_info` Nullable(String),
  `updated_at` Nullable(DateTime64(6, 'UTC')),
  `metadata` Nullable(String),
  `environment_type` Nullable(String),
  `snapshot_id` Nullable(String),
  `payer` Nullable(String),
  `usage_statement_behavior` Nullable(String),
  `invoice_consolidation_type` Nullable(String),
  `_mtx_source_file` Nullable(String),
  `_mtx_transferred_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_loaded_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_version` DateTime64(6, 'UTC') MATERIALIZED coalesce(`updated_at`, toDateTime64(0, 6, 'UTC'))
)
ENGINE = ReplacingMergeTree(`_mtx_version`)
ORDER BY (`snapshot_id`, `id`, `_mtx_transferred_at`, `_mtx_source_file`, `_mtx_loaded_at`)
SETTINGS allow_nullable_key = 1;

CREATE TABLE IF NOT EXISTS `metronome`.`contracts_overrides` (
  `id` Nullable(String),
  `environment_type` Nullable(String),
  `snapshot_id` Nullable(String),
  `contract_id` Nullable(String),
  `amendment_id` Nullable(String),
  `product_id` Nullable(String),
  `entitled` Nullable(Bool),
  `rate_type` Nullable(String),
  `multiplier` Nullable(Float64),
  `priority` Nullable(Float64),
  `new_rate` Nullable(String),
  `credit_type_id` Nullable(String),
  `credit_type_name` Nullable(String),
  `applicable_product_tags` Nullable(String),
  `override_specifiers` Nullable(String),
  `target` Nullable(String),
  `is_commit_specific` Nullable(Bool),
  `metadata` Nullable(String),
  `tiered_override` Nullable(String),
  `starting_at` Nullable(DateTime64(6, 'UTC')),
  `ending_before` Nullable(DateTime64(6, 'UTC')),
  `created_at` Nullable(DateTime64(6, 'UTC')),
  `updated_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_source_file` Nullable(String),
  `_mtx_transferred_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_loaded_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_version` DateTime64(6, 'UTC') MATERIALIZED coalesce(`updated_at`, toDateTime64(0, 6, 'UTC'))
)
ENGINE = ReplacingMergeTree(`_mtx_version`)
ORDER BY (`snapshot_id`, `id`, `_mtx_transferred_at`, `_mtx_source_file`, `_mtx_loaded_at`)
SETTINGS allow_nullable_key = 1;

CREATE TABLE IF NOT EXISTS `metronome`.`contracts_transitions` (
  `id` Nullable(String),
  `environment_type` Nullable(String),
  `snapshot_id` Nullable(String),
  `type` Nullable(String),
  `contract_id` Nullable(String),
  `from_contract_id` Nullable(String),
  `to_contract_id` Nullable(String),
  `date` Nullable(DateTime64(6, 'UTC')),
  `metadata` Nullable(String),
  `updated_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_source_file` Nullable(String),
  `_mtx_transferred_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_loaded_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_version` DateTime64(6, 'UTC') MATERIALIZED coalesce(`updated_at`, toDateTime64(0, 6, 'UTC'))
)
ENGINE = ReplacingMergeTree(`_mtx_version`)
ORDER BY (`snapshot_id`, `id`, `_mtx_transferred_at`, `_mtx_source_file`, `_mtx_loaded_at`)
SETTINGS allow_nullable_key = 1;

CREATE TABLE IF NOT EXISTS `metronome`.`contracts_edits` (
  `id` Nullable(String),
  `contract_id` Nullable(String),
  `timestamp` Nullable(DateTime64(6, 'UTC')),
  `edits` Nullable(String),
  `metadata` Nullable(String),
  `environment_type` Nullable(String),
  `created_by` Nullable(String),
  `updated_at` Nullable(DateTime64(6, 'UTC')),
  `snapshot_id` Nullable(String),
  `_mtx_source_file` Nullable(String),
  `_mtx_transferred_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_loaded_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_version` DateTime64(6, 'UTC') MATERIALIZED coalesce(`updated_at`, toDateTime64(0, 6, 'UTC'))
)
ENGINE = ReplacingMergeTree(`_mtx_version`)
ORDER BY (`snapshot_id`, `id`, `_mtx_transferred_at`, `_mtx_source_file`, `_mtx_loaded_at`)
SETTINGS allow_nullable_key = 1;

CREATE TABLE IF NOT EXISTS `metronome`.`contracts_amendments` (
  `id` Nullable(String),
  `environment_type` Nullable(String),
  `snapshot_id` Nullable(String),
  `contract_id` Nullable(String),
  `effective_at` Nullable(DateTime64(6, 'UTC')),
  `metadata` Nullable(String),
  `created_at` Nullable(DateTime64(6, 'UTC')),
  `created_by` Nullable(String),
  `updated_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_source_file` Nullable(String),
  `_mtx_transferred_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_loaded_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_version` DateTime64(6, 'UTC') MATERIALIZED coalesce(`updated_at`, toDateTime64(0, 6, 'UTC'))
)
ENGINE = ReplacingMergeTree(`_mtx_version`)
ORDER BY (`snapshot_id`, `id`, `_mtx_transferred_at`, `_mtx_source_file`, `_mtx_loaded_at`)
SETTINGS allow_nullable_key = 1;

CREATE TABLE IF NOT EXISTS `metronome`.`contracts_rate_cards` (
  `id` Nullable(String),
  `environment_type` Nullable(String),
  `snapshot_id` Nullable(String),
  `credit_type_conversions` Nullable(String),
  `metadata` Nullable(String),
  `aliases` Nullable(String),
  `fiat_credit_type_id` Nullable(String),
  `fiat_credit_type_name` Nullable(String),
  `description` Nullable(String),
  `name` Nullable(String),
  `created_by` Nullable(String),
  `created_at` Nullable(DateTime64(6, 'UTC')),
  `updated_at` Nullable(DateTime64(6, 'UTC')),
  `archived_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_source_file` Nullable(String),
  `_mtx_transferred_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_loaded_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_version` DateTime64(6, 'UTC') MATERIALIZED coalesce(`updated_at`, toDateTime64(0, 6, 'UTC'))
)
ENGINE = ReplacingMergeTree(`_mtx_version`)
ORDER BY (`snapshot_id`, `id`, `_mtx_transferred_at`, `_mtx_source_file`, `_mtx_loaded_at`)
SETTINGS allow_nullable_key = 1;

CREATE TABLE IF NOT EXISTS `metronome`.`contracts_rate_card_entries` (
  `id` Nullable(String),
  `environment_type` Nullable(String),
  `rate_card_id` Nullable(String),
  `product_id` Nullable(String),
  `version` Nullable(Int64),
  `entitled` Nullable(Bool),
  `rate` Nullable(String),
  `commit_rate` Nullable(String),
  `product_order` Nullable(Int64),
  `pricing_group_values` Nullable(String),
  `snapshot_id` Nullable(String),
  `metadata` Nullable(String),
  `credit_type_id` Nullable(String),
  `credit_type_name` Nullable(String),
  `billing_frequency` Nullable(String),
  `starting_at` Nullable(DateTime64(6, 'UTC')),
  `ending_before` Nullable(DateTime64(6, 'UTC')),
  `updated_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_source_file` Nullable(String),
  `_mtx_transferred_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_loaded_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_version` DateTime64(6, 'UTC') MATERIALIZED coalesce(`updated_at`, toDateTime64(0, 6, 'UTC'))
)
ENGINE = ReplacingMergeTree(`_mtx_version`)
ORDER BY (`snapshot_id`, `id`, `_mtx_transferred_at`, `_mtx_source_file`, `_mtx_loaded_at`)
SETTINGS allow_nullable_key = 1;

CREATE TABLE IF NOT EXISTS `metronome`.`contracts_product_list_item_versions` (
  `id` Nullable(String),
  `environment_type` Nullable(String),
  `snapshot_id` Nullable(String),
  `product_list_item_id` Nullable(String),
  `type` Nullable(String),
  `version` Nullable(Int64),
  `name` Nullable(String),
  `is_refundable` Nullable(Bool),
  `billable_metric_id` Nullable(String),
  `composite_product_ids` Nullable(String),
  `composite_scope` Nullable(String),
  `tags` Nullable(String),
  `composite_tags` Nullable(String),
  `quantity_conversion` Nullable(String),
  `quantity_rounding` Nullable(String),
  `pricing_group_key` Nullable(String),
  `presentation_group_key` Nullable(String),
  `metadata` Nullable(String),
  `starting_at` Nullable(DateTime64(6, 'UTC')),
  `created_at` Nullable(DateTime64(6, 'UTC')),
  `created_by` Nullable(String),
  `updated_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_source_file` Nullable(String),
  `_mtx_transferred_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_loaded_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_version` DateTime64(6, 'UTC') MATERIALIZED coalesce(`updated_at`, toDateTime64(0, 6, 'UTC'))
)
ENGINE = ReplacingMergeTree(`_mtx_version`)
ORDER BY (`snapshot_id`, `id`, `_mtx_transferred_at`, `_mtx_source_file`, `_mtx_loaded_at`)
SETTINGS allow_nullable_key = 1;

CREATE TABLE IF NOT EXISTS `metronome`.`packages` (
  `id` Nullable(String),
  `name` Nullable(String),
  `rate_card_id` Nullable(String),
  `duration_unit` Nullable(String),
  `duration_value` Nullable(Int64),
  `multiplier_override_prioritization` Nullable(String),
  `net_payment_terms_days` Nullable(Int64),
  `usage_statement_schedule_frequency` Nullable(String),
  `scheduled_charges_on_usage_invoices` Nullable(String),
  `billing_provider` Nullable(String),
  `delivery_method` Nullable(String),
  `aliases` Nullable(String),
  `created_at` Nullable(DateTime64(6, 'UTC')),
  `created_by` Nullable(String),
  `archived_at` Nullable(DateTime64(6, 'UTC')),
  `updated_at` Nullable(DateTime64(6, 'UTC')),
  `environment_type` Nullable(String),
  `snapshot_id` Nullable(String),
  `metadata` Nullable(String),
  `_mtx_source_file` Nullable(String),
  `_mtx_transferred_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_loaded_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_version` DateTime64(6, 'UTC') MATERIALIZED coalesce(`updated_at`, toDateTime64(0, 6, 'UTC'))
)
ENGINE = ReplacingMergeTree(`_mtx_version`)
ORDER BY (`snapshot_id`, `id`, `_mtx_transferred_at`, `_mtx_source_file`, `_mtx_loaded_at`)
SETTINGS allow_nullable_key = 1;

CREATE TABLE IF NOT EXISTS `metronome`.`payment` (
  `id` Nullable(String),
  `invoice_id` Nullable(String),
  `customer_id` Nullable(String),
  `contract_id` Nullable(String),
  `environment_type` Nullable(String),
  `amount` Nullable(Decimal(38, 9)),
  `amount_paid` Nullable(Decimal(38, 9)),
  `credit_type_id` Nullable(String),
  `credit_type_name` Nullable(String),
  `status` Nullable(String),
  `error_message` Nullable(String),
  `payment_gateway` Nullable(String),
  `created_at` Nullable(DateTime64(6, 'UTC')),
  `updated_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_source_file` Nullable(String),
  `_mtx_transferred_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_loaded_at` Nullable(DateTime64(6, 'UTC')),
  `_mtx_version` DateTime64(6, 'UTC') MATERIALIZED coalesce(`updated_at`, toDateTime64(0, 6, 'UTC'))
)
ENGINE = ReplacingMergeTree(`_mtx_version`)
ORDER BY (`id`, `_mtx_transferred_at`, `_mtx_source_file`, `_mtx_loaded_at`)
SETTINGS allow_nullable_key = 1;

