package tests

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	shipped "github.com/mtxhq/mtx/cookbook"
	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/dialects/postgres"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/internal/cookbook"
	"github.com/mtxhq/mtx/internal/model"
)

// cookbookNode is the view model `mtx run` builds for a cookbook entry
// (cmd/mtx cookbookNodes), for tests that run the model layer directly.
func cookbookNode(t *testing.T, e engine, name string) *model.Node {
	t.Helper()
	h, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	b, err := cookbook.Load(shipped.FS)
	if err != nil {
		t.Fatal(err)
	}
	entry, err := b.Entry(name)
	if err != nil {
		t.Fatal(err)
	}
	r, err := cookbook.NewRenderer(e.d, dialects.DefaultOptions(), h.Current())
	if err != nil {
		t.Fatal(err)
	}
	rd, err := r.ModelSQL(entry)
	if err != nil {
		t.Fatal(err)
	}
	return &model.Node{
		Name:   cookbook.ViewName(entry),
		Origin: "cookbook " + entry.Name,
		SQL:    "SELECT * FROM (\n" + rd.SQL + "\n) AS _mtx_cookbook",
		Config: model.Config{Materialized: model.View},
	}
}

// pgRole creates a PostgreSQL role with a random (and hostile: quote,
// double quote, space) name. Roles are cluster-wide and other test runs
// share the server: it is dropped at the end, with its privileges.
func pgRole(t *testing.T, e engine, prefix string) string {
	t.Helper()
	db := e.open(t)
	b := make([]byte, 4)
	rand.Read(b)
	role := prefix + hex.EncodeToString(b) + ` "q'`
	if _, err := db.Exec("CREATE ROLE " + e.d.Quote(role)); err != nil {
		t.Fatalf("creating role %s: %v", role, err)
	}
	t.Cleanup(func() {
		for _, st := range []string{"DROP OWNED BY " + e.d.Quote(role), "DROP ROLE " + e.d.Quote(role)} {
			if _, err := db.Exec(st); err != nil {
				t.Logf("%s: %v", st, err)
			}
		}
	})
	return role
}

