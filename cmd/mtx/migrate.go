package main

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/mtxhq/mtx/internal/ddl"
	"github.com/mtxhq/mtx/internal/lock"
	"github.com/mtxhq/mtx/internal/migrate"
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
  down-to N   roll back to version N (0 = nothing)
  redo        roll back the latest version and apply it again
  reset       roll back every version
  version     print the current version
  status      list versions, applied or pending (and interrupted ones)

--dry-run prints the SQL instead, connecting to nothing: up and up-to assume
an empty database, down/down-to/redo/reset a fully migrated one.`,
		Args: cobra.MaximumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			action := "up"
			if len(args) > 0 {
				action = args[0]
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
			if !validAction[action] {
				return fmt.Errorf("unknown migrate command %q (up, up-to, down, down-to, redo, reset, version, status)", action)
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
			versions, err := e.renderer.Versions(e.history, e.selected)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if dryRun {
				return printPlan(out, e, versions, action, n)
			}
			return runMigrate(cmd.Context(), out, cmd.ErrOrStderr(), e, versions, action, n, lockTimeout, format)
		},
	}
	addFormatFlag(cmd, &format)
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "print the SQL it would run; connect to nothing")
	cmd.Flags().DurationVar(&lockTimeout, "lock-timeout", lock.DefaultTimeout, "how long to wait for another mtx migrate run on the same schema to finish")
	return cmd
}

var validAction = map[string]bool{"up": true, "up-to": true, "down": true, "down-to": true, "redo": true, "reset": true, "version": true, "status": true}

func runMigrate(ctx context.Context, out, errOut io.Writer, e *env, versions []ddl.Version, action string, n int64, lockTimeout time.Duration, format string) error {
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
		if results, err = one(p.Down(ctx)); err == nil {
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
	if err != nil {
		if pe, ok := err.(*goose.PartialError); ok && pe.Failed != nil && pe.Failed.Error != nil {
			err = pe.Failed.Error
		}
		return fmt.Errorf("migrate %s on %s: %w (run `mtx migrate status` to see where it stopped; rerunning finishes it)", action, where(e), err)
	}
	if len(results) == 0 {
		fmt.Fprintln(out, "nothing to do: the schema is at the requested version")
	}
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
