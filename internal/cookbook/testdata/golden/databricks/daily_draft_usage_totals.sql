SELECT from_utc_timestamp(date_trunc('DAY', to_utc_timestamp(s.snapshot_time, current_timezone())), current_timezone()) AS day,
       CASE WHEN s.billable_metric_id IS NULL THEN 'NON_USAGE' ELSE 'USAGE' END AS charge_type,
       li.credit_type_name AS credit_type_name,
       SUM(s.subtotal) AS subtotal_sum
FROM (
  SELECT r.snapshot_time, r.id, r.line_item_id, r.billable_metric_id, r.subtotal,
         ROW_NUMBER() OVER (PARTITION BY r.snapshot_time, r.id
                            ORDER BY r.updated_at DESC, r._mtx_transferred_at DESC, r._mtx_source_file DESC) AS row_num
  FROM `metronome`.`draft_sub_line_item` r
) s
JOIN (
  SELECT r.snapshot_time, r.id, r.environment_type, r.credit_type_name,
         ROW_NUMBER() OVER (PARTITION BY r.snapshot_time, r.id
                            ORDER BY r.updated_at DESC, r._mtx_transferred_at DESC, r._mtx_source_file DESC) AS row_num
  FROM `metronome`.`draft_line_item` r
) li ON li.id = s.line_item_id AND li.snapshot_time = s.snapshot_time AND li.row_num = 1
WHERE s.row_num = 1
  AND li.environment_type = 'PRODUCTION'
GROUP BY 1, 2, 3
ORDER BY 1, 2, 3;
