SELECT p.id AS plan_id,
       p."NAME" AS plan_name,
       p.billing_frequency AS billing_frequency,
       p.starting_on AS starting_on
FROM "METRONOME"."CURRENT_PLAN" p
WHERE p.environment_type = 'PRODUCTION'
  AND p.deprecated_at IS NULL
  AND p.starting_on >= CURRENT_TIMESTAMP()
  AND p.starting_on < DATEADD(HOUR, 168, CURRENT_TIMESTAMP())
ORDER BY p.starting_on, p.id;
