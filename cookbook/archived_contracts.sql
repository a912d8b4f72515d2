-- name: archived_contracts
-- description: Contracts that are archived in the latest contracts snapshot, most recently archived first.
-- source: Metronome SQL cookbook, "archived contracts"
-- fixed:
--   - latest snapshot only (current_contracts_contracts); every daily snapshot repeats each archived contract
--   - one environment; explicit columns instead of SELECT *
-- params:
--   - name: environment
--     description: PRODUCTION or SANDBOX
--     default: PRODUCTION
--     values: [PRODUCTION, SANDBOX]
SELECT c.id AS contract_id,
       c.{{ q "name" }} AS contract_name,
       c.customer_id AS customer_id,
       c.starting_at AS starting_at,
       c.ending_before AS ending_before,
       c.archived_at AS archived_at
FROM {{ current "contracts_contracts" }} c
WHERE c.archived_at IS NOT NULL
  AND c.environment_type = {{ param "environment" }}
ORDER BY c.archived_at DESC, c.id
