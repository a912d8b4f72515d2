package dialects

// DSNSpecializer is implemented by dialects whose DDL depends on what the
// DSN connects to (Athena: Trino's DDL through Trino, Athena's own Hive
// DDL through Athena's API). ForDSN returns the dialect that speaks to
// dsn; a DSN it cannot read leaves d as it is (ValidateDSN names the
// problem when the command connects).
type DSNSpecializer interface {
	ForDSN(dsn string) Dialect
}

// ForDSN is d as it speaks to dsn: d itself unless d is a DSNSpecializer.
func ForDSN(d Dialect, dsn string) Dialect {
	if s, ok := d.(DSNSpecializer); ok && dsn != "" {
		return s.ForDSN(dsn)
	}
	return d
}
