-- name: contract_recent_overrides
-- description: >-
--   The most recently created overrides of a contract (of every contract
--   when contract_id is empty) in the latest snapshot, with the new rate's type.
-- source: Metronome SQL cookbook, "most recent overrides on a contract"
-- fixed:
--   - latest snapshot only, so an override removed from the contract no longer shows
--   - the contract id is a parameter rendered as a quoted literal, not text pasted into the query
--   - newest created_at first, then id; Metronome ordered by updated_at, which on contracts_overrides is the time the row was exported, not when the override was made
--   - at most limit rows (default 20); one environment
-- params:
--   - name: environment
--     description: PRODUCTION or SANDBOX
--     default: PRODUCTION
--     values: [PRODUCTION, SANDBOX]
--   - name: contract_id
--     description: the contract; empty means every contract
--     default: ""
--   - name: limit
--     description: how many overrides
--     type: integer
--     default: "20"
SELECT o.contract_id AS contract_id,
       o.id AS override_id,
       o.product_id AS product_id,
       o.rate_type AS rate_type,
       o.target AS target,
       {{ json_text "o.new_rate" "type" }} AS new_rate_type,
       o.starting_at AS starting_at,
       o.ending_before AS ending_before,
       o.created_at AS created_at
FROM {{ current "contracts_overrides" }} o
WHERE o.environment_type = {{ param "environment" }}
{{- if set "contract_id" }}
  AND o.contract_id = {{ param "contract_id" }}
{{- end }}
ORDER BY o.created_at DESC, o.id
{{ limit (int_param "limit") }}
