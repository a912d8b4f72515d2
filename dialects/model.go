package dialects

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// CurrentState is the neutral description of a current-state query: out of
// Source, keep one row per Grain, the first by Newest; for snapshot tables,
// only the rows of the latest snapshot. Models describe it; each dialect's
// Modeler says it in its best idiom (DISTINCT ON, QUALIFY, LIMIT 1 BY,
// ROW_NUMBER), so the model never knows which engine it runs on.
type CurrentState struct {
	// Source is the FROM item rows come from: a quoted, qualified relation
	// or a parenthesised subquery with an alias.
	Source string
	// Columns are the output columns, unquoted, in order.
	Columns []string
	// Grain is what one output row stands for (unquoted columns): the
	// table's key, after environment_type where the table has one.
	Grain []string
	// Newest orders the versions of one grain, newest first: every column
	// descending with NULLs last. It ends with the tie-break columns.
	Newest []string
	// Snapshot, when set, first keeps only the rows of the latest snapshot.
	Snapshot *LatestSnapshot
	// Where is an optional filter (rendered SQL) applied to Source rows.
	Where string
}

// LatestSnapshot says which rows form the latest snapshot.
type LatestSnapshot struct {
	// Column identifies a snapshot (unquoted).
	Column string
	// Newest orders snapshots, newest first (descending, NULLs last): the
	// snapshot column itself when it is a time, or the transfer timestamp
	// and then the opaque snapshot id.
	Newest []string
	// Partition: one latest snapshot per value of these columns
	// (environment_type), since each environment's transfer is its own
	// full picture.
	Partition []string
}

// Modeler is what a dialect says about building models, part of the
// required contract (Dialect). A method answering ok false says the engine
// has no such statement (see doc.go); an empty string is never an answer.
type Modeler interface {
	// CurrentStateSQL renders cs as one SELECT statement (no semicolon).
	CurrentStateSQL(cs CurrentState) string
	// MinusSeconds subtracts a number of seconds from a timestamp expression.
	MinusSeconds(expr string, seconds int64) string
	// CreateTableAs creates a table from a SELECT.
	CreateTableAs(relation, query string) string
	// CreateTempTableAs creates a session-local temporary table from a
	// SELECT, for the scratch tables of a refresh that runs in one
	// transaction (nothing of them reaches the write-ahead log); ok false
	// when the engine should use ordinary tables.
	CreateTempTableAs(name, query string) (stmt string, ok bool)
	// RenameTable renames schema.from to schema.to.
	RenameTable(schema, from, to string) string
	// RelationsQuery lists (name, kind) of the relations in schema, kind
	// being "VIEW" for views and anything else for tables.
	RelationsQuery(schema string) string
	// KeyIndex returns a statement creating index name on columns of a
	// model's table, which incremental merges use to find the rows they
	// replace and the stored watermark; ok false when the engine needs
	// none.
	KeyIndex(schema, table, name string, cols []string) (stmt string, ok bool)
	// SourceIndex returns a statement creating, if missing, index name on
	// columns of an export table (its key, for queries on current-state
	// views; its watermark, for incremental refreshes); ok false when the
	// engine prunes without one.
	SourceIndex(schema, table, name string, cols []string) (stmt string, ok bool)
	// TimestampLiteral writes an instant as a literal of the engine's
	// timestamp type (UTC, microseconds), so an incremental refresh gives
	// the planner its watermark as a constant.
	TimestampLiteral(t time.Time) string
	// Analyze returns a statement refreshing the planner's statistics of a
	// freshly created table; ok false when the engine needs none.
	Analyze(relation string) (stmt string, ok bool)
	// TransactionalDML reports whether DELETE and INSERT can share a
	// transaction, so an incremental merge is all or nothing.
	TransactionalDML() bool
}

// KeySetMatcher is implemented by dialects with a faster way to say "column
// is one of the values of column in table" than IN (SELECT …), the default.
type KeySetMatcher interface {
	InKeys(column, table string) string
}

