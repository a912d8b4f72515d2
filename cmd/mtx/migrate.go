package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/mtxhq/mtx/internal/ddl"
	"github.com/mtxhq/mtx/internal/load"
	"github.com/mtxhq/mtx/internal/lock"
	"github.com/mtxhq/mtx/internal/migrate"
	"github.com/mtxhq/mtx/internal/model"
	"github.com/pressly/goose/v3"
	"github.com/spf13/cobra"
)

func newMigrate(g *globalFlags) *cobra.Command {
	var dryRun bool
	var lockTimeout time.Duration
	var format string
	cmd := &cobra.Command{
		Use:   "migrate [up|up-to N|down|down-to N|redo|reset|version|status]",
		Short: "Create and evolve the export schema with goose (default: up)",
		Long: `Apply the export schema's versions with goose.

  up          apply every pending version (default)
  up-to N     apply pending versions up to N
  down        roll back the latest version
  down-to N   roll back every version after N (down-to 0 = every version)
  redo        roll back the latest version and apply it again
  reset       roll back every version

Rolling back drops export tables: mtx first drops its own models reading
them (saying so; mtx run builds them again) and afterwards forgets their
files in the load manifest, so migrate up and load load them again. It
refuses, changing nothing, when a view mtx did not build depends on them.
  version     print the current version
  status      list versions, applied or pending (and interrupted ones)

--dry-run prints the SQL instead, connecting to nothing: up and up-to assume
an empty database, down/down-to/redo/reset a fully migrated one.`,
		Args: cobra.MaximumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			lockTimeout, err := lockWait(lockTimeout)
			if err != nil {
				return err
			}
			action := "up"
			if len(args) > 0 {
				action = args[0]
			}
			if !validAction[action] {
				return fmt.Errorf("unknown migrate subcommand %q (up, up-to, down, down-to, redo, reset, version, status)", action)
			}
			var n int64
			needsN := action == "up-to" || action == "down-to"
			switch {
			case needsN && len(args) != 2:
				return fmt.Errorf("migrate %s needs a version number", action)
			case needsN:
				var err error
				if n, err = strconv.ParseInt(args[1], 10, 64); err != nil || n < 0 {
					return fmt.Errorf("migrate %s: %q is not a version number", action, args[1])
				}
			case len(args) > 1:
				return fmt.Errorf("migrate %s takes no argument", action)
			}
			if err := checkFormat(format); err != nil {
				return err
			}
			if format == formatJSON && (action != "status" || dryRun) {
				return fmt.Errorf("--format json is for migrate status")
			}
			e, err := g.load()
			if err != nil {
				return err
			}
			if e.SourceSchema != "" {
				return fmt.Errorf("migrate refuses with a source schema: Metronome's sync service creates and changes the tables in %s itself, and mtx never writes there; run mtx run to build the models in %s", e.SourceSchema, e.Options.Schema)
			}
			versions, err := e.renderer.Versions(e.history, e.selected)
			if err != nil {
				return err
			}
			if needsN && n != 0 && !slices.ContainsFunc(versions, func(v ddl.Version) bool { return v.Version == n }) {
				var have []string
				for _, v := range versions {
					have = append(have, strconv.FormatInt(v.Version, 10))
				}
				return fmt.Errorf("migrate %s %d: there is no version %d (versions: %s; 0 = none)", action, n, n, strings.Join(have, ", "))
			}
			out := cmd.OutOrStdout()
			if dryRun {
				return printPlan(out, e, versions, action, n)
			}
			models := func() (*model.Project, *model.Graph, error) {
				_, p, gr, err := g.models()
				return p, gr, err
			}
			return runMigrate(cmd.Context(), out, cmd.ErrOrStderr(), e, versions, action, n, lockTimeout, models, format)
		},
	}
	addFormatFlag(cmd, &format)
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "print the SQL it would run; connect to nothing")
	cmd.Flags().DurationVar(&lockTimeout, "lock-timeout", lock.DefaultTimeout, "how long to wait for another mtx migrate run on the same schema to finish")
	return cmd
}

