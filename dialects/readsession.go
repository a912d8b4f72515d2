package dialects

// ReadSessioner is implemented by dialects that tune the sessions mtx opens
// for an analyst's reads (mtx query, mtx cookbook run): statements run on
// the session before the query, after the default schema is set.
type ReadSessioner interface {
	ReadSession() []string
}

// ReadSession is d's read-session statements, none when it has none.
func ReadSession(d Dialect) []string {
	if r, ok := d.(ReadSessioner); ok {
		return r.ReadSession()
	}
	return nil
}
