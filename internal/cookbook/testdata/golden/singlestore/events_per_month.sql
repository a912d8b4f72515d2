SELECT CAST(DATE_FORMAT(e.`timestamp`, '%Y-%m-01 00:00:00') AS DATETIME(6)) AS month,
       COUNT(*) AS event_count
FROM `metronome`.`current_events` e
WHERE e.environment_type = 'PRODUCTION'
GROUP BY 1
ORDER BY 1;
