-- name: commit_credit_balances_by_contract
-- description: >-
--   Finance: remaining balance of commits and credits per customer, contract
--   and type (COMMIT or CREDIT) in the latest contracts_balances snapshot.
--   Metronome exports balance as a float; each balance is cast to the
--   project's DECIMAL (rounded to its scale) before it is summed, so the
--   total is an exact decimal without float noise.
-- source: mtx (finance)
-- fixed: []
-- params:
--   - name: environment
--     description: PRODUCTION or SANDBOX
--     default: PRODUCTION
--     values: [PRODUCTION, SANDBOX]
SELECT b.customer_id AS customer_id,
       b.contract_id AS contract_id,
       b.{{ q "type" }} AS balance_type,
       COUNT(*) AS balance_count,
       SUM({{ decimal "b.balance" }}) AS total_balance
FROM {{ current "contracts_balances" }} b
WHERE b.environment_type = {{ param "environment" }}
GROUP BY 1, 2, 3
ORDER BY 1, 2, 3
