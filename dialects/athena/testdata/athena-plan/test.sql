-- test unique(environment_type, id) on current_customer
SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_customer" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1 LIMIT 5;

-- test unique(environment_type, id) on current_customer
SELECT COUNT(*) FROM (SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_customer" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1) AS "_mtx_offending";

-- test not_null(id) on customer
SELECT "environment_type", "id" FROM "metronome"."customer" WHERE "id" IS NULL LIMIT 5;

-- test not_null(id) on customer
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."customer" WHERE "id" IS NULL) AS "_mtx_offending";

-- test not_null(name) on current_customer
SELECT "environment_type", "id" FROM "metronome"."current_customer" WHERE "name" IS NULL LIMIT 5;

-- test not_null(name) on current_customer
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_customer" WHERE "name" IS NULL) AS "_mtx_offending";

-- test not_null(ingest_aliases) on current_customer
SELECT "environment_type", "id" FROM "metronome"."current_customer" WHERE "ingest_aliases" IS NULL LIMIT 5;

-- test not_null(ingest_aliases) on current_customer
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_customer" WHERE "ingest_aliases" IS NULL) AS "_mtx_offending";

-- test not_null(environment_type) on current_customer
SELECT "environment_type", "id" FROM "metronome"."current_customer" WHERE "environment_type" IS NULL LIMIT 5;

-- test not_null(environment_type) on current_customer
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_customer" WHERE "environment_type" IS NULL) AS "_mtx_offending";

-- test not_null(created_at) on current_customer
SELECT "environment_type", "id" FROM "metronome"."current_customer" WHERE "created_at" IS NULL LIMIT 5;

-- test not_null(created_at) on current_customer
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_customer" WHERE "created_at" IS NULL) AS "_mtx_offending";

-- test not_null(updated_at) on current_customer
SELECT "environment_type", "id" FROM "metronome"."current_customer" WHERE "updated_at" IS NULL LIMIT 5;

