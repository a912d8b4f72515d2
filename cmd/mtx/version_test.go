package main

import (
	"runtime/debug"
	"strings"
	"testing"
)

func TestVersionFlag(t *testing.T) {
	out, err := run(t, t.TempDir(), "--version")
	if err != nil {
		t.Fatal(err)
	}
	// A test binary has no -X values and no VCS stamps: the defaults.
	b := currentBuild()
	if want := "mtx version " + b.String() + "\n"; out != want {
		t.Errorf("mtx --version printed %q, want %q", out, want)
	}
	if !strings.Contains(out, ", commit ") || !strings.Contains(out, ", built ") {
		t.Errorf("mtx --version lacks the commit or build date: %q", out)
	}
}

func TestResolveBuild(t *testing.T) {
	vcs := &debug.BuildInfo{Main: debug.Module{Path: "github.com/mtxhq/mtx", Version: "(devel)"}, Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "37838b1f00"}, {Key: "vcs.time", Value: "2026-12-05T14:00:00Z"}, {Key: "vcs.modified", Value: "true"},
	}}
	installed := &debug.BuildInfo{Main: debug.Module{Path: "github.com/mtxhq/mtx", Version: "v0.3.1"}}
	for _, tc := range []struct {
		name                  string
		version, commit, date string
		bi                    *debug.BuildInfo
		want                  string
	}{
		{"release build (-ldflags -X)", "v1.2.3", "abc1234", "2026-12-01T10:00:00Z", vcs, "v1.2.3, commit abc1234, built 2026-12-01T10:00:00Z"},
		{"go build in a checkout", "", "", "", vcs, "dev, commit 37838b1f00 (modified), built 2026-12-05T14:00:00Z"},
		{"go install @version", "", "", "", installed, "v0.3.1, commit unknown, built unknown"},
		{"no build info", "", "", "", nil, "dev, commit unknown, built unknown"},
	} {
		if got := resolveBuild(tc.version, tc.commit, tc.date, tc.bi).String(); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}
