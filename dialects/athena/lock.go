package athena

// LockTableDDL: Athena and Trino have no advisory locks; CREATE TABLE is
// the mutex (Iceberg catalogs commit a new table atomically).
func (d Dialect) LockTableDDL(table string) string {
	return "CREATE TABLE " + table + " (" + d.Quote("owner") + " varchar, " + d.Quote("beat") + " bigint)"
}
