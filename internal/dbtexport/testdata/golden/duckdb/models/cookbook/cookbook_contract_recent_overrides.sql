-- The most recently created overrides of a contract (of every contract when contract_id is empty) in the latest snapshot, with the new rate's type.
-- var environment: PRODUCTION or SANDBOX (default "PRODUCTION")
-- var contract_id: the contract; empty means every contract (default "")
-- var limit: how many overrides (default "20")
{{ config(materialized='view') }}

SELECT * FROM (
SELECT o.contract_id AS contract_id,
       o.id AS override_id,
       o.product_id AS product_id,
       o.rate_type AS rate_type,
       o.target AS target,
       json_extract_string(o.new_rate, '$.type') AS new_rate_type,
       o.starting_at AS starting_at,
       o.ending_before AS ending_before,
       o.created_at AS created_at
FROM {{ ref('current_contracts_overrides') }} o
WHERE o.environment_type = {{ mtx_string('environment', 'PRODUCTION', ['PRODUCTION', 'SANDBOX']) }}{% if mtx_set('contract_id', '', 'string') %}
  AND o.contract_id = {{ mtx_string('contract_id', '', none) }}{% endif %}
ORDER BY o.created_at DESC, o.id
LIMIT {{ mtx_int('limit', '20') }}
) AS _mtx_cookbook
