// Package cookbook holds the analyst queries shipped with mtx: one
// dialect-neutral NAME.sql template per entry, with a header of SQL
// comments (name, description, what was fixed against Metronome's
// published version, parameters). internal/cookbook parses and renders
// them; a project can add or override entries in its own cookbook/ folder.
package cookbook

import "embed"

// FS holds every entry, embedded so the binary carries them.
//
//go:embed *.sql
var FS embed.FS
