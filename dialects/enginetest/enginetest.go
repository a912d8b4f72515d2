// Package enginetest is test support: the one place where the tests learn
// what they need to know about an engine (its DSN variable, how it binds
// parameters and casts to text, its session time zone, its known emulator
// gaps, ...). Each engine describes itself in an Adapter that lives with
// the engine, in dialects/<engine>/testadapter, and registers it; the list
// of engines (dialects/all/alltest) imports them all. The tests under
// tests/ read only adapters, so adding an engine adds no branch there.
//
// Nothing here names an engine, and no shipped binary imports it.
package enginetest

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/mtxhq/mtx/internal/catalog"
)

// Adapter is everything the tests need to know about one engine. The zero
// value of a field is the common case, so an adapter sets only what makes
// its engine different.
type Adapter struct {
	// Name is the dialect's name in dialects/all.
	Name string
	// DSNEnv is the variable holding a live engine's DSN
	// (tests/engines/up prints it): MTX_TEST_<NAME>_DSN.
	DSNEnv string
	// Embedded returns the DSN of a fresh database file in dir, for an
	// engine that runs inside the test process; nil for a server.
	Embedded func(dir string) string
	// NoLocalEngine says how to provide an engine tests/engines/up cannot
	// start; "" when it starts one.
	NoLocalEngine string
	// ParseOnly: without NoLocalEngine's real engine, the sqlglot parse
	// check is all that runs, so it is the engine's own row in the engine
	// matrix (Name+"-parse") and what CI requires.
	ParseOnly bool
	// SQLGlot is sqlglot's name for the dialect.
	SQLGlot string
	// SQLGlotRewrite, when set, returns a statement as sqlglot should parse
	// it, for a clause sqlglot misreads without an error: the adapter checks
	// that clause itself (an error fails the statement) and leaves it out.
	SQLGlotRewrite func(sql string) (string, error)
	// Container starts the engine in a throw-away container where Docker
	// runs and no DSN is set; nil when there is no image.
	Container *Container

	// DropSchema drops a schema and everything in it (%s: the quoted
	// schema); "" is DROP SCHEMA IF EXISTS %s CASCADE.
	DropSchema string
	// TextCast reads an expression (%s) as text, so decimals compare digit
	// for digit; "%s" where the driver already returns text.
	TextCast string
	// TextType is the type CAST(x AS TextType) turns a value into text;
	// TextDropsZeros: that text drops a decimal's trailing zeros.
	TextType       string
	TextDropsZeros bool
	// Placeholder is the i-th (from 1) bind parameter in a statement.
	Placeholder func(i int) string
	// NoTransactions: the driver has no transactions.
	NoTransactions bool
	// BatchInsert: rows go in as one prepared batch in a transaction.
	BatchInsert bool
	// BindAs wraps a placeholder where an argument does not convert to the
	// column's logical type by itself (%s: the placeholder).
	BindAs map[catalog.LogicalType]string
	// BindArg converts an argument where the driver needs another Go type.
	BindArg map[catalog.LogicalType]func(any) any
	// InsertSelect: INSERT ... VALUES takes only constants, so rows with
	// expressions go in as INSERT ... SELECT.
	InsertSelect bool
	// FoldsUpper: unquoted identifiers fold to upper case.
	FoldsUpper bool

	// SessionZone is a statement putting the session in
	// America/Los_Angeles; ZoneDSNParam does it as a DSN parameter, for
	// engines whose session forgets a SET between requests. Both "" where
	// the engine has no session zone.
	SessionZone  string
	ZoneDSNParam string
	// ReadSessionQuery, run through mtx query, answers ReadSessionWant
	// (CSV with its header) when the dialect's read-session settings
	// (dialects.ReadSessioner) took effect; "" where it has none.
	ReadSessionQuery, ReadSessionWant string
	// SessionSchema returns a DSN whose session's current schema is schema,
	// for engines that need one beyond the qualified names mtx writes; nil
	// when none is needed.
	SessionSchema func(dsn, schema string) string
	// DBTProfile is the output of a dbt profiles.yml (type and connection,
	// YAML at the output's level) that builds into schema on the engine
	// behind dsn, and the environment variables it reads (a password stays
	// out of the file); nil when tests/engines/up installs no dbt adapter
	// for the engine.
	DBTProfile func(dsn, schema string) (profile string, env []string, err error)
	// Gaps says what an emulator behind dsn does unlike the real engine.
	Gaps func(dsn string) Gaps
	// SlowRows scales the rows per generated file down on engines whose
	// inserts are slow (emulators), so load tests cover them in minutes.
	SlowRows bool
	// MaxStatement is the longest statement the engine takes, in bytes,
	// where the driver sends bound arguments inside the statement's text
	// (trino-go-client's EXECUTE … USING); 0 where arguments travel apart.
	// Rows longer than that reach the engine only through a load it reads
	// itself (s3://), which is how the round-trip test writes them there.
	MaxStatement int
	// Concurrent is how many independent statements a test may have the
	// engine run at once (each on its own session), and whether an mtx
	// command may run beside the test's own statements; 0 or 1: one at a
	// time. Worth it where a statement mostly waits (an Iceberg commit of
	// a second or more).
	Concurrent int
	// OwnProcess: CI runs the engine's subtests in a test process of its
	// own (tests/engineprocs_test.go), for an engine so much slower than
	// the others that it would set the pace of every test.
	OwnProcess bool

	// ExpectedType is the data type the engine's introspection reports for
	// each logical type as mtx creates it; "a|b" accepts either.
	ExpectedType map[catalog.LogicalType]string
	// LossyDecimal is a decimal type a destination may declare that drops
	// the fraction; ShortString a string type capped below mtx's ("" when
	// the engine cannot declare one); TextJSON stores JSON as text where the
	// engine has a JSON type ("" where JSON is text anyway). TableSuffix
	// follows CREATE TABLE (...) for a plain table.
	LossyDecimal, ShortString, TextJSON, TableSuffix string
	// Delivered says the delivered-tables simulation covers this engine;
	// DeliveredTypes write a column (%s) in the destination's own type where
	// it differs from mtx's, e.g. "CAST(%s AS TEXT)" for JSON delivered as
	// text.
	Delivered      bool
	DeliveredTypes map[catalog.LogicalType]string
	// SlowModel is a model body that runs for many seconds and that the
	// engine cancels when asked; "" where interrupting is not tested.
	SlowModel string
	// KillLockHolder ends the connection holding mtx's named lock and says
	// how many it ended; nil where the lock is not held by a connection.
	KillLockHolder func(db *sql.DB, lock string) (int, error)
	// Representative: engine-neutral behaviour of the CLI (keep-going,
	// interrupts) is tested on the representative engines only, an
	// embedded one and a server with transactional DDL.
	Representative bool
	// CTASRowsAffected: CREATE TABLE ... AS reports the rows it wrote.
	CTASRowsAffected bool
	// NoCompositeStringKey: a key of two string columns cannot be indexed
	// (MySQL: two VARCHAR(768) exceed 3072 bytes).
	NoCompositeStringKey bool
	// StageCopy: the engine loads object-storage files by COPY INTO from a
	// named stage (mtx load --stage).
	StageCopy bool
	// LoadJobs: the engine loads gs:// files by its own load jobs.
	LoadJobs bool
	// BindsViews: a view is bound to the table it reads, so rebuilding a
	// table must re-create its views, grants included; the view-grant
	// tests speak this engine's SQL (roles, GRANT, pg_catalog).
	BindsViews bool
	// TransferStatusView: the sync service keeps _transfer_status as a
	// view over _transfer_status_cache.
	TransferStatusView bool
	// JSONIntrospectsAsText: the catalog reports a JSON column as a string
	// type (an emulator's gap), so a source check warns about it.
	JSONIntrospectsAsText bool
	// Sim is the SQL the delivered-tables simulation writes, where it
	// differs from the common SQL of SimSQL's zero value.
	Sim SimSQL
	// SecretDSNs are the ways to write the engine's DSN with a password,
	// each of which the secret-leak test (cmd/mtx) runs every command with.
	SecretDSNs []SecretDSN
	// LiveLogin says where a local engine speaking this engine's protocol
	// listens and as whom, for a login with a wrong password; ok is false
	// when none runs.
	LiveLogin func() (hostPort, user string, ok bool)
	// Bench is what the benchmarks need; nil where they do not run.
	Bench *Bench
	// SQLGlotGaps are statements the engine accepts and sqlglot wrongly
	// rejects, each proved by a minimal repro.
	SQLGlotGaps []SQLGlotGap
	// RenameUnparsed: sqlglot passes RENAME TABLE a TO b through as an
	// opaque command although the engine documents it.
	RenameUnparsed bool

	// Verified, for an engine still being brought up, lists the live tests
	// (top-level names) known to pass on it; every other live test skips
	// there as a known gap, in CI too. nil: every live test runs.
	Verified []string
	// NotRequired says why CI does not require the engine yet (its local
	// engine is not started by a bare tests/engines/up, or its suite is not
	// green); "" once it is required.
	NotRequired string
	// KnownGaps are live tests that cannot pass on the engine yet, each
	// with the reason; they skip saying so, in CI too.
	KnownGaps map[string]string
}

