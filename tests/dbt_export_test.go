package tests

import (
	"bytes"

	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	shipped "github.com/mtxhq/mtx/cookbook"
	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/dialects/enginetest"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/internal/cookbook"
	"github.com/mtxhq/mtx/internal/demo"
)

// TestDBTExportMatchesMtxRun: the project `mtx dbt export` writes, built by
// real dbt over the raw tables `mtx load` filled, gives exactly the rows of
// `mtx run`'s current-state models (all columns, provenance included) and
// the same cookbook answers; dbt's tests pass. Then a second load: mtx
// refreshes its incremental models, dbt its own (is_incremental), and both
// still agree; and the cookbook's vars give what `mtx cookbook run
// --param` gives.
func TestDBTExportMatchesMtxRun(t *testing.T) {
	dbt := os.Getenv("MTX_TEST_DBT")
	withDBT := func(a *enginetest.Adapter) bool { return a.DBTProfile != nil }
	forEngines(t, withDBT, func(t *testing.T, e engine) {
		if dbt == "" {
			if required("dbt") {
				t.Fatal("dbt is required (MTX_REQUIRE_ENGINES) but MTX_TEST_DBT is not set")
			}
			t.Skip(`MTX_TEST_DBT not set: run eval "$(tests/engines/up dbt)" to install dbt into .build/venv-dbt`)
		}
		record("dbt", t)
		start := time.Now()
		bin := mtxBinary(t)
		s := newSetup(t, e)
		cat := s.history.Current()
		raw := s.o.Schema
		first, second := t.TempDir(), t.TempDir()
		if _, err := demo.Generate(first, cat, demo.Options{Customers: 5, Months: 2, Seed: 5, MaxRowsPerFile: 500}); err != nil {
			t.Fatal(err)
		}
		splitExport(t, first, second)

		db := s.db
		conn := func() *sql.DB {
			if db == nil {
				db = e.open(t)
			}
			return db
		}
		release := func() { // one process at a time holds an embedded database file
			if e.a.Embedded != nil && db != nil {
				db.Close()
				db = nil
			}
		}
		mtx := func(args ...string) {
			t.Helper()
			release()
			cmd := execMtx(t, bin, append(args, "--dialect", e.name, "--dsn", e.dsn, "--schema", raw)...)
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("mtx %s: %v\n%s", strings.Join(args, " "), err, out)
			}
		}
		models := freshSchema(t, e, conn())
		project := filepath.Join(t.TempDir(), "dbt")
		profiles, env := dbtProfile(t, e, models)
		dbtRun := func(args ...string) string {
			t.Helper()
			release()
			cmd := exec.Command(dbt, append(args, "--profiles-dir", profiles, "--project-dir", project, "--no-use-colors")...)
			cmd.Dir = project
			cmd.Env = append(append(os.Environ(), "DBT_SEND_ANONYMOUS_USAGE_STATS=false"), env...)
			var out bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &out
			if err := cmd.Run(); err != nil {
				t.Fatalf("dbt %s: %v\n%s", strings.Join(args, " "), err, tail(out.String(), 60))
			}
			return out.String()
		}
		vars := func(extra string) string { return "{" + dbtexportRawVar + ": " + raw + extra + "}" }

		mtx("migrate", "up")
		mtx("load", first, "--quiet")
		mtx("run")
		mtx("dbt", "export", project, "--adapter", e.name, "--name", "mtx_test")

		// The first build of the incremental models, then a second load
		// that each side merges into them (dbt: is_incremental), then the
		// whole project built with its tests.
		out := dbtRun("run", "--select", "config.materialized:incremental", "--vars", vars(""))
		if n := strings.Count(out, "OK created sql incremental model"); n != 4 {
			t.Errorf("dbt built %d incremental models, want 4:\n%s", n, tail(out, 20))
		}
		compareModels(t, e, conn(), cat, raw, models, "current_state,tag:incremental", "after the first load")
		mtx("load", second, "--quiet")
		mtx("run")
		out = dbtRun("build", "--vars", vars(""))
		if !strings.Contains(out, "ERROR=0") || !strings.Contains(out, "WARN=0") || !strings.Contains(out, "PASS=") {
			t.Errorf("dbt build did not pass everything:\n%s", tail(out, 20))
		}
		compareModels(t, e, conn(), cat, raw, models, "", "after the second load (incremental refresh)")

		// The cookbook's parameters as vars, against mtx cookbook run's SQL.
		params := map[string]string{"environment": "SANDBOX", "as_of": "2026-02-20T06:30:00+01:00", "days": "45", "limit": "3"}
		dbtRun("run", "--select", "tag:cookbook", "--vars", vars(", environment: SANDBOX, as_of: '2026-02-20T06:30:00+01:00', days: 45, limit: 3"))
		book, err := cookbook.Load(shipped.FS)
		if err != nil {
			t.Fatal(err)
		}
		o := dialects.DefaultOptions()
		o.Schema = raw
		r, err := cookbook.NewRenderer(e.d, o, cat)
		if err != nil {
			t.Fatal(err)
		}
		q := e.d.Quote
		for _, entry := range book.Entries() {
			given := map[string]string{}
			for _, p := range entry.Params {
				if v, ok := params[p.Name]; ok {
					given[p.Name] = v
				}
			}
			rd, err := r.Render(entry, given)
			if err != nil {
				t.Fatal(err)
			}
			want := formattedRows(t, conn(), rd.SQL, " | ")
			got := formattedRows(t, conn(), "SELECT * FROM "+q(models)+"."+q(cookbook.ViewName(entry)), " | ")
			if d := diff(want, got); d != "" {
				t.Errorf("%s with %v: dbt's view differs from mtx cookbook run (object storage = mtx, delivered = dbt):\n%s", entry.Name, given, d)
			}
		}
		t.Logf("%s: mtx load, run, dbt export, dbt build, a refresh and the cookbook with vars in %s", e.name, time.Since(start).Round(time.Second))
	})
}