// KeyDeleter is implemented by dialects whose "DELETE FROM target WHERE key
// IN (SELECT key FROM stage)" cannot use the target's key index: MariaDB
// (before 11.1) runs it as a dependent subquery, one scan of the stage per
// target row, which made a refresh after a large batch slower than a full
// rebuild. The statement deletes target's rows whose key columns equal a
// row of stage's (NULL keys match nothing, as with IN).
type KeyDeleter interface {
	DeleteKeysIn(target string, key []string, stage string) string
}

// BuildSettinger is implemented by dialects that tune the transaction a
// model is built in (statements run first inside it, e.g. SET LOCAL).
type BuildSettinger interface {
	BuildSettings() []string
}

// ViewBinder is implemented by engines whose views hold on to the tables
// they read (PostgreSQL): a table cannot be dropped under them. A model
// rebuilt by drop and rename then drops its dependent views with CASCADE
// and re-creates them from their stored definitions in the same
// transaction, so a BI view on current_invoice survives `mtx run`.
type ViewBinder interface {
	// DependentViewsQuery lists the relations depending, directly or
	// through other views, on schema.relation as rows (schema, name, kind,
	// definition) in an order they can be re-created in; kind "v" is a
	// plain view, anything else mtx cannot re-create.
	DependentViewsQuery(schema, relation string) string
}

// ViewKeeper is implemented by ViewBinders whose relations carry more than
// their definition: privileges, owner, comment. A view re-created from its
// definition alone would lose them, and a BI role its SELECT on the view
// after every rebuild; so would a model's own relation (a table rebuilt
// under a scratch name and renamed, a live view or view model dropped and
// created again).
type ViewKeeper interface {
	// KeepView reads, through q (the rebuild's transaction, before the
	// drop), what re-creating schema.name from its definition would lose,
	// and returns the statements that give it back once the view exists
	// again. An error names the view and what cannot be given back.
	KeepView(ctx context.Context, q Querier, schema, name string) ([]string, error)
	// KeepRelation reads, through q before the rebuild, what the new
	// relation schema.name will not have (owner, privileges, comment; not
	// what hangs on columns, which may change) and returns the statements
	// that give it back once the new relation exists. Nothing when the
	// relation does not exist.
	KeepRelation(ctx context.Context, q Querier, schema, name string) ([]string, error)
}

// GrantCopier is implemented by dialects whose CREATE OR REPLACE drops the
// grants on the object it replaces unless told otherwise (Snowflake: COPY
// GRANTS), which would cost a BI role its SELECT after every `mtx run`.
type GrantCopier interface {
	// CopyGrants is the clause that keeps them, placed after the name.
	CopyGrants() string
}

// ViewReplacer is implemented by dialects without CREATE OR REPLACE VIEW
// (SingleStore): the statements that replace a view, or create it.
type ViewReplacer interface {
	ReplaceViewStatements(relation, query string) []string
}

// TableReplacer is implemented by dialects that replace a table by a
// query in one atomic statement (CREATE OR REPLACE TABLE … AS): readers see
// the old table until the new one is complete, so a table model is built
// that way instead of under a scratch name and renamed.
type TableReplacer interface {
	ReplaceTableAs(relation, query string) string
}

// Merger is implemented by dialects with MERGE: an incremental refresh
// is one statement, all or nothing without a transaction, instead of
// scratch tables, DELETE and INSERT. source is a parenthesised subquery
// (it ranks the raw table's tail with the stored rows of its keys, so it
// reads the target too); its rows are unique by key (compared NULL-safe).
// A target row with the same key is replaced, any other source row is
// inserted.
type Merger interface {
	Merge(target, source string, key, columns []string) string
}

