SELECT o.contract_id AS contract_id,
       o.id AS override_id,
       o.product_id AS product_id,
       o.rate_type AS rate_type,
       o.target AS target,
       get_json_object(o.new_rate, '$.type') AS new_rate_type,
       o.starting_at AS starting_at,
       o.ending_before AS ending_before,
       o.created_at AS created_at
FROM `metronome`.`current_contracts_overrides` o
WHERE o.environment_type = 'PRODUCTION'
ORDER BY o.created_at DESC, o.id
LIMIT 20;