// Gap says why the live test named test (t.Name(), subtests included)
// does not run on this engine; "" when it does. This is the one list of an
// engine's known gaps.
func (a *Adapter) Gap(test string) string {
	top, _, _ := strings.Cut(test, "/")
	if why, ok := a.KnownGaps[top]; ok {
		return top + " on " + a.Name + ": " + why
	}
	if a.Verified == nil {
		return ""
	}
	for _, v := range a.Verified {
		if v == top {
			return ""
		}
	}
	return top + " has not been run on " + a.Name + " yet (dialects/" + a.Name + "/testadapter: Verified)"
}

// SQLGlotGap is SQL an engine accepts and sqlglot rejects. A rejected
// statement containing Match is excused; tests/parse_test.go feeds Repro to
// sqlglot and fails once sqlglot accepts it, so the gap gets removed.
type SQLGlotGap struct {
	Match string // a rejected statement containing this is excused
	Repro string // minimal SQL the engine accepts and sqlglot rejects
	Why   string // the engine's documentation saying it is valid
	// ModelsOnly: the statement is in model SQL (mtx compile) only, not in
	// the schema's DDL, so TestRenderedSQLParses does not expect it.
	ModelsOnly bool
}

// SecretDSN writes one form of the engine's DSN holding pass, for a host
// ("host:port") and a user.
type SecretDSN struct {
	Name string
	DSN  func(pass, hostPort, user string) string
}