// TailRanker is implemented by dialects whose refresh of a current-state
// model (without row ids) should rank the raw table's tail straight into
// the merge table, reading the tail twice in that statement, instead of
// first copying it into a staging table: where each statement and each
// table written has a high fixed cost (ClickHouse), the copy cost more
// than the second read.
type TailRanker interface {
	RankTailInPlace() bool
}

// KeyedTabler is implemented by dialects whose tables are stored sorted by
// a key the engine prunes by (ClickHouse's MergeTree ORDER BY): the table
// of an incremental current-state model is created sorted by its grain,
// key first, so a refresh's lookup and delete of the stored rows of the
// batch's keys read less of it (BenchmarkRefreshEveryEngine).
type KeyedTabler interface {
	// CreateKeyedTableAs creates relation from query, sorted by key
	// (unquoted columns, in order; they may hold NULLs).
	CreateKeyedTableAs(relation, query string, key []string) string
}

// Compactor is implemented by dialects whose freshly written table is left
// in several parts that the engine merges in the background (ClickHouse's
// MergeTree): a refresh's DELETE waits for those merges (0.7–1.3 s at 4.5M
// rows against 0.09 s on one part, docs/models.md), so the full build of an
// incremental current-state model ends by compacting its table.
type Compactor interface {
	// Compact returns the statement merging relation's parts into one.
	Compact(relation string) string
}

// RowIDer is implemented by dialects whose rows have a physical id that
// stays valid for the rest of a transaction (DuckDB's rowid, PostgreSQL's
// ctid). An incremental refresh of a current-state model then ranks only
// the grain and version columns of the stored rows it competes with, and
// deletes exactly the stored rows that lost by their id: no second search
// of the model's key, and the stored rows that still win are left alone.
type RowIDer interface {
	// RowID is the expression of a row's id in a single-table SELECT.
	RowID() string
	// RowIDIn is the condition "this row's id is one of those query returns".
	RowIDIn(query string) string
}

// ChangeRanker is implemented by row-id dialects that rank a refresh's
// candidates and keep only what changes in one pass, so the refresh needs
// no table of winners and no set difference to find the stored losers.
type ChangeRanker interface {
	// RankChanges renders a SELECT of cs.Columns from cs.Source (no
	// snapshot) keeping, per grain in cs.Newest order, the first row when
	// its column stored is 0 (a new winner) and every other row whose
	// stored is 1 (a stored row that lost).
	RankChanges(cs CurrentState, stored string) string
}

// QualifyChanges renders RankChanges with QUALIFY: a row is kept when
// "it is first" differs from "it is stored".
func QualifyChanges(s SQLStyle, cs CurrentState, stored string) string {
	out := fmt.Sprintf("SELECT %s\nFROM %s", s.list(cs.Columns), cs.Source)
	if cs.Where != "" {
		out += "\nWHERE " + cs.Where
	}
	return out + fmt.Sprintf("\nQUALIFY (ROW_NUMBER() %s = 1) <> (%s = 1)", s.window(cs.Grain, cs.Newest), s.Quote(stored))
}

// StandardMerge is MERGE … USING … WHEN MATCHED THEN UPDATE … WHEN NOT
// MATCHED THEN INSERT, with the key compared by IS NOT DISTINCT FROM.
func StandardMerge(quote func(string) string, target, source string, key, columns []string) string {
	t, s := quote("_mtx_t"), quote("_mtx_s")
	var on, set, vals, cols []string
	for _, k := range key {
		on = append(on, fmt.Sprintf("%s.%s IS NOT DISTINCT FROM %s.%s", t, quote(k), s, quote(k)))
	}
	for _, c := range columns {
		set = append(set, fmt.Sprintf("%s = %s.%s", quote(c), s, quote(c)))
		vals = append(vals, s+"."+quote(c))
		cols = append(cols, quote(c))
	}
	return fmt.Sprintf("MERGE INTO %s %s\nUSING %s %s\nON %s\nWHEN MATCHED THEN UPDATE SET %s\nWHEN NOT MATCHED THEN INSERT (%s)\nVALUES (%s)",
		target, t, source, s, strings.Join(on, " AND "), strings.Join(set, ", "), strings.Join(cols, ", "), strings.Join(vals, ", "))
}

