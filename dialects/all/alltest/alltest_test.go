package alltest

import (
	"slices"
	"testing"

	"github.com/mtxhq/mtx/dialects/all"
	"github.com/mtxhq/mtx/dialects/enginetest"
)

// TestEveryDialectHasATestAdapter: the tests reach an engine only through
// its adapter, so a dialect without one would go untested.
func TestEveryDialectHasATestAdapter(t *testing.T) {
	if got, want := enginetest.Names(), all.Names(); !slices.Equal(got, want) {
		t.Errorf("test adapters %v, dialects %v: every dialect in dialects/all needs its testadapter imported here", got, want)
	}
}
