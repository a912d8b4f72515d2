-- model current_alert (view, built-in current-state model of alert)
-- Current state of alert: the newest version (by updated_at) of each id.
CREATE OR REPLACE VIEW `metronome`.`current_alert` AS
SELECT `id`, `name`, `alert_type`, `threshold`, `webhooks_enabled`, `environment_type`, `created_at`, `disabled_at`, `updated_at`, `archived_at`, `group_values`, `seat_filter`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM `metronome`.`alert`
WHERE `id` IS NOT NULL
ORDER BY `id`, `environment_type`, `updated_at` DESC NULLS LAST, `_mtx_transferred_at` DESC NULLS LAST, `_mtx_source_file` DESC NULLS LAST, `_mtx_loaded_at` DESC NULLS LAST
LIMIT 1 BY `id`, `environment_type`;

-- model current_billable_metric (view, built-in current-state model of billable_metric)
-- Current state of billable_metric: the newest version (by updated_at) of each id.
CREATE OR REPLACE VIEW `metronome`.`current_billable_metric` AS
SELECT `id`, `aggregate`, `aggregate_keys`, `environment_type`, `group_keys`, `name`, `created_at`, `archived_at`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM `metronome`.`billable_metric`
WHERE `id` IS NOT NULL
ORDER BY `id`, `environment_type`, `updated_at` DESC NULLS LAST, `_mtx_transferred_at` DESC NULLS LAST, `_mtx_source_file` DESC NULLS LAST, `_mtx_loaded_at` DESC NULLS LAST
LIMIT 1 BY `id`, `environment_type`;

