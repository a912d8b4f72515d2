SELECT from_utc_timestamp(date_trunc('MONTH', to_utc_timestamp(e.`timestamp`, current_timezone())), current_timezone()) AS month,
       COUNT(*) AS event_count
FROM `metronome`.`current_events` e
WHERE e.environment_type = 'PRODUCTION'
GROUP BY 1
ORDER BY 1;
