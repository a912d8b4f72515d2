SELECT from_utc_timestamp(date_trunc('DAY', to_utc_timestamp(h.created_at, current_timezone())), current_timezone()) AS day,
       a.id AS alert_id,
       a.`name` AS alert_name,
       COUNT(*) AS triggered_count
FROM `metronome`.`current_customer_alert_history` h
JOIN `metronome`.`current_alert` a
  ON a.id = h.alert_id AND a.environment_type = h.environment_type
WHERE h.environment_type = 'PRODUCTION'
  AND LOWER(h.alert_status) = 'in_alarm'
  AND h.created_at >= timestampadd(HOUR, -168, current_timestamp())
  AND h.created_at < current_timestamp()
GROUP BY 1, 2, 3
ORDER BY 1, 3, 2;
