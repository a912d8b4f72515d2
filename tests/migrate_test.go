package tests

import (
	"context"
	"database/sql"
	"reflect"
	"strings"
	"testing"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/internal/ddl"
	"github.com/mtxhq/mtx/internal/migrate"
)

type setup struct {
	e        engine
	db       *sql.DB
	o        dialects.Options
	history  *catalog.History
	versions []ddl.Version
}

func newSetup(t *testing.T, e engine) *setup {
	t.Helper()
	db := e.open(t)
	o := dialects.DefaultOptions()
	o.Schema = freshSchema(t, e, db)
	h, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	r, err := ddl.New(e.d, o)
	if err != nil {
		t.Fatal(err)
	}
	versions, err := r.Versions(h, nil)
	if err != nil {
		t.Fatal(err)
	}
	return &setup{e: e, db: db, o: o, history: h, versions: versions}
}

func (s *setup) migrator(t *testing.T, versions []ddl.Version) *migrate.Migrator {
	t.Helper()
	m, err := migrate.New(context.Background(), s.e.d, s.db, s.o, versions)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func (s *setup) introspect(t *testing.T) migrate.Schema {
	t.Helper()
	got, err := migrate.Introspect(context.Background(), s.e.d, s.db, s.o.Schema)
	if err != nil {
		t.Fatal(err)
	}
	delete(got, migrate.VersionTable)
	return got
}

// checkCatalog asserts the database holds exactly the catalog's tables and
// columns, each with the expected physical type.
func (s *setup) checkCatalog(t *testing.T, got migrate.Schema, c *catalog.Catalog) {
	t.Helper()
	if len(got) != len(c.Tables()) {
		t.Errorf("%d tables in the database, %d in the catalog", len(got), len(c.Tables()))
	}
	for _, tbl := range c.Tables() {
		cols, ok := got[tbl.Name]
		if !ok {
			t.Errorf("table %s missing", tbl.Name)
			continue
		}
		if len(cols) != len(tbl.Columns) {
			t.Errorf("%s: %d columns in the database, %d in the catalog", tbl.Name, len(cols), len(tbl.Columns))
		}
		for _, col := range tbl.Columns {
			typ, ok := cols[col.Name]
			if !ok {
				t.Errorf("column %s.%s missing", tbl.Name, col.Name)
				continue
			}
			want := s.e.a.ExpectedType[col.Type]
			if !matchesAny(strings.ToLower(typ), strings.ToLower(want)) {
				t.Errorf("%s.%s is %s, want %s", tbl.Name, col.Name, typ, want)
			}
		}
	}
}

func matchesAny(got, alternatives string) bool {
	for _, a := range strings.Split(alternatives, "|") {
		if got == a {
			return true
		}
	}
	return false
}

// TestMigrateUpDownUp applies every version, rolls all back, and applies
// them again; the schema must match the catalog at each version and be the
// same both times.
func TestMigrateUpDownUp(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e engine) {
		ctx := context.Background()
		s := newSetup(t, e)
		m := s.migrator(t, s.versions)
		p := m.Provider()

		if _, err := p.UpTo(ctx, 1); err != nil {
			t.Fatalf("up to 1: %v", err)
		}
		s.checkCatalog(t, s.introspect(t), s.history.States[0])
		if _, err := p.Up(ctx); err != nil {
			t.Fatalf("up: %v", err)
		}
		first := s.introspect(t)
		s.checkCatalog(t, first, s.history.Current())

		sts, err := m.Status(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, st := range sts {
			if !st.Applied {
				t.Errorf("version %d not applied after up", st.Version)
			}
		}
		if _, err := p.Down(ctx); err != nil {
			t.Fatalf("down: %v", err)
		}
		s.checkCatalog(t, s.introspect(t), s.history.States[0])
		if _, err := p.DownTo(ctx, 0); err != nil {
			t.Fatalf("down to 0: %v", err)
		}
		if left := s.introspect(t); len(left) != 0 {
			t.Errorf("tables left after down to 0: %v", keys(left))
		}
		if _, err := p.Up(ctx); err != nil {
			t.Fatalf("up again: %v", err)
		}
		if again := s.introspect(t); !reflect.DeepEqual(first, again) {
			t.Error("schema after down and up again differs from the first up")
		}
		if v, err := p.GetDBVersion(ctx); err != nil || v != s.versions[len(s.versions)-1].Version {
			t.Errorf("version = %d, %v", v, err)
		}
	})
}

// TestInterruptedVersionFinishes breaks version 2 half-way (as a lost
// connection would on an engine whose DDL is not transactional), then
// checks status explains it and a rerun completes it.
func TestInterruptedVersionFinishes(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e engine) {
		ctx := context.Background()
		s := newSetup(t, e)
		broken := append([]ddl.Version(nil), s.versions...)
		v2 := broken[1]
		half := len(v2.Up) / 2
		v2.Up = append(append(append([]ddl.Statement(nil), v2.Up[:half]...),
			ddl.Statement{Op: "fail", SQL: "SELECT * FROM " + e.d.Quote(s.o.Schema) + "." + e.d.Quote("no_such_table")}), v2.Up[half:]...)
		broken[1] = v2
		if _, err := s.migrator(t, broken).Provider().Up(ctx); err == nil {
			t.Fatal("the broken version 2 applied without error")
		}
		sts, err := s.migrator(t, s.versions).Status(ctx)
		if err != nil {
			t.Fatal(err)
		}
		st := sts[1]
		if st.Applied {
			t.Fatal("version 2 marked applied after failing")
		}
		if e.d.TransactionalDDL() {
			if st.Present != 0 {
				t.Errorf("transactional engine kept %d changes of a failed version", st.Present)
			}
		} else if st.Present == 0 || st.Present >= st.Total {
			t.Errorf("status shows %d of %d changes present; want a partial count", st.Present, st.Total)
		} else if out := migrate.FormatStatus(sts); !strings.Contains(out, "partial") {
			t.Errorf("status does not explain the interruption:\n%s", out)
		}
		if _, err := s.migrator(t, s.versions).Provider().Up(ctx); err != nil {
			t.Fatalf("rerun did not finish the job: %v", err)
		}
		s.checkCatalog(t, s.introspect(t), s.history.Current())
	})
}

func keys(m migrate.Schema) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func (s *setup) renderer(t *testing.T) *ddl.Renderer {
	t.Helper()
	r, err := ddl.New(s.e.d, s.o)
	if err != nil {
		t.Fatal(err)
	}
	return r
}
