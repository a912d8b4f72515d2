// Package migrate applies the rendered schema versions with goose: one goose
// Go migration per version, whose statements are skipped when their effect is
// already present, so a version half-applied on an engine without
// transactional DDL is finished by a rerun.
package migrate

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/ddl"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/database"
)

// VersionTable is goose's version table, kept in the export schema.
const VersionTable = "goose_db_version"

// Migrator runs goose over one database.
type Migrator struct {
	d        dialects.Dialect
	db       *sql.DB
	o        dialects.Options
	versions []ddl.Version
	provider *goose.Provider
}

// querier is what both *sql.DB and *sql.Tx offer.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// New prepares a migrator: it makes sure the schema exists (goose's version
// table lives in it) and builds the goose provider.
func New(ctx context.Context, d dialects.Dialect, db *sql.DB, o dialects.Options, versions []ddl.Version) (*Migrator, error) {
	m := &Migrator{d: d, db: db, o: o, versions: versions}
	if len(versions) == 0 || len(versions[0].Up) == 0 || versions[0].Up[0].Op != ddl.CreateSchema {
		return nil, errors.New("internal error: version 1 must start by creating the schema")
	}
	if _, err := db.ExecContext(ctx, versions[0].Up[0].SQL); err != nil {
		return nil, fmt.Errorf("creating schema %s: %w", o.Schema, err)
	}
	table := o.Schema + "." + VersionTable
	opts := []goose.ProviderOption{goose.WithDisableGlobalRegistry(true), goose.WithLogger(goose.NopLogger()),
		// Where DDL is not transactional, goose must not wrap creating its
		// version table in a transaction either (BigQuery has none to offer).
		goose.WithIsolateDDL(!d.TransactionalDDL())}
	gd, q := d.Goose()
	if gd == goose.DialectCustom {
		store, err := database.NewStoreFromQuerier(table, q)
		if err != nil {
			return nil, err
		}
		opts = append(opts, goose.WithStore(store))
	} else {
		opts = append(opts, goose.WithTableName(table))
	}
	var migs []*goose.Migration
	for _, v := range versions {
		migs = append(migs, goose.NewGoMigration(v.Version, m.run(v.Up), m.run(v.Down)))
	}
	opts = append(opts, goose.WithGoMigrations(migs...))
	p, err := goose.NewProvider(gd, db, nil, opts...)
	if err != nil {
		return nil, fmt.Errorf("goose: %w", err)
	}
	m.provider = p
	return m, nil
}

// run wraps statements as a goose function: in one transaction where the
// engine's DDL is transactional, statement by statement otherwise.
func (m *Migrator) run(sts []ddl.Statement) *goose.GoFunc {
	if m.d.TransactionalDDL() {
		return &goose.GoFunc{RunTx: func(ctx context.Context, tx *sql.Tx) error { return m.apply(ctx, tx, sts) }}
	}
	return &goose.GoFunc{RunDB: func(ctx context.Context, db *sql.DB) error { return m.apply(ctx, db, sts) }}
}

func (m *Migrator) apply(ctx context.Context, q querier, sts []ddl.Statement) error {
	have, err := m.existing(ctx, q)
	if err != nil {
		return err
	}
	for _, st := range sts {
		if done(st, have) {
			continue
		}
		if _, err := q.ExecContext(ctx, st.SQL); err != nil {
			return fmt.Errorf("%s: %w", describe(st), err)
		}
	}
	return nil
}

// Schema maps table -> column -> physical type, as the engine reports it.
type Schema map[string]map[string]string

// existing introspects the export schema.
func (m *Migrator) existing(ctx context.Context, q querier) (Schema, error) {
	return Introspect(ctx, m.d, q, m.o.Schema)
}

// Introspect lists the tables and columns of schema, names folded to the
// catalog's lower case (Snowflake stores the upper-case names mtx creates).
// A schema mtx did not create is read by internal/discover instead.
func Introspect(ctx context.Context, d dialects.Dialect, q querier, schema string) (Schema, error) {
	rows, err := q.QueryContext(ctx, d.ColumnsQuery(schema))
	if err != nil {
		return nil, fmt.Errorf("introspecting schema %s: %w", schema, err)
	}
	defer rows.Close()
	out := Schema{}
	for rows.Next() {
		var t, c, typ string
		if err := rows.Scan(&t, &c, &typ); err != nil {
			return nil, fmt.Errorf("introspecting schema %s: %w", schema, err)
		}
		t, c = strings.ToLower(t), strings.ToLower(c)
		if out[t] == nil {
			out[t] = map[string]string{}
		}
		out[t][c] = typ
	}
	return out, rows.Err()
}

// done reports whether a statement's effect is already in place.
func done(st ddl.Statement, have Schema) bool {
	cols, tableExists := have[st.Table]
	switch st.Op {
	case ddl.CreateTable:
		return tableExists
	case ddl.DropTable:
		return !tableExists
	case ddl.AddColumn:
		_, ok := cols[st.Column]
		return ok
	case ddl.DropColumn:
		_, ok := cols[st.Column]
		return !ok
	}
	return false
}

func describe(st ddl.Statement) string {
	switch {
	case st.Column != "":
		return fmt.Sprintf("%s %s.%s", st.Op, st.Table, st.Column)
	case st.Table != "":
		return fmt.Sprintf("%s %s", st.Op, st.Table)
	}
	return string(st.Op)
}

// Provider exposes goose's provider for the commands goose already has.
func (m *Migrator) Provider() *goose.Provider { return m.provider }

// VersionStatus is one line of `mtx migrate status`.
type VersionStatus struct {
	Version   int64
	Name      string
	Applied   bool
	AppliedAt time.Time
	// Present and Total count the changes of a pending version already in
	// the database: a version interrupted on an engine without
	// transactional DDL shows 0 < Present < Total.
	Present, Total int
}

// Status reports every version, applied or pending, and for pending ones
// how much of their change is already there.
func (m *Migrator) Status(ctx context.Context) ([]VersionStatus, error) {
	st, err := m.provider.Status(ctx)
	if err != nil {
		return nil, err
	}
	have, err := m.existing(ctx, m.db)
	if err != nil {
		return nil, err
	}
	byVersion := map[int64]ddl.Version{}
	for _, v := range m.versions {
		byVersion[v.Version] = v
	}
	var out []VersionStatus
	for _, s := range st {
		v := byVersion[s.Source.Version]
		vs := VersionStatus{Version: v.Version, Name: v.Name, Applied: s.State == goose.StateApplied, AppliedAt: s.AppliedAt}
		if !vs.Applied {
			for _, u := range v.Up {
				if u.Op == ddl.CreateSchema || u.Op == ddl.AlterVersion {
					continue
				}
				vs.Total++
				if done(u, have) {
					vs.Present++
				}
			}
		}
		out = append(out, vs)
	}
	return out, nil
}

// FormatStatus renders status lines as a table.
func FormatStatus(sts []VersionStatus) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-8s %-16s %-9s %s\n", "VERSION", "NAME", "STATE", "DETAIL")
	for _, s := range sts {
		state, detail := "pending", ""
		if s.Applied {
			state, detail = "applied", s.AppliedAt.UTC().Format("2006-01-02 15:04:05 UTC")
		} else if s.Present > 0 {
			state = "partial"
			detail = fmt.Sprintf("interrupted: %d of %d changes present; `mtx migrate up` finishes it", s.Present, s.Total)
		}
		fmt.Fprintf(&b, "%-8d %-16s %-9s %s\n", s.Version, s.Name, state, detail)
	}
	return b.String()
}