-- model current_breakdowns_draft_invoices (view, built-in current-state model of breakdowns_draft_invoices)
-- Current state of breakdowns_draft_invoices: the latest snapshot (by snapshot_timestamp) of each environment, one row per id.
CREATE OR REPLACE VIEW `metronome`.`current_breakdowns_draft_invoices` AS
SELECT `id`, `environment_type`, `snapshot_timestamp`, `invoice_id`, `customer_id`, `transfer_id`, `credit_type_id`, `net_payment_term_days`, `credit_type_name`, `subtotal`, `total`, `type`, `external_invoice`, `plan_id`, `contract_id`, `amendment_id`, `custom_fields`, `billable_status`, `window_size`, `metadata`, `issued_at`, `invoice_start_timestamp`, `invoice_end_timestamp`, `breakdown_start_timestamp`, `breakdown_end_timestamp`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM (
  SELECT `id`, `environment_type`, `snapshot_timestamp`, `invoice_id`, `customer_id`, `transfer_id`, `credit_type_id`, `net_payment_term_days`, `credit_type_name`, `subtotal`, `total`, `type`, `external_invoice`, `plan_id`, `contract_id`, `amendment_id`, `custom_fields`, `billable_status`, `window_size`, `metadata`, `issued_at`, `invoice_start_timestamp`, `invoice_end_timestamp`, `breakdown_start_timestamp`, `breakdown_end_timestamp`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
  FROM (
    SELECT `id`, `environment_type`, `snapshot_timestamp`, `invoice_id`, `customer_id`, `transfer_id`, `credit_type_id`, `net_payment_term_days`, `credit_type_name`, `subtotal`, `total`, `type`, `external_invoice`, `plan_id`, `contract_id`, `amendment_id`, `custom_fields`, `billable_status`, `window_size`, `metadata`, `issued_at`, `invoice_start_timestamp`, `invoice_end_timestamp`, `breakdown_start_timestamp`, `breakdown_end_timestamp`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`,
      FIRST_VALUE(`snapshot_timestamp`) OVER (PARTITION BY `environment_type` ORDER BY `snapshot_timestamp` DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS `_mtx_latest_snapshot`
    FROM `metronome`.`breakdowns_draft_invoices`
    WHERE `snapshot_timestamp` IS NOT NULL AND `id` IS NOT NULL
  ) AS `_mtx_snapshots`
  WHERE `snapshot_timestamp` = `_mtx_latest_snapshot`
) AS `_mtx_latest`
ORDER BY `id`, `environment_type`, `updated_at` DESC NULLS LAST, `_mtx_transferred_at` DESC NULLS LAST, `_mtx_source_file` DESC NULLS LAST, `_mtx_loaded_at` DESC NULLS LAST
LIMIT 1 BY `id`, `environment_type`;

-- model current_breakdowns_draft_line_items (view, built-in current-state model of breakdowns_draft_line_items)
-- Current state of breakdowns_draft_line_items: the latest snapshot (by snapshot_timestamp) of each environment, one row per id.
CREATE OR REPLACE VIEW `metronome`.`current_breakdowns_draft_line_items` AS
SELECT `id`, `environment_type`, `snapshot_timestamp`, `watermark_timestamp`, `invoice_breakdown_id`, `name`, `transfer_id`, `group_key`, `group_value`, `quantity`, `total`, `unit_price`, `product_id`, `product_type`, `credit_type_id`, `credit_type_name`, `commit_id`, `commit_segment_id`, `commit_type`, `subscription_id`, `is_prorated`, `line_item_id`, `line_item_type`, `custom_fields`, `pricing_group_values`, `presentation_group_values`, `billable_metric_id`, `metadata`, `breakdown_start_timestamp`, `breakdown_end_timestamp`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM (
  SELECT `id`, `environment_type`, `snapshot_timestamp`, `watermark_timestamp`, `invoice_breakdown_id`, `name`, `transfer_id`, `group_key`, `group_value`, `quantity`, `total`, `unit_price`, `product_id`, `product_type`, `credit_type_id`, `credit_type_name`, `commit_id`, `commit_segment_id`, `commit_type`, `subscription_id`, `is_prorated`, `line_item_id`, `line_item_type`, `custom_fields`, `pricing_group_values`, `presentation_group_values`, `billable_metric_id`, `metadata`, `breakdown_start_timestamp`, `breakdown_end_timestamp`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
  FROM (
    SELECT `id`, `environment_type`, `snapshot_timestamp`, `watermark_timestamp`, `invoice_breakdown_id`, `name`, `transfer_id`, `group_key`, `group_value`, `quantity`, `total`, `unit_price`, `product_id`, `product_type`, `credit_type_id`, `credit_type_name`, `commit_id`, `commit_segment_id`, `commit_type`, `subscription_id`, `is_prorated`, `line_item_id`, `line_item_type`, `custom_fields`, `pricing_group_values`, `presentation_group_values`, `billable_metric_id`, `metadata`, `breakdown_start_timestamp`, `breakdown_end_timestamp`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`,
      FIRST_VALUE(`snapshot_timestamp`) OVER (PARTITION BY `environment_type` ORDER BY `snapshot_timestamp` DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS `_mtx_latest_snapshot`
    FROM `metronome`.`breakdowns_draft_line_items`
    WHERE `snapshot_timestamp` IS NOT NULL AND `id` IS NOT NULL
  ) AS `_mtx_snapshots`
  WHERE `snapshot_timestamp` = `_mtx_latest_snapshot`
) AS `_mtx_latest`
ORDER BY `id`, `environment_type`, `updated_at` DESC NULLS LAST, `_mtx_transferred_at` DESC NULLS LAST, `_mtx_source_file` DESC NULLS LAST, `_mtx_loaded_at` DESC NULLS LAST
LIMIT 1 BY `id`, `environment_type`;

-- model current_breakdowns_invoices (incremental, built-in current-state model of breakdowns_invoices)
-- Current state of breakdowns_invoices: the newest version (by updated_at) of each id.
DROP TABLE IF EXISTS `metronome`.`_mtx_build_current_breakdowns_invoices_07824a1c`;

CREATE TABLE `metronome`.`_mtx_build_current_breakdowns_invoices_07824a1c` ENGINE = MergeTree ORDER BY (`id`, `environment_type`)
SETTINGS allow_nullable_key = 1 AS
SELECT `id`, `environment_type`, `snapshot_timestamp`, `invoice_id`, `customer_id`, `transfer_id`, `credit_type_id`, `net_payment_term_days`, `credit_type_name`, `subtotal`, `total`, `type`, `external_invoice`, `plan_id`, `contract_id`, `amendment_id`, `custom_fields`, `billable_status`, `window_size`, `metadata`, `issued_at`, `invoice_start_timestamp`, `invoice_end_timestamp`, `breakdown_start_timestamp`, `breakdown_end_timestamp`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM `metronome`.`breakdowns_invoices`
WHERE `id` IS NOT NULL
ORDER BY `id`, `environment_type`, `updated_at` DESC NULLS LAST, `_mtx_transferred_at` DESC NULLS LAST, `_mtx_source_file` DESC NULLS LAST, `_mtx_loaded_at` DESC NULLS LAST
LIMIT 1 BY `id`, `environment_type`;

OPTIMIZE TABLE `metronome`.`_mtx_build_current_breakdowns_invoices_07824a1c` FINAL;

RENAME TABLE `metronome`.`_mtx_build_current_breakdowns_invoices_07824a1c` TO `metronome`.`current_breakdowns_invoices`;

CREATE OR REPLACE VIEW `metronome`.`current_breakdowns_invoices_live` AS
SELECT `id`, `environment_type`, `snapshot_timestamp`, `invoice_id`, `customer_id`, `transfer_id`, `credit_type_id`, `net_payment_term_days`, `credit_type_name`, `subtotal`, `total`, `type`, `external_invoice`, `plan_id`, `contract_id`, `amendment_id`, `custom_fields`, `billable_status`, `window_size`, `metadata`, `issued_at`, `invoice_start_timestamp`, `invoice_end_timestamp`, `breakdown_start_timestamp`, `breakdown_end_timestamp`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM `metronome`.`current_breakdowns_invoices` AS `_mtx_stored`
WHERE `id` NOT IN (
    SELECT `id`
    FROM `metronome`.`breakdowns_invoices`
    WHERE `id` IS NOT NULL AND (`_mtx_loaded_at` > (COALESCE((SELECT MAX(`_mtx_loaded_at`) FROM `metronome`.`current_breakdowns_invoices`), toDateTime64('1970-01-01 00:00:00.000000', 6, 'UTC')) - INTERVAL 3600 SECOND) OR `_mtx_loaded_at` IS NULL)
)
UNION ALL
SELECT `id`, `environment_type`, `snapshot_timestamp`, `invoice_id`, `customer_id`, `transfer_id`, `credit_type_id`, `net_payment_term_days`, `credit_type_name`, `subtotal`, `total`, `type`, `external_invoice`, `plan_id`, `contract_id`, `amendment_id`, `custom_fields`, `billable_status`, `window_size`, `metadata`, `issued_at`, `invoice_start_timestamp`, `invoice_end_timestamp`, `breakdown_start_timestamp`, `breakdown_end_timestamp`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM (
  SELECT `id`, `environment_type`, `snapshot_timestamp`, `invoice_id`, `customer_id`, `transfer_id`, `credit_type_id`, `net_payment_term_days`, `credit_type_name`, `subtotal`, `total`, `type`, `external_invoice`, `plan_id`, `contract_id`, `amendment_id`, `custom_fields`, `billable_status`, `window_size`, `metadata`, `issued_at`, `invoice_start_timestamp`, `invoice_end_timestamp`, `breakdown_start_timestamp`, `breakdown_end_timestamp`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
  FROM (
    SELECT `id`, `environment_type`, `snapshot_timestamp`, `invoice_id`, `customer_id`, `transfer_id`, `credit_type_id`, `net_payment_term_days`, `credit_type_name`, `subtotal`, `total`, `type`, `external_invoice`, `plan_id`, `contract_id`, `amendment_id`, `custom_fields`, `billable_status`, `window_size`, `metadata`, `issued_at`, `invoice_start_timestamp`, `invoice_end_timestamp`, `breakdown_start_timestamp`, `breakdown_end_timestamp`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
    FROM `metronome`.`breakdowns_invoices`
    WHERE `id` IS NOT NULL AND (`_mtx_loaded_at` > (COALESCE((SELECT MAX(`_mtx_loaded_at`) FROM `metronome`.`current_breakdowns_invoices`), toDateTime64('1970-01-01 00:00:00.000000', 6, 'UTC')) - INTERVAL 3600 SECOND) OR `_mtx_loaded_at` IS NULL)
    UNION ALL
    SELECT `id`, `environment_type`, `snapshot_timestamp`, `invoice_id`, `customer_id`, `transfer_id`, `credit_type_id`, `net_payment_term_days`, `credit_type_name`, `subtotal`, `total`, `type`, `external_invoice`, `plan_id`, `contract_id`, `amendment_id`, `custom_fields`, `billable_status`, `window_size`, `metadata`, `issued_at`, `invoice_start_timestamp`, `invoice_end_timestamp`, `breakdown_start_timestamp`, `breakdown_end_timestamp`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at` FROM `metronome`.`current_breakdowns_invoices` AS `_mtx_stored`
    WHERE `id` IN (SELECT `id` FROM (
      SELECT `id`
      FROM `metronome`.`breakdowns_invoices`
      WHERE `id` IS NOT NULL AND (`_mtx_loaded_at` > (COALESCE((SELECT MAX(`_mtx_loaded_at`) FROM `metronome`.`current_breakdowns_invoices`), toDateTime64('1970-01-01 00:00:00.000000', 6, 'UTC')) - INTERVAL 3600 SECOND) OR `_mtx_loaded_at` IS NULL)
    ) AS `_mtx_tail`)
  ) AS `_mtx_candidates`
  ORDER BY `id`, `environment_type`, `updated_at` DESC NULLS LAST, `_mtx_transferred_at` DESC NULLS LAST, `_mtx_source_file` DESC NULLS LAST, `_mtx_loaded_at` DESC NULLS LAST
  LIMIT 1 BY `id`, `environment_type`
) AS `_mtx_winners`;

-- refresh of current_breakdowns_invoices when it exists:
DROP TABLE IF EXISTS `metronome`.`_mtx_merge_current_breakdowns_invoices_07824a1c`;

CREATE TABLE `metronome`.`_mtx_merge_current_breakdowns_invoices_07824a1c` ENGINE = MergeTree ORDER BY tuple() AS
SELECT `id`, `environment_type`, `snapshot_timestamp`, `invoice_id`, `customer_id`, `transfer_id`, `credit_type_id`, `net_payment_term_days`, `credit_type_name`, `subtotal`, `total`, `type`, `external_invoice`, `plan_id`, `contract_id`, `amendment_id`, `custom_fields`, `billable_status`, `window_size`, `metadata`, `issued_at`, `invoice_start_timestamp`, `invoice_end_timestamp`, `breakdown_start_timestamp`, `breakdown_end_timestamp`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM (
  SELECT `id`, `environment_type`, `snapshot_timestamp`, `invoice_id`, `customer_id`, `transfer_id`, `credit_type_id`, `net_payment_term_days`, `credit_type_name`, `subtotal`, `total`, `type`, `external_invoice`, `plan_id`, `contract_id`, `amendment_id`, `custom_fields`, `billable_status`, `window_size`, `metadata`, `issued_at`, `invoice_start_timestamp`, `invoice_end_timestamp`, `breakdown_start_timestamp`, `breakdown_end_timestamp`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
  FROM `metronome`.`breakdowns_invoices`
  WHERE `id` IS NOT NULL AND (`_mtx_loaded_at` > ((SELECT MAX(`_mtx_loaded_at`) FROM `metronome`.`current_breakdowns_invoices`) - INTERVAL 3600 SECOND) OR `_mtx_loaded_at` IS NULL)
  UNION ALL
  SELECT `id`, `environment_type`, `snapshot_timestamp`, `invoice_id`, `customer_id`, `transfer_id`, `credit_type_id`, `net_payment_term_days`, `credit_type_name`, `subtotal`, `total`, `type`, `external_invoice`, `plan_id`, `contract_id`, `amendment_id`, `custom_fields`, `billable_status`, `window_size`, `metadata`, `issued_at`, `invoice_start_timestamp`, `invoice_end_timestamp`, `breakdown_start_timestamp`, `breakdown_end_timestamp`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at` FROM `metronome`.`current_breakdowns_invoices` WHERE `id` IN (SELECT `id` FROM (SELECT `id`
FROM `metronome`.`breakdowns_invoices`
WHERE `id` IS NOT NULL AND (`_mtx_loaded_at` > ((SELECT MAX(`_mtx_loaded_at`) FROM `metronome`.`current_breakdowns_invoices`) - INTERVAL 3600 SECOND) OR `_mtx_loaded_at` IS NULL)) AS `_mtx_tail`)
) AS `_mtx_candidates`
ORDER BY `id`, `environment_type`, `updated_at` DESC NULLS LAST, `_mtx_transferred_at` DESC NULLS LAST, `_mtx_source_file` DESC NULLS LAST, `_mtx_loaded_at` DESC NULLS LAST
LIMIT 1 BY `id`, `environment_type`;

DELETE FROM `metronome`.`current_breakdowns_invoices` WHERE `id` IN (SELECT `id` FROM `metronome`.`_mtx_merge_current_breakdowns_invoices_07824a1c`);

INSERT INTO `metronome`.`current_breakdowns_invoices` (`id`, `environment_type`, `snapshot_timestamp`, `invoice_id`, `customer_id`, `transfer_id`, `credit_type_id`, `net_payment_term_days`, `credit_type_name`, `subtotal`, `total`, `type`, `external_invoice`, `plan_id`, `contract_id`, `amendment_id`, `custom_fields`, `billable_status`, `window_size`, `metadata`, `issued_at`, `invoice_start_timestamp`, `invoice_end_timestamp`, `breakdown_start_timestamp`, `breakdown_end_timestamp`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`)
SELECT `id`, `environment_type`, `snapshot_timestamp`, `invoice_id`, `customer_id`, `transfer_id`, `credit_type_id`, `net_payment_term_days`, `credit_type_name`, `subtotal`, `total`, `type`, `external_invoice`, `plan_id`, `contract_id`, `amendment_id`, `custom_fields`, `billable_status`, `window_size`, `metadata`, `issued_at`, `invoice_start_timestamp`, `invoice_end_timestamp`, `breakdown_start_timestamp`, `breakdown_end_timestamp`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at` FROM `metronome`.`_mtx_merge_current_breakdowns_invoices_07824a1c`;

DROP TABLE `metronome`.`_mtx_merge_current_breakdowns_invoices_07824a1c`;

CREATE OR REPLACE VIEW `metronome`.`current_breakdowns_invoices_live` AS
SELECT `id`, `environment_type`, `snapshot_timestamp`, `invoice_id`, `customer_id`, `transfer_id`, `credit_type_id`, `net_payment_term_days`, `credit_type_name`, `subtotal`, `total`, `type`, `external_invoice`, `plan_id`, `contract_id`, `amendment_id`, `custom_fields`, `billable_status`, `window_size`, `metadata`, `issued_at`, `invoice_start_timestamp`, `invoice_end_timestamp`, `breakdown_start_timestamp`, `breakdown_end_timestamp`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM `metronome`.`current_breakdowns_invoices` AS `_mtx_stored`
WHERE `id` NOT IN (
    SELECT `id`
    FROM `metronome`.`breakdowns_invoices`
    WHERE `id` IS NOT NULL AND (`_mtx_loaded_at` > (COALESCE((SELECT MAX(`_mtx_loaded_at`) FROM `metronome`.`current_breakdowns_invoices`), toDateTime64('1970-01-01 00:00:00.000000', 6, 'UTC')) - INTERVAL 3600 SECOND) OR `_mtx_loaded_at` IS NULL)
)
UNION ALL
SELECT `id`, `environment_type`, `snapshot_timestamp`, `invoice_id`, `customer_id`, `transfer_id`, `credit_type_id`, `net_payment_term_days`, `credit_type_name`, `subtotal`, `total`, `type`, `external_invoice`, `plan_id`, `contract_id`, `amendment_id`, `custom_fields`, `billable_status`, `window_size`, `metadata`, `issued_at`, `invoice_start_timestamp`, `invoice_end_timestamp`, `breakdown_start_timestamp`, `breakdown_end_timestamp`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM (
  SELECT `id`, `environment_type`, `snapshot_timestamp`, `invoice_id`, `customer_id`, `transfer_id`, `credit_type_id`, `net_payment_term_days`, `credit_type_name`, `subtotal`, `total`, `type`, `external_invoice`, `plan_id`, `contract_id`, `amendment_id`, `custom_fields`, `billable_status`, `window_size`, `metadata`, `issued_at`, `invoice_start_timestamp`, `invoice_end_timestamp`, `breakdown_start_timestamp`, `breakdown_end_timestamp`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
  FROM (
    SELECT `id`, `environment_type`, `snapshot_timestamp`, `invoice_id`, `customer_id`, `transfer_id`, `credit_type_id`, `net_payment_term_days`, `credit_type_name`, `subtotal`, `total`, `type`, `external_invoice`, `plan_id`, `contract_id`, `amendment_id`, `custom_fields`, `billable_status`, `window_size`, `metadata`, `issued_at`, `invoice_start_timestamp`, `invoice_end_timestamp`, `breakdown_start_timestamp`, `breakdown_end_timestamp`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
    FROM `metronome`.`breakdowns_invoices`
    WHERE `id` IS NOT NULL AND (`_mtx_loaded_at` > (COALESCE((SELECT MAX(`_mtx_loaded_at`) FROM `metronome`.`current_breakdowns_invoices`), toDateTime64('1970-01-01 00:00:00.000000', 6, 'UTC')) - INTERVAL 3600 SECOND) OR `_mtx_loaded_at` IS NULL)
    UNION ALL
    SELECT `id`, `environment_type`, `snapshot_timestamp`, `invoice_id`, `customer_id`, `transfer_id`, `credit_type_id`, `net_payment_term_days`, `credit_type_name`, `subtotal`, `total`, `type`, `external_invoice`, `plan_id`, `contract_id`, `amendment_id`, `custom_fields`, `billable_status`, `window_size`, `metadata`, `issued_at`, `invoice_start_timestamp`, `invoice_end_timestamp`, `breakdown_start_timestamp`, `breakdown_end_timestamp`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at` FROM `metronome`.`current_breakdowns_invoices` AS `_mtx_stored`
    WHERE `id` IN (SELECT `id` FROM (
      SELECT `id`
      FROM `metronome`.`breakdowns_invoices`
      WHERE `id` IS NOT NULL AND (`_mtx_loaded_at` > (COALESCE((SELECT MAX(`_mtx_loaded_at`) FROM `metronome`.`current_breakdowns_invoices`), toDateTime64('1970-01-01 00:00:00.000000', 6, 'UTC')) - INTERVAL 3600 SECOND) OR `_mtx_loaded_at` IS NULL)
    ) AS `_mtx_tail`)
  ) AS `_mtx_candidates`
  ORDER BY `id`, `environment_type`, `updated_at` DESC NULLS LAST, `_mtx_transferred_at` DESC NULLS LAST, `_mtx_source_file` DESC NULLS LAST, `_mtx_loaded_at` DESC NULLS LAST
  LIMIT 1 BY `id`, `environment_type`
) AS `_mtx_winners`;

-- model current_breakdowns_line_items (incremental, built-in current-state model of breakdowns_line_items)
-- Current state of breakdowns_line_items: the newest version (by updated_at) of each id.
DROP TABLE IF EXISTS `metronome`.`_mtx_build_current_breakdowns_line_items_8262e6d5`;

CREATE TABLE `metronome`.`_mtx_build_current_breakdowns_line_items_8262e6d5` ENGINE = MergeTree ORDER BY (`id`, `environment_type`)
SETTINGS allow_nullable_key = 1 AS
SELECT `id`, `environment_type`, `snapshot_timestamp`, `watermark_timestamp`, `invoice_breakdown_id`, `name`, `transfer_id`, `group_key`, `group_value`, `quantity`, `total`, `unit_price`, `product_id`, `product_type`, `credit_type_id`, `credit_type_name`, `commit_id`, `commit_segment_id`, `commit_type`, `subscription_id`, `is_prorated`, `line_item_id`, `line_item_type`, `custom_fields`, `pricing_group_values`, `presentation_group_values`, `billable_metric_id`, `metadata`, `breakdown_start_timestamp`, `breakdown_end_timestamp`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM `metronome`.`breakdowns_line_items`
WHERE `id` IS NOT NULL
ORDER BY `id`, `environment_type`, `updated_at` DESC NULLS LAST, `_mtx_transferred_at` DESC NULLS LAST, `_mtx_source_file` DESC NULLS LAST, `_mtx_loaded_at` DESC NULLS LAST
LIMIT 1 BY `id`, `environment_type`;

OPTIMIZE TABLE `metronome`.`_mtx_build_current_breakdowns_line_items_8262e6d5` FINAL;

RENAME TABLE `metronome`.`_mtx_build_current_breakdowns_line_items_8262e6d5` TO `metronome`.`current_breakdowns_line_items`;

CREATE OR REPLACE VIEW `metronome`.`current_breakdowns_line_items_live` AS
SELECT `id`, `environment_type`, `snapshot_timestamp`, `watermark_timestamp`, `invoice_breakdown_id`, `name`, `transfer_id`, `group_key`, `group_value`, `quantity`, `total`, `unit_price`, `product_id`, `product_type`, `credit_type_id`, `credit_type_name`, `commit_id`, `commit_segment_id`, `commit_type`, `subscription_id`, `is_prorated`, `line_item_id`, `line_item_type`, `custom_fields`, `pricing_group_values`, `presentation_group_values`, `billable_metric_id`, `metadata`, `breakdown_start_timestamp`, `breakdown_end_timestamp`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM `metronome`.`current_breakdowns_line_items` AS `_mtx_stored`
WHERE `id` NOT IN (
    SELECT `id`
    FROM `metronome`.`breakdowns_line_items`
    WHERE `id` IS NOT NULL AND (`_mtx_loaded_at` > (COALESCE((SELECT MAX(`_mtx_loaded_at`) FROM `metronome`.`current_breakdowns_line_items`), toDateTime64('1970-01-01 00:00:00.000000', 6, 'UTC')) - INTERVAL 3600 SECOND) OR `_mtx_loaded_at` IS NULL)
)
UNION ALL
SELECT `id`, `environment_type`, `snapshot_timestamp`, `watermark_timestamp`, `invoice_breakdown_id`, `name`, `transfer_id`, `group_key`, `group_value`, `quantity`, `total`, `unit_price`, `product_id`, `product_type`, `credit_type_id`, `credit_type_name`, `commit_id`, `commit_segment_id`, `commit_type`, `subscription_id`, `is_prorated`, `line_item_id`, `line_item_type`, `custom_fields`, `pricing_group_values`, `presentation_group_values`, `billable_metric_id`, `metadata`, `breakdown_start_timestamp`, `breakdown_end_timestamp`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM (
  SELECT `id`, `environment_type`, `snapshot_timestamp`, `watermark_timestamp`, `invoice_breakdown_id`, `name`, `transfer_id`, `group_key`, `group_value`, `quantity`, `total`, `unit_price`, `product_id`, `product_type`, `credit_type_id`, `credit_type_name`, `commit_id`, `commit_segment_id`, `commit_type`, `subscription_id`, `is_prorated`, `line_item_id`, `line_item_type`, `custom_fields`, `pricing_group_values`, `presentation_group_values`, `billable_metric_id`, `metadata`, `breakdown_start_timestamp`, `breakdown_end_timestamp`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
  FROM (
    SELECT `id`, `environment_type`, `snapshot_timestamp`, `watermark_timestamp`, `invoice_breakdown_id`, `name`, `transfer_id`, `group_key`, `group_value`, `quantity`, `total`, `unit_price`, `product_id`, `product_type`, `credit_type_id`, `credit_type_name`, `commit_id`, `commit_segment_id`, `commit_type`, `subscription_id`, `is_prorated`, `line_item_id`, `line_item_type`, `custom_fields`, `pricing_group_values`, `presentation_group_values`, `billable_metric_id`, `metadata`, `breakdown_start_timestamp`, `breakdown_end_timestamp`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
    FROM `metronome`.`breakdowns_line_items`
    WHERE `id` IS NOT NULL AND (`_mtx_loaded_at` > (COALESCE((SELECT MAX(`_mtx_loaded_at`) FROM `metronome`.`current_breakdowns_line_items`), toDateTime64('1970-01-01 00:00:00.000000', 6, 'UTC')) - INTERVAL 3600 SECOND) OR `_mtx_loaded_at` IS NULL)
    UNION ALL
    SELECT `id`, `environment_type`, `snapshot_timestamp`, `watermark_timestamp`, `invoice_breakdown_id`, `name`, `transfer_id`, `group_key`, `group_value`, `quantity`, `total`, `unit_price`, `product_id`, `product_type`, `credit_type_id`, `credit_type_name`, `commit_id`, `commit_segment_id`, `commit_type`, `subscription_id`, `is_prorated`, `line_item_id`, `line_item_type`, `custom_fields`, `pricing_group_values`, `presentation_group_values`, `billable_metric_id`, `metadata`, `breakdown_start_timestamp`, `breakdown_end_timestamp`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at` FROM `metronome`.`current_breakdowns_line_items` AS `_mtx_stored`
    WHERE `id` IN (SELECT `id` FROM (
      SELECT `id`
      FROM `metronome`.`breakdowns_line_items`
      WHERE `id` IS NOT NULL AND (`_mtx_loaded_at` > (COALESCE((SELECT MAX(`_mtx_loaded_at`) FROM `metronome`.`current_breakdowns_line_items`), toDateTime64('1970-01-01 00:00:00.000000', 6, 'UTC')) - INTERVAL 3600 SECOND) OR `_mtx_loaded_at` IS NULL)
    ) AS `_mtx_tail`)
  ) AS `_mtx_candidates`
  ORDER BY `id`, `environment_type`, `updated_at` DESC NULLS LAST, `_mtx_transferred_at` DESC NULLS LAST, `_mtx_source_file` DESC NULLS LAST, `_mtx_loaded_at` DESC NULLS LAST
  LIMIT 1 BY `id`, `environment_type`
) AS `_mtx_winners`;

-- refresh of current_breakdowns_line_items when it exists:
DROP TABLE IF EXISTS `metronome`.`_mtx_merge_current_breakdowns_line_items_8262e6d5`;

CREATE TABLE `metronome`.`_mtx_merge_current_breakdowns_line_items_8262e6d5` ENGINE = MergeTree ORDER BY tuple() AS
SELECT `id`, `environment_type`, `snapshot_timestamp`, `watermark_timestamp`, `invoice_breakdown_id`, `name`, `transfer_id`, `group_key`, `group_value`, `quantity`, `total`, `unit_price`, `product_id`, `product_type`, `credit_type_id`, `credit_type_name`, `commit_id`, `commit_segment_id`, `commit_type`, `subscription_id`, `is_prorated`, `line_item_id`, `line_item_type`, `custom_fields`, `pricing_group_values`, `presentation_group_values`, `billable_metric_id`, `metadata`, `breakdown_start_timestamp`, `breakdown_end_timestamp`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM (
  SELECT `id`, `environment_type`, `snapshot_timestamp`, `watermark_timestamp`, `invoice_breakdown_id`, `name`, `transfer_id`, `group_key`, `group_value`, `quantity`, `total`, `unit_price`, `product_id`, `product_type`, `credit_type_id`, `credit_type_name`, `commit_id`, `commit_segment_id`, `commit_type`, `subscription_id`, `is_prorated`, `line_item_id`, `line_item_type`, `custom_fields`, `pricing_group_values`, `presentation_group_values`, `billable_metric_id`, `metadata`, `breakdown_start_timestamp`, `breakdown_end_timestamp`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
  FROM `metronome`.`breakdowns_line_items`
  WHERE `id` IS NOT NULL AND (`_mtx_loaded_at` > ((SELECT MAX(`_mtx_loaded_at`) FROM `metronome`.`current_breakdowns_line_items`) - INTERVAL 3600 SECOND) OR `_mtx_loaded_at` IS NULL)
  UNION ALL
  SELECT `id`, `environment_type`, `snapshot_timestamp`, `watermark_timestamp`, `invoice_breakdown_id`, `name`, `transfer_id`, `group_key`, `group_value`, `quantity`, `total`, `unit_price`, `product_id`, `product_type`, `credit_type_id`, `credit_type_name`, `commit_id`, `commit_segment_id`, `commit_type`, `subscription_id`, `is_prorated`, `line_item_id`, `line_item_type`, `custom_fields`, `pricing_group_values`, `presentation_group_values`, `billable_metric_id`, `metadata`, `breakdown_start_timestamp`, `breakdown_end_timestamp`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at` FROM `metronome`.`current_breakdowns_line_items` WHERE `id` IN (SELECT `id` FROM (SELECT `id`
FROM `metronome`.`breakdowns_line_items`
WHERE `id` IS NOT NULL AND (`_mtx_loaded_at` > ((SELECT MAX(`_mtx_loaded_at`) FROM `metronome`.`current_breakdowns_line_items`) - INTERVAL 3600 SECOND) OR `_mtx_loaded_at` IS NULL)) AS `_mtx_tail`)
) AS `_mtx_candidates`
ORDER BY `id`, `environment_type`, `updated_at` DESC NULLS LAST, `_mtx_transferred_at` DESC NULLS LAST, `_mtx_source_file` DESC NULLS LAST, `_mtx_loaded_at` DESC NULLS LAST
LIMIT 1 BY `id`, `environment_type`;

DELETE FROM `metronome`.`current_breakdowns_line_items` WHERE `id` IN (SELECT `id` FROM `metronome`.`_mtx_merge_current_breakdowns_line_items_8262e6d5`);

INSERT INTO `metronome`.`current_breakdowns_line_items` (`id`, `environment_type`, `snapshot_timestamp`, `watermark_timestamp`, `invoice_breakdown_id`, `name`, `transfer_id`, `group_key`, `group_value`, `quantity`, `total`, `unit_price`, `product_id`, `product_type`, `credit_type_id`, `credit_type_name`, `commit_id`, `commit_segment_id`, `commit_type`, `subscription_id`, `is_prorated`, `line_item_id`, `line_item_type`, `custom_fields`, `pricing_group_values`, `presentation_group_values`, `billable_metric_id`, `metadata`, `breakdown_start_timestamp`, `breakdown_end_timestamp`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`)
SELECT `id`, `environment_type`, `snapshot_timestamp`, `watermark_timestamp`, `invoice_breakdown_id`, `name`, `transfer_id`, `group_key`, `group_value`, `quantity`, `total`, `unit_price`, `product_id`, `product_type`, `credit_type_id`, `credit_type_name`, `commit_id`, `commit_segment_id`, `commit_type`, `subscription_id`, `is_prorated`, `line_item_id`, `line_item_type`, `custom_fields`, `pricing_group_values`, `presentation_group_values`, `billable_metric_id`, `metadata`, `breakdown_start_timestamp`, `breakdown_end_timestamp`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at` FROM `metronome`.`_mtx_merge_current_breakdowns_line_items_8262e6d5`;

DROP TABLE `metronome`.`_mtx_merge_current_breakdowns_line_items_8262e6d5`;

CREATE OR REPLACE VIEW `metronome`.`current_breakdowns_line_items_live` AS
SELECT `id`, `environment_type`, `snapshot_timestamp`, `watermark_timestamp`, `invoice_breakdown_id`, `name`, `transfer_id`, `group_key`, `group_value`, `quantity`, `total`, `unit_price`, `product_id`, `product_type`, `credit_type_id`, `credit_type_name`, `commit_id`, `commit_segment_id`, `commit_type`, `subscription_id`, `is_prorated`, `line_item_id`, `line_item_type`, `custom_fields`, `pricing_group_values`, `presentation_group_values`, `billable_metric_id`, `metadata`, `breakdown_start_timestamp`, `breakdown_end_timestamp`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM `metronome`.`current_breakdowns_line_items` AS `_mtx_stored`
WHERE `id` NOT IN (
    SELECT `id`
    FROM `metronome`.`breakdowns_line_items`
    WHERE `id` IS NOT NULL AND (`_mtx_loaded_at` > (COALESCE((SELECT MAX(`_mtx_loaded_at`) FROM `metronome`.`current_breakdowns_line_items`), toDateTime64('1970-01-01 00:00:00.000000', 6, 'UTC')) - INTERVAL 3600 SECOND) OR `_mtx_loaded_at` IS NULL)
)
UNION ALL
SELECT `id`, `environment_type`, `snapshot_timestamp`, `watermark_timestamp`, `invoice_breakdown_id`, `name`, `transfer_id`, `group_key`, `group_value`, `quantity`, `total`, `unit_price`, `product_id`, `product_type`, `credit_type_id`, `credit_type_name`, `commit_id`, `commit_segment_id`, `commit_type`, `subscription_id`, `is_prorated`, `line_item_id`, `line_item_type`, `custom_fields`, `pricing_group_values`, `presentation_group_values`, `billable_metric_id`, `metadata`, `breakdown_start_timestamp`, `breakdown_end_timestamp`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM (
  SELECT `id`, `environment_type`, `snapshot_timestamp`, `watermark_timestamp`, `invoice_breakdown_id`, `name`, `transfer_id`, `group_key`, `group_value`, `quantity`, `total`, `unit_price`, `product_id`, `product_type`, `credit_type_id`, `credit_type_name`, `commit_id`, `commit_segment_id`, `commit_type`, `subscription_id`, `is_prorated`, `line_item_id`, `line_item_type`, `custom_fields`, `pricing_group_values`, `presentation_group_values`, `billable_metric_id`, `metadata`, `breakdown_start_timestamp`, `breakdown_end_timestamp`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
  FROM (
    SELECT `id`, `environment_type`, `snapshot_timestamp`, `watermark_timestamp`, `invoice_breakdown_id`, `name`, `transfer_id`, `group_key`, `group_value`, `quantity`, `total`, `unit_price`, `product_id`, `product_type`, `credit_type_id`, `credit_type_name`, `commit_id`, `commit_segment_id`, `commit_type`, `subscription_id`, `is_prorated`, `line_item_id`, `line_item_type`, `custom_fields`, `pricing_group_values`, `presentation_group_values`, `billable_metric_id`, `metadata`, `breakdown_start_timestamp`, `breakdown_end_timestamp`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
    FROM `metronome`.`breakdowns_line_items`
    WHERE `id` IS NOT NULL AND (`_mtx_loaded_at` > (COALESCE((SELECT MAX(`_mtx_loaded_at`) FROM `metronome`.`current_breakdowns_line_items`), toDateTime64('1970-01-01 00:00:00.000000', 6, 'UTC')) - INTERVAL 3600 SECOND) OR `_mtx_loaded_at` IS NULL)
    UNION ALL
    SELECT `id`, `environment_type`, `snapshot_timestamp`, `watermark_timestamp`, `invoice_breakdown_id`, `name`, `transfer_id`, `group_key`, `group_value`, `quantity`, `total`, `unit_price`, `product_id`, `product_type`, `credit_type_id`, `credit_type_name`, `commit_id`, `commit_segment_id`, `commit_type`, `subscription_id`, `is_prorated`, `line_item_id`, `line_item_type`, `custom_fields`, `pricing_group_values`, `presentation_group_values`, `billable_metric_id`, `metadata`, `breakdown_start_timestamp`, `breakdown_end_timestamp`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at` FROM `metronome`.`current_breakdowns_line_items` AS `_mtx_stored`
    WHERE `id` IN (SELECT `id` FROM (
      SELECT `id`
      FROM `metronome`.`breakdowns_line_items`
      WHERE `id` IS NOT NULL AND (`_mtx_loaded_at` > (COALESCE((SELECT MAX(`_mtx_loaded_at`) FROM `metronome`.`current_breakdowns_line_items`), toDateTime64('1970-01-01 00:00:00.000000', 6, 'UTC')) - INTERVAL 3600 SECOND) OR `_mtx_loaded_at` IS NULL)
    ) AS `_mtx_tail`)
  ) AS `_mtx_candidates`
  ORDER BY `id`, `environment_type`, `updated_at` DESC NULLS LAST, `_mtx_transferred_at` DESC NULLS LAST, `_mtx_source_file` DESC NULLS LAST, `_mtx_loaded_at` DESC NULLS LAST
  LIMIT 1 BY `id`, `environment_type`
) AS `_mtx_winners`;

-- model current_contract_hierarchy_configurations (view, built-in current-state model of contract_hierarchy_configurations)
-- Current state of contract_hierarchy_configurations: the latest snapshot (by snapshot_id) of each environment, one row per id.
CREATE OR REPLACE VIEW `metronome`.`current_contract_hierarchy_configurations` AS
SELECT `id`, `contract_id`, `parent_contract_id`, `parent_customer_id`, `child_info`, `updated_at`, `metadata`, `environment_type`, `snapshot_id`, `payer`, `usage_statement_behavior`, `invoice_consolidation_type`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM (
  SELECT `id`, `contract_id`, `parent_contract_id`, `parent_customer_id`, `child_info`, `updated_at`, `metadata`, `environment_type`, `snapshot_id`, `payer`, `usage_statement_behavior`, `invoice_consolidation_type`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
  FROM (
    SELECT `id`, `contract_id`, `parent_contract_id`, `parent_customer_id`, `child_info`, `updated_at`, `metadata`, `environment_type`, `snapshot_id`, `payer`, `usage_statement_behavior`, `invoice_consolidation_type`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`,
      FIRST_VALUE(`snapshot_id`) OVER (PARTITION BY `environment_type` ORDER BY `_mtx_transferred_at` DESC NULLS LAST, `snapshot_id` DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS `_mtx_latest_snapshot`
    FROM `metronome`.`contract_hierarchy_configurations`
    WHERE `snapshot_id` IS NOT NULL AND `id` IS NOT NULL
  ) AS `_mtx_snapshots`
  WHERE `snapshot_id` = `_mtx_latest_snapshot`
) AS `_mtx_latest`
ORDER BY `id`, `environment_type`, `updated_at` DESC NULLS LAST, `_mtx_transferred_at` DESC NULLS LAST, `_mtx_source_file` DESC NULLS LAST, `_mtx_loaded_at` DESC NULLS LAST
LIMIT 1 BY `id`, `environment_type`;

-- model current_contracts_amendments (view, built-in current-state model of contracts_amendments)
-- Current state of contracts_amendments: the latest snapshot (by snapshot_id) of each environment, one row per id.
CREATE OR REPLACE VIEW `metronome`.`current_contracts_amendments` AS
SELECT `id`, `environment_type`, `snapshot_id`, `contract_id`, `effective_at`, `metadata`, `created_at`, `created_by`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM (
  SELECT `id`, `environment_type`, `snapshot_id`, `contract_id`, `effective_at`, `metadata`, `created_at`, `created_by`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
  FROM (
    SELECT `id`, `environment_type`, `snapshot_id`, `contract_id`, `effective_at`, `metadata`, `created_at`, `created_by`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`,
      FIRST_VALUE(`snapshot_id`) OVER (PARTITION BY `environment_type` ORDER BY `_mtx_transferred_at` DESC NULLS LAST, `snapshot_id` DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS `_mtx_latest_snapshot`
    FROM `metronome`.`contracts_amendments`
    WHERE `snapshot_id` IS NOT NULL AND `id` IS NOT NULL
  ) AS `_mtx_snapshots`
  WHERE `snapshot_id` = `_mtx_latest_snapshot`
) AS `_mtx_latest`
ORDER BY `id`, `environment_type`, `updated_at` DESC NULLS LAST, `_mtx_transferred_at` DESC NULLS LAST, `_mtx_source_file` DESC NULLS LAST, `_mtx_loaded_at` DESC NULLS LAST
LIMIT 1 BY `id`, `environment_type`;

-- model current_contracts_balances (view, built-in current-state model of contracts_balances)
-- Current state of contracts_balances: the latest snapshot (by snapshot_id) of each environment, one row per id.
CREATE OR REPLACE VIEW `metronome`.`current_contracts_balances` AS
SELECT `id`, `environment_type`, `snapshot_id`, `customer_id`, `contract_id`, `amendment_id`, `type`, `name`, `priority`, `description`, `product_id`, `access_schedule`, `invoice_schedule`, `rollover_fraction`, `rate_type`, `applicable_product_ids`, `applicable_product_tags`, `specifiers`, `applicable_contract_ids`, `invoice_contract_id`, `ledger`, `rolled_over_from_commit_id`, `rolled_over_from_contract_id`, `recurring_commit_id`, `metadata`, `balance`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM (
  SELECT `id`, `environment_type`, `snapshot_id`, `customer_id`, `contract_id`, `amendment_id`, `type`, `name`, `priority`, `description`, `product_id`, `access_schedule`, `invoice_schedule`, `rollover_fraction`, `rate_type`, `applicable_product_ids`, `applicable_product_tags`, `specifiers`, `applicable_contract_ids`, `invoice_contract_id`, `ledger`, `rolled_over_from_commit_id`, `rolled_over_from_contract_id`, `recurring_commit_id`, `metadata`, `balance`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
  FROM (
    SELECT `id`, `environment_type`, `snapshot_id`, `customer_id`, `contract_id`, `amendment_id`, `type`, `name`, `priority`, `description`, `product_id`, `access_schedule`, `invoice_schedule`, `rollover_fraction`, `rate_type`, `applicable_product_ids`, `applicable_product_tags`, `specifiers`, `applicable_contract_ids`, `invoice_contract_id`, `ledger`, `rolled_over_from_commit_id`, `rolled_over_from_contract_id`, `recurring_commit_id`, `metadata`, `balance`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`,
      FIRST_VALUE(`snapshot_id`) OVER (PARTITION BY `environment_type` ORDER BY `_mtx_transferred_at` DESC NULLS LAST, `snapshot_id` DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS `_mtx_latest_snapshot`
    FROM `metronome`.`contracts_balances`
    WHERE `snapshot_id` IS NOT NULL AND `id` IS NOT NULL
  ) AS `_mtx_snapshots`
  WHERE `snapshot_id` = `_mtx_latest_snapshot`
) AS `_mtx_latest`
ORDER BY `id`, `environment_type`, `updated_at` DESC NULLS LAST, `_mtx_transferred_at` DESC NULLS LAST, `_mtx_source_file` DESC NULLS LAST, `_mtx_loaded_at` DESC NULLS LAST
LIMIT 1 BY `id`, `environment_type`;

-- model current_contracts_commits (view, built-in current-state model of contracts_commits)
-- Current state of contracts_commits: the latest snapshot (by snapshot_id) of each environment, one row per id.
CREATE OR REPLACE VIEW `metronome`.`current_contracts_commits` AS
SELECT `id`, `environment_type`, `snapshot_id`, `contract_id`, `amendment_id`, `type`, `name`, `priority`, `description`, `product_id`, `amount`, `access_schedule`, `invoice_schedule`, `rollover_fraction`, `rate_type`, `applicable_product_ids`, `applicable_product_tags`, `specifiers`, `ledger`, `rolled_over_from_commit_id`, `rolled_over_from_contract_id`, `recurring_commit_id`, `metadata`, `balance`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM (
  SELECT `id`, `environment_type`, `snapshot_id`, `contract_id`, `amendment_id`, `type`, `name`, `priority`, `description`, `product_id`, `amount`, `access_schedule`, `invoice_schedule`, `rollover_fraction`, `rate_type`, `applicable_product_ids`, `applicable_product_tags`, `specifiers`, `ledger`, `rolled_over_from_commit_id`, `rolled_over_from_contract_id`, `recurring_commit_id`, `metadata`, `balance`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
  FROM (
    SELECT `id`, `environment_type`, `snapshot_id`, `contract_id`, `amendment_id`, `type`, `name`, `priority`, `description`, `product_id`, `amount`, `access_schedule`, `invoice_schedule`, `rollover_fraction`, `rate_type`, `applicable_product_ids`, `applicable_product_tags`, `specifiers`, `ledger`, `rolled_over_from_commit_id`, `rolled_over_from_contract_id`, `recurring_commit_id`, `metadata`, `balance`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`,
      FIRST_VALUE(`snapshot_id`) OVER (PARTITION BY `environment_type` ORDER BY `_mtx_transferred_at` DESC NULLS LAST, `snapshot_id` DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS `_mtx_latest_snapshot`
    FROM `metronome`.`contracts_commits`
    WHERE `snapshot_id` IS NOT NULL AND `id` IS NOT NULL
  ) AS `_mtx_snapshots`
  WHERE `snapshot_id` = `_mtx_latest_snapshot`
) AS `_mtx_latest`
ORDER BY `id`, `environment_type`, `updated_at` DESC NULLS LAST, `_mtx_transferred_at` DESC NULLS LAST, `_mtx_source_file` DESC NULLS LAST, `_mtx_loaded_at` DESC NULLS LAST
LIMIT 1 BY `id`, `environment_type`;

-- model current_contracts_contracts (view, built-in current-state model of contracts_contracts)
-- Current state of contracts_contracts: the latest snapshot (by snapshot_id) of each environment, one row per id.
CREATE OR REPLACE VIEW `metronome`.`current_contracts_contracts` AS
SELECT `id`, `environment_type`, `snapshot_id`, `name`, `customer_id`, `package_id`, `rate_card_id`, `starting_at`, `ending_before`, `archived_at`, `multiplier_override_prioritization`, `net_payment_terms_days`, `usage_statement_schedule_frequency`, `scheduled_charges_on_usage_invoices`, `metadata`, `created_at`, `created_by`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM (
  SELECT `id`, `environment_type`, `snapshot_id`, `name`, `customer_id`, `package_id`, `rate_card_id`, `starting_at`, `ending_before`, `archived_at`, `multiplier_override_prioritization`, `net_payment_terms_days`, `usage_statement_schedule_frequency`, `scheduled_charges_on_usage_invoices`, `metadata`, `created_at`, `created_by`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
  FROM (
    SELECT `id`, `environment_type`, `snapshot_id`, `name`, `customer_id`, `package_id`, `rate_card_id`, `starting_at`, `ending_before`, `archived_at`, `multiplier_override_prioritization`, `net_payment_terms_days`, `usage_statement_schedule_frequency`, `scheduled_charges_on_usage_invoices`, `metadata`, `created_at`, `created_by`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`,
      FIRST_VALUE(`snapshot_id`) OVER (PARTITION BY `environment_type` ORDER BY `_mtx_transferred_at` DESC NULLS LAST, `snapshot_id` DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS `_mtx_latest_snapshot`
    FROM `metronome`.`contracts_contracts`
    WHERE `snapshot_id` IS NOT NULL AND `id` IS NOT NULL
  ) AS `_mtx_snapshots`
  WHERE `snapshot_id` = `_mtx_latest_snapshot`
) AS `_mtx_latest`
ORDER BY `id`, `environment_type`, `updated_at` DESC NULLS LAST, `_mtx_transferred_at` DESC NULLS LAST, `_mtx_source_file` DESC NULLS LAST, `_mtx_loaded_at` DESC NULLS LAST
LIMIT 1 BY `id`, `environment_type`;

-- model current_contracts_edits (view, built-in current-state model of contracts_edits)
-- Current state of contracts_edits: the latest snapshot (by snapshot_id) of each environment, one row per id.
CREATE OR REPLACE VIEW `metronome`.`current_contracts_edits` AS
SELECT `id`, `contract_id`, `timestamp`, `edits`, `metadata`, `environment_type`, `created_by`, `updated_at`, `snapshot_id`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM (
  SELECT `id`, `contract_id`, `timestamp`, `edits`, `metadata`, `environment_type`, `created_by`, `updated_at`, `snapshot_id`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
  FROM (
    SELECT `id`, `contract_id`, `timestamp`, `edits`, `metadata`, `environment_type`, `created_by`, `updated_at`, `snapshot_id`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`,
      FIRST_VALUE(`snapshot_id`) OVER (PARTITION BY `environment_type` ORDER BY `_mtx_transferred_at` DESC NULLS LAST, `snapshot_id` DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS `_mtx_latest_snapshot`
    FROM `metronome`.`contracts_edits`
    WHERE `snapshot_id` IS NOT NULL AND `id` IS NOT NULL
  ) AS `_mtx_snapshots`
  WHERE `snapshot_id` = `_mtx_latest_snapshot`
) AS `_mtx_latest`
ORDER BY `id`, `environment_type`, `updated_at` DESC NULLS LAST, `_mtx_transferred_at` DESC NULLS LAST, `_mtx_source_file` DESC NULLS LAST, `_mtx_loaded_at` DESC NULLS LAST
LIMIT 1 BY `id`, `environment_type`;

-- model current_contracts_overrides (view, built-in current-state model of contracts_overrides)
-- Current state of contracts_overrides: the latest snapshot (by snapshot_id) of each environment, one row per id.
CREATE OR REPLACE VIEW `metronome`.`current_contracts_overrides` AS
SELECT `id`, `environment_type`, `snapshot_id`, `contract_id`, `amendment_id`, `product_id`, `entitled`, `rate_type`, `multiplier`, `priority`, `new_rate`, `credit_type_id`, `credit_type_name`, `applicable_product_tags`, `override_specifiers`, `target`, `is_commit_specific`, `metadata`, `tiered_override`, `starting_at`, `ending_before`, `created_at`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM (
  SELECT `id`, `environment_type`, `snapshot_id`, `contract_id`, `amendment_id`, `product_id`, `entitled`, `rate_type`, `multiplier`, `priority`, `new_rate`, `credit_type_id`, `credit_type_name`, `applicable_product_tags`, `override_specifiers`, `target`, `is_commit_specific`, `metadata`, `tiered_override`, `starting_at`, `ending_before`, `created_at`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
  FROM (
    SELECT `id`, `environment_type`, `snapshot_id`, `contract_id`, `amendment_id`, `product_id`, `entitled`, `rate_type`, `multiplier`, `priority`, `new_rate`, `credit_type_id`, `credit_type_name`, `applicable_product_tags`, `override_specifiers`, `target`, `is_commit_specific`, `metadata`, `tiered_override`, `starting_at`, `ending_before`, `created_at`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`,
      FIRST_VALUE(`snapshot_id`) OVER (PARTITION BY `environment_type` ORDER BY `_mtx_transferred_at` DESC NULLS LAST, `snapshot_id` DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS `_mtx_latest_snapshot`
    FROM `metronome`.`contracts_overrides`
    WHERE `snapshot_id` IS NOT NULL AND `id` IS NOT NULL
  ) AS `_mtx_snapshots`
  WHERE `snapshot_id` = `_mtx_latest_snapshot`
) AS `_mtx_latest`
ORDER BY `id`, `environment_type`, `updated_at` DESC NULLS LAST, `_mtx_transferred_at` DESC NULLS LAST, `_mtx_source_file` DESC NULLS LAST, `_mtx_loaded_at` DESC NULLS LAST
LIMIT 1 BY `id`, `environment_type`;

-- model current_contracts_prepaid_balance_threshold_configurations (view, built-in current-state model of contracts_prepaid_balance_threshold_configurations)
-- Current state of contracts_prepaid_balance_threshold_configurations: the latest snapshot (by snapshot_id) of each environment, one row per id.
CREATE OR REPLACE VIEW `metronome`.`current_contracts_prepaid_balance_threshold_configurations` AS
SELECT `id`, `environment_type`, `snapshot_id`, `contract_id`, `enabled`, `threshold_amount`, `recharge_to_amount`, `commit_name`, `commit_description`, `commit_product_id`, `commit_applicable_product_ids`, `commit_applicable_product_tags`, `payment_gate_type`, `tax_type`, `stripe_payment_type`, `metadata`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM (
  SELECT `id`, `environment_type`, `snapshot_id`, `contract_id`, `enabled`, `threshold_amount`, `recharge_to_amount`, `commit_name`, `commit_description`, `commit_product_id`, `commit_applicable_product_ids`, `commit_applicable_product_tags`, `payment_gate_type`, `tax_type`, `stripe_payment_type`, `metadata`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
  FROM (
    SELECT `id`, `environment_type`, `snapshot_id`, `contract_id`, `enabled`, `threshold_amount`, `recharge_to_amount`, `commit_name`, `commit_description`, `commit_product_id`, `commit_applicable_product_ids`, `commit_applicable_product_tags`, `payment_gate_type`, `tax_type`, `stripe_payment_type`, `metadata`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`,
      FIRST_VALUE(`snapshot_id`) OVER (PARTITION BY `environment_type` ORDER BY `_mtx_transferred_at` DESC NULLS LAST, `snapshot_id` DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS `_mtx_latest_snapshot`
    FROM `metronome`.`contracts_prepaid_balance_threshold_configurations`
    WHERE `snapshot_id` IS NOT NULL AND `id` IS NOT NULL
  ) AS `_mtx_snapshots`
  WHERE `snapshot_id` = `_mtx_latest_snapshot`
) AS `_mtx_latest`
ORDER BY `id`, `environment_type`, `updated_at` DESC NULLS LAST, `_mtx_transferred_at` DESC NULLS LAST, `_mtx_source_file` DESC NULLS LAST, `_mtx_loaded_at` DESC NULLS LAST
LIMIT 1 BY `id`, `environment_type`;

-- model current_contracts_product_list_item_versions (view, built-in current-state model of contracts_product_list_item_versions)
-- Current state of contracts_product_list_item_versions: the latest snapshot (by snapshot_id) of each environment, one row per id.
CREATE OR REPLACE VIEW `metronome`.`current_contracts_product_list_item_versions` AS
SELECT `id`, `environment_type`, `snapshot_id`, `product_list_item_id`, `type`, `version`, `name`, `is_refundable`, `billable_metric_id`, `composite_product_ids`, `composite_scope`, `tags`, `composite_tags`, `quantity_conversion`, `quantity_rounding`, `pricing_group_key`, `presentation_group_key`, `metadata`, `starting_at`, `created_at`, `created_by`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM (
  SELECT `id`, `environment_type`, `snapshot_id`, `product_list_item_id`, `type`, `version`, `name`, `is_refundable`, `billable_metric_id`, `composite_product_ids`, `composite_scope`, `tags`, `composite_tags`, `quantity_conversion`, `quantity_rounding`, `pricing_group_key`, `presentation_group_key`, `metadata`, `starting_at`, `created_at`, `created_by`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
  FROM (
    SELECT `id`, `environment_type`, `snapshot_id`, `product_list_item_id`, `type`, `version`, `name`, `is_refundable`, `billable_metric_id`, `composite_product_ids`, `composite_scope`, `tags`, `composite_tags`, `quantity_conversion`, `quantity_rounding`, `pricing_group_key`, `presentation_group_key`, `metadata`, `starting_at`, `created_at`, `created_by`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`,
      FIRST_VALUE(`snapshot_id`) OVER (PARTITION BY `environment_type` ORDER BY `_mtx_transferred_at` DESC NULLS LAST, `snapshot_id` DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS `_mtx_latest_snapshot`
    FROM `metronome`.`contracts_product_list_item_versions`
    WHERE `snapshot_id` IS NOT NULL AND `id` IS NOT NULL
  ) AS `_mtx_snapshots`
  WHERE `snapshot_id` = `_mtx_latest_snapshot`
) AS `_mtx_latest`
ORDER BY `id`, `environment_type`, `updated_at` DESC NULLS LAST, `_mtx_transferred_at` DESC NULLS LAST, `_mtx_source_file` DESC NULLS LAST, `_mtx_loaded_at` DESC NULLS LAST
LIMIT 1 BY `id`, `environment_type`;

-- model current_contracts_rate_card_entries (view, built-in current-state model of contracts_rate_card_entries)
-- Current state of contracts_rate_card_entries: the latest snapshot (by snapshot_id) of each environment, one row per id.
CREATE OR REPLACE VIEW `metronome`.`current_contracts_rate_card_entries` AS
SELECT `id`, `environment_type`, `rate_card_id`, `product_id`, `version`, `entitled`, `rate`, `commit_rate`, `product_order`, `pricing_group_values`, `snapshot_id`, `metadata`, `credit_type_id`, `credit_type_name`, `billing_frequency`, `starting_at`, `ending_before`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM (
  SELECT `id`, `environment_type`, `rate_card_id`, `product_id`, `version`, `entitled`, `rate`, `commit_rate`, `product_order`, `pricing_group_values`, `snapshot_id`, `metadata`, `credit_type_id`, `credit_type_name`, `billing_frequency`, `starting_at`, `ending_before`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
  FROM (
    SELECT `id`, `environment_type`, `rate_card_id`, `product_id`, `version`, `entitled`, `rate`, `commit_rate`, `product_order`, `pricing_group_values`, `snapshot_id`, `metadata`, `credit_type_id`, `credit_type_name`, `billing_frequency`, `starting_at`, `ending_before`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`,
      FIRST_VALUE(`snapshot_id`) OVER (PARTITION BY `environment_type` ORDER BY `_mtx_transferred_at` DESC NULLS LAST, `snapshot_id` DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS `_mtx_latest_snapshot`
    FROM `metronome`.`contracts_rate_card_entries`
    WHERE `snapshot_id` IS NOT NULL AND `id` IS NOT NULL
  ) AS `_mtx_snapshots`
  WHERE `snapshot_id` = `_mtx_latest_snapshot`
) AS `_mtx_latest`
ORDER BY `id`, `environment_type`, `updated_at` DESC NULLS LAST, `_mtx_transferred_at` DESC NULLS LAST, `_mtx_source_file` DESC NULLS LAST, `_mtx_loaded_at` DESC NULLS LAST
LIMIT 1 BY `id`, `environment_type`;

-- model current_contracts_rate_cards (view, built-in current-state model of contracts_rate_cards)
-- Current state of contracts_rate_cards: the latest snapshot (by snapshot_id) of each environment, one row per id.
CREATE OR REPLACE VIEW `metronome`.`current_contracts_rate_cards` AS
SELECT `id`, `environment_type`, `snapshot_id`, `credit_type_conversions`, `metadata`, `aliases`, `fiat_credit_type_id`, `fiat_credit_type_name`, `description`, `name`, `created_by`, `created_at`, `updated_at`, `archived_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM (
  SELECT `id`, `environment_type`, `snapshot_id`, `credit_type_conversions`, `metadata`, `aliases`, `fiat_credit_type_id`, `fiat_credit_type_name`, `description`, `name`, `created_by`, `created_at`, `updated_at`, `archived_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
  FROM (
    SELECT `id`, `environment_type`, `snapshot_id`, `credit_type_conversions`, `metadata`, `aliases`, `fiat_credit_type_id`, `fiat_credit_type_name`, `description`, `name`, `created_by`, `created_at`, `updated_at`, `archived_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`,
      FIRST_VALUE(`snapshot_id`) OVER (PARTITION BY `environment_type` ORDER BY `_mtx_transferred_at` DESC NULLS LAST, `snapshot_id` DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS `_mtx_latest_snapshot`
    FROM `metronome`.`contracts_rate_cards`
    WHERE `snapshot_id` IS NOT NULL AND `id` IS NOT NULL
  ) AS `_mtx_snapshots`
  WHERE `snapshot_id` = `_mtx_latest_snapshot`
) AS `_mtx_latest`
ORDER BY `id`, `environment_type`, `updated_at` DESC NULLS LAST, `_mtx_transferred_at` DESC NULLS LAST, `_mtx_source_file` DESC NULLS LAST, `_mtx_loaded_at` DESC NULLS LAST
LIMIT 1 BY `id`, `environment_type`;

-- model current_contracts_recurring_commits_and_credits (view, built-in current-state model of contracts_recurring_commits_and_credits)
-- Current state of contracts_recurring_commits_and_credits: the latest snapshot (by snapshot_id) of each environment, one row per id.
CREATE OR REPLACE VIEW `metronome`.`current_contracts_recurring_commits_and_credits` AS
SELECT `id`, `environment_type`, `snapshot_id`, `contract_id`, `customer_id`, `type`, `name`, `priority`, `description`, `product_id`, `access_amount`, `invoice_amount`, `rollover_fraction`, `rate_type`, `applicable_product_ids`, `applicable_product_tags`, `specifiers`, `commit_duration`, `proration`, `recurrence_frequency`, `metadata`, `subscription_config`, `starting_at`, `ending_before`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM (
  SELECT `id`, `environment_type`, `snapshot_id`, `contract_id`, `customer_id`, `type`, `name`, `priority`, `description`, `product_id`, `access_amount`, `invoice_amount`, `rollover_fraction`, `rate_type`, `applicable_product_ids`, `applicable_product_tags`, `specifiers`, `commit_duration`, `proration`, `recurrence_frequency`, `metadata`, `subscription_config`, `starting_at`, `ending_before`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
  FROM (
    SELECT `id`, `environment_type`, `snapshot_id`, `contract_id`, `customer_id`, `type`, `name`, `priority`, `description`, `product_id`, `access_amount`, `invoice_amount`, `rollover_fraction`, `rate_type`, `applicable_product_ids`, `applicable_product_tags`, `specifiers`, `commit_duration`, `proration`, `recurrence_frequency`, `metadata`, `subscription_config`, `starting_at`, `ending_before`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`,
      FIRST_VALUE(`snapshot_id`) OVER (PARTITION BY `environment_type` ORDER BY `_mtx_transferred_at` DESC NULLS LAST, `snapshot_id` DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS `_mtx_latest_snapshot`
    FROM `metronome`.`contracts_recurring_commits_and_credits`
    WHERE `snapshot_id` IS NOT NULL AND `id` IS NOT NULL
  ) AS `_mtx_snapshots`
  WHERE `snapshot_id` = `_mtx_latest_snapshot`
) AS `_mtx_latest`
ORDER BY `id`, `environment_type`, `updated_at` DESC NULLS LAST, `_mtx_transferred_at` DESC NULLS LAST, `_mtx_source_file` DESC NULLS LAST, `_mtx_loaded_at` DESC NULLS LAST
LIMIT 1 BY `id`, `environment_type`;

-- model current_contracts_scheduled_charges (view, built-in current-state model of contracts_scheduled_charges)
-- Current state of contracts_scheduled_charges: the latest snapshot (by snapshot_id) of each environment, one row per id.
CREATE OR REPLACE VIEW `metronome`.`current_contracts_scheduled_charges` AS
SELECT `id`, `environment_type`, `snapshot_id`, `contract_id`, `amendment_id`, `name`, `description`, `product_id`, `credit_type_id`, `credit_type_name`, `schedule`, `metadata`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM (
  SELECT `id`, `environment_type`, `snapshot_id`, `contract_id`, `amendment_id`, `name`, `description`, `product_id`, `credit_type_id`, `credit_type_name`, `schedule`, `metadata`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
  FROM (
    SELECT `id`, `environment_type`, `snapshot_id`, `contract_id`, `amendment_id`, `name`, `description`, `product_id`, `credit_type_id`, `credit_type_name`, `schedule`, `metadata`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`,
      FIRST_VALUE(`snapshot_id`) OVER (PARTITION BY `environment_type` ORDER BY `_mtx_transferred_at` DESC NULLS LAST, `snapshot_id` DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS `_mtx_latest_snapshot`
    FROM `metronome`.`contracts_scheduled_charges`
    WHERE `snapshot_id` IS NOT NULL AND `id` IS NOT NULL
  ) AS `_mtx_snapshots`
  WHERE `snapshot_id` = `_mtx_latest_snapshot`
) AS `_mtx_latest`
ORDER BY `id`, `environment_type`, `updated_at` DESC NULLS LAST, `_mtx_transferred_at` DESC NULLS LAST, `_mtx_source_file` DESC NULLS LAST, `_mtx_loaded_at` DESC NULLS LAST
LIMIT 1 BY `id`, `environment_type`;

-- model current_contracts_spend_threshold_configurations (view, built-in current-state model of contracts_spend_threshold_configurations)
-- Current state of contracts_spend_threshold_configurations: the latest snapshot (by snapshot_id) of each environment, one row per id.
CREATE OR REPLACE VIEW `metronome`.`current_contracts_spend_threshold_configurations` AS
SELECT `id`, `environment_type`, `snapshot_id`, `contract_id`, `enabled`, `threshold_amount`, `commit_name`, `commit_description`, `commit_product_id`, `payment_gate_type`, `tax_type`, `stripe_payment_type`, `metadata`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM (
  SELECT `id`, `environment_type`, `snapshot_id`, `contract_id`, `enabled`, `threshold_amount`, `commit_name`, `commit_description`, `commit_product_id`, `payment_gate_type`, `tax_type`, `stripe_payment_type`, `metadata`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
  FROM (
    SELECT `id`, `environment_type`, `snapshot_id`, `contract_id`, `enabled`, `threshold_amount`, `commit_name`, `commit_description`, `commit_product_id`, `payment_gate_type`, `tax_type`, `stripe_payment_type`, `metadata`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`,
      FIRST_VALUE(`snapshot_id`) OVER (PARTITION BY `environment_type` ORDER BY `_mtx_transferred_at` DESC NULLS LAST, `snapshot_id` DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS `_mtx_latest_snapshot`
    FROM `metronome`.`contracts_spend_threshold_configurations`
    WHERE `snapshot_id` IS NOT NULL AND `id` IS NOT NULL
  ) AS `_mtx_snapshots`
  WHERE `snapshot_id` = `_mtx_latest_snapshot`
) AS `_mtx_latest`
ORDER BY `id`, `environment_type`, `updated_at` DESC NULLS LAST, `_mtx_transferred_at` DESC NULLS LAST, `_mtx_source_file` DESC NULLS LAST, `_mtx_loaded_at` DESC NULLS LAST
LIMIT 1 BY `id`, `environment_type`;

-- model current_contracts_subscriptions (view, built-in current-state model of contracts_subscriptions)
-- Current state of contracts_subscriptions: the latest snapshot (by snapshot_id) of each environment, one row per id.
CREATE OR REPLACE VIEW `metronome`.`current_contracts_subscriptions` AS
SELECT `id`, `environment_type`, `snapshot_id`, `customer_id`, `contract_id`, `product_id`, `name`, `description`, `billing_frequency`, `collection_schedule`, `is_prorated`, `invoice_behavior`, `quantity_schedule`, `fiat_credit_type_id`, `metadata`, `starting_at`, `ending_before`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM (
  SELECT `id`, `environment_type`, `snapshot_id`, `customer_id`, `contract_id`, `product_id`, `name`, `description`, `billing_frequency`, `collection_schedule`, `is_prorated`, `invoice_behavior`, `quantity_schedule`, `fiat_credit_type_id`, `metadata`, `starting_at`, `ending_before`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
  FROM (
    SELECT `id`, `environment_type`, `snapshot_id`, `customer_id`, `contract_id`, `product_id`, `name`, `description`, `billing_frequency`, `collection_schedule`, `is_prorated`, `invoice_behavior`, `quantity_schedule`, `fiat_credit_type_id`, `metadata`, `starting_at`, `ending_before`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`,
      FIRST_VALUE(`snapshot_id`) OVER (PARTITION BY `environment_type` ORDER BY `_mtx_transferred_at` DESC NULLS LAST, `snapshot_id` DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS `_mtx_latest_snapshot`
    FROM `metronome`.`contracts_subscriptions`
    WHERE `snapshot_id` IS NOT NULL AND `id` IS NOT NULL
  ) AS `_mtx_snapshots`
  WHERE `snapshot_id` = `_mtx_latest_snapshot`
) AS `_mtx_latest`
ORDER BY `id`, `environment_type`, `updated_at` DESC NULLS LAST, `_mtx_transferred_at` DESC NULLS LAST, `_mtx_source_file` DESC NULLS LAST, `_mtx_loaded_at` DESC NULLS LAST
LIMIT 1 BY `id`, `environment_type`;

-- model current_contracts_transitions (view, built-in current-state model of contracts_transitions)
-- Current state of contracts_transitions: the latest snapshot (by snapshot_id) of each environment, one row per id.
CREATE OR REPLACE VIEW `metronome`.`current_contracts_transitions` AS
SELECT `id`, `environment_type`, `snapshot_id`, `type`, `contract_id`, `from_contract_id`, `to_contract_id`, `date`, `metadata`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM (
  SELECT `id`, `environment_type`, `snapshot_id`, `type`, `contract_id`, `from_contract_id`, `to_contract_id`, `date`, `metadata`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
  FROM (
    SELECT `id`, `environment_type`, `snapshot_id`, `type`, `contract_id`, `from_contract_id`, `to_contract_id`, `date`, `metadata`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`,
      FIRST_VALUE(`snapshot_id`) OVER (PARTITION BY `environment_type` ORDER BY `_mtx_transferred_at` DESC NULLS LAST, `snapshot_id` DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS `_mtx_latest_snapshot`
    FROM `metronome`.`contracts_transitions`
    WHERE `snapshot_id` IS NOT NULL AND `id` IS NOT NULL
  ) AS `_mtx_snapshots`
  WHERE `snapshot_id` = `_mtx_latest_snapshot`
) AS `_mtx_latest`
ORDER BY `id`, `environment_type`, `updated_at` DESC NULLS LAST, `_mtx_transferred_at` DESC NULLS LAST, `_mtx_source_file` DESC NULLS LAST, `_mtx_loaded_at` DESC NULLS LAST
LIMIT 1 BY `id`, `environment_type`;

-- model current_contracts_usage_filter_schedule (view, built-in current-state model of contracts_usage_filter_schedule)
-- Current state of contracts_usage_filter_schedule: the latest snapshot (by _mtx_transferred_at) of each environment, one row per id, starting_at.
CREATE OR REPLACE VIEW `metronome`.`current_contracts_usage_filter_schedule` AS
SELECT `id`, `contract_id`, `starting_at`, `ending_before`, `group_key`, `group_values`, `metadata`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM (
  SELECT `id`, `contract_id`, `starting_at`, `ending_before`, `group_key`, `group_values`, `metadata`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
  FROM (
    SELECT `id`, `contract_id`, `starting_at`, `ending_before`, `group_key`, `group_values`, `metadata`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`,
      FIRST_VALUE(`_mtx_transferred_at`) OVER (ORDER BY `_mtx_transferred_at` DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS `_mtx_latest_snapshot`
    FROM `metronome`.`contracts_usage_filter_schedule`
    WHERE `_mtx_transferred_at` IS NOT NULL AND `id` IS NOT NULL AND `starting_at` IS NOT NULL
  ) AS `_mtx_snapshots`
  WHERE `_mtx_transferred_at` = `_mtx_latest_snapshot`
) AS `_mtx_latest`
ORDER BY `id`, `starting_at`, `updated_at` DESC NULLS LAST, `_mtx_transferred_at` DESC NULLS LAST, `_mtx_source_file` DESC NULLS LAST, `_mtx_loaded_at` DESC NULLS LAST
LIMIT 1 BY `id`, `starting_at`;

-- model current_contracts_usage_filters (view, built-in current-state model of contracts_usage_filters)
-- Current state of contracts_usage_filters: the latest snapshot (by snapshot_id) of each environment, one row per id.
CREATE OR REPLACE VIEW `metronome`.`current_contracts_usage_filters` AS
SELECT `id`, `environment_type`, `snapshot_id`, `contract_id`, `version`, `starting_at`, `group_key`, `group_values`, `metadata`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM (
  SELECT `id`, `environment_type`, `snapshot_id`, `contract_id`, `version`, `starting_at`, `group_key`, `group_values`, `metadata`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
  FROM (
    SELECT `id`, `environment_type`, `snapshot_id`, `contract_id`, `version`, `starting_at`, `group_key`, `group_values`, `metadata`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`,
      FIRST_VALUE(`snapshot_id`) OVER (PARTITION BY `environment_type` ORDER BY `_mtx_transferred_at` DESC NULLS LAST, `snapshot_id` DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS `_mtx_latest_snapshot`
    FROM `metronome`.`contracts_usage_filters`
    WHERE `snapshot_id` IS NOT NULL AND `id` IS NOT NULL
  ) AS `_mtx_snapshots`
  WHERE `snapshot_id` = `_mtx_latest_snapshot`
) AS `_mtx_latest`
ORDER BY `id`, `environment_type`, `updated_at` DESC NULLS LAST, `_mtx_transferred_at` DESC NULLS LAST, `_mtx_source_file` DESC NULLS LAST, `_mtx_loaded_at` DESC NULLS LAST
LIMIT 1 BY `id`, `environment_type`;

-- model current_credit_grant (view, built-in current-state model of credit_grant)
-- Current state of credit_grant: the newest version (by updated_at) of each id.
CREATE OR REPLACE VIEW `metronome`.`current_credit_grant` AS
SELECT `id`, `customer_id`, `name`, `invoice_id`, `priority`, `reason`, `amount_granted`, `amount_granted_credit_type_id`, `amount_paid`, `amount_paid_credit_type_id`, `custom_fields`, `product_ids`, `environment_type`, `created_at`, `updated_at`, `effective_at`, `expires_at`, `voided_at`, `credit_grant_type`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM `metronome`.`credit_grant`
WHERE `id` IS NOT NULL
ORDER BY `id`, `environment_type`, `updated_at` DESC NULLS LAST, `_mtx_transferred_at` DESC NULLS LAST, `_mtx_source_file` DESC NULLS LAST, `_mtx_loaded_at` DESC NULLS LAST
LIMIT 1 BY `id`, `environment_type`;

-- model current_credit_grant_deduction (view, built-in current-state model of credit_grant_deduction)
-- Current state of credit_grant_deduction: the newest version (by updated_at) of each id.
CREATE OR REPLACE VIEW `metronome`.`current_credit_grant_deduction` AS
SELECT `id`, `credit_grant_id`, `amount`, `memo`, `invoice_id`, `effective_at`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM `metronome`.`credit_grant_deduction`
WHERE `id` IS NOT NULL
ORDER BY `id`, `updated_at` DESC NULLS LAST, `_mtx_transferred_at` DESC NULLS LAST, `_mtx_source_file` DESC NULLS LAST, `_mtx_loaded_at` DESC NULLS LAST
LIMIT 1 BY `id`;

-- model current_credit_type (view, built-in current-state model of credit_type)
-- Current state of credit_type: the newest version (by updated_at) of each id.
CREATE OR REPLACE VIEW `metronome`.`current_credit_type` AS
SELECT `id`, `name`, `is_currency`, `environment_type`, `updated_at`, `_metronome_metadata_id`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM `metronome`.`credit_type`
WHERE `id` IS NOT NULL
ORDER BY `id`, `environment_type`, `updated_at` DESC NULLS LAST, `_mtx_transferred_at` DESC NULLS LAST, `_mtx_source_file` DESC NULLS LAST, `_mtx_loaded_at` DESC NULLS LAST
LIMIT 1 BY `id`, `environment_type`;

-- model current_customer (view, built-in current-state model of customer)
-- Current state of customer: the newest version (by updated_at) of each id.
CREATE OR REPLACE VIEW `metronome`.`current_customer` AS
SELECT `id`, `name`, `ingest_aliases`, `salesforce_account_id`, `billing_provider_type`, `billing_provider_customer_id`, `custom_fields`, `environment_type`, `created_at`, `updated_at`, `archived_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM `metronome`.`customer`
WHERE `id` IS NOT NULL
ORDER BY `id`, `environment_type`, `updated_at` DESC NULLS LAST, `_mtx_transferred_at` DESC NULLS LAST, `_mtx_source_file` DESC NULLS LAST, `_mtx_loaded_at` DESC NULLS LAST
LIMIT 1 BY `id`, `environment_type`;

-- model current_customer_alert_history (view, built-in current-state model of customer_alert_history)
-- Current state of customer_alert_history: the newest version (by created_at) of each id.
CREATE OR REPLACE VIEW `metronome`.`current_customer_alert_history` AS
SELECT `id`, `customer_id`, `alert_id`, `alert_status`, `additional_data`, `environment_type`, `created_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM `metronome`.`customer_alert_history`
WHERE `id` IS NOT NULL
ORDER BY `id`, `environment_type`, `created_at` DESC NULLS LAST, `_mtx_transferred_at` DESC NULLS LAST, `_mtx_source_file` DESC NULLS LAST, `_mtx_loaded_at` DESC NULLS LAST
LIMIT 1 BY `id`, `environment_type`;

-- model current_customer_plan (view, built-in current-state model of customer_plan)
-- Current state of customer_plan: the newest version (by updated_at) of each id.
CREATE OR REPLACE VIEW `metronome`.`current_customer_plan` AS
SELECT `id`, `customer_id`, `plan_id`, `plan_name`, `starting_on`, `ending_before`, `net_payment_term_days`, `custom_fields`, `created_at`, `updated_at`, `deleted_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM `metronome`.`customer_plan`
WHERE `id` IS NOT NULL
ORDER BY `id`, `updated_at` DESC NULLS LAST, `_mtx_transferred_at` DESC NULLS LAST, `_mtx_source_file` DESC NULLS LAST, `_mtx_loaded_at` DESC NULLS LAST
LIMIT 1 BY `id`;

-- model current_draft_invoice (view, built-in current-state model of draft_invoice)
-- Current state of draft_invoice: the latest snapshot (by snapshot_time) of each environment, one row per id.
CREATE OR REPLACE VIEW `metronome`.`current_draft_invoice` AS
SELECT `_metronome_metadata_id`, `id`, `status`, `total`, `credit_type_id`, `credit_type_name`, `customer_id`, `plan_id`, `plan_name`, `start_timestamp`, `end_timestamp`, `billing_provider_invoice_id`, `billing_provider_invoice_created_at`, `environment_type`, `updated_at`, `snapshot_time`, `label`, `contract_id`, `billable_status`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM (
  SELECT `_metronome_metadata_id`, `id`, `status`, `total`, `credit_type_id`, `credit_type_name`, `customer_id`, `plan_id`, `plan_name`, `start_timestamp`, `end_timestamp`, `billing_provider_invoice_id`, `billing_provider_invoice_created_at`, `environment_type`, `updated_at`, `snapshot_time`, `label`, `contract_id`, `billable_status`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
  FROM (
    SELECT `_metronome_metadata_id`, `id`, `status`, `total`, `credit_type_id`, `credit_type_name`, `customer_id`, `plan_id`, `plan_name`, `start_timestamp`, `end_timestamp`, `billing_provider_invoice_id`, `billing_provider_invoice_created_at`, `environment_type`, `updated_at`, `snapshot_time`, `label`, `contract_id`, `billable_status`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`,
      FIRST_VALUE(`snapshot_time`) OVER (PARTITION BY `environment_type` ORDER BY `snapshot_time` DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS `_mtx_latest_snapshot`
    FROM `metronome`.`draft_invoice`
    WHERE `snapshot_time` IS NOT NULL AND `id` IS NOT NULL
  ) AS `_mtx_snapshots`
  WHERE `snapshot_time` = `_mtx_latest_snapshot`
) AS `_mtx_latest`
ORDER BY `id`, `environment_type`, `updated_at` DESC NULLS LAST, `_mtx_transferred_at` DESC NULLS LAST, `_mtx_source_file` DESC NULLS LAST, `_mtx_loaded_at` DESC NULLS LAST
LIMIT 1 BY `id`, `environment_type`;

-- model current_draft_line_item (view, built-in current-state model of draft_line_item)
-- Current state of draft_line_item: the latest snapshot (by snapshot_time) of each environment, one row per id.
CREATE OR REPLACE VIEW `metronome`.`current_draft_line_item` AS
SELECT `_metronome_metadata_id`, `id`, `invoice_id`, `credit_grant_id`, `credit_type_id`, `credit_type_name`, `name`, `quantity`, `total`, `commit_id`, `product_id`, `group_key`, `group_value`, `is_prorated`, `updated_at`, `snapshot_time`, `environment_type`, `unit_price`, `pricing_group_values`, `subscription_id`, `metadata`, `starting_at`, `ending_before`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM (
  SELECT `_metronome_metadata_id`, `id`, `invoice_id`, `credit_grant_id`, `credit_type_id`, `credit_type_name`, `name`, `quantity`, `total`, `commit_id`, `product_id`, `group_key`, `group_value`, `is_prorated`, `updated_at`, `snapshot_time`, `environment_type`, `unit_price`, `pricing_group_values`, `subscription_id`, `metadata`, `starting_at`, `ending_before`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
  FROM (
    SELECT `_metronome_metadata_id`, `id`, `invoice_id`, `credit_grant_id`, `credit_type_id`, `credit_type_name`, `name`, `quantity`, `total`, `commit_id`, `product_id`, `group_key`, `group_value`, `is_prorated`, `updated_at`, `snapshot_time`, `environment_type`, `unit_price`, `pricing_group_values`, `subscription_id`, `metadata`, `starting_at`, `ending_before`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`,
      FIRST_VALUE(`snapshot_time`) OVER (PARTITION BY `environment_type` ORDER BY `snapshot_time` DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS `_mtx_latest_snapshot`
    FROM `metronome`.`draft_line_item`
    WHERE `snapshot_time` IS NOT NULL AND `id` IS NOT NULL
  ) AS `_mtx_snapshots`
  WHERE `snapshot_time` = `_mtx_latest_snapshot`
) AS `_mtx_latest`
ORDER BY `id`, `environment_type`, `updated_at` DESC NULLS LAST, `_mtx_transferred_at` DESC NULLS LAST, `_mtx_source_file` DESC NULLS LAST, `_mtx_loaded_at` DESC NULLS LAST
LIMIT 1 BY `id`, `environment_type`;

-- model current_draft_sub_line_item (view, built-in current-state model of draft_sub_line_item)
-- Current state of draft_sub_line_item: the latest snapshot (by snapshot_time) of each environment, one row per id.
CREATE OR REPLACE VIEW `metronome`.`current_draft_sub_line_item` AS
SELECT `_metronome_metadata_id`, `id`, `line_item_id`, `name`, `quantity`, `subtotal`, `charge_id`, `is_prorated`, `billable_metric_id`, `billable_metric_name`, `tiers`, `updated_at`, `snapshot_time`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM (
  SELECT `_metronome_metadata_id`, `id`, `line_item_id`, `name`, `quantity`, `subtotal`, `charge_id`, `is_prorated`, `billable_metric_id`, `billable_metric_name`, `tiers`, `updated_at`, `snapshot_time`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
  FROM (
    SELECT `_metronome_metadata_id`, `id`, `line_item_id`, `name`, `quantity`, `subtotal`, `charge_id`, `is_prorated`, `billable_metric_id`, `billable_metric_name`, `tiers`, `updated_at`, `snapshot_time`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`,
      FIRST_VALUE(`snapshot_time`) OVER (ORDER BY `snapshot_time` DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS `_mtx_latest_snapshot`
    FROM `metronome`.`draft_sub_line_item`
    WHERE `snapshot_time` IS NOT NULL AND `id` IS NOT NULL
  ) AS `_mtx_snapshots`
  WHERE `snapshot_time` = `_mtx_latest_snapshot`
) AS `_mtx_latest`
ORDER BY `id`, `updated_at` DESC NULLS LAST, `_mtx_transferred_at` DESC NULLS LAST, `_mtx_source_file` DESC NULLS LAST, `_mtx_loaded_at` DESC NULLS LAST
LIMIT 1 BY `id`;

-- model current_events (incremental, built-in current-state model of events)
-- Current state of events: the newest version (by updated_at, timestamp) of each transaction_id.
DROP TABLE IF EXISTS `metronome`.`_mtx_build_current_events_ed57d84a`;

CREATE TABLE `metronome`.`_mtx_build_current_events_ed57d84a` ENGINE = MergeTree ORDER BY (`transaction_id`, `environment_type`)
SETTINGS allow_nullable_key = 1 AS
SELECT `transaction_id`, `customer_id`, `timestamp`, `event_type`, `properties`, `environment_type`, `_metronome_metadata_id`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM `metronome`.`events`
WHERE `transaction_id` IS NOT NULL
ORDER BY `transaction_id`, `environment_type`, `updated_at` DESC NULLS LAST, `timestamp` DESC NULLS LAST, `_mtx_transferred_at` DESC NULLS LAST, `_mtx_source_file` DESC NULLS LAST, `_mtx_loaded_at` DESC NULLS LAST
LIMIT 1 BY `transaction_id`, `environment_type`;

OPTIMIZE TABLE `metronome`.`_mtx_build_current_events_ed57d84a` FINAL;

RENAME TABLE `metronome`.`_mtx_build_current_events_ed57d84a` TO `metronome`.`current_events`;

CREATE OR REPLACE VIEW `metronome`.`current_events_live` AS
SELECT `transaction_id`, `customer_id`, `timestamp`, `event_type`, `properties`, `environment_type`, `_metronome_metadata_id`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM `metronome`.`current_events` AS `_mtx_stored`
WHERE `transaction_id` NOT IN (
    SELECT `transaction_id`
    FROM `metronome`.`events`
    WHERE `transaction_id` IS NOT NULL AND (`_mtx_loaded_at` > (COALESCE((SELECT MAX(`_mtx_loaded_at`) FROM `metronome`.`current_events`), toDateTime64('1970-01-01 00:00:00.000000', 6, 'UTC')) - INTERVAL 3600 SECOND) OR `_mtx_loaded_at` IS NULL)
)
UNION ALL
SELECT `transaction_id`, `customer_id`, `timestamp`, `event_type`, `properties`, `environment_type`, `_metronome_metadata_id`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM (
  SELECT `transaction_id`, `customer_id`, `timestamp`, `event_type`, `properties`, `environment_type`, `_metronome_metadata_id`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
  FROM (
    SELECT `transaction_id`, `customer_id`, `timestamp`, `event_type`, `properties`, `environment_type`, `_metronome_metadata_id`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
    FROM `metronome`.`events`
    WHERE `transaction_id` IS NOT NULL AND (`_mtx_loaded_at` > (COALESCE((SELECT MAX(`_mtx_loaded_at`) FROM `metronome`.`current_events`), toDateTime64('1970-01-01 00:00:00.000000', 6, 'UTC')) - INTERVAL 3600 SECOND) OR `_mtx_loaded_at` IS NULL)
    UNION ALL
    SELECT `transaction_id`, `customer_id`, `timestamp`, `event_type`, `properties`, `environment_type`, `_metronome_metadata_id`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at` FROM `metronome`.`current_events` AS `_mtx_stored`
    WHERE `transaction_id` IN (SELECT `transaction_id` FROM (
      SELECT `transaction_id`
      FROM `metronome`.`events`
      WHERE `transaction_id` IS NOT NULL AND (`_mtx_loaded_at` > (COALESCE((SELECT MAX(`_mtx_loaded_at`) FROM `metronome`.`current_events`), toDateTime64('1970-01-01 00:00:00.000000', 6, 'UTC')) - INTERVAL 3600 SECOND) OR `_mtx_loaded_at` IS NULL)
    ) AS `_mtx_tail`)
  ) AS `_mtx_candidates`
  ORDER BY `transaction_id`, `environment_type`, `updated_at` DESC NULLS LAST, `timestamp` DESC NULLS LAST, `_mtx_transferred_at` DESC NULLS LAST, `_mtx_source_file` DESC NULLS LAST, `_mtx_loaded_at` DESC NULLS LAST
  LIMIT 1 BY `transaction_id`, `environment_type`
) AS `_mtx_winners`;

-- refresh of current_events when it exists:
DROP TABLE IF EXISTS `metronome`.`_mtx_merge_current_events_ed57d84a`;

CREATE TABLE `metronome`.`_mtx_merge_current_events_ed57d84a` ENGINE = MergeTree ORDER BY tuple() AS
SELECT `transaction_id`, `customer_id`, `timestamp`, `event_type`, `properties`, `environment_type`, `_metronome_metadata_id`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM (
  SELECT `transaction_id`, `customer_id`, `timestamp`, `event_type`, `properties`, `environment_type`, `_metronome_metadata_id`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
  FROM `metronome`.`events`
  WHERE `transaction_id` IS NOT NULL AND (`_mtx_loaded_at` > ((SELECT MAX(`_mtx_loaded_at`) FROM `metronome`.`current_events`) - INTERVAL 3600 SECOND) OR `_mtx_loaded_at` IS NULL)
  UNION ALL
  SELECT `transaction_id`, `customer_id`, `timestamp`, `event_type`, `properties`, `environment_type`, `_metronome_metadata_id`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at` FROM `metronome`.`current_events` WHERE `transaction_id` IN (SELECT `transaction_id` FROM (SELECT `transaction_id`
FROM `metronome`.`events`
WHERE `transaction_id` IS NOT NULL AND (`_mtx_loaded_at` > ((SELECT MAX(`_mtx_loaded_at`) FROM `metronome`.`current_events`) - INTERVAL 3600 SECOND) OR `_mtx_loaded_at` IS NULL)) AS `_mtx_tail`)
) AS `_mtx_candidates`
ORDER BY `transaction_id`, `environment_type`, `updated_at` DESC NULLS LAST, `timestamp` DESC NULLS LAST, `_mtx_transferred_at` DESC NULLS LAST, `_mtx_source_file` DESC NULLS LAST, `_mtx_loaded_at` DESC NULLS LAST
LIMIT 1 BY `transaction_id`, `environment_type`;

DELETE FROM `metronome`.`current_events` WHERE `transaction_id` IN (SELECT `transaction_id` FROM `metronome`.`_mtx_merge_current_events_ed57d84a`);

INSERT INTO `metronome`.`current_events` (`transaction_id`, `customer_id`, `timestamp`, `event_type`, `properties`, `environment_type`, `_metronome_metadata_id`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`)
SELECT `transaction_id`, `customer_id`, `timestamp`, `event_type`, `properties`, `environment_type`, `_metronome_metadata_id`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at` FROM `metronome`.`_mtx_merge_current_events_ed57d84a`;

DROP TABLE `metronome`.`_mtx_merge_current_events_ed57d84a`;

CREATE OR REPLACE VIEW `metronome`.`current_events_live` AS
SELECT `transaction_id`, `customer_id`, `timestamp`, `event_type`, `properties`, `environment_type`, `_metronome_metadata_id`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM `metronome`.`current_events` AS `_mtx_stored`
WHERE `transaction_id` NOT IN (
    SELECT `transaction_id`
    FROM `metronome`.`events`
    WHERE `transaction_id` IS NOT NULL AND (`_mtx_loaded_at` > (COALESCE((SELECT MAX(`_mtx_loaded_at`) FROM `metronome`.`current_events`), toDateTime64('1970-01-01 00:00:00.000000', 6, 'UTC')) - INTERVAL 3600 SECOND) OR `_mtx_loaded_at` IS NULL)
)
UNION ALL
SELECT `transaction_id`, `customer_id`, `timestamp`, `event_type`, `properties`, `environment_type`, `_metronome_metadata_id`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM (
  SELECT `transaction_id`, `customer_id`, `timestamp`, `event_type`, `properties`, `environment_type`, `_metronome_metadata_id`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
  FROM (
    SELECT `transaction_id`, `customer_id`, `timestamp`, `event_type`, `properties`, `environment_type`, `_metronome_metadata_id`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
    FROM `metronome`.`events`
    WHERE `transaction_id` IS NOT NULL AND (`_mtx_loaded_at` > (COALESCE((SELECT MAX(`_mtx_loaded_at`) FROM `metronome`.`current_events`), toDateTime64('1970-01-01 00:00:00.000000', 6, 'UTC')) - INTERVAL 3600 SECOND) OR `_mtx_loaded_at` IS NULL)
    UNION ALL
    SELECT `transaction_id`, `customer_id`, `timestamp`, `event_type`, `properties`, `environment_type`, `_metronome_metadata_id`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at` FROM `metronome`.`current_events` AS `_mtx_stored`
    WHERE `transaction_id` IN (SELECT `transaction_id` FROM (
      SELECT `transaction_id`
      FROM `metronome`.`events`
      WHERE `transaction_id` IS NOT NULL AND (`_mtx_loaded_at` > (COALESCE((SELECT MAX(`_mtx_loaded_at`) FROM `metronome`.`current_events`), toDateTime64('1970-01-01 00:00:00.000000', 6, 'UTC')) - INTERVAL 3600 SECOND) OR `_mtx_loaded_at` IS NULL)
    ) AS `_mtx_tail`)
  ) AS `_mtx_candidates`
  ORDER BY `transaction_id`, `environment_type`, `updated_at` DESC NULLS LAST, `timestamp` DESC NULLS LAST, `_mtx_transferred_at` DESC NULLS LAST, `_mtx_source_file` DESC NULLS LAST, `_mtx_loaded_at` DESC NULLS LAST
  LIMIT 1 BY `transaction_id`, `environment_type`
) AS `_mtx_winners`;

-- model current_invoice (view, built-in current-state model of invoice)
-- Current state of invoice: the newest version (by updated_at) of each id.
CREATE OR REPLACE VIEW `metronome`.`current_invoice` AS
SELECT `id`, `status`, `total`, `credit_type_id`, `credit_type_name`, `customer_id`, `plan_id`, `plan_name`, `start_timestamp`, `end_timestamp`, `billing_provider_invoice_id`, `billing_provider_type`, `billing_provider_invoice_created_at`, `billing_provider_invoice_external_status`, `invoice_label`, `issued_at`, `metadata`, `environment_type`, `updated_at`, `contract_id`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM `metronome`.`invoice`
WHERE `id` IS NOT NULL
ORDER BY `id`, `environment_type`, `updated_at` DESC NULLS LAST, `_mtx_transferred_at` DESC NULLS LAST, `_mtx_source_file` DESC NULLS LAST, `_mtx_loaded_at` DESC NULLS LAST
LIMIT 1 BY `id`, `environment_type`;

-- model current_invoice_corrections (view, built-in current-state model of invoice_corrections)
-- Current state of invoice_corrections: the newest version (by created_at) of each id.
CREATE OR REPLACE VIEW `metronome`.`current_invoice_corrections` AS
SELECT `id`, `invoice_id`, `base_invoice_id`, `reason`, `memo`, `sequence_number`, `environment_type`, `created_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM `metronome`.`invoice_corrections`
WHERE `id` IS NOT NULL
ORDER BY `id`, `environment_type`, `created_at` DESC NULLS LAST, `_mtx_transferred_at` DESC NULLS LAST, `_mtx_source_file` DESC NULLS LAST, `_mtx_loaded_at` DESC NULLS LAST
LIMIT 1 BY `id`, `environment_type`;

-- model current_line_item (incremental, built-in current-state model of line_item)
-- Current state of line_item: the newest version (by updated_at) of each id.
DROP TABLE IF EXISTS `metronome`.`_mtx_build_current_line_item_223bb2e5`;

CREATE TABLE `metronome`.`_mtx_build_current_line_item_223bb2e5` ENGINE = MergeTree ORDER BY (`id`, `environment_type`)
SETTINGS allow_nullable_key = 1 AS
SELECT `id`, `invoice_id`, `credit_grant_id`, `credit_type_id`, `credit_type_name`, `name`, `quantity`, `total`, `commit_id`, `product_id`, `group_key`, `group_value`, `unit_price`, `starting_on`, `ending_before`, `pricing_group_values`, `metadata`, `updated_at`, `environment_type`, `subscription_id`, `is_prorated`, `starting_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM `metronome`.`line_item`
WHERE `id` IS NOT NULL
ORDER BY `id`, `environment_type`, `updated_at` DESC NULLS LAST, `_mtx_transferred_at` DESC NULLS LAST, `_mtx_source_file` DESC NULLS LAST, `_mtx_loaded_at` DESC NULLS LAST
LIMIT 1 BY `id`, `environment_type`;

OPTIMIZE TABLE `metronome`.`_mtx_build_current_line_item_223bb2e5` FINAL;

RENAME TABLE `metronome`.`_mtx_build_current_line_item_223bb2e5` TO `metronome`.`current_line_item`;

CREATE OR REPLACE VIEW `metronome`.`current_line_item_live` AS
SELECT `id`, `invoice_id`, `credit_grant_id`, `credit_type_id`, `credit_type_name`, `name`, `quantity`, `total`, `commit_id`, `product_id`, `group_key`, `group_value`, `unit_price`, `starting_on`, `ending_before`, `pricing_group_values`, `metadata`, `updated_at`, `environment_type`, `subscription_id`, `is_prorated`, `starting_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM `metronome`.`current_line_item` AS `_mtx_stored`
WHERE `id` NOT IN (
    SELECT `id`
    FROM `metronome`.`line_item`
    WHERE `id` IS NOT NULL AND (`_mtx_loaded_at` > (COALESCE((SELECT MAX(`_mtx_loaded_at`) FROM `metronome`.`current_line_item`), toDateTime64('1970-01-01 00:00:00.000000', 6, 'UTC')) - INTERVAL 3600 SECOND) OR `_mtx_loaded_at` IS NULL)
)
UNION ALL
SELECT `id`, `invoice_id`, `credit_grant_id`, `credit_type_id`, `credit_type_name`, `name`, `quantity`, `total`, `commit_id`, `product_id`, `group_key`, `group_value`, `unit_price`, `starting_on`, `ending_before`, `pricing_group_values`, `metadata`, `updated_at`, `environment_type`, `subscription_id`, `is_prorated`, `starting_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM (
  SELECT `id`, `invoice_id`, `credit_grant_id`, `credit_type_id`, `credit_type_name`, `name`, `quantity`, `total`, `commit_id`, `product_id`, `group_key`, `group_value`, `unit_price`, `starting_on`, `ending_before`, `pricing_group_values`, `metadata`, `updated_at`, `environment_type`, `subscription_id`, `is_prorated`, `starting_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
  FROM (
    SELECT `id`, `invoice_id`, `credit_grant_id`, `credit_type_id`, `credit_type_name`, `name`, `quantity`, `total`, `commit_id`, `product_id`, `group_key`, `group_value`, `unit_price`, `starting_on`, `ending_before`, `pricing_group_values`, `metadata`, `updated_at`, `environment_type`, `subscription_id`, `is_prorated`, `starting_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
    FROM `metronome`.`line_item`
    WHERE `id` IS NOT NULL AND (`_mtx_loaded_at` > (COALESCE((SELECT MAX(`_mtx_loaded_at`) FROM `metronome`.`current_line_item`), toDateTime64('1970-01-01 00:00:00.000000', 6, 'UTC')) - INTERVAL 3600 SECOND) OR `_mtx_loaded_at` IS NULL)
    UNION ALL
    SELECT `id`, `invoice_id`, `credit_grant_id`, `credit_type_id`, `credit_type_name`, `name`, `quantity`, `total`, `commit_id`, `product_id`, `group_key`, `group_value`, `unit_price`, `starting_on`, `ending_before`, `pricing_group_values`, `metadata`, `updated_at`, `environment_type`, `subscription_id`, `is_prorated`, `starting_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at` FROM `metronome`.`current_line_item` AS `_mtx_stored`
    WHERE `id` IN (SELECT `id` FROM (
      SELECT `id`
      FROM `metronome`.`line_item`
      WHERE `id` IS NOT NULL AND (`_mtx_loaded_at` > (COALESCE((SELECT MAX(`_mtx_loaded_at`) FROM `metronome`.`current_line_item`), toDateTime64('1970-01-01 00:00:00.000000', 6, 'UTC')) - INTERVAL 3600 SECOND) OR `_mtx_loaded_at` IS NULL)
    ) AS `_mtx_tail`)
  ) AS `_mtx_candidates`
  ORDER BY `id`, `environment_type`, `updated_at` DESC NULLS LAST, `_mtx_transferred_at` DESC NULLS LAST, `_mtx_source_file` DESC NULLS LAST, `_mtx_loaded_at` DESC NULLS LAST
  LIMIT 1 BY `id`, `environment_type`
) AS `_mtx_winners`;

-- refresh of current_line_item when it exists:
DROP TABLE IF EXISTS `metronome`.`_mtx_merge_current_line_item_223bb2e5`;

CREATE TABLE `metronome`.`_mtx_merge_current_line_item_223bb2e5` ENGINE = MergeTree ORDER BY tuple() AS
SELECT `id`, `invoice_id`, `credit_grant_id`, `credit_type_id`, `credit_type_name`, `name`, `quantity`, `total`, `commit_id`, `product_id`, `group_key`, `group_value`, `unit_price`, `starting_on`, `ending_before`, `pricing_group_values`, `metadata`, `updated_at`, `environment_type`, `subscription_id`, `is_prorated`, `starting_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM (
  SELECT `id`, `invoice_id`, `credit_grant_id`, `credit_type_id`, `credit_type_name`, `name`, `quantity`, `total`, `commit_id`, `product_id`, `group_key`, `group_value`, `unit_price`, `starting_on`, `ending_before`, `pricing_group_values`, `metadata`, `updated_at`, `environment_type`, `subscription_id`, `is_prorated`, `starting_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
  FROM `metronome`.`line_item`
  WHERE `id` IS NOT NULL AND (`_mtx_loaded_at` > ((SELECT MAX(`_mtx_loaded_at`) FROM `metronome`.`current_line_item`) - INTERVAL 3600 SECOND) OR `_mtx_loaded_at` IS NULL)
  UNION ALL
  SELECT `id`, `invoice_id`, `credit_grant_id`, `credit_type_id`, `credit_type_name`, `name`, `quantity`, `total`, `commit_id`, `product_id`, `group_key`, `group_value`, `unit_price`, `starting_on`, `ending_before`, `pricing_group_values`, `metadata`, `updated_at`, `environment_type`, `subscription_id`, `is_prorated`, `starting_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at` FROM `metronome`.`current_line_item` WHERE `id` IN (SELECT `id` FROM (SELECT `id`
FROM `metronome`.`line_item`
WHERE `id` IS NOT NULL AND (`_mtx_loaded_at` > ((SELECT MAX(`_mtx_loaded_at`) FROM `metronome`.`current_line_item`) - INTERVAL 3600 SECOND) OR `_mtx_loaded_at` IS NULL)) AS `_mtx_tail`)
) AS `_mtx_candidates`
ORDER BY `id`, `environment_type`, `updated_at` DESC NULLS LAST, `_mtx_transferred_at` DESC NULLS LAST, `_mtx_source_file` DESC NULLS LAST, `_mtx_loaded_at` DESC NULLS LAST
LIMIT 1 BY `id`, `environment_type`;

DELETE FROM `metronome`.`current_line_item` WHERE `id` IN (SELECT `id` FROM `metronome`.`_mtx_merge_current_line_item_223bb2e5`);

INSERT INTO `metronome`.`current_line_item` (`id`, `invoice_id`, `credit_grant_id`, `credit_type_id`, `credit_type_name`, `name`, `quantity`, `total`, `commit_id`, `product_id`, `group_key`, `group_value`, `unit_price`, `starting_on`, `ending_before`, `pricing_group_values`, `metadata`, `updated_at`, `environment_type`, `subscription_id`, `is_prorated`, `starting_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`)
SELECT `id`, `invoice_id`, `credit_grant_id`, `credit_type_id`, `credit_type_name`, `name`, `quantity`, `total`, `commit_id`, `product_id`, `group_key`, `group_value`, `unit_price`, `starting_on`, `ending_before`, `pricing_group_values`, `metadata`, `updated_at`, `environment_type`, `subscription_id`, `is_prorated`, `starting_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at` FROM `metronome`.`_mtx_merge_current_line_item_223bb2e5`;

DROP TABLE `metronome`.`_mtx_merge_current_line_item_223bb2e5`;

CREATE OR REPLACE VIEW `metronome`.`current_line_item_live` AS
SELECT `id`, `invoice_id`, `credit_grant_id`, `credit_type_id`, `credit_type_name`, `name`, `quantity`, `total`, `commit_id`, `product_id`, `group_key`, `group_value`, `unit_price`, `starting_on`, `ending_before`, `pricing_group_values`, `metadata`, `updated_at`, `environment_type`, `subscription_id`, `is_prorated`, `starting_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM `metronome`.`current_line_item` AS `_mtx_stored`
WHERE `id` NOT IN (
    SELECT `id`
    FROM `metronome`.`line_item`
    WHERE `id` IS NOT NULL AND (`_mtx_loaded_at` > (COALESCE((SELECT MAX(`_mtx_loaded_at`) FROM `metronome`.`current_line_item`), toDateTime64('1970-01-01 00:00:00.000000', 6, 'UTC')) - INTERVAL 3600 SECOND) OR `_mtx_loaded_at` IS NULL)
)
UNION ALL
SELECT `id`, `invoice_id`, `credit_grant_id`, `credit_type_id`, `credit_type_name`, `name`, `quantity`, `total`, `commit_id`, `product_id`, `group_key`, `group_value`, `unit_price`, `starting_on`, `ending_before`, `pricing_group_values`, `metadata`, `updated_at`, `environment_type`, `subscription_id`, `is_prorated`, `starting_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM (
  SELECT `id`, `invoice_id`, `credit_grant_id`, `credit_type_id`, `credit_type_name`, `name`, `quantity`, `total`, `commit_id`, `product_id`, `group_key`, `group_value`, `unit_price`, `starting_on`, `ending_before`, `pricing_group_values`, `metadata`, `updated_at`, `environment_type`, `subscription_id`, `is_prorated`, `starting_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
  FROM (
    SELECT `id`, `invoice_id`, `credit_grant_id`, `credit_type_id`, `credit_type_name`, `name`, `quantity`, `total`, `commit_id`, `product_id`, `group_key`, `group_value`, `unit_price`, `starting_on`, `ending_before`, `pricing_group_values`, `metadata`, `updated_at`, `environment_type`, `subscription_id`, `is_prorated`, `starting_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
    FROM `metronome`.`line_item`
    WHERE `id` IS NOT NULL AND (`_mtx_loaded_at` > (COALESCE((SELECT MAX(`_mtx_loaded_at`) FROM `metronome`.`current_line_item`), toDateTime64('1970-01-01 00:00:00.000000', 6, 'UTC')) - INTERVAL 3600 SECOND) OR `_mtx_loaded_at` IS NULL)
    UNION ALL
    SELECT `id`, `invoice_id`, `credit_grant_id`, `credit_type_id`, `credit_type_name`, `name`, `quantity`, `total`, `commit_id`, `product_id`, `group_key`, `group_value`, `unit_price`, `starting_on`, `ending_before`, `pricing_group_values`, `metadata`, `updated_at`, `environment_type`, `subscription_id`, `is_prorated`, `starting_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at` FROM `metronome`.`current_line_item` AS `_mtx_stored`
    WHERE `id` IN (SELECT `id` FROM (
      SELECT `id`
      FROM `metronome`.`line_item`
      WHERE `id` IS NOT NULL AND (`_mtx_loaded_at` > (COALESCE((SELECT MAX(`_mtx_loaded_at`) FROM `metronome`.`current_line_item`), toDateTime64('1970-01-01 00:00:00.000000', 6, 'UTC')) - INTERVAL 3600 SECOND) OR `_mtx_loaded_at` IS NULL)
    ) AS `_mtx_tail`)
  ) AS `_mtx_candidates`
  ORDER BY `id`, `environment_type`, `updated_at` DESC NULLS LAST, `_mtx_transferred_at` DESC NULLS LAST, `_mtx_source_file` DESC NULLS LAST, `_mtx_loaded_at` DESC NULLS LAST
  LIMIT 1 BY `id`, `environment_type`
) AS `_mtx_winners`;

-- model current_packages (view, built-in current-state model of packages)
-- Current state of packages: the latest snapshot (by snapshot_id) of each environment, one row per id.
CREATE OR REPLACE VIEW `metronome`.`current_packages` AS
SELECT `id`, `name`, `rate_card_id`, `duration_unit`, `duration_value`, `multiplier_override_prioritization`, `net_payment_terms_days`, `usage_statement_schedule_frequency`, `scheduled_charges_on_usage_invoices`, `billing_provider`, `delivery_method`, `aliases`, `created_at`, `created_by`, `archived_at`, `updated_at`, `environment_type`, `snapshot_id`, `metadata`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM (
  SELECT `id`, `name`, `rate_card_id`, `duration_unit`, `duration_value`, `multiplier_override_prioritization`, `net_payment_terms_days`, `usage_statement_schedule_frequency`, `scheduled_charges_on_usage_invoices`, `billing_provider`, `delivery_method`, `aliases`, `created_at`, `created_by`, `archived_at`, `updated_at`, `environment_type`, `snapshot_id`, `metadata`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
  FROM (
    SELECT `id`, `name`, `rate_card_id`, `duration_unit`, `duration_value`, `multiplier_override_prioritization`, `net_payment_terms_days`, `usage_statement_schedule_frequency`, `scheduled_charges_on_usage_invoices`, `billing_provider`, `delivery_method`, `aliases`, `created_at`, `created_by`, `archived_at`, `updated_at`, `environment_type`, `snapshot_id`, `metadata`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`,
      FIRST_VALUE(`snapshot_id`) OVER (PARTITION BY `environment_type` ORDER BY `_mtx_transferred_at` DESC NULLS LAST, `snapshot_id` DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS `_mtx_latest_snapshot`
    FROM `metronome`.`packages`
    WHERE `snapshot_id` IS NOT NULL AND `id` IS NOT NULL
  ) AS `_mtx_snapshots`
  WHERE `snapshot_id` = `_mtx_latest_snapshot`
) AS `_mtx_latest`
ORDER BY `id`, `environment_type`, `updated_at` DESC NULLS LAST, `_mtx_transferred_at` DESC NULLS LAST, `_mtx_source_file` DESC NULLS LAST, `_mtx_loaded_at` DESC NULLS LAST
LIMIT 1 BY `id`, `environment_type`;

-- model current_payment (view, built-in current-state model of payment)
-- Current state of payment: the newest version (by updated_at) of each id.
CREATE OR REPLACE VIEW `metronome`.`current_payment` AS
SELECT `id`, `invoice_id`, `customer_id`, `contract_id`, `environment_type`, `amount`, `amount_paid`, `credit_type_id`, `credit_type_name`, `status`, `error_message`, `payment_gateway`, `created_at`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM `metronome`.`payment`
WHERE `id` IS NOT NULL
ORDER BY `id`, `environment_type`, `updated_at` DESC NULLS LAST, `_mtx_transferred_at` DESC NULLS LAST, `_mtx_source_file` DESC NULLS LAST, `_mtx_loaded_at` DESC NULLS LAST
LIMIT 1 BY `id`, `environment_type`;

-- model current_plan (view, built-in current-state model of plan)
-- Current state of plan: the newest version (by updated_at) of each id.
CREATE OR REPLACE VIEW `metronome`.`current_plan` AS
SELECT `id`, `name`, `description`, `billing_frequency`, `starting_on`, `custom_fields`, `environment_type`, `created_at`, `deprecated_at`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM `metronome`.`plan`
WHERE `id` IS NOT NULL
ORDER BY `id`, `environment_type`, `updated_at` DESC NULLS LAST, `_mtx_transferred_at` DESC NULLS LAST, `_mtx_source_file` DESC NULLS LAST, `_mtx_loaded_at` DESC NULLS LAST
LIMIT 1 BY `id`, `environment_type`;

-- model current_plan_charge (view, built-in current-state model of plan_charge)
-- Current state of plan_charge: the newest version (by updated_at) of each id.
CREATE OR REPLACE VIEW `metronome`.`current_plan_charge` AS
SELECT `id`, `charge_id`, `name`, `plan_id`, `product_id`, `product_name`, `billable_metric_id`, `billable_metric_name`, `start_period`, `credit_type_id`, `credit_type_name`, `charge_type`, `quantity`, `environment_type`, `prices`, `custom_fields`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM `metronome`.`plan_charge`
WHERE `id` IS NOT NULL
ORDER BY `id`, `environment_type`, `updated_at` DESC NULLS LAST, `_mtx_transferred_at` DESC NULLS LAST, `_mtx_source_file` DESC NULLS LAST, `_mtx_loaded_at` DESC NULLS LAST
LIMIT 1 BY `id`, `environment_type`;

-- model current_product (view, built-in current-state model of product)
-- Current state of product: the newest version (by updated_at) of each id.
CREATE OR REPLACE VIEW `metronome`.`current_product` AS
SELECT `id`, `name`, `description`, `custom_fields`, `created_at`, `environment_type`, `deprecated_at`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM `metronome`.`product`
WHERE `id` IS NOT NULL
ORDER BY `id`, `environment_type`, `updated_at` DESC NULLS LAST, `_mtx_transferred_at` DESC NULLS LAST, `_mtx_source_file` DESC NULLS LAST, `_mtx_loaded_at` DESC NULLS LAST
LIMIT 1 BY `id`, `environment_type`;

-- model current_sub_line_item (view, built-in current-state model of sub_line_item)
-- Current state of sub_line_item: the newest version (by updated_at) of each id.
CREATE OR REPLACE VIEW `metronome`.`current_sub_line_item` AS
SELECT `id`, `line_item_id`, `name`, `quantity`, `subtotal`, `charge_id`, `billable_metric_id`, `billable_metric_name`, `tiers`, `updated_at`, `_mtx_source_file`, `_mtx_transferred_at`, `_mtx_loaded_at`
FROM `metronome`.`sub_line_item`
WHERE `id` IS NOT NULL
ORDER BY `id`, `updated_at` DESC NULLS LAST, `_mtx_transferred_at` DESC NULLS LAST, `_mtx_source_file` DESC NULLS LAST, `_mtx_loaded_at` DESC NULLS LAST
LIMIT 1 BY `id`;

-- model customer_invoice_totals (table, customer_invoice_totals.sql)
DROP TABLE IF EXISTS `metronome`.`_mtx_build_customer_invoice_totals_756dcae5`;

CREATE TABLE `metronome`.`_mtx_build_customer_invoice_totals_756dcae5` ENGINE = MergeTree ORDER BY tuple() AS
SELECT environment_type, customer_id, SUM(total) AS total
FROM `metronome`.`current_invoice`
GROUP BY environment_type, customer_id;

RENAME TABLE `metronome`.`_mtx_build_customer_invoice_totals_756dcae5` TO `metronome`.`customer_invoice_totals`;

-- model event_latest (incremental, event_latest.sql)
DROP TABLE IF EXISTS `metronome`.`_mtx_build_event_latest_43c0a9eb`;

CREATE TABLE `metronome`.`_mtx_build_event_latest_43c0a9eb` ENGINE = MergeTree ORDER BY tuple() AS
SELECT `_mtx_model_columns`
FROM (
  SELECT transaction_id, customer_id, `timestamp`, _mtx_loaded_at
  FROM `metronome`.`events`
) AS `_mtx_rows`
WHERE `transaction_id` IS NOT NULL
ORDER BY `transaction_id`, `timestamp` DESC NULLS LAST, `_mtx_loaded_at` DESC NULLS LAST
LIMIT 1 BY `transaction_id`;

RENAME TABLE `metronome`.`_mtx_build_event_latest_43c0a9eb` TO `metronome`.`event_latest`;

-- refresh of event_latest when it exists:
DROP TABLE IF EXISTS `metronome`.`_mtx_new_event_latest_43c0a9eb`;

DROP TABLE IF EXISTS `metronome`.`_mtx_merge_event_latest_43c0a9eb`;

CREATE TABLE `metronome`.`_mtx_new_event_latest_43c0a9eb` ENGINE = MergeTree ORDER BY tuple() AS
SELECT transaction_id, customer_id, `timestamp`, _mtx_loaded_at
FROM `metronome`.`events`
WHERE _mtx_loaded_at > (SELECT MAX(_mtx_loaded_at) FROM `metronome`.`event_latest`);

CREATE TABLE `metronome`.`_mtx_merge_event_latest_43c0a9eb` ENGINE = MergeTree ORDER BY tuple() AS
SELECT `_mtx_model_columns`
FROM (
  SELECT `_mtx_model_columns`, `_mtx_fresh`
  FROM (
    SELECT `_mtx_model_columns`, 1 AS `_mtx_fresh` FROM `metronome`.`_mtx_new_event_latest_43c0a9eb`
    UNION ALL
    SELECT `_mtx_model_columns`, 0 AS `_mtx_fresh` FROM `metronome`.`event_latest` AS `_mtx_t` WHERE `transaction_id` IN (SELECT `transaction_id` FROM `metronome`.`_mtx_new_event_latest_43c0a9eb`)
  ) AS `_mtx_candidates`
  WHERE `transaction_id` IS NOT NULL
  ORDER BY `transaction_id`, `timestamp` DESC NULLS LAST, `_mtx_loaded_at` DESC NULLS LAST, `_mtx_fresh` DESC NULLS LAST
  LIMIT 1 BY `transaction_id`
) AS `_mtx_winners`
WHERE `_mtx_fresh` = 1;

DELETE FROM `metronome`.`event_latest` WHERE `transaction_id` IN (SELECT `transaction_id` FROM `metronome`.`_mtx_merge_event_latest_43c0a9eb`);

INSERT INTO `metronome`.`event_latest` SELECT * FROM `metronome`.`_mtx_merge_event_latest_43c0a9eb`;

DROP TABLE `metronome`.`_mtx_new_event_latest_43c0a9eb`;

DROP TABLE `metronome`.`_mtx_merge_event_latest_43c0a9eb`;

-- model event_log (incremental, event_log.sql)
DROP TABLE IF EXISTS `metronome`.`_mtx_build_event_log_4a5960e2`;

CREATE TABLE `metronome`.`_mtx_build_event_log_4a5960e2` ENGINE = MergeTree ORDER BY tuple() AS
SELECT transaction_id, customer_id, `timestamp`, _mtx_loaded_at
FROM `metronome`.`events`;

RENAME TABLE `metronome`.`_mtx_build_event_log_4a5960e2` TO `metronome`.`event_log`;

-- refresh of event_log when it exists:
DROP TABLE IF EXISTS `metronome`.`_mtx_new_event_log_4a5960e2`;

CREATE TABLE `metronome`.`_mtx_new_event_log_4a5960e2` ENGINE = MergeTree ORDER BY tuple() AS
SELECT transaction_id, customer_id, `timestamp`, _mtx_loaded_at
FROM `metronome`.`events`
WHERE _mtx_loaded_at > (SELECT MAX(_mtx_loaded_at) FROM `metronome`.`event_log`);

-- mtx check: the new rows repeat unique_key
-- hint: add newest: to the header to keep the newest row of each key
-- on failure: DROP TABLE `metronome`.`_mtx_new_event_log_4a5960e2`
SELECT `transaction_id`, COUNT(*) AS `_mtx_rows` FROM `metronome`.`_mtx_new_event_log_4a5960e2` GROUP BY `transaction_id` HAVING COUNT(*) > 1 ORDER BY `transaction_id` LIMIT 1;

DELETE FROM `metronome`.`event_log` WHERE `transaction_id` IN (SELECT `transaction_id` FROM `metronome`.`_mtx_new_event_log_4a5960e2`);

INSERT INTO `metronome`.`event_log` SELECT * FROM `metronome`.`_mtx_new_event_log_4a5960e2`;

DROP TABLE `metronome`.`_mtx_new_event_log_4a5960e2`;

