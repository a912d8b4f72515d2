SELECT o.contract_id,
       o.id AS override_id,
       o.product_id,
       o.rate_type,
       o.target,
       JSON_EXTRACT_PATH_TEXT(o.new_rate, 'type') AS new_rate_type,
       o.starting_at,
       o.ending_before,
       o.created_at
FROM "METRONOME"."CURRENT_CONTRACTS_OVERRIDES" o
WHERE o.environment_type = 'PRODUCTION'
ORDER BY o.created_at DESC, o.id
LIMIT 20;