// SQLStyle is the little a current-state renderer needs to know about a
// dialect's spelling.
type SQLStyle struct {
	Quote func(string) string
	// DescNullsLast sorts an expression descending with NULLs last.
	DescNullsLast func(expr string) string
	// WhereBeforeQualify: BigQuery accepts QUALIFY only after a WHERE.
	WhereBeforeQualify bool
}

// StandardDescNullsLast is `expr DESC NULLS LAST`.
func StandardDescNullsLast(expr string) string { return expr + " DESC NULLS LAST" }

func (s SQLStyle) list(cols []string) string {
	q := make([]string, len(cols))
	for i, c := range cols {
		q[i] = s.Quote(c)
	}
	return strings.Join(q, ", ")
}

func (s SQLStyle) newest(cols []string) string {
	q := make([]string, len(cols))
	for i, c := range cols {
		q[i] = s.DescNullsLast(s.Quote(c))
	}
	return strings.Join(q, ", ")
}

func (s SQLStyle) window(partition, order []string) string {
	w := "OVER ("
	if len(partition) > 0 {
		w += "PARTITION BY " + s.list(partition) + " "
	}
	return w + "ORDER BY " + s.newest(order) + ")"
}

// firstWindow is window with an explicit frame, which Redshift requires
// for FIRST_VALUE with ORDER BY (and every other engine accepts).
func (s SQLStyle) firstWindow(partition, order []string) string {
	w := s.window(partition, order)
	return w[:len(w)-1] + " ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)"
}

func and(conds ...string) string {
	var out []string
	for _, c := range conds {
		if c != "" {
			out = append(out, c)
		}
	}
	return strings.Join(out, " AND ")
}

func indent(sql string) string {
	return "  " + strings.ReplaceAll(sql, "\n", "\n  ")
}

// latestSnapshot returns a FROM item holding only the rows of the latest
// snapshot, with the window function in a subquery (every engine).
func (s SQLStyle) latestSnapshot(cs CurrentState) string {
	snap := cs.Snapshot
	col := s.Quote(snap.Column)
	inner := fmt.Sprintf("SELECT %s,\n  FIRST_VALUE(%s) %s AS %s\nFROM %s\nWHERE %s",
		s.list(cs.Columns), col, s.firstWindow(snap.Partition, snap.Newest), s.Quote("_mtx_latest_snapshot"),
		cs.Source, and(col+" IS NOT NULL", cs.Where))
	return fmt.Sprintf("(\n  SELECT %s\n  FROM (\n%s\n  ) AS %s\n  WHERE %s = %s\n) AS %s",
		s.list(cs.Columns), indent(indent(inner)), s.Quote("_mtx_snapshots"), col, s.Quote("_mtx_latest_snapshot"), s.Quote("_mtx_latest"))
}

// from returns the FROM item and the filter left to apply to it.
func (s SQLStyle) from(cs CurrentState) (string, string) {
	if cs.Snapshot != nil {
		return s.latestSnapshot(cs), ""
	}
	return cs.Source, cs.Where
}

// RowNumber renders cs with ROW_NUMBER() in a subquery: the portable form
// (MySQL 8, MariaDB, Redshift).
func RowNumber(s SQLStyle, cs CurrentState) string {
	from, where := s.from(cs)
	inner := fmt.Sprintf("SELECT %s,\n  ROW_NUMBER() %s AS %s\nFROM %s",
		s.list(cs.Columns), s.window(cs.Grain, cs.Newest), s.Quote("_mtx_row"), from)
	if where != "" {
		inner += "\nWHERE " + where
	}
	return fmt.Sprintf("SELECT %s\nFROM (\n%s\n) AS %s\nWHERE %s = 1",
		s.list(cs.Columns), indent(inner), s.Quote("_mtx_ranked"), s.Quote("_mtx_row"))
}

