// Package models holds the built-in model templates (*.sql), embedded so the
// binary carries them. The current-state models (current_<table>) are not
// files: mtx generates one per catalog table. A project overrides any of
// them by name with a file in the models/ folder next to its project.yaml.
package models

import "embed"

// FS holds this folder; the model loader reads its *.sql files.
//
//go:embed *
var FS embed.FS
