SELECT b.customer_id,
       b.contract_id,
       b."TYPE" AS balance_type,
       COUNT(*) AS balance_count,
       SUM(b.balance) AS total_balance
FROM "METRONOME"."CURRENT_CONTRACTS_BALANCES" b
WHERE b.environment_type = 'PRODUCTION'
GROUP BY 1, 2, 3
ORDER BY 1, 2, 3;
