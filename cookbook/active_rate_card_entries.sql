-- name: active_rate_card_entries
-- description: >-
--   Number of rate card entries in effect at as_of (starting_at <= as_of <
--   ending_before) for every rate card that is not archived, in the latest
--   snapshot. An entry whose ending_before is NULL has no end: it is active
--   from its starting_at on.
-- source: Metronome SQL cookbook, "active rate card entry count per rate card"
-- fixed:
--   - an entry with a NULL ending_before (no end date) counts as active; Metronome's ending_before > NOW() is never true for NULL, so open-ended entries, usually most of a rate card, were left out
--   - active means in effect at one instant (as_of, default now) with ending_before exclusive, as Metronome documents it; Metronome's query did not check starting_at, so entries starting in the future counted
--   - rate cards without active entries show 0; archived rate cards are left out
--   - latest snapshot only (Metronome's counted each entry once per snapshot delivered); one environment
-- params:
--   - name: environment
--     description: PRODUCTION or SANDBOX
--     default: PRODUCTION
--     values: [PRODUCTION, SANDBOX]
--   - name: as_of
--     description: the instant (RFC 3339); empty means now
--     type: timestamp
--     default: ""
SELECT rc.id AS rate_card_id,
       rc.{{ q "name" }} AS rate_card_name,
       COALESCE(e.entry_count, 0) AS active_entry_count
FROM {{ current "contracts_rate_cards" }} rc
LEFT JOIN (
  SELECT x.rate_card_id, COUNT(*) AS entry_count
  FROM {{ current "contracts_rate_card_entries" }} x
  WHERE x.environment_type = {{ param "environment" }}
    AND x.starting_at <= {{ param "as_of" }}
    AND (x.ending_before IS NULL OR x.ending_before > {{ param "as_of" }})
  GROUP BY x.rate_card_id
) e ON e.rate_card_id = rc.id
WHERE rc.environment_type = {{ param "environment" }}
  AND rc.archived_at IS NULL
ORDER BY 2, 1
