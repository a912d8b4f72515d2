SELECT COUNT(*) AS active_customers
FROM `metronome`.`current_customer` c
WHERE c.archived_at IS NULL
  AND c.environment_type = 'PRODUCTION';
