SELECT from_utc_timestamp(date_trunc('DAY', to_utc_timestamp(d.snapshot_time, current_timezone())), current_timezone()) AS day,
       d.credit_type_name AS credit_type_name,
       COUNT(*) AS invoice_count,
       SUM(d.total) AS invoice_total
FROM (
  SELECT r.snapshot_time, r.id, r.credit_type_name, r.total,
         ROW_NUMBER() OVER (PARTITION BY r.snapshot_time, r.id
                            ORDER BY r.updated_at DESC, r._mtx_transferred_at DESC, r._mtx_source_file DESC) AS row_num
  FROM `metronome`.`draft_invoice` r
  WHERE r.environment_type = 'PRODUCTION'
) d
WHERE d.row_num = 1
GROUP BY 1, 2
ORDER BY 1, 2;
