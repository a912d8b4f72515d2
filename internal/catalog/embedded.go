package catalog

import (
	"sync"

	"github.com/mtxhq/mtx/migrations"
)

var (
	embeddedOnce sync.Once
	embedded     *History
	embeddedErr  error
)

// Embedded returns the history of the change sets shipped in the binary.
func Embedded() (*History, error) {
	embeddedOnce.Do(func() {
		sets, err := ReadChangesets(migrations.FS)
		if err != nil {
			embeddedErr = err
			return
		}
		embedded, embeddedErr = Build(sets)
	})
	return embedded, embeddedErr
}
