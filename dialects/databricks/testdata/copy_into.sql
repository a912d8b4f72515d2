COPY INTO `metronome`.`invoice`
FROM (SELECT CAST(`id` AS STRING) AS `id`, CAST(`total` AS DECIMAL(38,9)) AS `total`, CAST(NULL AS STRING) AS `contract_id`, CAST('invoice/dt=2025-01-02/0_20250102030405.parquet' AS STRING) AS `_mtx_source_file`, CAST(TIMESTAMP'2025-01-02 03:04:05+00:00' AS TIMESTAMP) AS `_mtx_transferred_at` FROM 's3://bucket/export/invoice/dt=2025-01-02')
FILEFORMAT = PARQUET
FILES = ('0_20250102030405.parquet')
COPY_OPTIONS ('force' = 'true')
