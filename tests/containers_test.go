package tests

import (
	"context"
	"fmt"
	"os"
	"sync"
	"time"

	"github.com/mtxhq/mtx/dialects/enginetest"
	"github.com/testcontainers/testcontainers-go"
)

// Containers: where a Docker engine answers (GitHub's runners, a laptop)
// and no MTX_TEST_<ENGINE>_DSN is set, the engines whose test adapter
// names an image (PostgreSQL, MySQL, ClickHouse) run in throw-away
// containers (testcontainers-go), one per engine for the whole test binary. An explicit DSN always wins; without Docker nothing
// here runs and the engine skips (or fails, when CI requires it) as before.
// MTX_TESTCONTAINERS=off turns containers off.

var containers struct {
	sync.Mutex
	docker  *bool // nil until probed
	dsn     map[string]string
	err     map[string]error
	running []func(context.Context) error
}

// dockerAvailable reports whether a Docker engine answers (probed once).
// testcontainers panics in some set-ups without Docker, hence recover.
func dockerAvailable() (ok bool) {
	if containers.docker != nil {
		return *containers.docker
	}
	defer func() {
		if recover() != nil {
			ok = false
		}
		containers.docker = &ok
	}()
	if os.Getenv("MTX_TESTCONTAINERS") == "off" {
		return false
	}
	// Cheap checks first: without a socket or DOCKER_HOST there is nothing
	// to ask, and testcontainers would log its search.
	if os.Getenv("DOCKER_HOST") == "" {
		if _, err := os.Stat("/var/run/docker.sock"); err != nil {
			return false
		}
	}
	p, err := testcontainers.ProviderDocker.GetProvider()
	if err != nil {
		return false
	}
	defer p.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return p.Health(ctx) == nil
}

// containerDSN returns a DSN for the engine from a container started on
// first use, "" with no error when the engine has no image or Docker is
// absent.
func containerDSN(a *enginetest.Adapter) (string, error) {
	if a.Container == nil {
		return "", nil
	}
	containers.Lock()
	defer containers.Unlock()
	if !dockerAvailable() {
		return "", nil
	}
	if containers.dsn == nil {
		containers.dsn, containers.err = map[string]string{}, map[string]error{}
	}
	if dsn, ok := containers.dsn[a.Name]; ok {
		return dsn, containers.err[a.Name]
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	stop, dsn, err := a.Container.Start(ctx, a.Container.Image)
	if stop != nil {
		containers.running = append(containers.running, stop)
	}
	if err != nil {
		err = fmt.Errorf("starting %s in a container (%s): %w", a.Name, a.Container.Image, err)
	}
	containers.dsn[a.Name], containers.err[a.Name] = dsn, err
	return dsn, err
}

// stopContainers ends every container this test binary started.
func stopContainers() {
	containers.Lock()
	defer containers.Unlock()
	for _, stop := range containers.running {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		if err := stop(ctx); err != nil {
			fmt.Fprintf(os.Stderr, "stopping container: %v\n", err)
		}
		cancel()
	}
	containers.running = nil
}
