SELECT rc.id AS rate_card_id,
       rc.`name` AS rate_card_name,
       COALESCE(e.entry_count, 0) AS active_entry_count
FROM `metronome`.`current_contracts_rate_cards` rc
LEFT JOIN (
  SELECT x.rate_card_id, COUNT(*) AS entry_count
  FROM `metronome`.`current_contracts_rate_card_entries` x
  WHERE x.environment_type = 'PRODUCTION'
    AND x.starting_at <= current_timestamp()
    AND (x.ending_before IS NULL OR x.ending_before > current_timestamp())
  GROUP BY x.rate_card_id
) e ON e.rate_card_id = rc.id
WHERE rc.environment_type = 'PRODUCTION'
  AND rc.archived_at IS NULL
ORDER BY 2, 1;
