package singlestore

import (
	"context"
	"database/sql"

	"github.com/mtxhq/mtx/dialects"
)

var _ dialects.Loader = Dialect{}

// LoadTransactional: no. SingleStore takes LOAD DATA LOCAL INFILE as MySQL
// does, but whether it joins a multi-statement transaction is not
// something mtx relies on: a file's rows go in first and its manifest
// entry after, and rows of a file without an entry (a killed or failed
// load) are deleted by _mtx_source_file before the next load, so a killed
// load still ends exactly once.
func (Dialect) LoadTransactional() bool { return false }

// InsertRows streams the rows with MySQL's LOAD DATA LOCAL INFILE (TSV
// from an in-memory pipe, provenance columns in the SET clause, any
// warning failing the file), which SingleStore accepts as written.
func (Dialect) InsertRows(ctx context.Context, conn *sql.Conn, q dialects.Querier, t dialects.LoadTable, src dialects.RowSource) (int64, error) {
	return my.InsertRows(ctx, conn, q, t, src)
}
