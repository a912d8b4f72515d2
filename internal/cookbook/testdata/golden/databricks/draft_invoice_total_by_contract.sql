SELECT d.contract_id AS contract_id,
       c.`name` AS contract_name,
       d.credit_type_name AS credit_type_name,
       COUNT(*) AS invoice_count,
       SUM(d.total) AS invoice_total
FROM `metronome`.`current_draft_invoice` d
LEFT JOIN `metronome`.`current_contracts_contracts` c
  ON c.id = d.contract_id AND c.environment_type = d.environment_type
WHERE d.environment_type = 'PRODUCTION'
GROUP BY 1, 2, 3
ORDER BY 1, 2, 3;
