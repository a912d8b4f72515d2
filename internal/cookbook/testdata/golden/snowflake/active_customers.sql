SELECT COUNT(*) AS active_customers
FROM "METRONOME"."CURRENT_CUSTOMER" c
WHERE c.archived_at IS NULL
  AND c.environment_type = 'PRODUCTION';
