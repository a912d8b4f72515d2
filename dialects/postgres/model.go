package postgres

import (
	"fmt"
	"strings"
	"time"

	"github.com/mtxhq/mtx/dialects"
)

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
func (d Dialect) KeyIndex(schema, table, name string, cols []string) (string, bool) {
	q := make([]string, len(cols))
	for i, c := range cols {
		q[i] = d.Quote(c)
	}
	return fmt.Sprintf("CREATE INDEX IF NOT EXISTS %s ON %s.%s (%s)", d.Quote(name), d.Quote(schema), d.Quote(table), strings.Join(q, ", ")), true
}

func (Dialect) TransactionalDML() bool { return true }

// SourceIndex: B-trees on a raw table's key (a query on a current-state
// view for one id reads that id's versions only; DISTINCT ON passes the
// condition down) and watermark (a refresh reads only the new rows).
func (d Dialect) SourceIndex(schema, table, name string, cols []string) (string, bool) {
	q := make([]string, len(cols))
	for i, c := range cols {
		q[i] = d.Quote(c)
	}
	return fmt.Sprintf("CREATE INDEX IF NOT EXISTS %s ON %s.%s (%s)", d.Quote(name), d.Quote(schema), d.Quote(table), strings.Join(q, ", ")), true
}

// Analyze: a table created moments ago has no statistics, and without them
// the planner scans the model instead of using its key index.
func (Dialect) Analyze(relation string) (string, bool) { return "ANALYZE " + relation, true }

func (Dialect) TimestampLiteral(t time.Time) string {
	return "TIMESTAMPTZ '" + dialects.UTCMicros(t) + "+00'"
}

// InKeys: = ANY(ARRAY(…)) hands the planner the keys as one array, which it
// looks up in the model's key index; with IN (SELECT …) it estimates a
// semi-join and scans the whole model table instead.
func (d Dialect) InKeys(column, table string) string {
	return fmt.Sprintf("%s = ANY(ARRAY(SELECT %s FROM %s))", d.Quote(column), d.Quote(column), table)
}

func (d Dialect) CreateTempTableAs(name, query string) (string, bool) {
	return "CREATE TEMPORARY TABLE " + d.Quote(name) + " AS\n" + query, true
}

// BuildSettings: ranking rows sorts them, and the default 4 MB work_mem
// sends even a refresh's few thousand wide rows to disk. A full build ends
// by indexing the model, whose sort spills at the default 64 MB
// maintenance_work_mem: at 512 MB the key index of 4.5M events took 11.5 s
// instead of 15.0 s. SET LOCAL lasts for the model's own transaction only.
func (Dialect) BuildSettings() []string {
	return []string{"SET LOCAL work_mem = '128MB'", "SET LOCAL maintenance_work_mem = '512MB'"}
}

var _ dialects.ViewBinder = Dialect{}

// DependentViewsQuery follows pg_depend through the views' rewrite rules,
// level by level; a view reached at several depths is re-created after the
// deepest view it reads.
func (d Dialect) DependentViewsQuery(schema, relation string) string {
	target := dialects.StringLiteral(d.Quote(schema) + "." + d.Quote(relation))
	return `WITH RECURSIVE dep(oid, depth) AS (
  SELECT r.ev_class, 1
  FROM pg_depend AS d JOIN pg_rewrite AS r ON r.oid = d.objid
  WHERE d.classid = 'pg_rewrite'::regclass AND d.refclassid = 'pg_class'::regclass
    AND d.refobjid = to_regclass(` + target + `) AND r.ev_class <> d.refobjid
  UNION ALL
  SELECT r.ev_class, dep.depth + 1
  FROM dep JOIN pg_depend AS d ON d.refobjid = dep.oid AND d.classid = 'pg_rewrite'::regclass AND d.refclassid = 'pg_class'::regclass
  JOIN pg_rewrite AS r ON r.oid = d.objid
  WHERE r.ev_class <> dep.oid AND dep.depth < 100
)
SELECT n.nspname, c.relname, c.relkind::text, pg_get_viewdef(c.oid)
FROM (SELECT oid, MAX(depth) AS depth FROM dep GROUP BY oid) AS x
JOIN pg_class AS c ON c.oid = x.oid
JOIN pg_namespace AS n ON n.oid = c.relnamespace
ORDER BY x.depth, n.nspname, c.relname`
}

// RowID: ctid, the tuple's place in the heap. Only mtx writes a model's
// table, and a refresh reads and deletes within one transaction, so the
// rows it read are still where it found them.
func (Dialect) RowID() string { return "ctid" }

// RowIDIn: = ANY(ARRAY(…)) of tids is a TID scan, fetching each row directly.
func (Dialect) RowIDIn(query string) string { return "ctid = ANY(ARRAY(" + query + "))" }

var _ dialects.KeySetExcluder = Dialect{}

// ExcludeKeys: NOT EXISTS, which PostgreSQL plans as a hash anti-join
// (spilling to disk if need be) or, for a query on one key, an index
// look-up; NOT IN (subquery) is a hashed subplan only while the keys fit
// in work_mem, and otherwise rescans them for every row.
func (d Dialect) ExcludeKeys(key []string, target, query string) string {
	return dialects.NotExistsKeys(d.Quote, key, target, query)
}

var _ dialects.KeyLookuper = Dialect{}

// RowsWithKeys: each distinct key of query looked up in table's key index
// by a LATERAL subquery (OFFSET 0 keeps the planner from turning it back
// into a hash join that scans the table). The key equality repeated
// outside lets a condition on the key reach query: a look-up of one id
// reads that id's rows only.
func (d Dialect) RowsWithKeys(columns []string, table, alias string, key []string, query string) string {
	q := d.Quote
	t := q("_mtx_keys")
	var keys, inner, outer, cols []string
	for _, k := range key {
		keys = append(keys, q(k))
		inner = append(inner, fmt.Sprintf("%s.%s = %s.%s", alias, q(k), t, q(k)))
		outer = append(outer, fmt.Sprintf("%s.%s = %s.%s", q("_mtx_row"), q(k), t, q(k)))
	}
	for _, c := range columns {
		cols = append(cols, q("_mtx_row")+"."+q(c))
	}
	return fmt.Sprintf("SELECT %s\nFROM (SELECT DISTINCT %s FROM (\n%s\n) AS %s) AS %s\nCROSS JOIN LATERAL (\n  SELECT * FROM %s AS %s\n  WHERE %s\n  OFFSET 0\n) AS %s\nWHERE %s",
		strings.Join(cols, ", "), strings.Join(keys, ", "), query, q("_mtx_k"), t, table, alias, strings.Join(inner, " AND "), q("_mtx_row"), strings.Join(outer, " AND "))
}

var _ dialects.ReadSessioner = Dialect{}

// ReadSession: no JIT compilation for an analyst's reads. Past
// jit_above_cost (any scan of a few million rows) PostgreSQL compiles the
// query's expressions with LLVM first, which costs more than it saves on
// the cookbook's aggregates, the more so the larger the plan: the live
// views' anti-join and ranking arm paid most (docs/models.md).
func (Dialect) ReadSession() []string { return []string{"SET jit = off"} }