-- test not_null(updated_at) on current_customer
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_customer" WHERE "updated_at" IS NULL) AS "_mtx_offending";

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_customer
SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_customer" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION') LIMIT 5;

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_customer
SELECT COUNT(*) FROM (SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_customer" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION')) AS "_mtx_offending";

-- test unique(environment_type, id) on current_contracts_rate_card_entries
SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_contracts_rate_card_entries" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1 LIMIT 5;

-- test unique(environment_type, id) on current_contracts_rate_card_entries
SELECT COUNT(*) FROM (SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_contracts_rate_card_entries" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1) AS "_mtx_offending";

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_contracts_rate_card_entries
SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_contracts_rate_card_entries" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION') LIMIT 5;

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_contracts_rate_card_entries
SELECT COUNT(*) FROM (SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_contracts_rate_card_entries" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION')) AS "_mtx_offending";

-- test unique(environment_type, id) on current_contracts_rate_cards
SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_contracts_rate_cards" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1 LIMIT 5;

-- test unique(environment_type, id) on current_contracts_rate_cards
SELECT COUNT(*) FROM (SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_contracts_rate_cards" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1) AS "_mtx_offending";

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_contracts_rate_cards
SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_contracts_rate_cards" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION') LIMIT 5;

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_contracts_rate_cards
SELECT COUNT(*) FROM (SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_contracts_rate_cards" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION')) AS "_mtx_offending";

-- test unique(environment_type, id) on current_alert
SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_alert" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1 LIMIT 5;

-- test unique(environment_type, id) on current_alert
SELECT COUNT(*) FROM (SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_alert" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1) AS "_mtx_offending";

-- test not_null(id) on alert
SELECT "environment_type", "id" FROM "metronome"."alert" WHERE "id" IS NULL LIMIT 5;

-- test not_null(id) on alert
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."alert" WHERE "id" IS NULL) AS "_mtx_offending";

-- test not_null(name) on current_alert
SELECT "environment_type", "id" FROM "metronome"."current_alert" WHERE "name" IS NULL LIMIT 5;

-- test not_null(name) on current_alert
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_alert" WHERE "name" IS NULL) AS "_mtx_offending";

-- test not_null(threshold) on current_alert
SELECT "environment_type", "id" FROM "metronome"."current_alert" WHERE "threshold" IS NULL LIMIT 5;

-- test not_null(threshold) on current_alert
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_alert" WHERE "threshold" IS NULL) AS "_mtx_offending";

-- test not_null(webhooks_enabled) on current_alert
SELECT "environment_type", "id" FROM "metronome"."current_alert" WHERE "webhooks_enabled" IS NULL LIMIT 5;

-- test not_null(webhooks_enabled) on current_alert
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_alert" WHERE "webhooks_enabled" IS NULL) AS "_mtx_offending";

-- test not_null(environment_type) on current_alert
SELECT "environment_type", "id" FROM "metronome"."current_alert" WHERE "environment_type" IS NULL LIMIT 5;

-- test not_null(environment_type) on current_alert
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_alert" WHERE "environment_type" IS NULL) AS "_mtx_offending";

-- test not_null(created_at) on current_alert
SELECT "environment_type", "id" FROM "metronome"."current_alert" WHERE "created_at" IS NULL LIMIT 5;

-- test not_null(created_at) on current_alert
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_alert" WHERE "created_at" IS NULL) AS "_mtx_offending";

-- test not_null(updated_at) on current_alert
SELECT "environment_type", "id" FROM "metronome"."current_alert" WHERE "updated_at" IS NULL LIMIT 5;

-- test not_null(updated_at) on current_alert
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_alert" WHERE "updated_at" IS NULL) AS "_mtx_offending";

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_alert
SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_alert" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION') LIMIT 5;

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_alert
SELECT COUNT(*) FROM (SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_alert" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION')) AS "_mtx_offending";

-- test unique(environment_type, id) on current_customer_alert_history
SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_customer_alert_history" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1 LIMIT 5;

-- test unique(environment_type, id) on current_customer_alert_history
SELECT COUNT(*) FROM (SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_customer_alert_history" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1) AS "_mtx_offending";

-- test not_null(id) on customer_alert_history
SELECT "environment_type", "id" FROM "metronome"."customer_alert_history" WHERE "id" IS NULL LIMIT 5;

-- test not_null(id) on customer_alert_history
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."customer_alert_history" WHERE "id" IS NULL) AS "_mtx_offending";

-- test not_null(customer_id) on current_customer_alert_history
SELECT "environment_type", "id" FROM "metronome"."current_customer_alert_history" WHERE "customer_id" IS NULL LIMIT 5;

-- test not_null(customer_id) on current_customer_alert_history
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_customer_alert_history" WHERE "customer_id" IS NULL) AS "_mtx_offending";

-- test not_null(alert_id) on current_customer_alert_history
SELECT "environment_type", "id" FROM "metronome"."current_customer_alert_history" WHERE "alert_id" IS NULL LIMIT 5;

-- test not_null(alert_id) on current_customer_alert_history
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_customer_alert_history" WHERE "alert_id" IS NULL) AS "_mtx_offending";

-- test not_null(alert_status) on current_customer_alert_history
SELECT "environment_type", "id" FROM "metronome"."current_customer_alert_history" WHERE "alert_status" IS NULL LIMIT 5;

-- test not_null(alert_status) on current_customer_alert_history
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_customer_alert_history" WHERE "alert_status" IS NULL) AS "_mtx_offending";

-- test not_null(environment_type) on current_customer_alert_history
SELECT "environment_type", "id" FROM "metronome"."current_customer_alert_history" WHERE "environment_type" IS NULL LIMIT 5;

-- test not_null(environment_type) on current_customer_alert_history
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_customer_alert_history" WHERE "environment_type" IS NULL) AS "_mtx_offending";

-- test not_null(created_at) on current_customer_alert_history
SELECT "environment_type", "id" FROM "metronome"."current_customer_alert_history" WHERE "created_at" IS NULL LIMIT 5;

-- test not_null(created_at) on current_customer_alert_history
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_customer_alert_history" WHERE "created_at" IS NULL) AS "_mtx_offending";

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_customer_alert_history
SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_customer_alert_history" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION') LIMIT 5;

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_customer_alert_history
SELECT COUNT(*) FROM (SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_customer_alert_history" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION')) AS "_mtx_offending";

-- test unique(environment_type, id) on current_contracts_contracts
SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_contracts_contracts" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1 LIMIT 5;

-- test unique(environment_type, id) on current_contracts_contracts
SELECT COUNT(*) FROM (SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_contracts_contracts" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1) AS "_mtx_offending";

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_contracts_contracts
SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_contracts_contracts" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION') LIMIT 5;

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_contracts_contracts
SELECT COUNT(*) FROM (SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_contracts_contracts" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION')) AS "_mtx_offending";

-- test unique(environment_type, id) on current_contracts_balances
SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_contracts_balances" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1 LIMIT 5;

-- test unique(environment_type, id) on current_contracts_balances
SELECT COUNT(*) FROM (SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_contracts_balances" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1) AS "_mtx_offending";

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_contracts_balances
SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_contracts_balances" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION') LIMIT 5;

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_contracts_balances
SELECT COUNT(*) FROM (SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_contracts_balances" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION')) AS "_mtx_offending";

-- test unique(environment_type, id) on current_contracts_overrides
SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_contracts_overrides" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1 LIMIT 5;

-- test unique(environment_type, id) on current_contracts_overrides
SELECT COUNT(*) FROM (SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_contracts_overrides" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1) AS "_mtx_offending";

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_contracts_overrides
SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_contracts_overrides" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION') LIMIT 5;

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_contracts_overrides
SELECT COUNT(*) FROM (SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_contracts_overrides" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION')) AS "_mtx_offending";

-- test unique(environment_type, id) on current_breakdowns_draft_line_items
SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_breakdowns_draft_line_items" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1 LIMIT 5;

-- test unique(environment_type, id) on current_breakdowns_draft_line_items
SELECT COUNT(*) FROM (SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_breakdowns_draft_line_items" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1) AS "_mtx_offending";

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_breakdowns_draft_line_items
SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_breakdowns_draft_line_items" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION') LIMIT 5;

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_breakdowns_draft_line_items
SELECT COUNT(*) FROM (SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_breakdowns_draft_line_items" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION')) AS "_mtx_offending";

-- test unique(environment_type, id) on current_breakdowns_draft_invoices
SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_breakdowns_draft_invoices" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1 LIMIT 5;

-- test unique(environment_type, id) on current_breakdowns_draft_invoices
SELECT COUNT(*) FROM (SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_breakdowns_draft_invoices" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1) AS "_mtx_offending";

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_breakdowns_draft_invoices
SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_breakdowns_draft_invoices" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION') LIMIT 5;

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_breakdowns_draft_invoices
SELECT COUNT(*) FROM (SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_breakdowns_draft_invoices" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION')) AS "_mtx_offending";

-- test unique(environment_type, id) on current_draft_invoice
SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_draft_invoice" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1 LIMIT 5;

-- test unique(environment_type, id) on current_draft_invoice
SELECT COUNT(*) FROM (SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_draft_invoice" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1) AS "_mtx_offending";

-- test not_null(_metronome_metadata_id) on current_draft_invoice
SELECT "environment_type", "id" FROM "metronome"."current_draft_invoice" WHERE "_metronome_metadata_id" IS NULL LIMIT 5;

-- test not_null(_metronome_metadata_id) on current_draft_invoice
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_draft_invoice" WHERE "_metronome_metadata_id" IS NULL) AS "_mtx_offending";

-- test not_null(id) on draft_invoice
SELECT "environment_type", "id" FROM "metronome"."draft_invoice" WHERE "id" IS NULL LIMIT 5;

-- test not_null(id) on draft_invoice
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."draft_invoice" WHERE "id" IS NULL) AS "_mtx_offending";

-- test not_null(status) on current_draft_invoice
SELECT "environment_type", "id" FROM "metronome"."current_draft_invoice" WHERE "status" IS NULL LIMIT 5;

-- test not_null(status) on current_draft_invoice
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_draft_invoice" WHERE "status" IS NULL) AS "_mtx_offending";

-- test not_null(credit_type_id) on current_draft_invoice
SELECT "environment_type", "id" FROM "metronome"."current_draft_invoice" WHERE "credit_type_id" IS NULL LIMIT 5;

-- test not_null(credit_type_id) on current_draft_invoice
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_draft_invoice" WHERE "credit_type_id" IS NULL) AS "_mtx_offending";

-- test not_null(credit_type_name) on current_draft_invoice
SELECT "environment_type", "id" FROM "metronome"."current_draft_invoice" WHERE "credit_type_name" IS NULL LIMIT 5;

-- test not_null(credit_type_name) on current_draft_invoice
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_draft_invoice" WHERE "credit_type_name" IS NULL) AS "_mtx_offending";

-- test not_null(customer_id) on current_draft_invoice
SELECT "environment_type", "id" FROM "metronome"."current_draft_invoice" WHERE "customer_id" IS NULL LIMIT 5;

-- test not_null(customer_id) on current_draft_invoice
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_draft_invoice" WHERE "customer_id" IS NULL) AS "_mtx_offending";

-- test not_null(start_timestamp) on current_draft_invoice
SELECT "environment_type", "id" FROM "metronome"."current_draft_invoice" WHERE "start_timestamp" IS NULL LIMIT 5;

-- test not_null(start_timestamp) on current_draft_invoice
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_draft_invoice" WHERE "start_timestamp" IS NULL) AS "_mtx_offending";

-- test not_null(end_timestamp) on current_draft_invoice
SELECT "environment_type", "id" FROM "metronome"."current_draft_invoice" WHERE "end_timestamp" IS NULL LIMIT 5;

-- test not_null(end_timestamp) on current_draft_invoice
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_draft_invoice" WHERE "end_timestamp" IS NULL) AS "_mtx_offending";

-- test not_null(environment_type) on current_draft_invoice
SELECT "environment_type", "id" FROM "metronome"."current_draft_invoice" WHERE "environment_type" IS NULL LIMIT 5;

-- test not_null(environment_type) on current_draft_invoice
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_draft_invoice" WHERE "environment_type" IS NULL) AS "_mtx_offending";

-- test not_null(updated_at) on current_draft_invoice
SELECT "environment_type", "id" FROM "metronome"."current_draft_invoice" WHERE "updated_at" IS NULL LIMIT 5;

-- test not_null(updated_at) on current_draft_invoice
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_draft_invoice" WHERE "updated_at" IS NULL) AS "_mtx_offending";

-- test not_null(snapshot_time) on current_draft_invoice
SELECT "environment_type", "id" FROM "metronome"."current_draft_invoice" WHERE "snapshot_time" IS NULL LIMIT 5;

-- test not_null(snapshot_time) on current_draft_invoice
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_draft_invoice" WHERE "snapshot_time" IS NULL) AS "_mtx_offending";

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_draft_invoice
SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_draft_invoice" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION') LIMIT 5;

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_draft_invoice
SELECT COUNT(*) FROM (SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_draft_invoice" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION')) AS "_mtx_offending";

-- test unique(environment_type, transaction_id) on current_events
SELECT "environment_type", "transaction_id", COUNT(*) AS "rows" FROM "metronome"."current_events" GROUP BY "environment_type", "transaction_id" HAVING COUNT(*) > 1 LIMIT 5;

-- test unique(environment_type, transaction_id) on current_events
SELECT COUNT(*) FROM (SELECT "environment_type", "transaction_id", COUNT(*) AS "rows" FROM "metronome"."current_events" GROUP BY "environment_type", "transaction_id" HAVING COUNT(*) > 1) AS "_mtx_offending";

-- test not_null(transaction_id) on events
SELECT "environment_type", "transaction_id" FROM "metronome"."events" WHERE "transaction_id" IS NULL LIMIT 5;

-- test not_null(transaction_id) on events
SELECT COUNT(*) FROM (SELECT "environment_type", "transaction_id" FROM "metronome"."events" WHERE "transaction_id" IS NULL) AS "_mtx_offending";

-- test not_null(customer_id) on current_events
SELECT "environment_type", "transaction_id" FROM "metronome"."current_events" WHERE "customer_id" IS NULL LIMIT 5;

-- test not_null(customer_id) on current_events
SELECT COUNT(*) FROM (SELECT "environment_type", "transaction_id" FROM "metronome"."current_events" WHERE "customer_id" IS NULL) AS "_mtx_offending";

-- test not_null(timestamp) on current_events
SELECT "environment_type", "transaction_id" FROM "metronome"."current_events" WHERE "timestamp" IS NULL LIMIT 5;

-- test not_null(timestamp) on current_events
SELECT COUNT(*) FROM (SELECT "environment_type", "transaction_id" FROM "metronome"."current_events" WHERE "timestamp" IS NULL) AS "_mtx_offending";

-- test not_null(event_type) on current_events
SELECT "environment_type", "transaction_id" FROM "metronome"."current_events" WHERE "event_type" IS NULL LIMIT 5;

-- test not_null(event_type) on current_events
SELECT COUNT(*) FROM (SELECT "environment_type", "transaction_id" FROM "metronome"."current_events" WHERE "event_type" IS NULL) AS "_mtx_offending";

-- test not_null(properties) on current_events
SELECT "environment_type", "transaction_id" FROM "metronome"."current_events" WHERE "properties" IS NULL LIMIT 5;

-- test not_null(properties) on current_events
SELECT COUNT(*) FROM (SELECT "environment_type", "transaction_id" FROM "metronome"."current_events" WHERE "properties" IS NULL) AS "_mtx_offending";

-- test not_null(environment_type) on current_events
SELECT "environment_type", "transaction_id" FROM "metronome"."current_events" WHERE "environment_type" IS NULL LIMIT 5;

-- test not_null(environment_type) on current_events
SELECT COUNT(*) FROM (SELECT "environment_type", "transaction_id" FROM "metronome"."current_events" WHERE "environment_type" IS NULL) AS "_mtx_offending";

-- test not_null(_metronome_metadata_id) on current_events
SELECT "environment_type", "transaction_id" FROM "metronome"."current_events" WHERE "_metronome_metadata_id" IS NULL LIMIT 5;

-- test not_null(_metronome_metadata_id) on current_events
SELECT COUNT(*) FROM (SELECT "environment_type", "transaction_id" FROM "metronome"."current_events" WHERE "_metronome_metadata_id" IS NULL) AS "_mtx_offending";

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_events
SELECT DISTINCT "environment_type", "transaction_id" FROM "metronome"."current_events" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION') LIMIT 5;

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_events
SELECT COUNT(*) FROM (SELECT DISTINCT "environment_type", "transaction_id" FROM "metronome"."current_events" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION')) AS "_mtx_offending";

-- test unique(environment_type, id) on current_credit_grant
SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_credit_grant" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1 LIMIT 5;

-- test unique(environment_type, id) on current_credit_grant
SELECT COUNT(*) FROM (SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_credit_grant" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1) AS "_mtx_offending";

-- test not_null(id) on credit_grant
SELECT "environment_type", "id" FROM "metronome"."credit_grant" WHERE "id" IS NULL LIMIT 5;

-- test not_null(id) on credit_grant
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."credit_grant" WHERE "id" IS NULL) AS "_mtx_offending";

-- test not_null(customer_id) on current_credit_grant
SELECT "environment_type", "id" FROM "metronome"."current_credit_grant" WHERE "customer_id" IS NULL LIMIT 5;

-- test not_null(customer_id) on current_credit_grant
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_credit_grant" WHERE "customer_id" IS NULL) AS "_mtx_offending";

-- test not_null(name) on current_credit_grant
SELECT "environment_type", "id" FROM "metronome"."current_credit_grant" WHERE "name" IS NULL LIMIT 5;

-- test not_null(name) on current_credit_grant
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_credit_grant" WHERE "name" IS NULL) AS "_mtx_offending";

-- test not_null(priority) on current_credit_grant
SELECT "environment_type", "id" FROM "metronome"."current_credit_grant" WHERE "priority" IS NULL LIMIT 5;

-- test not_null(priority) on current_credit_grant
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_credit_grant" WHERE "priority" IS NULL) AS "_mtx_offending";

-- test not_null(amount_granted) on current_credit_grant
SELECT "environment_type", "id" FROM "metronome"."current_credit_grant" WHERE "amount_granted" IS NULL LIMIT 5;

-- test not_null(amount_granted) on current_credit_grant
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_credit_grant" WHERE "amount_granted" IS NULL) AS "_mtx_offending";

-- test not_null(amount_granted_credit_type_id) on current_credit_grant
SELECT "environment_type", "id" FROM "metronome"."current_credit_grant" WHERE "amount_granted_credit_type_id" IS NULL LIMIT 5;

-- test not_null(amount_granted_credit_type_id) on current_credit_grant
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_credit_grant" WHERE "amount_granted_credit_type_id" IS NULL) AS "_mtx_offending";

-- test not_null(amount_paid) on current_credit_grant
SELECT "environment_type", "id" FROM "metronome"."current_credit_grant" WHERE "amount_paid" IS NULL LIMIT 5;

-- test not_null(amount_paid) on current_credit_grant
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_credit_grant" WHERE "amount_paid" IS NULL) AS "_mtx_offending";

-- test not_null(amount_paid_credit_type_id) on current_credit_grant
SELECT "environment_type", "id" FROM "metronome"."current_credit_grant" WHERE "amount_paid_credit_type_id" IS NULL LIMIT 5;

-- test not_null(amount_paid_credit_type_id) on current_credit_grant
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_credit_grant" WHERE "amount_paid_credit_type_id" IS NULL) AS "_mtx_offending";

-- test not_null(product_ids) on current_credit_grant
SELECT "environment_type", "id" FROM "metronome"."current_credit_grant" WHERE "product_ids" IS NULL LIMIT 5;

-- test not_null(product_ids) on current_credit_grant
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_credit_grant" WHERE "product_ids" IS NULL) AS "_mtx_offending";

-- test not_null(environment_type) on current_credit_grant
SELECT "environment_type", "id" FROM "metronome"."current_credit_grant" WHERE "environment_type" IS NULL LIMIT 5;

-- test not_null(environment_type) on current_credit_grant
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_credit_grant" WHERE "environment_type" IS NULL) AS "_mtx_offending";

-- test not_null(created_at) on current_credit_grant
SELECT "environment_type", "id" FROM "metronome"."current_credit_grant" WHERE "created_at" IS NULL LIMIT 5;

-- test not_null(created_at) on current_credit_grant
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_credit_grant" WHERE "created_at" IS NULL) AS "_mtx_offending";

-- test not_null(updated_at) on current_credit_grant
SELECT "environment_type", "id" FROM "metronome"."current_credit_grant" WHERE "updated_at" IS NULL LIMIT 5;

-- test not_null(updated_at) on current_credit_grant
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_credit_grant" WHERE "updated_at" IS NULL) AS "_mtx_offending";

-- test not_null(effective_at) on current_credit_grant
SELECT "environment_type", "id" FROM "metronome"."current_credit_grant" WHERE "effective_at" IS NULL LIMIT 5;

-- test not_null(effective_at) on current_credit_grant
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_credit_grant" WHERE "effective_at" IS NULL) AS "_mtx_offending";

-- test not_null(expires_at) on current_credit_grant
SELECT "environment_type", "id" FROM "metronome"."current_credit_grant" WHERE "expires_at" IS NULL LIMIT 5;

-- test not_null(expires_at) on current_credit_grant
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_credit_grant" WHERE "expires_at" IS NULL) AS "_mtx_offending";

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_credit_grant
SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_credit_grant" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION') LIMIT 5;

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_credit_grant
SELECT COUNT(*) FROM (SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_credit_grant" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION')) AS "_mtx_offending";

-- test unique(id) on current_credit_grant_deduction
SELECT "id", COUNT(*) AS "rows" FROM "metronome"."current_credit_grant_deduction" GROUP BY "id" HAVING COUNT(*) > 1 LIMIT 5;

-- test unique(id) on current_credit_grant_deduction
SELECT COUNT(*) FROM (SELECT "id", COUNT(*) AS "rows" FROM "metronome"."current_credit_grant_deduction" GROUP BY "id" HAVING COUNT(*) > 1) AS "_mtx_offending";

-- test not_null(id) on credit_grant_deduction
SELECT "id" FROM "metronome"."credit_grant_deduction" WHERE "id" IS NULL LIMIT 5;

-- test not_null(id) on credit_grant_deduction
SELECT COUNT(*) FROM (SELECT "id" FROM "metronome"."credit_grant_deduction" WHERE "id" IS NULL) AS "_mtx_offending";

-- test not_null(credit_grant_id) on current_credit_grant_deduction
SELECT "id" FROM "metronome"."current_credit_grant_deduction" WHERE "credit_grant_id" IS NULL LIMIT 5;

-- test not_null(credit_grant_id) on current_credit_grant_deduction
SELECT COUNT(*) FROM (SELECT "id" FROM "metronome"."current_credit_grant_deduction" WHERE "credit_grant_id" IS NULL) AS "_mtx_offending";

-- test not_null(amount) on current_credit_grant_deduction
SELECT "id" FROM "metronome"."current_credit_grant_deduction" WHERE "amount" IS NULL LIMIT 5;

-- test not_null(amount) on current_credit_grant_deduction
SELECT COUNT(*) FROM (SELECT "id" FROM "metronome"."current_credit_grant_deduction" WHERE "amount" IS NULL) AS "_mtx_offending";

-- test not_null(memo) on current_credit_grant_deduction
SELECT "id" FROM "metronome"."current_credit_grant_deduction" WHERE "memo" IS NULL LIMIT 5;

-- test not_null(memo) on current_credit_grant_deduction
SELECT COUNT(*) FROM (SELECT "id" FROM "metronome"."current_credit_grant_deduction" WHERE "memo" IS NULL) AS "_mtx_offending";

-- test not_null(effective_at) on current_credit_grant_deduction
SELECT "id" FROM "metronome"."current_credit_grant_deduction" WHERE "effective_at" IS NULL LIMIT 5;

-- test not_null(effective_at) on current_credit_grant_deduction
SELECT COUNT(*) FROM (SELECT "id" FROM "metronome"."current_credit_grant_deduction" WHERE "effective_at" IS NULL) AS "_mtx_offending";

-- test not_null(updated_at) on current_credit_grant_deduction
SELECT "id" FROM "metronome"."current_credit_grant_deduction" WHERE "updated_at" IS NULL LIMIT 5;

-- test not_null(updated_at) on current_credit_grant_deduction
SELECT COUNT(*) FROM (SELECT "id" FROM "metronome"."current_credit_grant_deduction" WHERE "updated_at" IS NULL) AS "_mtx_offending";

-- test unique(environment_type, id) on current_invoice
SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_invoice" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1 LIMIT 5;

-- test unique(environment_type, id) on current_invoice
SELECT COUNT(*) FROM (SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_invoice" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1) AS "_mtx_offending";

-- test not_null(id) on invoice
SELECT "environment_type", "id" FROM "metronome"."invoice" WHERE "id" IS NULL LIMIT 5;

-- test not_null(id) on invoice
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."invoice" WHERE "id" IS NULL) AS "_mtx_offending";

-- test not_null(status) on current_invoice
SELECT "environment_type", "id" FROM "metronome"."current_invoice" WHERE "status" IS NULL LIMIT 5;

-- test not_null(status) on current_invoice
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_invoice" WHERE "status" IS NULL) AS "_mtx_offending";

-- test not_null(total) on current_invoice
SELECT "environment_type", "id" FROM "metronome"."current_invoice" WHERE "total" IS NULL LIMIT 5;

-- test not_null(total) on current_invoice
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_invoice" WHERE "total" IS NULL) AS "_mtx_offending";

-- test not_null(credit_type_id) on current_invoice
SELECT "environment_type", "id" FROM "metronome"."current_invoice" WHERE "credit_type_id" IS NULL LIMIT 5;

-- test not_null(credit_type_id) on current_invoice
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_invoice" WHERE "credit_type_id" IS NULL) AS "_mtx_offending";

-- test not_null(credit_type_name) on current_invoice
SELECT "environment_type", "id" FROM "metronome"."current_invoice" WHERE "credit_type_name" IS NULL LIMIT 5;

-- test not_null(credit_type_name) on current_invoice
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_invoice" WHERE "credit_type_name" IS NULL) AS "_mtx_offending";

-- test not_null(customer_id) on current_invoice
SELECT "environment_type", "id" FROM "metronome"."current_invoice" WHERE "customer_id" IS NULL LIMIT 5;

-- test not_null(customer_id) on current_invoice
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_invoice" WHERE "customer_id" IS NULL) AS "_mtx_offending";

-- test not_null(start_timestamp) on current_invoice
SELECT "environment_type", "id" FROM "metronome"."current_invoice" WHERE "start_timestamp" IS NULL LIMIT 5;

-- test not_null(start_timestamp) on current_invoice
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_invoice" WHERE "start_timestamp" IS NULL) AS "_mtx_offending";

-- test not_null(end_timestamp) on current_invoice
SELECT "environment_type", "id" FROM "metronome"."current_invoice" WHERE "end_timestamp" IS NULL LIMIT 5;

-- test not_null(end_timestamp) on current_invoice
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_invoice" WHERE "end_timestamp" IS NULL) AS "_mtx_offending";

-- test not_null(invoice_label) on current_invoice
SELECT "environment_type", "id" FROM "metronome"."current_invoice" WHERE "invoice_label" IS NULL LIMIT 5;

-- test not_null(invoice_label) on current_invoice
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_invoice" WHERE "invoice_label" IS NULL) AS "_mtx_offending";

-- test not_null(issued_at) on current_invoice
SELECT "environment_type", "id" FROM "metronome"."current_invoice" WHERE "issued_at" IS NULL LIMIT 5;

-- test not_null(issued_at) on current_invoice
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_invoice" WHERE "issued_at" IS NULL) AS "_mtx_offending";

-- test not_null(environment_type) on current_invoice
SELECT "environment_type", "id" FROM "metronome"."current_invoice" WHERE "environment_type" IS NULL LIMIT 5;

-- test not_null(environment_type) on current_invoice
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_invoice" WHERE "environment_type" IS NULL) AS "_mtx_offending";

-- test not_null(updated_at) on current_invoice
SELECT "environment_type", "id" FROM "metronome"."current_invoice" WHERE "updated_at" IS NULL LIMIT 5;

-- test not_null(updated_at) on current_invoice
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_invoice" WHERE "updated_at" IS NULL) AS "_mtx_offending";

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_invoice
SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_invoice" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION') LIMIT 5;

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_invoice
SELECT COUNT(*) FROM (SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_invoice" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION')) AS "_mtx_offending";

-- test unique(environment_type, id) on current_breakdowns_line_items
SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_breakdowns_line_items" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1 LIMIT 5;

-- test unique(environment_type, id) on current_breakdowns_line_items
SELECT COUNT(*) FROM (SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_breakdowns_line_items" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1) AS "_mtx_offending";

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_breakdowns_line_items
SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_breakdowns_line_items" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION') LIMIT 5;

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_breakdowns_line_items
SELECT COUNT(*) FROM (SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_breakdowns_line_items" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION')) AS "_mtx_offending";

-- test unique(environment_type, id) on current_line_item
SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_line_item" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1 LIMIT 5;

-- test unique(environment_type, id) on current_line_item
SELECT COUNT(*) FROM (SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_line_item" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1) AS "_mtx_offending";

-- test not_null(id) on line_item
SELECT "environment_type", "id" FROM "metronome"."line_item" WHERE "id" IS NULL LIMIT 5;

-- test not_null(id) on line_item
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."line_item" WHERE "id" IS NULL) AS "_mtx_offending";

-- test not_null(invoice_id) on current_line_item
SELECT "environment_type", "id" FROM "metronome"."current_line_item" WHERE "invoice_id" IS NULL LIMIT 5;

-- test not_null(invoice_id) on current_line_item
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_line_item" WHERE "invoice_id" IS NULL) AS "_mtx_offending";

-- test not_null(credit_type_id) on current_line_item
SELECT "environment_type", "id" FROM "metronome"."current_line_item" WHERE "credit_type_id" IS NULL LIMIT 5;

-- test not_null(credit_type_id) on current_line_item
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_line_item" WHERE "credit_type_id" IS NULL) AS "_mtx_offending";

-- test not_null(credit_type_name) on current_line_item
SELECT "environment_type", "id" FROM "metronome"."current_line_item" WHERE "credit_type_name" IS NULL LIMIT 5;

-- test not_null(credit_type_name) on current_line_item
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_line_item" WHERE "credit_type_name" IS NULL) AS "_mtx_offending";

-- test not_null(name) on current_line_item
SELECT "environment_type", "id" FROM "metronome"."current_line_item" WHERE "name" IS NULL LIMIT 5;

-- test not_null(name) on current_line_item
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_line_item" WHERE "name" IS NULL) AS "_mtx_offending";

-- test not_null(total) on current_line_item
SELECT "environment_type", "id" FROM "metronome"."current_line_item" WHERE "total" IS NULL LIMIT 5;

-- test not_null(total) on current_line_item
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_line_item" WHERE "total" IS NULL) AS "_mtx_offending";

-- test not_null(updated_at) on current_line_item
SELECT "environment_type", "id" FROM "metronome"."current_line_item" WHERE "updated_at" IS NULL LIMIT 5;

-- test not_null(updated_at) on current_line_item
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_line_item" WHERE "updated_at" IS NULL) AS "_mtx_offending";

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_line_item
SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_line_item" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION') LIMIT 5;

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_line_item
SELECT COUNT(*) FROM (SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_line_item" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION')) AS "_mtx_offending";

-- test unique(id) on current_sub_line_item
SELECT "id", COUNT(*) AS "rows" FROM "metronome"."current_sub_line_item" GROUP BY "id" HAVING COUNT(*) > 1 LIMIT 5;

-- test unique(id) on current_sub_line_item
SELECT COUNT(*) FROM (SELECT "id", COUNT(*) AS "rows" FROM "metronome"."current_sub_line_item" GROUP BY "id" HAVING COUNT(*) > 1) AS "_mtx_offending";

-- test not_null(id) on sub_line_item
SELECT "id" FROM "metronome"."sub_line_item" WHERE "id" IS NULL LIMIT 5;

-- test not_null(id) on sub_line_item
SELECT COUNT(*) FROM (SELECT "id" FROM "metronome"."sub_line_item" WHERE "id" IS NULL) AS "_mtx_offending";

-- test not_null(line_item_id) on current_sub_line_item
SELECT "id" FROM "metronome"."current_sub_line_item" WHERE "line_item_id" IS NULL LIMIT 5;

-- test not_null(line_item_id) on current_sub_line_item
SELECT COUNT(*) FROM (SELECT "id" FROM "metronome"."current_sub_line_item" WHERE "line_item_id" IS NULL) AS "_mtx_offending";

-- test not_null(name) on current_sub_line_item
SELECT "id" FROM "metronome"."current_sub_line_item" WHERE "name" IS NULL LIMIT 5;

-- test not_null(name) on current_sub_line_item
SELECT COUNT(*) FROM (SELECT "id" FROM "metronome"."current_sub_line_item" WHERE "name" IS NULL) AS "_mtx_offending";

-- test not_null(charge_id) on current_sub_line_item
SELECT "id" FROM "metronome"."current_sub_line_item" WHERE "charge_id" IS NULL LIMIT 5;

-- test not_null(charge_id) on current_sub_line_item
SELECT COUNT(*) FROM (SELECT "id" FROM "metronome"."current_sub_line_item" WHERE "charge_id" IS NULL) AS "_mtx_offending";

-- test not_null(updated_at) on current_sub_line_item
SELECT "id" FROM "metronome"."current_sub_line_item" WHERE "updated_at" IS NULL LIMIT 5;

-- test not_null(updated_at) on current_sub_line_item
SELECT COUNT(*) FROM (SELECT "id" FROM "metronome"."current_sub_line_item" WHERE "updated_at" IS NULL) AS "_mtx_offending";

-- test unique(environment_type, id) on current_plan_charge
SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_plan_charge" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1 LIMIT 5;

-- test unique(environment_type, id) on current_plan_charge
SELECT COUNT(*) FROM (SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_plan_charge" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1) AS "_mtx_offending";

-- test not_null(id) on plan_charge
SELECT "environment_type", "id" FROM "metronome"."plan_charge" WHERE "id" IS NULL LIMIT 5;

-- test not_null(id) on plan_charge
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."plan_charge" WHERE "id" IS NULL) AS "_mtx_offending";

-- test not_null(charge_id) on current_plan_charge
SELECT "environment_type", "id" FROM "metronome"."current_plan_charge" WHERE "charge_id" IS NULL LIMIT 5;

-- test not_null(charge_id) on current_plan_charge
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_plan_charge" WHERE "charge_id" IS NULL) AS "_mtx_offending";

-- test not_null(name) on current_plan_charge
SELECT "environment_type", "id" FROM "metronome"."current_plan_charge" WHERE "name" IS NULL LIMIT 5;

-- test not_null(name) on current_plan_charge
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_plan_charge" WHERE "name" IS NULL) AS "_mtx_offending";

-- test not_null(plan_id) on current_plan_charge
SELECT "environment_type", "id" FROM "metronome"."current_plan_charge" WHERE "plan_id" IS NULL LIMIT 5;

-- test not_null(plan_id) on current_plan_charge
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_plan_charge" WHERE "plan_id" IS NULL) AS "_mtx_offending";

-- test not_null(product_id) on current_plan_charge
SELECT "environment_type", "id" FROM "metronome"."current_plan_charge" WHERE "product_id" IS NULL LIMIT 5;

-- test not_null(product_id) on current_plan_charge
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_plan_charge" WHERE "product_id" IS NULL) AS "_mtx_offending";

-- test not_null(product_name) on current_plan_charge
SELECT "environment_type", "id" FROM "metronome"."current_plan_charge" WHERE "product_name" IS NULL LIMIT 5;

-- test not_null(product_name) on current_plan_charge
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_plan_charge" WHERE "product_name" IS NULL) AS "_mtx_offending";

-- test not_null(start_period) on current_plan_charge
SELECT "environment_type", "id" FROM "metronome"."current_plan_charge" WHERE "start_period" IS NULL LIMIT 5;

-- test not_null(start_period) on current_plan_charge
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_plan_charge" WHERE "start_period" IS NULL) AS "_mtx_offending";

-- test not_null(credit_type_id) on current_plan_charge
SELECT "environment_type", "id" FROM "metronome"."current_plan_charge" WHERE "credit_type_id" IS NULL LIMIT 5;

-- test not_null(credit_type_id) on current_plan_charge
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_plan_charge" WHERE "credit_type_id" IS NULL) AS "_mtx_offending";

-- test not_null(credit_type_name) on current_plan_charge
SELECT "environment_type", "id" FROM "metronome"."current_plan_charge" WHERE "credit_type_name" IS NULL LIMIT 5;

-- test not_null(credit_type_name) on current_plan_charge
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_plan_charge" WHERE "credit_type_name" IS NULL) AS "_mtx_offending";

-- test not_null(charge_type) on current_plan_charge
SELECT "environment_type", "id" FROM "metronome"."current_plan_charge" WHERE "charge_type" IS NULL LIMIT 5;

-- test not_null(charge_type) on current_plan_charge
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_plan_charge" WHERE "charge_type" IS NULL) AS "_mtx_offending";

-- test not_null(environment_type) on current_plan_charge
SELECT "environment_type", "id" FROM "metronome"."current_plan_charge" WHERE "environment_type" IS NULL LIMIT 5;

-- test not_null(environment_type) on current_plan_charge
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_plan_charge" WHERE "environment_type" IS NULL) AS "_mtx_offending";

-- test not_null(prices) on current_plan_charge
SELECT "environment_type", "id" FROM "metronome"."current_plan_charge" WHERE "prices" IS NULL LIMIT 5;

-- test not_null(prices) on current_plan_charge
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_plan_charge" WHERE "prices" IS NULL) AS "_mtx_offending";

-- test not_null(updated_at) on current_plan_charge
SELECT "environment_type", "id" FROM "metronome"."current_plan_charge" WHERE "updated_at" IS NULL LIMIT 5;

-- test not_null(updated_at) on current_plan_charge
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_plan_charge" WHERE "updated_at" IS NULL) AS "_mtx_offending";

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_plan_charge
SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_plan_charge" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION') LIMIT 5;

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_plan_charge
SELECT COUNT(*) FROM (SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_plan_charge" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION')) AS "_mtx_offending";

-- test unique(environment_type, id) on current_plan
SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_plan" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1 LIMIT 5;

-- test unique(environment_type, id) on current_plan
SELECT COUNT(*) FROM (SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_plan" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1) AS "_mtx_offending";

-- test not_null(id) on plan
SELECT "environment_type", "id" FROM "metronome"."plan" WHERE "id" IS NULL LIMIT 5;

-- test not_null(id) on plan
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."plan" WHERE "id" IS NULL) AS "_mtx_offending";

-- test not_null(name) on current_plan
SELECT "environment_type", "id" FROM "metronome"."current_plan" WHERE "name" IS NULL LIMIT 5;

-- test not_null(name) on current_plan
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_plan" WHERE "name" IS NULL) AS "_mtx_offending";

-- test not_null(description) on current_plan
SELECT "environment_type", "id" FROM "metronome"."current_plan" WHERE "description" IS NULL LIMIT 5;

-- test not_null(description) on current_plan
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_plan" WHERE "description" IS NULL) AS "_mtx_offending";

-- test not_null(billing_frequency) on current_plan
SELECT "environment_type", "id" FROM "metronome"."current_plan" WHERE "billing_frequency" IS NULL LIMIT 5;

-- test not_null(billing_frequency) on current_plan
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_plan" WHERE "billing_frequency" IS NULL) AS "_mtx_offending";

-- test not_null(starting_on) on current_plan
SELECT "environment_type", "id" FROM "metronome"."current_plan" WHERE "starting_on" IS NULL LIMIT 5;

-- test not_null(starting_on) on current_plan
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_plan" WHERE "starting_on" IS NULL) AS "_mtx_offending";

-- test not_null(environment_type) on current_plan
SELECT "environment_type", "id" FROM "metronome"."current_plan" WHERE "environment_type" IS NULL LIMIT 5;

-- test not_null(environment_type) on current_plan
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_plan" WHERE "environment_type" IS NULL) AS "_mtx_offending";

-- test not_null(created_at) on current_plan
SELECT "environment_type", "id" FROM "metronome"."current_plan" WHERE "created_at" IS NULL LIMIT 5;

-- test not_null(created_at) on current_plan
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_plan" WHERE "created_at" IS NULL) AS "_mtx_offending";

-- test not_null(updated_at) on current_plan
SELECT "environment_type", "id" FROM "metronome"."current_plan" WHERE "updated_at" IS NULL LIMIT 5;

-- test not_null(updated_at) on current_plan
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_plan" WHERE "updated_at" IS NULL) AS "_mtx_offending";

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_plan
SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_plan" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION') LIMIT 5;

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_plan
SELECT COUNT(*) FROM (SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_plan" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION')) AS "_mtx_offending";

-- test unique(environment_type, id) on current_billable_metric
SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_billable_metric" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1 LIMIT 5;

-- test unique(environment_type, id) on current_billable_metric
SELECT COUNT(*) FROM (SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_billable_metric" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1) AS "_mtx_offending";

-- test not_null(id) on billable_metric
SELECT "environment_type", "id" FROM "metronome"."billable_metric" WHERE "id" IS NULL LIMIT 5;

-- test not_null(id) on billable_metric
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."billable_metric" WHERE "id" IS NULL) AS "_mtx_offending";

-- test not_null(aggregate) on current_billable_metric
SELECT "environment_type", "id" FROM "metronome"."current_billable_metric" WHERE "aggregate" IS NULL LIMIT 5;

-- test not_null(aggregate) on current_billable_metric
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_billable_metric" WHERE "aggregate" IS NULL) AS "_mtx_offending";

-- test not_null(aggregate_keys) on current_billable_metric
SELECT "environment_type", "id" FROM "metronome"."current_billable_metric" WHERE "aggregate_keys" IS NULL LIMIT 5;

-- test not_null(aggregate_keys) on current_billable_metric
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_billable_metric" WHERE "aggregate_keys" IS NULL) AS "_mtx_offending";

-- test not_null(environment_type) on current_billable_metric
SELECT "environment_type", "id" FROM "metronome"."current_billable_metric" WHERE "environment_type" IS NULL LIMIT 5;

-- test not_null(environment_type) on current_billable_metric
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_billable_metric" WHERE "environment_type" IS NULL) AS "_mtx_offending";

-- test not_null(group_keys) on current_billable_metric
SELECT "environment_type", "id" FROM "metronome"."current_billable_metric" WHERE "group_keys" IS NULL LIMIT 5;

-- test not_null(group_keys) on current_billable_metric
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_billable_metric" WHERE "group_keys" IS NULL) AS "_mtx_offending";

-- test not_null(name) on current_billable_metric
SELECT "environment_type", "id" FROM "metronome"."current_billable_metric" WHERE "name" IS NULL LIMIT 5;

-- test not_null(name) on current_billable_metric
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_billable_metric" WHERE "name" IS NULL) AS "_mtx_offending";

-- test not_null(created_at) on current_billable_metric
SELECT "environment_type", "id" FROM "metronome"."current_billable_metric" WHERE "created_at" IS NULL LIMIT 5;

-- test not_null(created_at) on current_billable_metric
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_billable_metric" WHERE "created_at" IS NULL) AS "_mtx_offending";

-- test not_null(updated_at) on current_billable_metric
SELECT "environment_type", "id" FROM "metronome"."current_billable_metric" WHERE "updated_at" IS NULL LIMIT 5;

-- test not_null(updated_at) on current_billable_metric
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_billable_metric" WHERE "updated_at" IS NULL) AS "_mtx_offending";

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_billable_metric
SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_billable_metric" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION') LIMIT 5;

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_billable_metric
SELECT COUNT(*) FROM (SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_billable_metric" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION')) AS "_mtx_offending";

-- test unique(environment_type, id) on current_breakdowns_invoices
SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_breakdowns_invoices" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1 LIMIT 5;

-- test unique(environment_type, id) on current_breakdowns_invoices
SELECT COUNT(*) FROM (SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_breakdowns_invoices" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1) AS "_mtx_offending";

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_breakdowns_invoices
SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_breakdowns_invoices" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION') LIMIT 5;

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_breakdowns_invoices
SELECT COUNT(*) FROM (SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_breakdowns_invoices" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION')) AS "_mtx_offending";

-- test unique(environment_type, id) on current_contract_hierarchy_configurations
SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_contract_hierarchy_configurations" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1 LIMIT 5;

-- test unique(environment_type, id) on current_contract_hierarchy_configurations
SELECT COUNT(*) FROM (SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_contract_hierarchy_configurations" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1) AS "_mtx_offending";

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_contract_hierarchy_configurations
SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_contract_hierarchy_configurations" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION') LIMIT 5;

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_contract_hierarchy_configurations
SELECT COUNT(*) FROM (SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_contract_hierarchy_configurations" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION')) AS "_mtx_offending";

-- test unique(environment_type, id) on current_contracts_amendments
SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_contracts_amendments" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1 LIMIT 5;

-- test unique(environment_type, id) on current_contracts_amendments
SELECT COUNT(*) FROM (SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_contracts_amendments" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1) AS "_mtx_offending";

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_contracts_amendments
SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_contracts_amendments" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION') LIMIT 5;

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_contracts_amendments
SELECT COUNT(*) FROM (SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_contracts_amendments" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION')) AS "_mtx_offending";

-- test unique(environment_type, id) on current_contracts_commits
SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_contracts_commits" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1 LIMIT 5;

-- test unique(environment_type, id) on current_contracts_commits
SELECT COUNT(*) FROM (SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_contracts_commits" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1) AS "_mtx_offending";

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_contracts_commits
SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_contracts_commits" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION') LIMIT 5;

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_contracts_commits
SELECT COUNT(*) FROM (SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_contracts_commits" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION')) AS "_mtx_offending";

-- test unique(environment_type, id) on current_contracts_edits
SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_contracts_edits" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1 LIMIT 5;

-- test unique(environment_type, id) on current_contracts_edits
SELECT COUNT(*) FROM (SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_contracts_edits" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1) AS "_mtx_offending";

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_contracts_edits
SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_contracts_edits" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION') LIMIT 5;

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_contracts_edits
SELECT COUNT(*) FROM (SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_contracts_edits" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION')) AS "_mtx_offending";

-- test unique(environment_type, id) on current_contracts_prepaid_balance_threshold_configurations
SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_contracts_prepaid_balance_threshold_configurations" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1 LIMIT 5;

-- test unique(environment_type, id) on current_contracts_prepaid_balance_threshold_configurations
SELECT COUNT(*) FROM (SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_contracts_prepaid_balance_threshold_configurations" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1) AS "_mtx_offending";

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_contracts_prepaid_balance_threshold_configurations
SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_contracts_prepaid_balance_threshold_configurations" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION') LIMIT 5;

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_contracts_prepaid_balance_threshold_configurations
SELECT COUNT(*) FROM (SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_contracts_prepaid_balance_threshold_configurations" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION')) AS "_mtx_offending";

-- test unique(environment_type, id) on current_contracts_product_list_item_versions
SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_contracts_product_list_item_versions" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1 LIMIT 5;

-- test unique(environment_type, id) on current_contracts_product_list_item_versions
SELECT COUNT(*) FROM (SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_contracts_product_list_item_versions" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1) AS "_mtx_offending";

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_contracts_product_list_item_versions
SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_contracts_product_list_item_versions" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION') LIMIT 5;

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_contracts_product_list_item_versions
SELECT COUNT(*) FROM (SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_contracts_product_list_item_versions" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION')) AS "_mtx_offending";

-- test unique(environment_type, id) on current_contracts_recurring_commits_and_credits
SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_contracts_recurring_commits_and_credits" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1 LIMIT 5;

-- test unique(environment_type, id) on current_contracts_recurring_commits_and_credits
SELECT COUNT(*) FROM (SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_contracts_recurring_commits_and_credits" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1) AS "_mtx_offending";

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_contracts_recurring_commits_and_credits
SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_contracts_recurring_commits_and_credits" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION') LIMIT 5;

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_contracts_recurring_commits_and_credits
SELECT COUNT(*) FROM (SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_contracts_recurring_commits_and_credits" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION')) AS "_mtx_offending";

-- test unique(environment_type, id) on current_contracts_scheduled_charges
SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_contracts_scheduled_charges" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1 LIMIT 5;

-- test unique(environment_type, id) on current_contracts_scheduled_charges
SELECT COUNT(*) FROM (SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_contracts_scheduled_charges" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1) AS "_mtx_offending";

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_contracts_scheduled_charges
SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_contracts_scheduled_charges" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION') LIMIT 5;

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_contracts_scheduled_charges
SELECT COUNT(*) FROM (SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_contracts_scheduled_charges" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION')) AS "_mtx_offending";

-- test unique(environment_type, id) on current_contracts_spend_threshold_configurations
SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_contracts_spend_threshold_configurations" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1 LIMIT 5;

-- test unique(environment_type, id) on current_contracts_spend_threshold_configurations
SELECT COUNT(*) FROM (SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_contracts_spend_threshold_configurations" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1) AS "_mtx_offending";

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_contracts_spend_threshold_configurations
SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_contracts_spend_threshold_configurations" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION') LIMIT 5;

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_contracts_spend_threshold_configurations
SELECT COUNT(*) FROM (SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_contracts_spend_threshold_configurations" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION')) AS "_mtx_offending";

-- test unique(environment_type, id) on current_contracts_subscriptions
SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_contracts_subscriptions" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1 LIMIT 5;

-- test unique(environment_type, id) on current_contracts_subscriptions
SELECT COUNT(*) FROM (SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_contracts_subscriptions" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1) AS "_mtx_offending";

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_contracts_subscriptions
SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_contracts_subscriptions" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION') LIMIT 5;

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_contracts_subscriptions
SELECT COUNT(*) FROM (SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_contracts_subscriptions" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION')) AS "_mtx_offending";

-- test unique(environment_type, id) on current_contracts_transitions
SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_contracts_transitions" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1 LIMIT 5;

-- test unique(environment_type, id) on current_contracts_transitions
SELECT COUNT(*) FROM (SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_contracts_transitions" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1) AS "_mtx_offending";

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_contracts_transitions
SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_contracts_transitions" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION') LIMIT 5;

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_contracts_transitions
SELECT COUNT(*) FROM (SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_contracts_transitions" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION')) AS "_mtx_offending";

-- test unique(id, starting_at) on current_contracts_usage_filter_schedule
SELECT "id", "starting_at", COUNT(*) AS "rows" FROM "metronome"."current_contracts_usage_filter_schedule" GROUP BY "id", "starting_at" HAVING COUNT(*) > 1 LIMIT 5;

-- test unique(id, starting_at) on current_contracts_usage_filter_schedule
SELECT COUNT(*) FROM (SELECT "id", "starting_at", COUNT(*) AS "rows" FROM "metronome"."current_contracts_usage_filter_schedule" GROUP BY "id", "starting_at" HAVING COUNT(*) > 1) AS "_mtx_offending";

-- test unique(environment_type, id) on current_contracts_usage_filters
SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_contracts_usage_filters" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1 LIMIT 5;

-- test unique(environment_type, id) on current_contracts_usage_filters
SELECT COUNT(*) FROM (SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_contracts_usage_filters" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1) AS "_mtx_offending";

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_contracts_usage_filters
SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_contracts_usage_filters" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION') LIMIT 5;

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_contracts_usage_filters
SELECT COUNT(*) FROM (SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_contracts_usage_filters" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION')) AS "_mtx_offending";

-- test unique(environment_type, id) on current_credit_type
SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_credit_type" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1 LIMIT 5;

-- test unique(environment_type, id) on current_credit_type
SELECT COUNT(*) FROM (SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_credit_type" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1) AS "_mtx_offending";

-- test not_null(id) on credit_type
SELECT "environment_type", "id" FROM "metronome"."credit_type" WHERE "id" IS NULL LIMIT 5;

-- test not_null(id) on credit_type
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."credit_type" WHERE "id" IS NULL) AS "_mtx_offending";

-- test not_null(name) on current_credit_type
SELECT "environment_type", "id" FROM "metronome"."current_credit_type" WHERE "name" IS NULL LIMIT 5;

-- test not_null(name) on current_credit_type
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_credit_type" WHERE "name" IS NULL) AS "_mtx_offending";

-- test not_null(is_currency) on current_credit_type
SELECT "environment_type", "id" FROM "metronome"."current_credit_type" WHERE "is_currency" IS NULL LIMIT 5;

-- test not_null(is_currency) on current_credit_type
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_credit_type" WHERE "is_currency" IS NULL) AS "_mtx_offending";

-- test not_null(updated_at) on current_credit_type
SELECT "environment_type", "id" FROM "metronome"."current_credit_type" WHERE "updated_at" IS NULL LIMIT 5;

-- test not_null(updated_at) on current_credit_type
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_credit_type" WHERE "updated_at" IS NULL) AS "_mtx_offending";

-- test not_null(_metronome_metadata_id) on current_credit_type
SELECT "environment_type", "id" FROM "metronome"."current_credit_type" WHERE "_metronome_metadata_id" IS NULL LIMIT 5;

-- test not_null(_metronome_metadata_id) on current_credit_type
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_credit_type" WHERE "_metronome_metadata_id" IS NULL) AS "_mtx_offending";

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_credit_type
SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_credit_type" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION') LIMIT 5;

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_credit_type
SELECT COUNT(*) FROM (SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_credit_type" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION')) AS "_mtx_offending";

-- test unique(id) on current_customer_plan
SELECT "id", COUNT(*) AS "rows" FROM "metronome"."current_customer_plan" GROUP BY "id" HAVING COUNT(*) > 1 LIMIT 5;

-- test unique(id) on current_customer_plan
SELECT COUNT(*) FROM (SELECT "id", COUNT(*) AS "rows" FROM "metronome"."current_customer_plan" GROUP BY "id" HAVING COUNT(*) > 1) AS "_mtx_offending";

-- test not_null(id) on customer_plan
SELECT "id" FROM "metronome"."customer_plan" WHERE "id" IS NULL LIMIT 5;

-- test not_null(id) on customer_plan
SELECT COUNT(*) FROM (SELECT "id" FROM "metronome"."customer_plan" WHERE "id" IS NULL) AS "_mtx_offending";

-- test not_null(customer_id) on current_customer_plan
SELECT "id" FROM "metronome"."current_customer_plan" WHERE "customer_id" IS NULL LIMIT 5;

-- test not_null(customer_id) on current_customer_plan
SELECT COUNT(*) FROM (SELECT "id" FROM "metronome"."current_customer_plan" WHERE "customer_id" IS NULL) AS "_mtx_offending";

-- test not_null(plan_id) on current_customer_plan
SELECT "id" FROM "metronome"."current_customer_plan" WHERE "plan_id" IS NULL LIMIT 5;

-- test not_null(plan_id) on current_customer_plan
SELECT COUNT(*) FROM (SELECT "id" FROM "metronome"."current_customer_plan" WHERE "plan_id" IS NULL) AS "_mtx_offending";

-- test not_null(plan_name) on current_customer_plan
SELECT "id" FROM "metronome"."current_customer_plan" WHERE "plan_name" IS NULL LIMIT 5;

-- test not_null(plan_name) on current_customer_plan
SELECT COUNT(*) FROM (SELECT "id" FROM "metronome"."current_customer_plan" WHERE "plan_name" IS NULL) AS "_mtx_offending";

-- test not_null(starting_on) on current_customer_plan
SELECT "id" FROM "metronome"."current_customer_plan" WHERE "starting_on" IS NULL LIMIT 5;

-- test not_null(starting_on) on current_customer_plan
SELECT COUNT(*) FROM (SELECT "id" FROM "metronome"."current_customer_plan" WHERE "starting_on" IS NULL) AS "_mtx_offending";

-- test not_null(created_at) on current_customer_plan
SELECT "id" FROM "metronome"."current_customer_plan" WHERE "created_at" IS NULL LIMIT 5;

-- test not_null(created_at) on current_customer_plan
SELECT COUNT(*) FROM (SELECT "id" FROM "metronome"."current_customer_plan" WHERE "created_at" IS NULL) AS "_mtx_offending";

-- test not_null(updated_at) on current_customer_plan
SELECT "id" FROM "metronome"."current_customer_plan" WHERE "updated_at" IS NULL LIMIT 5;

-- test not_null(updated_at) on current_customer_plan
SELECT COUNT(*) FROM (SELECT "id" FROM "metronome"."current_customer_plan" WHERE "updated_at" IS NULL) AS "_mtx_offending";

-- test unique(environment_type, id) on current_draft_line_item
SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_draft_line_item" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1 LIMIT 5;

-- test unique(environment_type, id) on current_draft_line_item
SELECT COUNT(*) FROM (SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_draft_line_item" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1) AS "_mtx_offending";

-- test not_null(_metronome_metadata_id) on current_draft_line_item
SELECT "environment_type", "id" FROM "metronome"."current_draft_line_item" WHERE "_metronome_metadata_id" IS NULL LIMIT 5;

-- test not_null(_metronome_metadata_id) on current_draft_line_item
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_draft_line_item" WHERE "_metronome_metadata_id" IS NULL) AS "_mtx_offending";

-- test not_null(id) on draft_line_item
SELECT "environment_type", "id" FROM "metronome"."draft_line_item" WHERE "id" IS NULL LIMIT 5;

-- test not_null(id) on draft_line_item
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."draft_line_item" WHERE "id" IS NULL) AS "_mtx_offending";

-- test not_null(invoice_id) on current_draft_line_item
SELECT "environment_type", "id" FROM "metronome"."current_draft_line_item" WHERE "invoice_id" IS NULL LIMIT 5;

-- test not_null(invoice_id) on current_draft_line_item
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_draft_line_item" WHERE "invoice_id" IS NULL) AS "_mtx_offending";

-- test not_null(credit_type_id) on current_draft_line_item
SELECT "environment_type", "id" FROM "metronome"."current_draft_line_item" WHERE "credit_type_id" IS NULL LIMIT 5;

-- test not_null(credit_type_id) on current_draft_line_item
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_draft_line_item" WHERE "credit_type_id" IS NULL) AS "_mtx_offending";

-- test not_null(credit_type_name) on current_draft_line_item
SELECT "environment_type", "id" FROM "metronome"."current_draft_line_item" WHERE "credit_type_name" IS NULL LIMIT 5;

-- test not_null(credit_type_name) on current_draft_line_item
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_draft_line_item" WHERE "credit_type_name" IS NULL) AS "_mtx_offending";

-- test not_null(name) on current_draft_line_item
SELECT "environment_type", "id" FROM "metronome"."current_draft_line_item" WHERE "name" IS NULL LIMIT 5;

-- test not_null(name) on current_draft_line_item
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_draft_line_item" WHERE "name" IS NULL) AS "_mtx_offending";

-- test not_null(total) on current_draft_line_item
SELECT "environment_type", "id" FROM "metronome"."current_draft_line_item" WHERE "total" IS NULL LIMIT 5;

-- test not_null(total) on current_draft_line_item
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_draft_line_item" WHERE "total" IS NULL) AS "_mtx_offending";

-- test not_null(updated_at) on current_draft_line_item
SELECT "environment_type", "id" FROM "metronome"."current_draft_line_item" WHERE "updated_at" IS NULL LIMIT 5;

-- test not_null(updated_at) on current_draft_line_item
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_draft_line_item" WHERE "updated_at" IS NULL) AS "_mtx_offending";

-- test not_null(snapshot_time) on current_draft_line_item
SELECT "environment_type", "id" FROM "metronome"."current_draft_line_item" WHERE "snapshot_time" IS NULL LIMIT 5;

-- test not_null(snapshot_time) on current_draft_line_item
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_draft_line_item" WHERE "snapshot_time" IS NULL) AS "_mtx_offending";

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_draft_line_item
SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_draft_line_item" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION') LIMIT 5;

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_draft_line_item
SELECT COUNT(*) FROM (SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_draft_line_item" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION')) AS "_mtx_offending";

-- test unique(id) on current_draft_sub_line_item
SELECT "id", COUNT(*) AS "rows" FROM "metronome"."current_draft_sub_line_item" GROUP BY "id" HAVING COUNT(*) > 1 LIMIT 5;

-- test unique(id) on current_draft_sub_line_item
SELECT COUNT(*) FROM (SELECT "id", COUNT(*) AS "rows" FROM "metronome"."current_draft_sub_line_item" GROUP BY "id" HAVING COUNT(*) > 1) AS "_mtx_offending";

-- test not_null(_metronome_metadata_id) on current_draft_sub_line_item
SELECT "id" FROM "metronome"."current_draft_sub_line_item" WHERE "_metronome_metadata_id" IS NULL LIMIT 5;

-- test not_null(_metronome_metadata_id) on current_draft_sub_line_item
SELECT COUNT(*) FROM (SELECT "id" FROM "metronome"."current_draft_sub_line_item" WHERE "_metronome_metadata_id" IS NULL) AS "_mtx_offending";

-- test not_null(id) on draft_sub_line_item
SELECT "id" FROM "metronome"."draft_sub_line_item" WHERE "id" IS NULL LIMIT 5;

-- test not_null(id) on draft_sub_line_item
SELECT COUNT(*) FROM (SELECT "id" FROM "metronome"."draft_sub_line_item" WHERE "id" IS NULL) AS "_mtx_offending";

-- test not_null(line_item_id) on current_draft_sub_line_item
SELECT "id" FROM "metronome"."current_draft_sub_line_item" WHERE "line_item_id" IS NULL LIMIT 5;

-- test not_null(line_item_id) on current_draft_sub_line_item
SELECT COUNT(*) FROM (SELECT "id" FROM "metronome"."current_draft_sub_line_item" WHERE "line_item_id" IS NULL) AS "_mtx_offending";

-- test not_null(name) on current_draft_sub_line_item
SELECT "id" FROM "metronome"."current_draft_sub_line_item" WHERE "name" IS NULL LIMIT 5;

-- test not_null(name) on current_draft_sub_line_item
SELECT COUNT(*) FROM (SELECT "id" FROM "metronome"."current_draft_sub_line_item" WHERE "name" IS NULL) AS "_mtx_offending";

-- test not_null(charge_id) on current_draft_sub_line_item
SELECT "id" FROM "metronome"."current_draft_sub_line_item" WHERE "charge_id" IS NULL LIMIT 5;

-- test not_null(charge_id) on current_draft_sub_line_item
SELECT COUNT(*) FROM (SELECT "id" FROM "metronome"."current_draft_sub_line_item" WHERE "charge_id" IS NULL) AS "_mtx_offending";

-- test not_null(updated_at) on current_draft_sub_line_item
SELECT "id" FROM "metronome"."current_draft_sub_line_item" WHERE "updated_at" IS NULL LIMIT 5;

-- test not_null(updated_at) on current_draft_sub_line_item
SELECT COUNT(*) FROM (SELECT "id" FROM "metronome"."current_draft_sub_line_item" WHERE "updated_at" IS NULL) AS "_mtx_offending";

-- test not_null(snapshot_time) on current_draft_sub_line_item
SELECT "id" FROM "metronome"."current_draft_sub_line_item" WHERE "snapshot_time" IS NULL LIMIT 5;

-- test not_null(snapshot_time) on current_draft_sub_line_item
SELECT COUNT(*) FROM (SELECT "id" FROM "metronome"."current_draft_sub_line_item" WHERE "snapshot_time" IS NULL) AS "_mtx_offending";

-- test unique(environment_type, id) on current_invoice_corrections
SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_invoice_corrections" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1 LIMIT 5;

-- test unique(environment_type, id) on current_invoice_corrections
SELECT COUNT(*) FROM (SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_invoice_corrections" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1) AS "_mtx_offending";

-- test not_null(id) on invoice_corrections
SELECT "environment_type", "id" FROM "metronome"."invoice_corrections" WHERE "id" IS NULL LIMIT 5;

-- test not_null(id) on invoice_corrections
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."invoice_corrections" WHERE "id" IS NULL) AS "_mtx_offending";

-- test not_null(invoice_id) on current_invoice_corrections
SELECT "environment_type", "id" FROM "metronome"."current_invoice_corrections" WHERE "invoice_id" IS NULL LIMIT 5;

-- test not_null(invoice_id) on current_invoice_corrections
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_invoice_corrections" WHERE "invoice_id" IS NULL) AS "_mtx_offending";

-- test not_null(base_invoice_id) on current_invoice_corrections
SELECT "environment_type", "id" FROM "metronome"."current_invoice_corrections" WHERE "base_invoice_id" IS NULL LIMIT 5;

-- test not_null(base_invoice_id) on current_invoice_corrections
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_invoice_corrections" WHERE "base_invoice_id" IS NULL) AS "_mtx_offending";

-- test not_null(reason) on current_invoice_corrections
SELECT "environment_type", "id" FROM "metronome"."current_invoice_corrections" WHERE "reason" IS NULL LIMIT 5;

-- test not_null(reason) on current_invoice_corrections
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_invoice_corrections" WHERE "reason" IS NULL) AS "_mtx_offending";

-- test not_null(memo) on current_invoice_corrections
SELECT "environment_type", "id" FROM "metronome"."current_invoice_corrections" WHERE "memo" IS NULL LIMIT 5;

-- test not_null(memo) on current_invoice_corrections
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_invoice_corrections" WHERE "memo" IS NULL) AS "_mtx_offending";

-- test not_null(sequence_number) on current_invoice_corrections
SELECT "environment_type", "id" FROM "metronome"."current_invoice_corrections" WHERE "sequence_number" IS NULL LIMIT 5;

-- test not_null(sequence_number) on current_invoice_corrections
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_invoice_corrections" WHERE "sequence_number" IS NULL) AS "_mtx_offending";

-- test not_null(environment_type) on current_invoice_corrections
SELECT "environment_type", "id" FROM "metronome"."current_invoice_corrections" WHERE "environment_type" IS NULL LIMIT 5;

-- test not_null(environment_type) on current_invoice_corrections
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_invoice_corrections" WHERE "environment_type" IS NULL) AS "_mtx_offending";

-- test not_null(created_at) on current_invoice_corrections
SELECT "environment_type", "id" FROM "metronome"."current_invoice_corrections" WHERE "created_at" IS NULL LIMIT 5;

-- test not_null(created_at) on current_invoice_corrections
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_invoice_corrections" WHERE "created_at" IS NULL) AS "_mtx_offending";

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_invoice_corrections
SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_invoice_corrections" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION') LIMIT 5;

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_invoice_corrections
SELECT COUNT(*) FROM (SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_invoice_corrections" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION')) AS "_mtx_offending";

-- test unique(environment_type, id) on current_packages
SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_packages" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1 LIMIT 5;

-- test unique(environment_type, id) on current_packages
SELECT COUNT(*) FROM (SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_packages" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1) AS "_mtx_offending";

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_packages
SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_packages" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION') LIMIT 5;

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_packages
SELECT COUNT(*) FROM (SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_packages" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION')) AS "_mtx_offending";

-- test unique(environment_type, id) on current_payment
SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_payment" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1 LIMIT 5;

-- test unique(environment_type, id) on current_payment
SELECT COUNT(*) FROM (SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_payment" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1) AS "_mtx_offending";

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_payment
SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_payment" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION') LIMIT 5;

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_payment
SELECT COUNT(*) FROM (SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_payment" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION')) AS "_mtx_offending";

-- test unique(environment_type, id) on current_product
SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_product" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1 LIMIT 5;

-- test unique(environment_type, id) on current_product
SELECT COUNT(*) FROM (SELECT "environment_type", "id", COUNT(*) AS "rows" FROM "metronome"."current_product" GROUP BY "environment_type", "id" HAVING COUNT(*) > 1) AS "_mtx_offending";

-- test not_null(id) on product
SELECT "environment_type", "id" FROM "metronome"."product" WHERE "id" IS NULL LIMIT 5;

-- test not_null(id) on product
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."product" WHERE "id" IS NULL) AS "_mtx_offending";

-- test not_null(name) on current_product
SELECT "environment_type", "id" FROM "metronome"."current_product" WHERE "name" IS NULL LIMIT 5;

-- test not_null(name) on current_product
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_product" WHERE "name" IS NULL) AS "_mtx_offending";

-- test not_null(description) on current_product
SELECT "environment_type", "id" FROM "metronome"."current_product" WHERE "description" IS NULL LIMIT 5;

-- test not_null(description) on current_product
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_product" WHERE "description" IS NULL) AS "_mtx_offending";

-- test not_null(created_at) on current_product
SELECT "environment_type", "id" FROM "metronome"."current_product" WHERE "created_at" IS NULL LIMIT 5;

-- test not_null(created_at) on current_product
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_product" WHERE "created_at" IS NULL) AS "_mtx_offending";

-- test not_null(environment_type) on current_product
SELECT "environment_type", "id" FROM "metronome"."current_product" WHERE "environment_type" IS NULL LIMIT 5;

-- test not_null(environment_type) on current_product
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_product" WHERE "environment_type" IS NULL) AS "_mtx_offending";

-- test not_null(updated_at) on current_product
SELECT "environment_type", "id" FROM "metronome"."current_product" WHERE "updated_at" IS NULL LIMIT 5;

-- test not_null(updated_at) on current_product
SELECT COUNT(*) FROM (SELECT "environment_type", "id" FROM "metronome"."current_product" WHERE "updated_at" IS NULL) AS "_mtx_offending";

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_product
SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_product" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION') LIMIT 5;

-- test accepted_values(environment_type: SANDBOX, PRODUCTION) on current_product
SELECT COUNT(*) FROM (SELECT DISTINCT "environment_type", "id" FROM "metronome"."current_product" WHERE "environment_type" NOT IN ('SANDBOX', 'PRODUCTION')) AS "_mtx_offending";

