-- name: draft_invoice_total_by_contract
-- description: >-
--   Open (draft) invoices of the latest snapshot per contract: count and
--   total per credit type, with the contract's name.
-- source: Metronome SQL cookbook, "draft invoice total by contract from the latest snapshot"
-- fixed:
--   - the latest snapshot is the one of the chosen environment (current_draft_invoice); MAX(snapshot_time) over the whole table let a newer SANDBOX snapshot hide PRODUCTION drafts
--   - a snapshot delivered twice (a retried transfer) counts each invoice once; Metronome's query read the raw table, where the retry's rows doubled invoice_count and invoice_total
--   - the contract name is in the GROUP BY; grouping by id alone and selecting the name is rejected by PostgreSQL, Snowflake, BigQuery and MySQL's ONLY_FULL_GROUP_BY
--   - totals per credit type
-- params:
--   - name: environment
--     description: PRODUCTION or SANDBOX
--     default: PRODUCTION
--     values: [PRODUCTION, SANDBOX]
SELECT d.contract_id AS contract_id,
       c.{{ q "name" }} AS contract_name,
       d.credit_type_name AS credit_type_name,
       COUNT(*) AS invoice_count,
       SUM(d.total) AS invoice_total
FROM {{ current "draft_invoice" }} d
LEFT JOIN {{ current "contracts_contracts" }} c
  ON c.id = d.contract_id AND c.environment_type = d.environment_type
WHERE d.environment_type = {{ param "environment" }}
GROUP BY 1, 2, 3
ORDER BY 1, 2, 3
