SELECT rc.id AS rate_card_id,
       rc."NAME" AS rate_card_name,
       COALESCE(e.entry_count, 0) AS active_entry_count
FROM "METRONOME"."CURRENT_CONTRACTS_RATE_CARDS" rc
LEFT JOIN (
  SELECT x.rate_card_id, COUNT(*) AS entry_count
  FROM "METRONOME"."CURRENT_CONTRACTS_RATE_CARD_ENTRIES" x
  WHERE x.environment_type = 'PRODUCTION'
    AND x.starting_at <= CURRENT_TIMESTAMP()
    AND (x.ending_before IS NULL OR x.ending_before > CURRENT_TIMESTAMP())
  GROUP BY x.rate_card_id
) e ON e.rate_card_id = rc.id
WHERE rc.environment_type = 'PRODUCTION'
  AND rc.archived_at IS NULL
ORDER BY 2, 1;