// TestRebuildKeepsViewGrants: on PostgreSQL a full rebuild drops the model
// table CASCADE and re-creates the views on it from their definitions.
// Each must come back as it was, and so must the model's own table and
// live view (owner, privileges, comment): owner, privileges (a role's SELECT, WITH
// GRANT OPTION, PUBLIC, a column privilege), options (WITH CHECK OPTION,
// security_barrier), comments, triggers and rules — whatever default
// privileges the rebuilding role has meanwhile.
func TestRebuildKeepsViewGrants(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e engine) {
		if !e.a.BindsViews {
			t.Skip("only PostgreSQL binds views to tables (dialects.ViewBinder); other engines keep views untouched, see TestRebuildKeepsDependentViews")
		}
		const cb = "cookbook_events_per_month"
		// A table model, rebuilt under a scratch name on every run.
		totals := &model.Node{Name: "bi_totals", Origin: "test", SQL: `SELECT COUNT(*) AS n FROM {{ ref "current_events" }}`,
			Config: model.Config{Materialized: model.Table}}
		// A view model: dropped and created again when its columns changed.
		view := &model.Node{Name: "bi_view", Origin: "test", SQL: `SELECT COUNT(*) AS n FROM {{ ref "current_events" }}`,
			Config: model.Config{Materialized: model.View}}
		m := newModelSetup(t, e, cookbookNode(t, e, "events_per_month"), totals, view)
		bi := pgRole(t, e, "mtx_bi_")
		owner := pgRole(t, e, "mtx_owner_")
		events, _ := m.history.Current().Table("events")
		q := e.d.Quote
		s := m.o.Schema
		base := ts("2026-01-01T00:00:00Z")
		insertRows(t, e, m.db, s, events, eventBatch(0, 40, base, base.Add(time.Hour), "batch1.parquet"))
		m.run(t, "current_events", cb, "bi_totals", "bi_view")

		rel := func(n string) string { return q(s) + "." + q(n) }
		views := []string{cb, "bi_event_count", "bi_event_count_twice", "bi_live_count", "bi_sandbox", "current_events", model.LiveView("current_events"), "bi_totals"}
		for _, st := range []string{
			"CREATE VIEW " + rel("bi_event_count") + " AS SELECT COUNT(*) AS " + q("n") + " FROM " + rel("current_events"),
			"CREATE VIEW " + rel("bi_event_count_twice") + " AS SELECT " + q("n") + " * 2 AS " + q("n2") + " FROM " + rel("bi_event_count"),
			"CREATE VIEW " + rel("bi_live_count") + " AS SELECT COUNT(*) AS " + q("n") + " FROM " + rel(model.LiveView("current_events")),
			"GRANT USAGE ON SCHEMA " + q(s) + " TO " + q(bi),
			"GRANT SELECT ON " + rel(cb) + " TO " + q(bi),
			"GRANT SELECT (" + q("event_count") + ") ON " + rel(cb) + " TO " + q(owner),
			"COMMENT ON VIEW " + rel(cb) + " IS 'Events per month, for the ''BI'' team'",
			"COMMENT ON COLUMN " + rel(cb) + "." + q("month") + " IS 'UTC month'",
			"GRANT SELECT ON " + rel("bi_live_count") + " TO " + q(bi) + " WITH GRANT OPTION",
			"COMMENT ON VIEW " + rel("bi_live_count") + " IS 'Live count'",
			"GRANT SELECT ON " + rel("bi_event_count") + " TO PUBLIC",
			"GRANT SELECT ON " + rel("bi_event_count") + " TO " + q(owner),
			"ALTER VIEW " + rel("bi_event_count") + " SET (security_barrier = true)",
			"ALTER VIEW " + rel("bi_event_count_twice") + " OWNER TO " + q(owner),
			"CREATE VIEW " + rel("bi_sandbox") + " AS SELECT * FROM " + rel("current_events") + " WHERE " + q("environment_type") + " = 'SANDBOX' WITH LOCAL CHECK OPTION",
			"CREATE FUNCTION " + rel("refuse") + "() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NULL; END$$",
			"CREATE TRIGGER " + q("no_inserts") + " INSTEAD OF INSERT ON " + rel("bi_live_count") + " FOR EACH ROW EXECUTE FUNCTION " + rel("refuse") + "()",
			"CREATE RULE " + q("no_deletes") + " AS ON DELETE TO " + rel("bi_event_count") + " DO INSTEAD NOTHING",
			// The model's own table and live view, built again by the rebuild.
			"GRANT SELECT ON " + rel("current_events") + ", " + rel(model.LiveView("current_events")) + " TO " + q(bi),
			"COMMENT ON TABLE " + rel("current_events") + " IS 'One row per event'",
			"GRANT SELECT ON " + rel("bi_totals") + " TO " + q(bi) + " WITH GRANT OPTION",
			"GRANT SELECT ON " + rel("bi_view") + " TO " + q(bi),
			"COMMENT ON VIEW " + rel("bi_view") + " IS 'Counted'",
			"COMMENT ON VIEW " + rel(model.LiveView("current_events")) + " IS 'Up to the last load'",
			// Views created from now on get bi's SELECT: the re-created
			// views must not.
			"ALTER DEFAULT PRIVILEGES IN SCHEMA " + q(s) + " GRANT SELECT, UPDATE ON TABLES TO " + q(bi),
		} {
			if _, err := m.db.Exec(st); err != nil {
				t.Fatalf("%s: %v", st, err)
			}
		}
		// Everything a view carries besides its definition, one line each.
		props := func() map[string]string {
			t.Helper()
			rows, err := m.db.Query(`SELECT c.relname, pg_get_userbyid(c.relowner),
  COALESCE(c.relacl, acldefault('r', c.relowner))::text,
  COALESCE(obj_description(c.oid, 'pg_class'), '-'),
  COALESCE(array_to_string(c.reloptions, ','), '-'),
  (SELECT string_agg(a.attname || ' ' || COALESCE(a.attacl::text, '-') || ' ' || COALESCE(col_description(c.oid, a.attnum), '-'), '; ' ORDER BY a.attnum)
   FROM pg_attribute AS a WHERE a.attrelid = c.oid AND a.attnum > 0),
  COALESCE((SELECT string_agg(tgname || ' ' || tgenabled::text, ', ' ORDER BY tgname) FROM pg_trigger WHERE tgrelid = c.oid AND NOT tgisinternal), '-'),
  COALESCE((SELECT string_agg(rulename, ', ' ORDER BY rulename) FROM pg_rewrite WHERE ev_class = c.oid AND rulename <> '_RETURN'), '-')
FROM pg_class AS c JOIN pg_namespace AS n ON n.oid = c.relnamespace
WHERE n.nspname = $1 AND c.relkind IN ('v', 'r')`, s)
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			out := map[string]string{}
			for rows.Next() {
				var name, own, acl, comment, opts, cols, triggers, rules string
				if err := rows.Scan(&name, &own, &acl, &comment, &opts, &cols, &triggers, &rules); err != nil {
					t.Fatal(err)
				}
				out[name] = strings.Join([]string{"owner " + own, "acl " + acl, "comment " + comment, "options " + opts, "columns " + cols, "triggers " + triggers, "rules " + rules}, "\n  ")
			}
			if err := rows.Err(); err != nil {
				t.Fatal(err)
			}
			return out
		}
		before := props()
		priv := func(when, view, p string, want bool) {
			t.Helper()
			var got bool
			if err := m.db.QueryRow("SELECT has_table_privilege($1, $2, $3)", bi, rel(view), p).Scan(&got); err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Errorf("%s: has_table_privilege(%s, %s, %s) = %v, want %v", when, bi, view, p, got, want)
			}
		}
		check := func(when string) {
			t.Helper()
			after := props()
			for _, v := range views {
				if after[v] == "" {
					t.Fatalf("%s: relation %s is gone", when, v)
				}
				if after[v] != before[v] {
					t.Errorf("%s: relation %s changed:\n  %s\nwant\n  %s", when, v, after[v], before[v])
				}
			}
			priv(when, cb, "SELECT", true)
			priv(when, "bi_live_count", "SELECT WITH GRANT OPTION", true)
			priv(when, "current_events", "SELECT", true)
			priv(when, "bi_totals", "SELECT WITH GRANT OPTION", true)
			priv(when, model.LiveView("current_events"), "SELECT", true)
			priv(when, "bi_event_count_twice", "SELECT", false)
			priv(when, "bi_event_count_twice", "UPDATE", false)
			var comment string
			if err := m.db.QueryRow("SELECT obj_description(to_regclass($1), 'pg_class')", rel(cb)).Scan(&comment); err != nil {
				t.Fatalf("%s: the comment on %s is gone: %v", when, cb, err)
			}
			if comment != "Events per month, for the 'BI' team" {
				t.Errorf("%s: the comment on %s is %q", when, cb, comment)
			}
			var n2 int
			if err := m.db.QueryRow("SELECT " + q("n2") + " FROM " + rel("bi_event_count_twice")).Scan(&n2); err != nil {
				t.Fatalf("%s: the view owned by %s does not answer: %v", when, owner, err)
			}
		}

		insertRows(t, e, m.db, s, events, eventBatch(40, 50, base, base.Add(2*time.Hour), "batch2.parquet"))
		m.r.FullRefresh = true
		// The table alone: the rebuild re-creates the cookbook view too.
		m.run(t, "current_events")
		check("a full rebuild of current_events")
		// With the cookbook view model after it, as `mtx run --full-refresh`.
		m.run(t, "current_events", cb, "bi_totals")
		check("mtx run --full-refresh")
		// A plain run rebuilds the table model, and the view model whose
		// columns changed (someone added one) is dropped and created again.
		m.r.FullRefresh = false
		if _, err := m.db.Exec("CREATE OR REPLACE VIEW " + rel("bi_view") + " AS SELECT COUNT(*) AS " + q("n") + ", 1 AS " + q("extra") + " FROM " + rel("current_events")); err != nil {
			t.Fatal(err)
		}
		m.run(t, "current_events", cb, "bi_totals", "bi_view")
		check("mtx run")
		var cols int
		if err := m.db.QueryRow("SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'bi_view'", s).Scan(&cols); err != nil || cols != 1 {
			t.Fatalf("the view model was not created again (%d columns): %v", cols, err)
		}
		priv("mtx run", "bi_view", "SELECT", true)
		priv("mtx run", "bi_view", "UPDATE", false) // not from default privileges
		var comment string
		if err := m.db.QueryRow("SELECT COALESCE(obj_description(to_regclass($1), 'pg_class'), '')", rel("bi_view")).Scan(&comment); err != nil || comment != "Counted" {
			t.Errorf("the comment on the view model created again is %q (%v), want %q", comment, err, "Counted")
		}
	})
}

