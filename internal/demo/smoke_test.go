package demo

import (
	"testing"
	"time"

	"github.com/mtxhq/mtx/internal/catalog"
)

func TestSmoke(t *testing.T) {
	h, _ := catalog.Embedded()
	start := time.Now()
	m, err := Generate(t.TempDir(), h.Current(), Defaults)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%v, %d files", time.Since(start), len(m.Files))
	for _, s := range m.Tables {
		t.Logf("%-50s %-11s files=%4d rows=%7d current=%6d snaps=%d retried=%d", s.Table, s.Kind, s.Files, s.Rows, s.CurrentRows, s.Snapshots, s.RetriedFiles)
	}
	t.Logf("%+v", m.Known)
}
