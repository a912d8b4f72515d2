// Package dialects defines what an engine adapter must say about its SQL.
// Each engine is one folder below this one (dialects/postgres, ...), holding
// small Go files and its templates; dialects/all lists them. Everything that
// is not engine-specific (the catalog, the change sets, goose, the models,
// the CLI) lives elsewhere and talks to engines only through this package.
//
// # The required contract
//
// Dialect is what every engine implements in full, checked at compile time
// by the registry in dialects/all and a `var _ dialects.Dialect =
// Dialect{}` line in each engine's folder: names, types, DSNs, goose, and
// the three features every engine has — loading (Loader), current-state
// models (Modeler) and the cookbook's macros (Macros), plus reading its own
// physical types (TypeDescriber).
//
// # Saying "not here"
//
// A required method whose statement some engines do not have or need
// (Modeler.KeyIndex, Modeler.Analyze, SQLMacros.UseSchema, ...) answers
// (stmt, ok) and says "none on this engine" with ok false; an empty string
// is never an answer. A capability only some engines have is an optional
// interface, checked with a type assertion; an engine without it gets the
// neutral default the caller documents.
//
// # Model plans
//
// A model's build is planned as typed steps (Step, step.go) that the
// dialect spells only when they are printed or run: the runner reads what
// a step does from its fields (which relation a DropRelation drops, and
// whether it cascades), never from its text.
//
// # Optional interfaces
//
//	interface           file              implemented by
//	TemplateFuncer      dialect.go        ClickHouse
//	AsFoundQuoter       dialect.go        Snowflake
//	TypedNuller         dialect.go        MySQL, SingleStore
//	DeliveredReader     dialect.go        Redshift
//	FileDSN             file.go           DuckDB
//	DefaultSchemaDSNer  defaultschema.go  ClickHouse, BigQuery, Athena
//	DSNSpecializer      fordsn.go         Athena
//	WriteChecker        fordsn.go         Athena
//	TableDropper        step.go           Athena
//	ReadSessioner       readsession.go    PostgreSQL
//	NamedLocker         lock.go           PostgreSQL, MySQL        (each engine implements
//	LockTabler          lock.go           ClickHouse, Snowflake,    exactly one of these
//	                                      BigQuery, Redshift,       three lock kinds)
//	                                      SingleStore, Athena, Databricks
//	SingleProcess       lock.go           DuckDB
//	ReadOnlyOpener      lock.go           DuckDB
//	ParquetLoader       load.go           DuckDB
//	ParquetSender       load.go           ClickHouse
//	ObjectLoader        load.go           Snowflake, BigQuery, Redshift,
//	                                      Athena, Databricks
//	ConnObjectLoader    load.go           Databricks
//	LoadGrouper         load.go           Athena
//	FatalClassifier     load.go           DuckDB, PostgreSQL, MySQL,
//	                                      SingleStore
//	UnlistedDeleter     load.go           Databricks
//	KeySetMatcher       model.go          PostgreSQL
//	KeyDeleter          model.go          MySQL, SingleStore
//	BuildSettinger      model.go          PostgreSQL
//	RebuildSharer       model.go          (measured per engine)
//	ViewReplacer        model.go          SingleStore
//	ViewBinder          model.go          PostgreSQL
//	ViewKeeper          model.go          PostgreSQL
//	GrantCopier         model.go          Snowflake
//	TableReplacer       model.go          Snowflake, BigQuery, Databricks
//	Merger              model.go          Snowflake, BigQuery, Athena, Databricks
//	RowIDer             model.go          DuckDB, PostgreSQL
//	ChangeRanker        model.go          DuckDB
//	TailRanker          model.go          ClickHouse
//	KeyedTabler         model.go          ClickHouse
//	Compactor           model.go          ClickHouse
//	QueryDescriber      model.go          ClickHouse
//	KeySetExcluder      live.go           PostgreSQL
//	EmptyTailSplitter   live.go           DuckDB
//	KeyLookuper         live.go           PostgreSQL
//	DBTAdapter          dbt.go            DuckDB, PostgreSQL, Snowflake,
//	                                      BigQuery, Redshift, ClickHouse
//
// What each is for is said where it is declared; README.md's adapter table
// says the same in a line each.
package dialects
