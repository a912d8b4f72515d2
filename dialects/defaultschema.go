package dialects

// DefaultSchemaDSNer is implemented by dialects where the schema that
// unqualified names resolve to is part of the connection, not a session
// statement: ClickHouse's HTTP interface has no session for `USE` to outlive
// its request, and BigQuery sets the default dataset on each query job.
// Their UseSchema answers ok false and `mtx query` opens this DSN instead.
type DefaultSchemaDSNer interface {
	// WithDefaultSchema returns dsn changed so that unqualified table names
	// resolve to schema.
	WithDefaultSchema(dsn, schema string) (string, error)
}

// DefaultSchema prepares a connection whose unqualified names resolve to
// schema: it returns the DSN to open and the statement to run first on the
// connection (UseSchema; "" when the DSN already says it).
func DefaultSchema(d Dialect, dsn, schema string) (string, string, error) {
	if s, ok := d.(DefaultSchemaDSNer); ok {
		out, err := s.WithDefaultSchema(dsn, schema)
		return out, "", err
	}
	use, _ := d.Macros().UseSchema(schema)
	return dsn, use, nil
}
