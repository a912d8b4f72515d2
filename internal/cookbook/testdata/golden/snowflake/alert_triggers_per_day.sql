SELECT DATE_TRUNC('DAY', CONVERT_TIMEZONE('UTC', h.created_at)::TIMESTAMP_NTZ) AS day,
       a.id AS alert_id,
       a."NAME" AS alert_name,
       COUNT(*) AS triggered_count
FROM "METRONOME"."CURRENT_CUSTOMER_ALERT_HISTORY" h
JOIN "METRONOME"."CURRENT_ALERT" a
  ON a.id = h.alert_id AND a.environment_type = h.environment_type
WHERE h.environment_type = 'PRODUCTION'
  AND LOWER(h.alert_status) = 'in_alarm'
  AND h.created_at >= DATEADD(HOUR, -168, CURRENT_TIMESTAMP())
  AND h.created_at < CURRENT_TIMESTAMP()
GROUP BY 1, 2, 3
ORDER BY 1, 3, 2;
