-- model events (view, source view of delivered table events)
-- The delivered table events under the catalog's column names (mtx's provenance columns NULL).
DROP VIEW IF EXISTS `metronome`.`events`;

CREATE VIEW `metronome`.`events` AS
SELECT `TRANSACTION_ID` AS `transaction_id`,
  `CUSTOMER_ID` AS `customer_id`,
  `TIMESTAMP` AS `timestamp`,
  `EVENT_TYPE` AS `event_type`,
  `PROPERTIES` AS `properties`,
  `ENVIRONMENT_TYPE` AS `environment_type`,
  `_METRONOME_METADATA_ID` AS `_metronome_metadata_id`,
  `UPDATED_AT` AS `updated_at`,
  CAST(NULL AS CHAR) AS `_mtx_source_file`,
  CAST(NULL AS DATETIME(6)) AS `_mtx_transferred_at`,
  CAST(NULL AS DATETIME(6)) AS `_mtx_loaded_at`
FROM `delivered`.`EVENTS`;

-- model current_events (incremental, built-in current-state model of events)
-- Current state of events: the newest version (by updated_at, timestamp) of each transaction_id.
DROP TABLE IF EXISTS `metronome`.`_mtx_build_current_events_ed57d84a`;

CREATE TABLE `metronome`.`_mtx_build_current_events_ed57d84a` AS
SELECT `transaction_id`, `customer_id`, `timestamp`, `event_type`, `properties`, `environment_type`, `_metronome_metadata_id`, `updated_at`
FROM (
  SELECT `transaction_id`, `customer_id`, `timestamp`, `event_type`, `properties`, `environment_type`, `_metronome_metadata_id`, `updated_at`,
    ROW_NUMBER() OVER (PARTITION BY `transaction_id`, `environment_type` ORDER BY `updated_at` IS NULL, `updated_at` DESC, `timestamp` IS NULL, `timestamp` DESC, `_metronome_metadata_id` IS NULL, `_metronome_metadata_id` DESC, `customer_id` IS NULL, `customer_id` DESC, `event_type` IS NULL, `event_type` DESC) AS `_mtx_row`
  FROM (
    SELECT `TRANSACTION_ID` AS `transaction_id`, `CUSTOMER_ID` AS `customer_id`, `TIMESTAMP` AS `timestamp`, `EVENT_TYPE` AS `event_type`, `PROPERTIES` AS `properties`, `ENVIRONMENT_TYPE` AS `environment_type`, `_METRONOME_METADATA_ID` AS `_metronome_metadata_id`, `UPDATED_AT` AS `updated_at`
    FROM `delivered`.`EVENTS`
  ) AS `_mtx_delivered`
  WHERE `transaction_id` IS NOT NULL
) AS `_mtx_ranked`
WHERE `_mtx_row` = 1;

ALTER TABLE `metronome`.`_mtx_build_current_events_ed57d84a` RENAME TO `metronome`.`current_events`;

-- model current_invoice (view, built-in current-state model of invoice)
-- Current state of invoice: the newest version (by updated_at) of each id.
DROP VIEW IF EXISTS `metronome`.`current_invoice`;

