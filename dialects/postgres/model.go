package postgres

import (
	"fmt"
	"strings"

	"github.com/mtxhq/mtx/dialects"
)

var _ dialects.Modeler = Dialect{}

func (d Dialect) style() dialects.SQLStyle {
	return dialects.SQLStyle{Quote: d.Quote, DescNullsLast: dialects.StandardDescNullsLast}
}

// CurrentStateSQL uses DISTINCT ON, PostgreSQL's idiom for "first row per
// key in this order": one sort, no row numbering.
func (d Dialect) CurrentStateSQL(cs dialects.CurrentState) string {
	return dialects.DistinctOn(d.style(), cs)
}

func (Dialect) MinusSeconds(expr string, s int64) string {
	return fmt.Sprintf("(%s - INTERVAL '%d seconds')", expr, s)
}

func (Dialect) CreateTableAs(rel, query string) string {
	return "CREATE TABLE " + rel + " AS\n" + query
}

func (d Dialect) RenameTable(schema, from, to string) string {
	return "ALTER TABLE " + d.Quote(schema) + "." + d.Quote(from) + " RENAME TO " + d.Quote(to)
}

func (Dialect) RelationsQuery(schema string) string {
	return dialects.InformationSchemaRelations(schema)
}

// KeyIndex: a B-tree on the key, so an incremental merge deletes the rows it
// replaces by index look-ups instead of scanning the table.
func (d Dialect) KeyIndex(schema, table string, cols []string) string {
	q := make([]string, len(cols))
	for i, c := range cols {
		q[i] = d.Quote(c)
	}
	return fmt.Sprintf("CREATE INDEX IF NOT EXISTS %s ON %s.%s (%s)", d.Quote(table+"_key"), d.Quote(schema), d.Quote(table), strings.Join(q, ", "))
}

func (Dialect) TransactionalDML() bool { return true }
