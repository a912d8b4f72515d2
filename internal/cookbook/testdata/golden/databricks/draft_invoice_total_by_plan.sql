SELECT d.plan_id AS plan_id,
       d.plan_name AS plan_name,
       d.credit_type_name AS credit_type_name,
       COUNT(*) AS invoice_count,
       SUM(d.total) AS invoice_total
FROM `metronome`.`current_draft_invoice` d
WHERE d.environment_type = 'PRODUCTION'
GROUP BY 1, 2, 3
ORDER BY 1, 2, 3;
