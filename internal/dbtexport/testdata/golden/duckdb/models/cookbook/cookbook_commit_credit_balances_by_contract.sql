-- Finance: remaining balance of commits and credits per customer, contract and type (COMMIT or CREDIT) in the latest contracts_balances snapshot. Metronome exports balance as a float; each balance is cast to the project's DECIMAL (rounded to its scale) before it is summed, so the total is an exact decimal without float noise.
-- var environment: PRODUCTION or SANDBOX (default "PRODUCTION")
{{ config(materialized='view') }}

SELECT * FROM (
SELECT b.customer_id AS customer_id,
       b.contract_id AS contract_id,
       b."type" AS balance_type,
       COUNT(*) AS balance_count,
       SUM(CAST(b.balance AS DECIMAL(38,9))) AS total_balance
FROM {{ ref('current_contracts_balances') }} b
WHERE b.environment_type = {{ mtx_string('environment', 'PRODUCTION', ['PRODUCTION', 'SANDBOX']) }}
GROUP BY 1, 2, 3
ORDER BY 1, 2, 3
) AS _mtx_cookbook
