package redshift

// LockTableDDL: Redshift has no advisory locks; CREATE TABLE is the mutex.
func (Dialect) LockTableDDL(table string) string {
	return "CREATE TABLE " + table + " (\"owner\" VARCHAR(256), \"beat\" BIGINT)"
}
