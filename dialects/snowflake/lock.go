package snowflake

// LockTableDDL: Snowflake has no advisory locks; CREATE TABLE is the mutex.
func (d Dialect) LockTableDDL(table string) string {
	return "CREATE TABLE " + table + " (" + d.Quote("owner") + " VARCHAR, " + d.Quote("beat") + " NUMBER(38,0))"
}