CREATE VIEW `metronome`.`current_invoice` AS
SELECT `id`, `status`, `total`, `credit_type_id`, `credit_type_name`, `customer_id`, `plan_id`, `plan_name`, `start_timestamp`, `end_timestamp`, `billing_provider_invoice_id`, `billing_provider_type`, `billing_provider_invoice_created_at`, `billing_provider_invoice_external_status`, `invoice_label`, `issued_at`, `metadata`, `environment_type`, `updated_at`, `contract_id`
FROM (
  SELECT `id`, `status`, `total`, `credit_type_id`, `credit_type_name`, `customer_id`, `plan_id`, `plan_name`, `start_timestamp`, `end_timestamp`, `billing_provider_invoice_id`, `billing_provider_type`, `billing_provider_invoice_created_at`, `billing_provider_invoice_external_status`, `invoice_label`, `issued_at`, `metadata`, `environment_type`, `updated_at`, `contract_id`,
    ROW_NUMBER() OVER (PARTITION BY `id`, `environment_type` ORDER BY `updated_at` IS NULL, `updated_at` DESC, `status` IS NULL, `status` DESC, `total` IS NULL, `total` DESC, `credit_type_id` IS NULL, `credit_type_id` DESC, `customer_id` IS NULL, `customer_id` DESC, `plan_id` IS NULL, `plan_id` DESC, `plan_name` IS NULL, `plan_name` DESC, `start_timestamp` IS NULL, `start_timestamp` DESC, `end_timestamp` IS NULL, `end_timestamp` DESC, `billing_provider_invoice_id` IS NULL, `billing_provider_invoice_id` DESC, `billing_provider_type` IS NULL, `billing_provider_type` DESC, `billing_provider_invoice_created_at` IS NULL, `billing_provider_invoice_created_at` DESC, `billing_provider_invoice_external_status` IS NULL, `billing_provider_invoice_external_status` DESC, `invoice_label` IS NULL, `invoice_label` DESC, `issued_at` IS NULL, `issued_at` DESC, `contract_id` IS NULL, `contract_id` DESC) AS `_mtx_row`
  FROM (
    SELECT `id` AS `id`, `status` AS `status`, `total` AS `total`, `credit_type_id` AS `credit_type_id`, CAST(NULL AS CHAR) AS `credit_type_name`, `customer_id` AS `customer_id`, `plan_id` AS `plan_id`, `plan_name` AS `plan_name`, `start_timestamp` AS `start_timestamp`, `end_timestamp` AS `end_timestamp`, `billing_provider_invoice_id` AS `billing_provider_invoice_id`, `billing_provider_type` AS `billing_provider_type`, `billing_provider_invoice_created_at` AS `billing_provider_invoice_created_at`, `billing_provider_invoice_external_status` AS `billing_provider_invoice_external_status`, `invoice_label` AS `invoice_label`, `issued_at` AS `issued_at`, `metadata` AS `metadata`, `environment_type` AS `environment_type`, `updated_at` AS `updated_at`, `contract_id` AS `contract_id`
    FROM `delivered`.`invoice`
  ) AS `_mtx_delivered`
  WHERE `id` IS NOT NULL
) AS `_mtx_ranked`
WHERE `_mtx_row` = 1;

-- model current_customer (view, built-in current-state model of customer)
-- Current state of customer: the newest version (by updated_at) of each id.
DROP VIEW IF EXISTS `metronome`.`current_customer`;

CREATE VIEW `metronome`.`current_customer` AS
SELECT `id`, `name`, `ingest_aliases`, `salesforce_account_id`, `billing_provider_type`, `billing_provider_customer_id`, `custom_fields`, `environment_type`, `created_at`, `updated_at`, `archived_at`, `loyalty_tier`
FROM (
  SELECT `id`, `name`, `ingest_aliases`, `salesforce_account_id`, `billing_provider_type`, `billing_provider_customer_id`, `custom_fields`, `environment_type`, `created_at`, `updated_at`, `archived_at`, `loyalty_tier`,
    ROW_NUMBER() OVER (PARTITION BY `id`, `environment_type` ORDER BY `updated_at` IS NULL, `updated_at` DESC, `name` IS NULL, `name` DESC, `salesforce_account_id` IS NULL, `salesforce_account_id` DESC, `billing_provider_type` IS NULL, `billing_provider_type` DESC, `billing_provider_customer_id` IS NULL, `billing_provider_customer_id` DESC, `created_at` IS NULL, `created_at` DESC, `archived_at` IS NULL, `archived_at` DESC) AS `_mtx_row`
  FROM (
    SELECT `id` AS `id`, `name` AS `name`, `ingest_aliases` AS `ingest_aliases`, `salesforce_account_id` AS `salesforce_account_id`, `billing_provider_type` AS `billing_provider_type`, `billing_provider_customer_id` AS `billing_provider_customer_id`, `custom_fields` AS `custom_fields`, `environment_type` AS `environment_type`, `created_at` AS `created_at`, `updated_at` AS `updated_at`, `archived_at` AS `archived_at`, `LOYALTY_TIER` AS `loyalty_tier`
    FROM `delivered`.`customer`
  ) AS `_mtx_delivered`
  WHERE `id` IS NOT NULL
) AS `_mtx_ranked`
WHERE `_mtx_row` = 1;