// HostPort splits "host:port".
func HostPort(hp string) (host, port string) {
	host, port, _ = strings.Cut(hp, ":")
	return host, port
}

// Bench is the engine's SQL for the model benchmarks (tests/*_bench_test.go).
type Bench struct {
	// EventRows inserts generated raw events in one statement (Events
	// fills its holes): {raw} the table, rows [{lo}, {hi}) ({last} = hi-1,
	// {count} = hi-lo), {fresh} a fresh batch (odd rows are new keys),
	// {file} the source file, {at} the load time as a timestamp literal,
	// {keys} the number of keys.
	EventRows string
	// PeerSQL: the hand-written queries of BenchmarkCurrentEvents and
	// BenchmarkDeliveredEvents (date_trunc … AT TIME ZONE, the peer's
	// rebuild) are in this engine's SQL.
	PeerSQL bool
	// PeerRebuild is the current-state query a careful dbt user writes by
	// hand in this engine's idiom (BenchmarkFullBuildVsPeer times mtx's
	// full build against CREATE TABLE AS it): {columns} the output
	// columns, {from} the raw table, {where} its filter, {grain} the
	// grain and {order} the newest-first order (both rendered lists).
	PeerRebuild string
	// Analyze refreshes the planner's statistics of a table (%s), "" where
	// the engine keeps them itself.
	Analyze string
	// Checkpoint writes out what a process wrote, as the end of mtx's
	// process does; "" where nothing is left to write.
	Checkpoint string
	// Explain prefixes a query to print its plan with timings.
	Explain string
	// NativeLoad, where set, is the engine's own bulk load of parquet
	// files into target (quoted table and column list), for BenchmarkLoad
	// to compare mtx load with.
	NativeLoad func(dsn, target string, files []string) error
}

// Events is EventRows for rows [lo, hi) of table raw (quoted), loaded
// from file at the timestamp literal at.
func (b *Bench) Events(raw string, lo, hi, keys int, fresh bool, file, at string) string {
	return strings.NewReplacer("{raw}", raw, "{lo}", strconv.Itoa(lo), "{hi}", strconv.Itoa(hi), "{last}", strconv.Itoa(hi-1),
		"{count}", strconv.Itoa(hi-lo), "{keys}", strconv.Itoa(keys), "{fresh}", strconv.FormatBool(fresh),
		"{file}", file, "{at}", at).Replace(b.EventRows)
}

// Peer is PeerRebuild with its holes filled.
func (b *Bench) Peer(columns, from, where, grain, order string) string {
	return strings.NewReplacer("{columns}", columns, "{from}", from, "{where}", where, "{grain}", grain, "{order}", order).Replace(b.PeerRebuild)
}

