SELECT DATE_TRUNC('MONTH', CONVERT_TIMEZONE('UTC', d.effective_at)::TIMESTAMP_NTZ) AS month,
       g.amount_granted_credit_type_id AS credit_type_id,
       SUM(d.amount) AS expired_amount
FROM "METRONOME"."CURRENT_CREDIT_GRANT_DEDUCTION" d
JOIN "METRONOME"."CURRENT_CREDIT_GRANT" g ON g.id = d.credit_grant_id
WHERE d.memo = 'Credits expired'
  AND g.environment_type = 'PRODUCTION'
GROUP BY 1, 2
ORDER BY 1, 2;