// Qualify renders cs with QUALIFY ROW_NUMBER() = 1 (DuckDB, Snowflake,
// BigQuery): no subquery and no helper column for the plain case.
func Qualify(s SQLStyle, cs CurrentState) string {
	q := func(from, where, cond string) string {
		out := fmt.Sprintf("SELECT %s\nFROM %s", s.list(cs.Columns), from)
		if where == "" && s.WhereBeforeQualify {
			where = "TRUE"
		}
		if where != "" {
			out += "\nWHERE " + where
		}
		return out + "\nQUALIFY " + cond
	}
	rn := fmt.Sprintf("ROW_NUMBER() %s = 1", s.window(cs.Grain, cs.Newest))
	if cs.Snapshot == nil {
		return q(cs.Source, cs.Where, rn)
	}
	snap := cs.Snapshot
	col := s.Quote(snap.Column)
	latest := q(cs.Source, and(col+" IS NOT NULL", cs.Where),
		fmt.Sprintf("%s = FIRST_VALUE(%s) %s", col, col, s.firstWindow(snap.Partition, snap.Newest)))
	return q(fmt.Sprintf("(\n%s\n) AS %s", indent(latest), s.Quote("_mtx_latest")), "", rn)
}

// DistinctOn renders cs with PostgreSQL's DISTINCT ON, which keeps the first
// row of each grain in ORDER BY order without numbering every row.
func DistinctOn(s SQLStyle, cs CurrentState) string {
	from, where := s.from(cs)
	out := fmt.Sprintf("SELECT DISTINCT ON (%s) %s\nFROM %s", s.list(cs.Grain), s.list(cs.Columns), from)
	if where != "" {
		out += "\nWHERE " + where
	}
	return out + fmt.Sprintf("\nORDER BY %s, %s", s.list(cs.Grain), s.newest(cs.Newest))
}

// LimitBy renders cs with ClickHouse's ORDER BY … LIMIT 1 BY, which keeps
// whole rows (argMax would need one call per column) and honours the full
// tie-break (FINAL keeps whichever row was inserted last).
func LimitBy(s SQLStyle, cs CurrentState) string {
	from, where := s.from(cs)
	out := fmt.Sprintf("SELECT %s\nFROM %s", s.list(cs.Columns), from)
	if where != "" {
		out += "\nWHERE " + where
	}
	return out + fmt.Sprintf("\nORDER BY %s, %s\nLIMIT 1 BY %s", s.list(cs.Grain), s.newest(cs.Newest), s.list(cs.Grain))
}

// InformationSchemaRelations lists the tables and views of a schema.
func InformationSchemaRelations(schema string) string {
	return "SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = " + StringLiteral(schema)
}

// UTCMicros formats t in UTC with microseconds, "2006-01-02 15:04:05.000000".
func UTCMicros(t time.Time) string { return t.UTC().Format("2006-01-02 15:04:05.000000") }

// QueryDescriber is implemented by dialects whose driver reports no
// columns for a result without rows (clickhouse-go): DescribeQuery returns
// a statement whose rows name query's output columns, in order, in their
// first column. Elsewhere the columns of `SELECT * FROM (query) … WHERE
// 1 = 0` are read, which every driver reports.
type QueryDescriber interface {
	DescribeQuery(query string) string
}

// RebuildSharer is implemented by dialects whose engine was measured to
// have its own break-even between an incremental refresh and a full build
// of a current-state model: RebuildShare is the share of a table's loaded
// raw rows pending above which mtx run rebuilds instead of refreshing
// (default model.RebuildShare; BenchmarkRebuildShare measures it).
type RebuildSharer interface {
	RebuildShare() float64
}
