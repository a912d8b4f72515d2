-- Open (draft) invoices of the latest snapshot per contract: count and total per credit type, with the contract's name.
-- var environment: PRODUCTION or SANDBOX (default "PRODUCTION")
{{ config(materialized='view') }}

SELECT * FROM (
SELECT d.contract_id AS contract_id,
       c."name" AS contract_name,
       d.credit_type_name AS credit_type_name,
       COUNT(*) AS invoice_count,
       SUM(d.total) AS invoice_total
FROM {{ ref('current_draft_invoice') }} d
LEFT JOIN {{ ref('current_contracts_contracts') }} c
  ON c.id = d.contract_id AND c.environment_type = d.environment_type
WHERE d.environment_type = {{ mtx_string('environment', 'PRODUCTION', ['PRODUCTION', 'SANDBOX']) }}
GROUP BY 1, 2, 3
ORDER BY 1, 2, 3
) AS _mtx_cookbook
