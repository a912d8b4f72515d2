package tests

import "github.com/mtxhq/mtx/internal/catalog"

// SingleStore in the live suite. There is no local SingleStore engine: the
// suite runs on a real cluster when MTX_TEST_SINGLESTORE_DSN is set and
// skips otherwise (README, "What is tested where"). SingleStore speaks
// MySQL's protocol and SQL, so the suite's per-engine facts are MySQL's,
// given here in one place, except where this file says otherwise.
// MariaDB runs the adapter's MySQL-protocol part in dialects/singlestore
// (TestOnMariaDB); sqlglot parses all its SQL (TestRenderedSQLParses etc.).
//
// Known gaps, each skipped with its reason by the test itself:
//   - TestDeliveredMatchesObjectStorage: the delivered-destination
//     simulation is not written for singlestore (deliveredEngines).
//   - TestLoadStopsOnFatalError: it kills the load's connection by finding
//     it through a named lock; SingleStore's load lock is a lock table.
//   - TestRunInterrupted: no slow model written for it (slowModel).
//
// None of the suite has run against a real SingleStore yet.
func init() {
	const name, like = "singlestore", "mysql"
	liveEngines = append(liveEngines, name)
	noLocalEngine[name] = "set it to a SingleStore cluster's DSN (user:pass@tcp(host:3306)/db, go-sql-driver's form) to run the live suite there; sqlglot checks its SQL and MariaDB its MySQL-protocol part without one"
	dropSchema[name] = "DROP DATABASE IF EXISTS %s" // databases, not schemas
	// SingleStore's information_schema reports column_type as MySQL does.
	types := map[catalog.LogicalType]string{catalog.JSON: "json|JSON"}
	for k, v := range expectedType[like] {
		if _, own := types[k]; !own {
			types[k] = v
		}
	}
	expectedType[name] = types
	textCast[name] = textCast[like]
	placeholder[name] = placeholder[like]
	sessionZone[name] = sessionZone[like] // accepted, and without effect: SingleStore keeps the server's zone
	lossyDecimal[name] = lossyDecimal[like]
	shortString[name] = shortString[like]
	textJSON[name] = textJSON[like]
}
