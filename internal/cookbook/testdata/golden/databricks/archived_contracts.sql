SELECT c.id AS contract_id,
       c.`name` AS contract_name,
       c.customer_id AS customer_id,
       c.starting_at AS starting_at,
       c.ending_before AS ending_before,
       c.archived_at AS archived_at
FROM `metronome`.`current_contracts_contracts` c
WHERE c.archived_at IS NOT NULL
  AND c.environment_type = 'PRODUCTION'
ORDER BY c.archived_at DESC, c.id;