// incrementalModel are the export tables whose current-state model is
// incremental by default.
var incrementalModel = map[string]bool{"events": true, "line_item": true, "breakdowns_invoices": true, "breakdowns_line_items": true}

// dbtexportRawVar is the var naming the raw tables' schema
// (dbtexport.RawSchemaVar, spelled out: the test reads the project as a
// user would).
const dbtexportRawVar = "mtx_raw_schema"

// compareModels checks every current-state model and cookbook view dbt
// built in models against mtx's in raw, row for row.
// only, when set, limits it to the incremental models ("current_state,tag:incremental").
func compareModels(t *testing.T, e engine, db *sql.DB, cat *catalog.Catalog, raw, models, only, when string) {
	t.Helper()
	q := e.d.Quote
	m := e.d.Macros()
	empty, compared := 0, 0
	for _, tbl := range cat.Tables() {
		if only != "" && !incrementalModel[tbl.Name] {
			continue
		}
		compared++
		var sel []string
		for _, c := range tbl.Columns {
			expr := q(c.Name)
			if c.Type == catalog.JSON {
				expr = m.CastString(expr)
			}
			sel = append(sel, expr)
		}
		name := "current_" + tbl.Name
		query := "SELECT " + strings.Join(sel, ", ") + " FROM %s." + q(name)
		want := formattedRows(t, db, fmt.Sprintf(query, q(raw)), " | ")
		got := formattedRows(t, db, fmt.Sprintf(query, q(models)), " | ")
		if len(want) == 0 {
			empty++
		}
		if d := diff(want, got); d != "" {
			t.Errorf("%s %s: dbt's rows differ from mtx run's (object storage = mtx, delivered = dbt):\n%s", name, when, d)
		}
	}
	if empty > compared/4 {
		t.Errorf("%s: %d of %d current-state models are empty; the comparison proves little", when, empty, compared)
	}
	if only != "" {
		return
	}
	for _, v := range cookbookViews(t) {
		want := formattedRows(t, db, "SELECT * FROM "+q(raw)+"."+q(v), " | ")
		got := formattedRows(t, db, "SELECT * FROM "+q(models)+"."+q(v), " | ")
		if d := diff(want, got); d != "" {
			t.Errorf("%s %s: dbt's view differs from mtx's:\n%s", v, when, d)
		}
	}
}

// splitExport moves the later half of each table's transfer days from
// first into second (same layout), for a second load: newer versions and
// snapshots of what the first load brought, and new keys.
func splitExport(t *testing.T, first, second string) {
	t.Helper()
	days := map[string][]string{} // table folder -> its dt= folders
	filepath.Walk(first, func(path string, info os.FileInfo, err error) error {
		if err == nil && info.IsDir() && strings.HasPrefix(info.Name(), "dt=") {
			table := filepath.Dir(path)
			days[table] = append(days[table], path)
		}
		return err
	})
	moved := 0
	for _, ds := range days {
		sort.Strings(ds)
		for _, d := range ds[(len(ds)+1)/2:] {
			rel, _ := filepath.Rel(first, d)
			to := filepath.Join(second, rel)
			if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.Rename(d, to); err != nil {
				t.Fatal(err)
			}
			moved++
		}
	}
	if moved == 0 {
		t.Fatal("the export has no table with two transfer days; cannot split it")
	}
}

// dbtProfile writes a profiles.yml for e (its test adapter's DBTProfile),
// building into schema, and returns its folder and the environment it reads.
func dbtProfile(t *testing.T, e engine, schema string) (string, []string) {
	t.Helper()
	out, env, err := e.a.DBTProfile(e.dsn, schema)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	profile := "mtx_test:\n  target: test\n  outputs:\n    test:\n      " + strings.ReplaceAll(strings.TrimSpace(out), "\n", "\n      ") + "\n"
	if err := os.WriteFile(filepath.Join(dir, "profiles.yml"), []byte(profile), 0o600); err != nil {
		t.Fatal(err)
	}
	return dir, env
}

func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
