package singlestore

import "github.com/mtxhq/mtx/dialects"

var _ dialects.LockTabler = Dialect{}

// LockTableDDL: SingleStore documents no GET_LOCK among its functions (its
// "Unsupported MySQL Features" page and function reference), so
// the migrate, load and run locks are lock tables: CREATE TABLE without IF
// NOT EXISTS is the mutex, as on the engines without named locks.
func (d Dialect) LockTableDDL(table string) string {
	return "CREATE TABLE " + table + " (" + d.Quote("owner") + " VARCHAR(255), " + d.Quote("beat") + " BIGINT)"
}
