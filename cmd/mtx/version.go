package main

import (
	"fmt"
	"runtime/debug"
)

// Set by release builds (.goreleaser.yaml):
//
//	go build -ldflags "-X main.version=v1.2.3 -X main.commit=<sha> -X main.date=<RFC 3339>" ./cmd/mtx
//
// Left empty, `mtx --version` falls back to what the Go toolchain stamped
// into the binary: the module version of `go install …@v1.2.3`, and the
// VCS revision and commit time of a `go build` inside a git checkout.
var (
	version string
	commit  string
	date    string
)

// buildInfo is what `mtx --version` prints.
type buildInfo struct {
	Version, Commit, Date string
	Modified              bool // built from a checkout with uncommitted changes
}

// currentBuild resolves the build's version, commit and date.
func currentBuild() buildInfo {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		bi = nil
	}
	return resolveBuild(version, commit, date, bi)
}

// resolveBuild prefers the -X values, then the toolchain's stamps, then
// "dev" / "unknown".
func resolveBuild(version, commit, date string, bi *debug.BuildInfo) buildInfo {
	b := buildInfo{Version: version, Commit: commit, Date: date}
	if bi != nil {
		if b.Version == "" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			b.Version = bi.Main.Version
		}
		stampedCommit := b.Commit == ""
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				if b.Commit == "" {
					b.Commit = s.Value
				}
			case "vcs.time":
				if b.Date == "" {
					b.Date = s.Value
				}
			case "vcs.modified":
				b.Modified = stampedCommit && s.Value == "true"
			}
		}
	}
	if b.Version == "" {
		b.Version = "dev"
	}
	if b.Commit == "" {
		b.Commit = "unknown"
	}
	if b.Date == "" {
		b.Date = "unknown"
	}
	return b
}

// String is the line after "mtx version ".
func (b buildInfo) String() string {
	c := b.Commit
	if b.Modified {
		c += " (modified)"
	}
	return fmt.Sprintf("%s, commit %s, built %s", b.Version, c, b.Date)
}
