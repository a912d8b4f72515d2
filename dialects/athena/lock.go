package athena

// LockTableDDL: Athena and Trino have no advisory locks; CREATE TABLE is
// the mutex (Iceberg catalogs commit a new table atomically).
// Through Athena's API the table is created in Athena's DDL.
func (d Dialect) LockTableDDL(table string) string {
	if d.api != nil {
		return d.api.hiveTable(table, [][2]string{{"owner", "string"}, {"beat", "bigint"}})
	}
	return "CREATE TABLE " + table + " (" + d.Quote("owner") + " varchar, " + d.Quote("beat") + " bigint)"
}