// TestRebuildRefusesToStealViews: a view on a model, owned by a role the
// rebuilding role cannot act as, stops the rebuild with an error naming
// the view and its owner, and leaves everything as it was; once the
// rebuilding role is a member of the owner, the rebuild gives the view
// back to its owner.
func TestRebuildRefusesToStealViews(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e engine) {
		if !e.a.BindsViews {
			t.Skip("only PostgreSQL binds views to tables (dialects.ViewBinder)")
		}
		m := newModelSetup(t, e)
		builder := pgRole(t, e, "mtx_builder_")
		other := pgRole(t, e, "mtx_other_")
		events, _ := m.history.Current().Table("events")
		q := e.d.Quote
		s := m.o.Schema
		rel := func(n string) string { return q(s) + "." + q(n) }
		base := ts("2026-01-01T00:00:00Z")
		insertRows(t, e, m.db, s, events, eventBatch(0, 40, base, base.Add(time.Hour), "batch1.parquet"))
		for _, st := range []string{
			// The builder owns the schema's models, the other role a view on one.
			"GRANT CREATE, USAGE ON SCHEMA " + q(s) + " TO " + q(builder) + ", " + q(other),
		} {
			if _, err := m.db.Exec(st); err != nil {
				t.Fatalf("%s: %v", st, err)
			}
		}
		tables, err := m.db.Query("SELECT tablename FROM pg_tables WHERE schemaname = $1", s)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for tables.Next() {
			var n string
			if err := tables.Scan(&n); err != nil {
				t.Fatal(err)
			}
			names = append(names, n)
		}
		tables.Close()
		for _, n := range names {
			if _, err := m.db.Exec("ALTER TABLE " + rel(n) + " OWNER TO " + q(builder)); err != nil {
				t.Fatal(err)
			}
		}
		// The builder builds as itself: SET ROLE on every connection.
		cfg, err := postgres.ParseConfig(e.dsn)
		if err != nil {
			t.Fatal(err)
		}
		db := stdlib.OpenDB(*cfg, stdlib.OptionAfterConnect(func(ctx context.Context, c *pgx.Conn) error {
			_, err := c.Exec(ctx, "SET ROLE "+q(builder))
			return err
		}))
		t.Cleanup(func() { db.Close() })
		m.r.DB = db
		m.run(t, "current_events")
		for _, st := range []string{
			"CREATE VIEW " + rel("theirs") + " AS SELECT COUNT(*) AS " + q("n") + " FROM " + rel("current_events"),
			"ALTER VIEW " + rel("theirs") + " OWNER TO " + q(other),
			"GRANT SELECT ON " + rel("current_events") + " TO " + q(other),
		} {
			if _, err := m.db.Exec(st); err != nil {
				t.Fatalf("%s: %v", st, err)
			}
		}
		m.r.FullRefresh = true
		sel, err := m.g.Select([]string{"current_events"})
		if err != nil {
			t.Fatal(err)
		}
		err = m.r.Run(context.Background(), m.g, sel)
		if err == nil {
			t.Fatal("the rebuild re-created a view owned by another role as its own")
		}
		for _, want := range []string{"theirs", other} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("the error does not name %q: %v", want, err)
			}
		}
		var owner string
		if err := m.db.QueryRow("SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = to_regclass($1)", rel("theirs")).Scan(&owner); err != nil {
			t.Fatalf("the view is gone after a failed rebuild: %v", err)
		}
		if owner != other {
			t.Errorf("after a failed rebuild the view is owned by %s, want %s", owner, other)
		}
		t.Logf("the rebuild stopped with: %v", err)
		// A member of the owning role may give the view back: it does.
		if _, err := m.db.Exec("GRANT " + q(other) + " TO " + q(builder)); err != nil {
			t.Fatal(err)
		}
		m.run(t, "current_events")
		if err := m.db.QueryRow("SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = to_regclass($1)", rel("theirs")).Scan(&owner); err != nil {
			t.Fatalf("the view is gone after a rebuild by a member of its owner: %v", err)
		}
		if owner != other {
			t.Errorf("after a rebuild by a member of its owner the view is owned by %s, want %s", owner, other)
		}
	})
}
