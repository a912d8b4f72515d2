package dialects

// FileDSN is implemented by engines whose DSN is a file path (DuckDB). A
// relative path written in project.yaml is resolved next to project.yaml,
// as the models/ and cookbook/ folders are; one given with --dsn stays
// relative to the current directory.
type FileDSN interface {
	// ResolveDSN makes a relative path in dsn relative to dir; an absolute
	// path or an in-memory database is returned unchanged.
	ResolveDSN(dsn, dir string) string
}
