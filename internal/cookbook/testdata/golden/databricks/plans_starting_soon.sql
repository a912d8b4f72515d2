SELECT p.id AS plan_id,
       p.`name` AS plan_name,
       p.billing_frequency AS billing_frequency,
       p.starting_on AS starting_on
FROM `metronome`.`current_plan` p
WHERE p.environment_type = 'PRODUCTION'
  AND p.deprecated_at IS NULL
  AND p.starting_on >= current_timestamp()
  AND p.starting_on < timestampadd(HOUR, 168, current_timestamp())
ORDER BY p.starting_on, p.id;