// rollsBack are the actions that may drop export tables.
var rollsBack = map[string]bool{"down": true, "down-to": true, "redo": true, "reset": true}

// failedHint says what a failed action left behind, truthfully per engine:
// where DDL is transactional the failed version changed nothing; elsewhere
// it stopped part way, and rerunning the action finishes it (each
// statement is skipped when its effect is already there) once the cause is
// fixed.
func failedHint(e *env, action string) string {
	if e.Dialect.TransactionalDDL() {
		return "the failed version changed nothing: it runs in one transaction; versions marked OK above stay applied"
	}
	return fmt.Sprintf("the failed version stopped part way (%s DDL is not transactional); once the cause is fixed, rerunning `mtx migrate %s` finishes it", e.Dialect.Name(), action)
}

var validAction = map[string]bool{"up": true, "up-to": true, "down": true, "down-to": true, "redo": true, "reset": true, "version": true, "status": true}

func runMigrate(ctx context.Context, out, errOut io.Writer, e *env, versions []ddl.Version, action string, n int64, lockTimeout time.Duration, models compileModels, format string) error {
	if !writes[action] {
		// status and version only read: a missing database file is
		// reported as empty, not created.
		if missing, err := e.databaseMissing(); err != nil || missing {
			if err != nil {
				return err
			}
			return printUnmigrated(out, e, versions, action, format)
		}
	}
	db, release, err := e.connectLocked(ctx, action, versions, lockTimeout, errOut)
	if err != nil {
		return err
	}
	defer release()
	m, err := migrate.New(ctx, e.Dialect, db, e.Options, versions)
	if err != nil {
		return err
	}
	p := m.Provider()
	var results []*goose.MigrationResult
	one := func(r *goose.MigrationResult, err error) ([]*goose.MigrationResult, error) {
		if r == nil {
			return nil, err
		}
		return []*goose.MigrationResult{r}, err
	}
	switch action {
	case "status":
		sts, err := m.Status(ctx)
		if err != nil {
			return err
		}
		if format == formatJSON {
			return writeJSON(out, statusJSON(e, sts))
		}
		fmt.Fprintf(out, "%s, schema %s\n", where(e), e.Options.Schema)
		fmt.Fprint(out, migrate.FormatStatus(sts))
		return nil
	case "version":
		v, err := p.GetDBVersion(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintln(out, v)
		return nil
	}
	// A rollback first drops mtx's models on the tables it drops, and
	// afterwards forgets those tables' loaded files.
	var forget []string
	if rollsBack[action] {
		current, err := p.GetDBVersion(ctx)
		if err != nil {
			return err
		}
		if forget, err = beforeRollback(ctx, out, e, db, models, action, n, versions, current); err != nil {
			return err
		}
	}
	switch action {
	case "up":
		results, err = p.Up(ctx)
	case "up-to":
		results, err = p.UpTo(ctx, n)
	case "down":
		results, err = one(p.Down(ctx))
	case "down-to":
		results, err = p.DownTo(ctx, n)
	case "reset":
		results, err = p.DownTo(ctx, 0)
	case "redo":
		results, err = one(p.Down(ctx))
		// Forget before the tables exist again.
		ferr := afterRollback(ctx, out, e, db, forget)
		forget = nil
		if err == nil && ferr != nil {
			return fmt.Errorf("migrate redo on %s: the rollback is done, but %w; rerun `mtx migrate up`", where(e), ferr)
		}
		if err == nil {
			var up []*goose.MigrationResult
			up, err = one(p.UpByOne(ctx))
			results = append(results, up...)
		}
	}
	names := map[int64]string{}
	for _, v := range versions {
		names[v.Version] = v.Name
	}
	for _, r := range results {
		state := "OK"
		if r.Error != nil {
			state = "FAILED"
		}
		fmt.Fprintf(out, "%-6s %-4s %05d_%s (%s)\n", state, r.Direction, r.Source.Version, names[r.Source.Version], r.Duration.Round(time.Millisecond))
	}
	if ferr := afterRollback(ctx, out, e, db, forget); ferr != nil && err == nil {
		return fmt.Errorf("migrate %s on %s: the rollback is done, but %w", action, where(e), ferr)
	}
	if err != nil {
		if pe, ok := err.(*goose.PartialError); ok && pe.Failed != nil && pe.Failed.Error != nil {
			err = pe.Failed.Error
		}
		return fmt.Errorf("migrate %s on %s: %w (%s)", action, where(e), err, failedHint(e, action))
	}
	if len(results) == 0 {
		fmt.Fprintln(out, "nothing to do: the schema is at the requested version")
	}
	return nil
}

// printUnmigrated answers status and version for a database that does not
// exist yet: nothing applied.
func printUnmigrated(out io.Writer, e *env, versions []ddl.Version, action, format string) error {
	if action == "version" {
		fmt.Fprintln(out, 0)
		return nil
	}
	var sts []migrate.VersionStatus
	for _, v := range versions {
		sts = append(sts, migrate.VersionStatus{Version: v.Version, Name: v.Name})
	}
	if format == formatJSON {
		return writeJSON(out, statusJSON(e, sts))
	}
	fmt.Fprintf(out, "%s, schema %s (the database does not exist yet: `mtx migrate up` creates it)\n", where(e), e.Options.Schema)
	fmt.Fprint(out, migrate.FormatStatus(sts))
	return nil
}

func where(e *env) string {
	return fmt.Sprintf("%s at %s", e.Dialect.Name(), e.Dialect.RedactDSN(e.DSN))
}

// printPlan prints what an action would run, without connecting.
func printPlan(out io.Writer, e *env, versions []ddl.Version, action string, n int64) error {
	last := versions[len(versions)-1].Version
	fmt.Fprintf(out, "-- mtx migrate %s --dry-run for %s, schema %s. Nothing was connected to.\n", action, e.Dialect.Name(), e.Options.Schema)
	up := func(to int64) {
		for _, v := range versions {
			if v.Version <= to {
				fmt.Fprintf(out, "\n-- version %d (%s) up\n%s", v.Version, v.Name, ddl.Join(v.Up))
			}
		}
	}
	down := func(to int64) {
		for i := len(versions) - 1; i >= 0; i-- {
			if v := versions[i]; v.Version > to {
				fmt.Fprintf(out, "\n-- version %d (%s) down\n%s", v.Version, v.Name, ddl.Join(v.Down))
			}
		}
	}
	if rollsBack[action] {
		fmt.Fprintln(out, "-- before dropping a table, mtx drops its own models reading it (current_*, their _live views, cookbook views, yours);")
		fmt.Fprintln(out, "-- after, it deletes the dropped tables' rows of "+load.ManifestTable+", so `mtx load` loads their files again")
	}
	switch action {
	case "up":
		fmt.Fprintln(out, "-- assuming an empty database")
		up(last)
	case "up-to":
		fmt.Fprintln(out, "-- assuming an empty database")
		up(n)
	case "down":
		fmt.Fprintln(out, "-- assuming every version is applied")
		down(last - 1)
	case "down-to":
		fmt.Fprintln(out, "-- assuming every version is applied")
		down(n)
	case "reset":
		fmt.Fprintln(out, "-- assuming every version is applied")
		down(0)
	case "redo":
		fmt.Fprintln(out, "-- assuming every version is applied")
		down(last - 1)
		v := versions[len(versions)-1]
		fmt.Fprintf(out, "\n-- version %d (%s) up\n%s", v.Version, v.Name, ddl.Join(v.Up))
	default:
		return fmt.Errorf("migrate %s has no dry run: it only reads", action)
	}
	return nil
}
