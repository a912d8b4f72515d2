package freshness

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"
)

// WriteJSON writes the report as one JSON document.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// WriteTable writes the report for a terminal: one line per table, then
// the totals.
func (r *Report) WriteTable(w io.Writer) error {
	what := "mtx's raw tables"
	if r.Mode == "delivered" {
		what = "tables Metronome delivers"
	}
	fmt.Fprintf(w, "freshness: %s in %s (%s), as of %s\n", what, r.Schema, r.Dialect, r.Now.Format(time.RFC3339))
	for _, n := range r.Notes {
		fmt.Fprintf(w, "note: %s\n", n)
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "TABLE\tSTATUS\tLAST DELIVERY\tAGE\tWARN AFTER\tERROR AFTER\tFROM\tNOTE")
	for _, t := range r.Tables {
		last, age := "-", "-"
		if t.LastDelivery != nil {
			last, age = t.LastDelivery.Format(time.RFC3339), Human(t.age)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", t.Table, t.Status, last, age, Human(t.warn), Human(t.fail), dash(t.From), t.Note)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	var parts []string
	for _, s := range sortedStatuses {
		parts = append(parts, fmt.Sprintf("%d %s", r.Counts[s], s))
	}
	_, err := fmt.Fprintf(w, "\n%d tables: %s\n", len(r.Tables), strings.Join(parts, ", "))
	return err
}

// Human writes a duration the way the table reads best: 45m, 5h12m, 2d3h.
func Human(d time.Duration) string {
	neg := ""
	if d < 0 {
		neg, d = "-", -d
	}
	d = d.Round(time.Minute)
	days, hours, mins := int(d/(24*time.Hour)), int(d%(24*time.Hour)/time.Hour), int(d%time.Hour/time.Minute)
	var s string
	switch {
	case days > 0 && hours > 0:
		s = fmt.Sprintf("%dd%dh", days, hours)
	case days > 0:
		s = fmt.Sprintf("%dd", days)
	case hours > 0 && mins > 0:
		s = fmt.Sprintf("%dh%02dm", hours, mins)
	case hours > 0:
		s = fmt.Sprintf("%dh", hours)
	default:
		s = fmt.Sprintf("%dm", mins)
	}
	return neg + s
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
