CREATE TABLE `metronome`.`mtx_lock` (`owner` string, `beat` bigint) LOCATION 's3://lake/mtx/metronome/mtx_lock/' TBLPROPERTIES ('table_type' = 'ICEBERG');
