package bigquery

// LockTableDDL: BigQuery has no advisory locks; CREATE TABLE is the mutex.
func (d Dialect) LockTableDDL(table string) string {
	return "CREATE TABLE " + table + " (" + d.Quote("owner") + " STRING, " + d.Quote("beat") + " INT64)"
}
