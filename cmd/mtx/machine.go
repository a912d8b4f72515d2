package main

// Machine-readable output, shared by every command that offers it:
//
//	--format text (default) prints for people; --format json prints one
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

	"github.com/spf13/cobra"
)

// The output formats.
const (
	formatText = "text"
	formatJSON = "json"
)

// addFormatFlag adds --format text|json to cmd, with completion.
func addFormatFlag(cmd *cobra.Command, f *string) {
	cmd.Flags().StringVar(f, "format", formatText, "output format: text or json")
	cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{formatText, formatJSON}, cobra.ShellCompDirectiveNoFileComp))
}

// checkFormat refuses a --format other than text or json.
func checkFormat(f string) error {
	if f != formatText && f != formatJSON {
		return fmt.Errorf("--format %q is not text or json", f)
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
