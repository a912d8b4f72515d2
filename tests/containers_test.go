package tests

import (
	"context"
	"fmt"
	"os"
	"sync"
	"time"

	"github.com/testcontainers/testcontainers-go"
	tcclickhouse "github.com/testcontainers/testcontainers-go/modules/clickhouse"
	tcmysql "github.com/testcontainers/testcontainers-go/modules/mysql"
	tcpostgres "github.com/testcontainers/testcontainers-go/modules/postgres"
)

// Containers: where a Docker engine answers (GitHub's runners, a laptop)
// and no MTX_TEST_<ENGINE>_DSN is set, PostgreSQL, MySQL and ClickHouse
// run in throw-away containers (testcontainers-go), one per engine for the
// whole test binary. An explicit DSN always wins; without Docker nothing
// here runs and the engine skips (or fails, when CI requires it) as before.
// MTX_TESTCONTAINERS=off turns containers off.

// containerImages are the images used, pinned by major version.
var containerImages = map[string]string{
	"postgres":   "postgres:16-alpine",
	"mysql":      "mysql:8.4",
	"clickhouse": "clickhouse/clickhouse-server:24.8-alpine",
}

var containers struct {
	sync.Mutex
	docker  *bool // nil until probed
	dsn     map[string]string
	err     map[string]error
	running []testcontainers.Container
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

// containerDSN returns a DSN for engine from a container started on first
// use, "" with no error when the engine has no image or Docker is absent.
func containerDSN(engine string) (string, error) {
	img, ok := containerImages[engine]
	if !ok {
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
	if dsn, ok := containers.dsn[engine]; ok {
		return dsn, containers.err[engine]
	}
	dsn, err := startContainer(engine, img)
	if err != nil {
		err = fmt.Errorf("starting %s in a container (%s): %w", engine, img, err)
	}
	containers.dsn[engine], containers.err[engine] = dsn, err
	return dsn, err
}

// containerStarters start one engine's container and return it with its DSN.
var containerStarters = map[string]func(ctx context.Context, img string) (testcontainers.Container, string, error){
	"postgres": func(ctx context.Context, img string) (testcontainers.Container, string, error) {
		c, err := tcpostgres.Run(ctx, img, tcpostgres.WithDatabase("mtx"), tcpostgres.WithUsername("mtx"),
			tcpostgres.WithPassword("mtx"), tcpostgres.BasicWaitStrategies())
		if c == nil { // no container to stop (a typed nil must not reach the interface)
			return nil, "", err
		}
		if err != nil {
			return c, "", err
		}
		dsn, err := c.ConnectionString(ctx, "sslmode=disable")
		return c, dsn, err
	},
	"mysql": func(ctx context.Context, img string) (testcontainers.Container, string, error) {
		// root: the tests create and drop databases (mtx schemas).
		c, err := tcmysql.Run(ctx, img, tcmysql.WithUsername("root"), tcmysql.WithPassword("mtx"), tcmysql.WithDatabase("mtx"))
		if c == nil { // no container to stop (a typed nil must not reach the interface)
			return nil, "", err
		}
		if err != nil {
			return c, "", err
		}
		dsn, err := c.ConnectionString(ctx, "parseTime=true", "multiStatements=true")
		return c, dsn, err
	},
	"clickhouse": func(ctx context.Context, img string) (testcontainers.Container, string, error) {
		c, err := tcclickhouse.Run(ctx, img, tcclickhouse.WithUsername("mtx"), tcclickhouse.WithPassword("mtx"), tcclickhouse.WithDatabase("mtx"))
		if c == nil { // no container to stop (a typed nil must not reach the interface)
			return nil, "", err
		}
		if err != nil {
			return c, "", err
		}
		dsn, err := c.ConnectionString(ctx)
		return c, dsn, err
	},
}

func startContainer(engine, img string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	c, dsn, err := containerStarters[engine](ctx, img)
	if c != nil {
		containers.running = append(containers.running, c)
	}
	return dsn, err
}

// stopContainers ends every container this test binary started.
func stopContainers() {
	containers.Lock()
	defer containers.Unlock()
	for _, c := range containers.running {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		if err := c.Terminate(ctx); err != nil {
			fmt.Fprintf(os.Stderr, "stopping container: %v\n", err)
		}
		cancel()
	}
	containers.running = nil
}
