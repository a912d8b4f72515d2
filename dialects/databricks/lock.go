package databricks

var _ interface{ LockTableDDL(string) string } = Dialect{}

// LockTableDDL: no advisory locks; CREATE TABLE is the mutex (the
// metastore lets one of two concurrent creates succeed).
func (d Dialect) LockTableDDL(table string) string {
	return "CREATE TABLE " + table + " (" + d.Quote("owner") + " STRING, " + d.Quote("beat") + " BIGINT) USING DELTA"
}
