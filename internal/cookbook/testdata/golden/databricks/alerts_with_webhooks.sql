SELECT a.id AS alert_id,
       a.`name` AS alert_name,
       a.alert_type AS alert_type,
       a.threshold AS threshold
FROM `metronome`.`current_alert` a
WHERE a.webhooks_enabled = TRUE
  AND a.disabled_at IS NULL
  AND a.archived_at IS NULL
  AND a.environment_type = 'PRODUCTION'
ORDER BY 2, 1;