// SimSQL is how a test's own SQL (creating a destination as Metronome's
// sync service would) differs on an engine; each empty field means the
// common SQL named in its comment.
type SimSQL struct {
	CreateSchema  string // CREATE SCHEMA
	Timestamp     string // TIMESTAMP '%s': a timestamp literal
	TimestampType string // TIMESTAMP
	Varchar       string // VARCHAR(255)
	Day           string // INTERVAL '1' DAY
	// Update renders UPDATE table SET set WHERE where; key is a column
	// whose rows the where clause (which may hold subqueries on the same
	// table) takes or leaves together, for engines that must match rows
	// by it.
	Update func(table, key, set, where string) string
}

// Gaps are results an emulator gives unlike the engine it stands in for.
// Tests excuse exactly these, and only where Gaps reports them.
type Gaps struct {
	// Emulator names the emulator, "" for the real engine.
	Emulator string
	// NoSessionZone: setting the session's time zone is not implemented.
	NoSessionZone bool
	// EpochForNull: a NULL timestamp arrives as 1970-01-01T00:00:00Z.
	EpochForNull bool
	// FloatSums: SUM of a decimal arrives as a float.
	FloatSums bool
}

// Container starts one engine in a container from Image. Start returns
// the engine's DSN and how to stop the container (nil when none started).
type Container struct {
	Image string
	Start func(ctx context.Context, image string) (stop func(context.Context) error, dsn string, err error)
}

// MatrixName is the engine matrix row of the engine's live tests.
func (a *Adapter) MatrixName() string { return a.Name }

// ParseMatrixName is the matrix row of the engine's sqlglot parse check:
// its own row when the parse check is all that runs without a real engine,
// else the shared "sqlglot" row.
func (a *Adapter) ParseMatrixName() string {
	if a.ParseOnly {
		return a.Name + "-parse"
	}
	return "sqlglot"
}

// RequiredName is what CI requires (MTX_REQUIRE_ENGINES) for this engine.
func (a *Adapter) RequiredName() string {
	if a.ParseOnly {
		return a.ParseMatrixName()
	}
	return a.Name
}

// DropSchemaSQL drops quotedSchema and everything in it.
func (a *Adapter) DropSchemaSQL(quotedSchema string) string {
	if a.DropSchema != "" {
		return fmt.Sprintf(a.DropSchema, quotedSchema)
	}
	return fmt.Sprintf("DROP SCHEMA IF EXISTS %s CASCADE", quotedSchema)
}

// GapsFor reports the emulator gaps behind dsn (none for a real engine).
func (a *Adapter) GapsFor(dsn string) Gaps {
	if a.Gaps == nil {
		return Gaps{}
	}
	return a.Gaps(dsn)
}

// Dollar numbers placeholders $1, $2, ...
func Dollar(i int) string { return fmt.Sprintf("$%d", i) }

// Question writes every placeholder as ?.
func Question(int) string { return "?" }

// WithParam adds a query parameter to a URL-style DSN.
func WithParam(dsn, param string) string {
	if strings.Contains(dsn, "?") {
		return dsn + "&" + param
	}
	return dsn + "?" + param
}

var (
	mu       sync.Mutex
	registry = map[string]*Adapter{}
)

// Register adds an engine's adapter; a second adapter for a name panics.
func Register(a *Adapter) {
	mu.Lock()
	defer mu.Unlock()
	if a.Name == "" || (a.DSNEnv == "" && a.Embedded == nil) || a.SQLGlot == "" || a.Placeholder == nil || a.TextCast == "" {
		panic(fmt.Sprintf("enginetest: adapter %q lacks a name, DSN variable, sqlglot dialect, placeholder or text cast", a.Name))
	}
	if _, ok := registry[a.Name]; ok {
		panic("enginetest: two adapters for " + a.Name)
	}
	registry[a.Name] = a
}

// Names returns the registered engines, sorted.
func Names() []string {
	mu.Lock()
	defer mu.Unlock()
	out := make([]string, 0, len(registry))
	for n := range registry {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// All returns every registered adapter, sorted by name.
func All() []*Adapter {
	var out []*Adapter
	for _, n := range Names() {
		out = append(out, registry[n])
	}
	return out
}

// Get returns the named engine's adapter.
func Get(name string) (*Adapter, error) {
	mu.Lock()
	defer mu.Unlock()
	if a, ok := registry[name]; ok {
		return a, nil
	}
	return nil, fmt.Errorf("enginetest: no test adapter for %q (import dialects/all/alltest)", name)
}

// Find returns the adapters for which keep is true, sorted by name: the
// engines with a capability.
func Find(keep func(*Adapter) bool) []*Adapter {
	var out []*Adapter
	for _, a := range All() {
		if keep(a) {
			out = append(out, a)
		}
	}
	return out
}
