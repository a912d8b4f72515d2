SELECT from_utc_timestamp(date_trunc('MONTH', to_utc_timestamp(d.effective_at, current_timezone())), current_timezone()) AS month,
       g.amount_granted_credit_type_id AS credit_type_id,
       SUM(d.amount) AS expired_amount
FROM `metronome`.`current_credit_grant_deduction` d
JOIN `metronome`.`current_credit_grant` g ON g.id = d.credit_grant_id
WHERE d.memo = 'Credits expired'
  AND g.environment_type = 'PRODUCTION'
GROUP BY 1, 2
ORDER BY 1, 2;
