-- Number of rate card entries in effect at as_of (starting_at <= as_of < ending_before) for every rate card that is not archived, in the latest snapshot. An entry whose ending_before is NULL has no end: it is active from its starting_at on.
-- var environment: PRODUCTION or SANDBOX (default "PRODUCTION")
-- var as_of: the instant (RFC 3339); empty means now (default "")
{{ config(materialized='view') }}

SELECT * FROM (
SELECT rc.id AS rate_card_id,
       rc."name" AS rate_card_name,
       COALESCE(e.entry_count, 0) AS active_entry_count
FROM {{ ref('current_contracts_rate_cards') }} rc
LEFT JOIN (
  SELECT x.rate_card_id, COUNT(*) AS entry_count
  FROM {{ ref('current_contracts_rate_card_entries') }} x
  WHERE x.environment_type = {{ mtx_string('environment', 'PRODUCTION', ['PRODUCTION', 'SANDBOX']) }}
    AND x.starting_at <= {{ mtx_timestamp('as_of', '') }}
    AND (x.ending_before IS NULL OR x.ending_before > {{ mtx_timestamp('as_of', '') }})
  GROUP BY x.rate_card_id
) e ON e.rate_card_id = rc.id
WHERE rc.environment_type = {{ mtx_string('environment', 'PRODUCTION', ['PRODUCTION', 'SANDBOX']) }}
  AND rc.archived_at IS NULL
ORDER BY 2, 1
) AS _mtx_cookbook