-- model current_draft_invoice (view, built-in current-state model of draft_invoice)
-- Current state of draft_invoice: the latest snapshot (by snapshot_time) of each environment, one row per id.
DROP VIEW IF EXISTS `metronome`.`current_draft_invoice`;

CREATE VIEW `metronome`.`current_draft_invoice` AS
SELECT `_metronome_metadata_id`, `id`, `status`, `total`, `credit_type_id`, `credit_type_name`, `customer_id`, `plan_id`, `plan_name`, `start_timestamp`, `end_timestamp`, `billing_provider_invoice_id`, `billing_provider_invoice_created_at`, `environment_type`, `updated_at`, `snapshot_time`, `label`, `contract_id`, `billable_status`
FROM (
  SELECT `_metronome_metadata_id`, `id`, `status`, `total`, `credit_type_id`, `credit_type_name`, `customer_id`, `plan_id`, `plan_name`, `start_timestamp`, `end_timestamp`, `billing_provider_invoice_id`, `billing_provider_invoice_created_at`, `environment_type`, `updated_at`, `snapshot_time`, `label`, `contract_id`, `billable_status`,
    ROW_NUMBER() OVER (PARTITION BY `id`, `environment_type` ORDER BY `updated_at` IS NULL, `updated_at` DESC, `snapshot_time` IS NULL, `snapshot_time` DESC, `_metronome_metadata_id` IS NULL, `_metronome_metadata_id` DESC, `status` IS NULL, `status` DESC, `total` IS NULL, `total` DESC, `credit_type_id` IS NULL, `credit_type_id` DESC, `credit_type_name` IS NULL, `credit_type_name` DESC, `customer_id` IS NULL, `customer_id` DESC, `plan_id` IS NULL, `plan_id` DESC, `plan_name` IS NULL, `plan_name` DESC, `start_timestamp` IS NULL, `start_timestamp` DESC, `end_timestamp` IS NULL, `end_timestamp` DESC, `billing_provider_invoice_id` IS NULL, `billing_provider_invoice_id` DESC, `billing_provider_invoice_created_at` IS NULL, `billing_provider_invoice_created_at` DESC, `label` IS NULL, `label` DESC, `contract_id` IS NULL, `contract_id` DESC, `billable_status` IS NULL, `billable_status` DESC) AS `_mtx_row`
  FROM (
    SELECT `_metronome_metadata_id`, `id`, `status`, `total`, `credit_type_id`, `credit_type_name`, `customer_id`, `plan_id`, `plan_name`, `start_timestamp`, `end_timestamp`, `billing_provider_invoice_id`, `billing_provider_invoice_created_at`, `environment_type`, `updated_at`, `snapshot_time`, `label`, `contract_id`, `billable_status`
    FROM (
      SELECT `_metronome_metadata_id`, `id`, `status`, `total`, `credit_type_id`, `credit_type_name`, `customer_id`, `plan_id`, `plan_name`, `start_timestamp`, `end_timestamp`, `billing_provider_invoice_id`, `billing_provider_invoice_created_at`, `environment_type`, `updated_at`, `snapshot_time`, `label`, `contract_id`, `billable_status`,
        FIRST_VALUE(`snapshot_time`) OVER (PARTITION BY `environment_type` ORDER BY `snapshot_time` IS NULL, `snapshot_time` DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS `_mtx_latest_snapshot`
      FROM (
        SELECT `_metronome_metadata_id` AS `_metronome_metadata_id`, `id` AS `id`, `status` AS `status`, `total` AS `total`, `credit_type_id` AS `credit_type_id`, `credit_type_name` AS `credit_type_name`, `customer_id` AS `customer_id`, `plan_id` AS `plan_id`, `plan_name` AS `plan_name`, `start_timestamp` AS `start_timestamp`, `end_timestamp` AS `end_timestamp`, `billing_provider_invoice_id` AS `billing_provider_invoice_id`, `billing_provider_invoice_created_at` AS `billing_provider_invoice_created_at`, `environment_type` AS `environment_type`, `updated_at` AS `updated_at`, `snapshot_time` AS `snapshot_time`, `label` AS `label`, `contract_id` AS `contract_id`, `billable_status` AS `billable_status`
        FROM `delivered`.`draft_invoice`
      ) AS `_mtx_delivered`
      WHERE `snapshot_time` IS NOT NULL AND `id` IS NOT NULL
    ) AS `_mtx_snapshots`
    WHERE `snapshot_time` = `_mtx_latest_snapshot`
  ) AS `_mtx_latest`
) AS `_mtx_ranked`
WHERE `_mtx_row` = 1;

-- model current_contracts_contracts (view, built-in current-state model of contracts_contracts)
-- Current state of contracts_contracts: the latest snapshot (by snapshot_id) of each environment, one row per id.
DROP VIEW IF EXISTS `metronome`.`current_contracts_contracts`;

CREATE VIEW `metronome`.`current_contracts_contracts` AS
SELECT `id`, `environment_type`, `snapshot_id`, `name`, `customer_id`, `package_id`, `rate_card_id`, `starting_at`, `ending_before`, `archived_at`, `multiplier_override_prioritization`, `net_payment_terms_days`, `usage_statement_schedule_frequency`, `scheduled_charges_on_usage_invoices`, `metadata`, `created_at`, `created_by`, `updated_at`
FROM (
  SELECT `id`, `environment_type`, `snapshot_id`, `name`, `customer_id`, `package_id`, `rate_card_id`, `starting_at`, `ending_before`, `archived_at`, `multiplier_override_prioritization`, `net_payment_terms_days`, `usage_statement_schedule_frequency`, `scheduled_charges_on_usage_invoices`, `metadata`, `created_at`, `created_by`, `updated_at`,
    ROW_NUMBER() OVER (PARTITION BY `id`, `environment_type` ORDER BY `updated_at` IS NULL, `updated_at` DESC, `snapshot_id` IS NULL, `snapshot_id` DESC, `name` IS NULL, `name` DESC, `customer_id` IS NULL, `customer_id` DESC, `package_id` IS NULL, `package_id` DESC, `rate_card_id` IS NULL, `rate_card_id` DESC, `starting_at` IS NULL, `starting_at` DESC, `ending_before` IS NULL, `ending_before` DESC, `archived_at` IS NULL, `archived_at` DESC, `multiplier_override_prioritization` IS NULL, `multiplier_override_prioritization` DESC, `net_payment_terms_days` IS NULL, `net_payment_terms_days` DESC, `usage_statement_schedule_frequency` IS NULL, `usage_statement_schedule_frequency` DESC, `scheduled_charges_on_usage_invoices` IS NULL, `scheduled_charges_on_usage_invoices` DESC, `created_at` IS NULL, `created_at` DESC, `created_by` IS NULL, `created_by` DESC) AS `_mtx_row`
  FROM (
    SELECT `id`, `environment_type`, `snapshot_id`, `name`, `customer_id`, `package_id`, `rate_card_id`, `starting_at`, `ending_before`, `archived_at`, `multiplier_override_prioritization`, `net_payment_terms_days`, `usage_statement_schedule_frequency`, `scheduled_charges_on_usage_invoices`, `metadata`, `created_at`, `created_by`, `updated_at`
    FROM (
      SELECT `id`, `environment_type`, `snapshot_id`, `name`, `customer_id`, `package_id`, `rate_card_id`, `starting_at`, `ending_before`, `archived_at`, `multiplier_override_prioritization`, `net_payment_terms_days`, `usage_statement_schedule_frequency`, `scheduled_charges_on_usage_invoices`, `metadata`, `created_at`, `created_by`, `updated_at`,
        FIRST_VALUE(`snapshot_id`) OVER (PARTITION BY `environment_type` ORDER BY `updated_at` IS NULL, `updated_at` DESC, `snapshot_id` IS NULL, `snapshot_id` DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS `_mtx_latest_snapshot`
      FROM (
        SELECT `id` AS `id`, `environment_type` AS `environment_type`, `snapshot_id` AS `snapshot_id`, `name` AS `name`, `customer_id` AS `customer_id`, `package_id` AS `package_id`, `rate_card_id` AS `rate_card_id`, `starting_at` AS `starting_at`, `ending_before` AS `ending_before`, `archived_at` AS `archived_at`, `multiplier_override_prioritization` AS `multiplier_override_prioritization`, `net_payment_terms_days` AS `net_payment_terms_days`, `usage_statement_schedule_frequency` AS `usage_statement_schedule_frequency`, `scheduled_charges_on_usage_invoices` AS `scheduled_charges_on_usage_invoices`, `metadata` AS `metadata`, `created_at` AS `created_at`, `created_by` AS `created_by`, `updated_at` AS `updated_at`
        FROM `delivered`.`contracts_contracts`
      ) AS `_mtx_delivered`
      WHERE `snapshot_id` IS NOT NULL AND `id` IS NOT NULL
    ) AS `_mtx_snapshots`
    WHERE `snapshot_id` = `_mtx_latest_snapshot`
  ) AS `_mtx_latest`
) AS `_mtx_ranked`
WHERE `_mtx_row` = 1;

-- model current_contracts_usage_filter_schedule (view, built-in current-state model of contracts_usage_filter_schedule)
-- Current state of contracts_usage_filter_schedule: the latest snapshot (by _mtx_transferred_at) of each environment, one row per id, starting_at.
DROP VIEW IF EXISTS `metronome`.`current_contracts_usage_filter_schedule`;

CREATE VIEW `metronome`.`current_contracts_usage_filter_schedule` AS
SELECT `id`, `contract_id`, `starting_at`, `ending_before`, `group_key`, `group_values`, `metadata`, `updated_at`
FROM (
  SELECT `id`, `contract_id`, `starting_at`, `ending_before`, `group_key`, `group_values`, `metadata`, `updated_at`,
    ROW_NUMBER() OVER (PARTITION BY `id`, `starting_at` ORDER BY `updated_at` IS NULL, `updated_at` DESC, `contract_id` IS NULL, `contract_id` DESC, `ending_before` IS NULL, `ending_before` DESC, `group_key` IS NULL, `group_key` DESC) AS `_mtx_row`
  FROM (
    SELECT `id` AS `id`, `contract_id` AS `contract_id`, `starting_at` AS `starting_at`, `ending_before` AS `ending_before`, `group_key` AS `group_key`, `group_values` AS `group_values`, `metadata` AS `metadata`, `updated_at` AS `updated_at`
    FROM `delivered`.`contracts_usage_filter_schedule`
  ) AS `_mtx_delivered`
  WHERE `id` IS NOT NULL AND `starting_at` IS NOT NULL
) AS `_mtx_ranked`
WHERE `_mtx_row` = 1;

-- model event_log (incremental, event_log.sql)
DROP TABLE IF EXISTS `metronome`.`_mtx_build_event_log_4a5960e2`;

CREATE TABLE `metronome`.`_mtx_build_event_log_4a5960e2` AS
SELECT transaction_id, customer_id, `timestamp`, _mtx_loaded_at
FROM `metronome`.`events`;

ALTER TABLE `metronome`.`_mtx_build_event_log_4a5960e2` RENAME TO `metronome`.`event_log`;

-- refresh of event_log when it exists:
DROP TABLE IF EXISTS `metronome`.`_mtx_new_event_log_4a5960e2`;

CREATE TABLE `metronome`.`_mtx_new_event_log_4a5960e2` AS
SELECT transaction_id, customer_id, `timestamp`, _mtx_loaded_at
FROM `metronome`.`events`
WHERE _mtx_loaded_at > (SELECT MAX(_mtx_loaded_at) FROM `metronome`.`event_log`);

-- mtx check: the new rows repeat unique_key
-- hint: add newest: to the header to keep the newest row of each key
-- on failure: DROP TABLE `metronome`.`_mtx_new_event_log_4a5960e2`
SELECT `transaction_id`, COUNT(*) AS `_mtx_rows` FROM `metronome`.`_mtx_new_event_log_4a5960e2` GROUP BY `transaction_id` HAVING COUNT(*) > 1 ORDER BY `transaction_id` LIMIT 1;

DELETE `_mtx_t` FROM `metronome`.`event_log` AS `_mtx_t` JOIN (SELECT DISTINCT `transaction_id` FROM `metronome`.`_mtx_new_event_log_4a5960e2`) AS `_mtx_s` ON `_mtx_t`.`transaction_id` = `_mtx_s`.`transaction_id`;

INSERT INTO `metronome`.`event_log` SELECT * FROM `metronome`.`_mtx_new_event_log_4a5960e2`;

DROP TABLE `metronome`.`_mtx_new_event_log_4a5960e2`;

