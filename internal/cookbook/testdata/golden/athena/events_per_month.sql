SELECT CAST(date_trunc('month', (e."timestamp") AT TIME ZONE 'UTC') AS timestamp(6)) AS month,
       COUNT(*) AS event_count
FROM "metronome"."current_events" e
WHERE e.environment_type = 'PRODUCTION'
GROUP BY 1
ORDER BY 1;
