package tests

import "github.com/mtxhq/mtx/dialects/enginetest"

// Until the shared per-name maps (placeholder, bindAs, bindArg, textCast,
// noTransactions, insertSelect, batchInsert) give way to the test adapters,
// an engine they do not name gets its facts from its adapter. Delete this
// file when the tests read e.a directly.
func init() {
	for _, a := range enginetest.All() {
		if _, ok := placeholder[a.Name]; ok {
			continue
		}
		placeholder[a.Name] = a.Placeholder
		textCast[a.Name] = a.TextCast
		noTransactions[a.Name] = a.NoTransactions
		insertSelect[a.Name] = a.InsertSelect
		batchInsert[a.Name] = a.BatchInsert
		if a.BindAs != nil {
			bindAs[a.Name] = a.BindAs
		}
		if a.BindArg != nil {
			bindArg[a.Name] = a.BindArg
		}
	}
}
