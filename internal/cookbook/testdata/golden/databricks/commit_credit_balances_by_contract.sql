SELECT b.customer_id AS customer_id,
       b.contract_id AS contract_id,
       b.`type` AS balance_type,
       COUNT(*) AS balance_count,
       SUM(CAST(b.balance AS DECIMAL(38,9))) AS total_balance
FROM `metronome`.`current_contracts_balances` b
WHERE b.environment_type = 'PRODUCTION'
GROUP BY 1, 2, 3
ORDER BY 1, 2, 3;
