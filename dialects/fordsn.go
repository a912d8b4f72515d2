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

// WriteChecker is implemented by dialects whose DSN may lack what
// creating tables needs (Athena: the location parameter, where its
// Iceberg tables go). Commands that create tables (mtx load, mtx run)
// call CheckWrite before they lock or create anything, so the missing
// setting is one line rather than the engine's error halfway through.
type WriteChecker interface {
	CheckWrite() error
}

// CheckWrite is d's CheckWrite, or nil when d needs nothing more.
func CheckWrite(d Dialect) error {
	if w, ok := d.(WriteChecker); ok {
		return w.CheckWrite()
	}
	return nil
}
