package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/mtxhq/mtx/internal/exitcode"

	"github.com/mtxhq/mtx/internal/freshness"
	"github.com/spf13/cobra"
)

func newFreshness(g *globalFlags) *cobra.Command {
	var format, now string
	cmd := &cobra.Command{
		Use:   "freshness",
		Short: "Compare each table's last delivery with Metronome's published cadence; fails when one is past error_after",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkReportFormat(format); err != nil {
				return err
			}
			at := time.Now()
			if now != "" {
				var err error
				if at, err = time.Parse(time.RFC3339, now); err != nil {
					return fmt.Errorf("--now %q is not an RFC 3339 time (e.g. 2026-01-02T15:04:05Z)", now)
				}
			}
			e, err := g.load()
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			db, src, found, err := e.readSource(ctx)
			if err != nil {
				return err
			}
			defer db.Close()
			r, err := freshness.Measure(ctx, src, db, found, e.selectedTables(), e.Freshness, at)
			if err != nil {
				if e.Freshness != nil {
					return fmt.Errorf("%s: %w", g.projectFile(), err)
				}
				return err
			}
			if err := writeReport(cmd.OutOrStdout(), format, r); err != nil {
				return err
			}
			if late := r.Late(); len(late) > 0 {
				var names []string
				for i, t := range late {
					if i == 3 {
						names = append(names, fmt.Sprintf("and %d more", len(late)-i))
						break
					}
					names = append(names, fmt.Sprintf("%s (%s old, error after %s)", t.Table, freshness.Human(time.Duration(*t.AgeSeconds)*time.Second), freshness.Human(time.Duration(t.ErrorAfterSeconds)*time.Second)))
				}
				return exitcode.Fail(fmt.Errorf("freshness: %d %s past error_after: %s", len(late), plural(len(late), "table", "tables"), strings.Join(names, ", ")))
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "output format: table or json")
	cmd.Flags().StringVar(&now, "now", "", "judge ages as of this RFC 3339 time instead of the clock (e.g. 2026-01-02T15:04:05Z)")
	return cmd
}
