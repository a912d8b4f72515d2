-- load lock
CREATE TABLE `metronome`.`mtx_load_lock` (`owner` string, `beat` bigint) LOCATION 's3://lake/mtx/metronome/mtx_load_lock/' TBLPROPERTIES ('table_type' = 'ICEBERG');

-- load lock
INSERT INTO "metronome"."mtx_load_lock" ("owner", "beat") VALUES ('host:1:abcd', 0);

-- load lock
SELECT MAX("owner"), COUNT(*) FROM "metronome"."mtx_load_lock";

-- load lock
DROP TABLE `metronome`.`mtx_load_lock`;

-- load lock
DROP TABLE IF EXISTS `metronome`.`mtx_load_lock`;

-- manifest
CREATE TABLE `metronome`.`_mtx_load_manifest` (
  `path` string,
  `table_name` string,
  `size` bigint,
  `etag` string,
  `rows` bigint,
  `transferred_at` timestamp,
  `loaded_at` timestamp
)
LOCATION 's3://lake/mtx/metronome/_mtx_load_manifest/'
TBLPROPERTIES ('table_type' = 'ICEBERG');

-- manifest
SELECT "path", "size" FROM "metronome"."_mtx_load_manifest";

-- manifest
DELETE FROM "metronome"."invoice" WHERE "_mtx_source_file" IS NOT NULL AND "_mtx_source_file" NOT IN (SELECT "path" FROM "metronome"."_mtx_load_manifest");

-- manifest
DELETE FROM "metronome"."invoice" WHERE "_mtx_source_file" = 'invoice/dt=2025-01-02/0_20250102030405.parquet';

-- manifest
INSERT INTO "metronome"."_mtx_load_manifest" ("path", "table_name", "size", "etag", "rows", "transferred_at", "loaded_at") VALUES ('invoice/dt=2025-01-02/0_20250102030405.parquet', 'invoice', 1234, 'etag-1', 5, TIMESTAMP '2025-01-02 03:04:05', TIMESTAMP '2025-01-03 00:00:00.123456');

-- manifest
INSERT INTO "metronome"."_mtx_load_manifest" ("path", "table_name", "size", "etag", "rows", "transferred_at", "loaded_at") VALUES ('invoice/dt=2025-01-02/0_20250102030405.parquet', 'invoice', 1234, 'etag-1', 5, TIMESTAMP '2025-01-02 03:04:05', TIMESTAMP '2025-01-03 00:00:00.123456'), ('invoice/dt=2025-01-02/0_20250102030405.parquet', 'invoice', 1234, 'etag-1', 5, TIMESTAMP '2025-01-02 03:04:05', TIMESTAMP '2025-01-03 00:00:00.123456');

-- manifest
SELECT "table_name", COUNT(*), SUM("rows") FROM "metronome"."_mtx_load_manifest" GROUP BY "table_name";

-- manifest
SELECT 1 FROM "metronome"."invoice" LIMIT 1;

-- manifest
DELETE FROM "metronome"."_mtx_load_manifest" WHERE "table_name" IN ('invoice');

-- s3:// group
CREATE EXTERNAL TABLE `metronome`.`mtx_scratch_0000000000000001` (`id` string, `issued_at` timestamp, `memo` string, `total` decimal(38,9)) STORED AS PARQUET LOCATION 's3://export/mtx/invoice/dt=2025-01-02/';

-- s3:// group
INSERT INTO "metronome"."invoice" ("id", "total", "issued_at", "memo", "_mtx_source_file", "_mtx_transferred_at") SELECT "id", "total", "issued_at", "memo", 'invoice/dt=2025-01-02/0_20250102030405.parquet', TIMESTAMP '2025-01-02 03:04:05' FROM "metronome"."mtx_scratch_0000000000000001" WHERE "$path" = 's3://export/mtx/invoice/dt=2025-01-02/0_20250102030405.parquet' UNION ALL SELECT "id", "total", "issued_at", "memo", 'invoice/dt=2025-01-02/1_20250102030405.parquet', TIMESTAMP '2025-01-02 03:04:05' FROM "metronome"."mtx_scratch_0000000000000001" WHERE "$path" = 's3://export/mtx/invoice/dt=2025-01-02/1_20250102030405.parquet';

-- s3:// group
DROP TABLE IF EXISTS `metronome`.`mtx_scratch_0000000000000001`;

-- local file
INSERT INTO "metronome"."invoice" ("id", "total", "issued_at", "memo", "_mtx_source_file", "_mtx_transferred_at") VALUES ('in_1', DECIMAL '12.500000000', TIMESTAMP '2025-01-02 03:04:05.000000', NULL, 'invoice/x.parquet', TIMESTAMP '2025-01-02 03:04:05.000000'), ('in_2', DECIMAL '-0.000000001', TIMESTAMP '2025-01-03 00:00:00.123456', 'it''s', 'invoice/x.parquet', TIMESTAMP '2025-01-02 03:04:05.000000');

