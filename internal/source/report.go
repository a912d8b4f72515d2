package source

import (
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"
)

// WriteJSON writes the report as one JSON document.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// WriteTable writes the report for a terminal: one line per table, then
// one line per finding, then the totals.
func (r *Report) WriteTable(w io.Writer) error {
	what := "mtx's raw tables"
	if r.Mode == "delivered" {
		what = "tables Metronome delivers"
	}
	fmt.Fprintf(w, "source check: %s in %s (%s)\n\n", what, r.Schema, r.Dialect)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "TABLE\tSTATUS\tERRORS\tWARNINGS\tNOTES")
	present := 0
	for _, t := range r.Tables {
		status := "missing"
		if t.Present {
			status, present = "present", present+1
		}
		var n [3]int
		for _, f := range t.Findings {
			n[rank(f.Severity)]++
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\n", t.Table, status, n[0], n[1], n[2])
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if r.Errors+r.Warnings+r.Notes > 0 {
		fmt.Fprintln(w)
		tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "SEVERITY\tTABLE\tCOLUMN\tTYPE\tPROBLEM")
		for _, f := range r.Findings {
			fmt.Fprintf(tw, "%s\t-\t-\t-\t%s\n", f.Severity, f.Problem)
		}
		for _, t := range r.Tables {
			for _, f := range t.Findings {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", f.Severity, t.Table, dash(f.Column), dash(f.Type), f.Problem)
			}
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	_, err := fmt.Fprintf(w, "\n%d tables: %d present, %d missing; %s, %s, %s\n", len(r.Tables), present, len(r.Tables)-present,
		plural(r.Errors, "error"), plural(r.Warnings, "warning"), plural(r.Notes, "note"))
	return err
}

func rank(s Severity) int {
	switch s {
	case Error:
		return 0
	case Warning:
		return 1
	}
	return 2
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
