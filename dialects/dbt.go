package dialects

// DBT is what dbt calls an engine's adapter, for `mtx dbt export`: facts
// about dbt, kept next to the engine they are about.
type DBT struct {
	// Adapter is dbt's adapter type (profiles.yml type:), the value of
	// `mtx dbt export --adapter`.
	Adapter string
	// Package is the adapter's PyPI package.
	Package string
	// Strategy is the adapter's incremental_strategy that replaces the
	// stored rows of each unique_key the new rows have, as an mtx refresh
	// does.
	Strategy string
}

// DBTAdapter is implemented by dialects that dbt has a maintained adapter
// for (dbt-mysql is not: its last release needs dbt-core 1.7).
type DBTAdapter interface {
	DBT() DBT
}
