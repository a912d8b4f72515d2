package clickhouse

// LockTableDDL: ClickHouse has no advisory locks; CREATE TABLE is the mutex.
func (d Dialect) LockTableDDL(table string) string {
	return "CREATE TABLE " + table + " (" + d.Quote("owner") + " String, " + d.Quote("beat") + " Int64) ENGINE = MergeTree ORDER BY tuple()"
}
