// Package migrations holds the versioned, dialect-neutral change sets of the
// Metronome export schema. Each NNNNN_name.yaml file is one schema version;
// the current schema is what applying them in order produces. A change in
// Metronome's documentation becomes a new file, never an edit of an old one.
package migrations

import "embed"

// FS holds every change set, embedded so the binary carries them.
//
//go:embed *.yaml
var FS embed.FS
