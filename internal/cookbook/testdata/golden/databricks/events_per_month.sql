SELECT date_trunc('MONTH', e.`timestamp`) AS month,
       COUNT(*) AS event_count
FROM `metronome`.`current_events` e
WHERE e.environment_type = 'PRODUCTION'
GROUP BY 1
ORDER BY 1;
