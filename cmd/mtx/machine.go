package main

// Machine-readable output, shared by every command that offers it:
//
//	--format table (default) prints for people, as query, cookbook run,
//	source check and freshness call it; --format json prints one
//	JSON document (a result or summary) on standard output, or one JSON
//	object per line for streams of events (load, ls). Warnings and
//	progress stay on standard error.
//
// Exit statuses are internal/exitcode's: return exitcode.Fail(err) when the
// command ran but a model, test or check failed; any other error is
// "could not run".

import (
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/mtxhq/mtx/internal/migrate"
	"github.com/spf13/cobra"
)

// The output formats.
const (
	formatText = "table"
	formatJSON = "json"
)

// addFormatFlag adds --format table|json to cmd, with completion.
func addFormatFlag(cmd *cobra.Command, f *string) {
	cmd.Flags().StringVar(f, "format", formatText, "output format: table (for people) or json")
	cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{formatText, formatJSON}, cobra.ShellCompDirectiveNoFileComp))
}

// checkFormat refuses a --format other than table or json.
func checkFormat(f string) error {
	if f != formatText && f != formatJSON {
		return fmt.Errorf("--format %q is not table or json", f)
	}
	return nil
}

// writeJSON writes v as one indented JSON document.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// writeJSONLine writes v as one compact line (JSON Lines).
func writeJSONLine(w io.Writer, v any) error {
	return json.NewEncoder(w).Encode(v)
}

// migrateStatus is `mtx migrate status --format json`.
type migrateStatus struct {
	Dialect  string          `json:"dialect"`
	Schema   string          `json:"schema"`
	Current  int64           `json:"current_version"`
	Latest   int64           `json:"latest_version"`
	Versions []versionStatus `json:"versions"`
}

type versionStatus struct {
	Version int64  `json:"version"`
	Name    string `json:"name"`
	// State is applied, pending or partial (interrupted on an engine
	// without transactional DDL: `mtx migrate up` finishes it).
	State     string     `json:"state"`
	AppliedAt *time.Time `json:"applied_at,omitempty"`
	Present   int        `json:"changes_present,omitempty"`
	Total     int        `json:"changes_total,omitempty"`
}

func statusJSON(e *env, sts []migrate.VersionStatus) migrateStatus {
	out := migrateStatus{Dialect: e.Dialect.Name(), Schema: e.Options.Schema, Versions: []versionStatus{}}
	for _, s := range sts {
		v := versionStatus{Version: s.Version, Name: s.Name, State: "pending"}
		switch {
		case s.Applied:
			at := s.AppliedAt.UTC()
			v.State, v.AppliedAt = "applied", &at
			out.Current = s.Version
		case s.Present > 0:
			v.State, v.Present, v.Total = "partial", s.Present, s.Total
		}
		if s.Version > out.Latest {
			out.Latest = s.Version
		}
		out.Versions = append(out.Versions, v)
	}
	return out
}
