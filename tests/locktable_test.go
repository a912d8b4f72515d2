package tests

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/dialects/all"
	"github.com/mtxhq/mtx/internal/ddl"
	"github.com/mtxhq/mtx/internal/lock"
	"github.com/mtxhq/mtx/internal/migrate"
)

// TestEveryDialectLocks: each dialect has exactly one way to keep
// concurrent migrations apart, so none silently runs unlocked.
func TestEveryDialectLocks(t *testing.T) {
	for _, name := range all.Names() {
		d, _ := all.Get(name)
		_, adv := d.(dialects.NamedLocker)
		_, tbl := d.(dialects.LockTabler)
		_, single := d.(dialects.SingleProcess)
		n := 0
		for _, b := range []bool{adv, tbl, single} {
			if b {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%s implements %d of NamedLocker, LockTabler, SingleProcess; want exactly 1", name, n)
		}
		if (adv || tbl) && len(migrate.LockStatements(d, "s")) == 0 {
			t.Errorf("%s: no lock statements", name)
		}
	}
}

// TestLockTable runs the lock-table mutex (what ClickHouse, Snowflake,
// BigQuery, Redshift and Athena use) on the live engines, with the
// dialect's lock table or a plain CREATE TABLE:
// exactly one of several concurrent takers wins, release hands it on, a
// heartbeat keeps it, and a lock whose heartbeat stopped is taken over.
func TestLockTable(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e engine) {
		db := e.open(t)
		schema := freshSchema(t, e, db)
		o := dialects.DefaultOptions()
		o.Schema = schema
		dr, err := ddl.New(e.d, o)
		if err != nil {
			t.Fatal(err)
		}
		cs, err := dr.CreateSchema()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(cs.SQL); err != nil {
			t.Fatalf("%s: %v", cs.SQL, err)
		}
		table := func(name string) string { return e.d.Quote(schema) + "." + e.d.Quote(name) }
		name := table(migrate.LockTable)
		// The dialect's own lock table where it has one (mtx's), else a
		// plain one.
		create := func(name string) string {
			if lt, ok := e.d.(dialects.LockTabler); ok {
				return lt.LockTableDDL(name)
			}
			return "CREATE TABLE " + name + " (" + e.d.Quote("owner") + " VARCHAR(255), " + e.d.Quote("beat") + " BIGINT)"
		}
		lockOn := func(name string, heartbeat, stale time.Duration) *lock.Table {
			return &lock.Table{DB: db, Create: create(name), Name: name, Quote: e.d.Quote, Heartbeat: heartbeat, StaleAfter: stale}
		}
		newLock := func(heartbeat, stale time.Duration) *lock.Table { return lockOn(name, heartbeat, stale) }
		ctx := context.Background()

		// Concurrent takers: one winner.
		const n = 6
		locks := make([]*lock.Table, n)
		won := make([]bool, n)
		errs := make([]error, n)
		var wg sync.WaitGroup
		for i := range locks {
			locks[i] = newLock(time.Hour, time.Hour)
			wg.Add(1)
			go func() {
				defer wg.Done()
				won[i], _, errs[i] = locks[i].TryLock(ctx)
			}()
		}
		wg.Wait()
		winner, winners := -1, 0
		for i := range locks {
			if errs[i] != nil {
				t.Errorf("taker %d: %v", i, errs[i])
			}
			if won[i] {
				winner = i
				winners++
			}
		}
		if winners != 1 {
			t.Fatalf("%d of %d concurrent takers got the lock, want exactly 1", winners, n)
		}
		loser := locks[(winner+1)%n]
		if ok, holder, err := loser.TryLock(ctx); ok || err != nil || holder == "" {
			t.Fatalf("while held: TryLock = %v, holder %q, %v; want false naming the holder", ok, holder, err)
		}

		// Release hands it on.
		if err := locks[winner].Unlock(ctx); err != nil {
			t.Fatal(err)
		}
		if ok, _, err := loser.TryLock(ctx); !ok || err != nil {
			t.Fatalf("after release: TryLock = %v, %v; want the lock", ok, err)
		}
		// The heartbeat follows the engine: a beat is one INSERT, which
		// must land within the heartbeat (its own timeout), so the test's
		// heartbeat is three of the engine's slowest measured commits, and
		// a lock goes stale after three heartbeats. The floors are wide on
		// fast engines: an emulator statement can take a few hundred ms on
		// a loaded machine, and a late heartbeat must not look dead.
		commit := slowestInsert(t, db, name, e.d.Quote, 3)
		if err := loser.Unlock(ctx); err != nil {
			t.Fatal(err)
		}
		heartbeat := max(200*time.Millisecond, 3*commit)
		stale := max(3*time.Second, 3*heartbeat)
		t.Logf("slowest of 3 INSERTs %s: heartbeat %s, stale after %s", commit.Round(time.Millisecond), heartbeat, stale)
		// mtx's own lock keeps the same margins on this engine.
		if lock.DefaultHeartbeat < 3*commit || lock.DefaultStaleAfter < 3*lock.DefaultHeartbeat {
			t.Errorf("mtx's lock table beats every %s and goes stale after %s; one INSERT takes up to %s here: want a heartbeat of 3 commits and staleness after 3 heartbeats",
				lock.DefaultHeartbeat, lock.DefaultStaleAfter, commit)
		}

		// A beating holder keeps it; one that stopped beating loses it.
		// Beside it, a lock with mtx's own heartbeat, whose first beat must
		// land within that beat's timeout.
		own := lockOn(table(migrate.LockTable+"_defaults"), 0, 0)
		if ok, _, err := own.TryLock(ctx); !ok || err != nil {
			t.Fatalf("TryLock with mtx's defaults = %v, %v", ok, err)
		}
		ownSince := time.Now()
		holder := newLock(heartbeat, time.Hour)
		if ok, _, err := holder.TryLock(ctx); !ok || err != nil {
			t.Fatalf("TryLock = %v, %v", ok, err)
		}
		waiter := newLock(time.Hour, stale)
		for end := time.Now().Add(stale + max(time.Second, heartbeat)); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
			if ok, h, err := waiter.TryLock(ctx); ok || err != nil || strings.Contains(h, "abandoned") {
				t.Fatalf("took over a live lock: %v %q %v", ok, h, err)
			}
		}
		if err := holder.Unlock(ctx); err != nil {
			t.Fatal(err)
		}
		// A killed holder: the table and its first row, then silence.
		dead := newLock(time.Hour, time.Hour)
		for _, q := range dead.Statements()[:2] {
			if _, err := db.Exec(q); err != nil {
				t.Fatal(err)
			}
		}
		took := false
		for end := time.Now().Add(max(20*time.Second, 3*stale)); time.Now().Before(end) && !took; time.Sleep(100 * time.Millisecond) {
			ok, _, err := waiter.TryLock(ctx)
			if err != nil {
				t.Fatal(err)
			}
			took = ok
		}
		if !took {
			t.Fatal("a lock without heartbeat was never taken over")
		}
		if err := waiter.Unlock(ctx); err != nil {
			t.Fatal(err)
		}

		// mtx's own heartbeat keeps up: every beat due by now is in, but
		// perhaps the latest, and at least one.
		for {
			var rows int
			if err := db.QueryRow("SELECT COUNT(*) FROM " + own.Name).Scan(&rows); err != nil {
				t.Fatal(err)
			}
			elapsed := time.Since(ownSince)
			beats, due := rows-1, int(elapsed/lock.DefaultHeartbeat)
			if beats >= max(1, due-1) {
				t.Logf("mtx's %s heartbeat: %d beats in %s", lock.DefaultHeartbeat, beats, elapsed.Round(time.Second))
				break
			}
			if elapsed > 2*lock.DefaultHeartbeat {
				t.Fatalf("a lock with mtx's %s heartbeat has %d beats after %s, want %d", lock.DefaultHeartbeat, beats, elapsed.Round(time.Second), max(1, due-1))
			}
			time.Sleep(200 * time.Millisecond)
		}
		if err := own.Unlock(ctx); err != nil {
			t.Fatal(err)
		}
	})
}

// slowestInsert is the longest of n INSERTs into table (a lock table,
// columns owner and beat): how long one heartbeat takes on the engine.
func slowestInsert(t *testing.T, db *sql.DB, table string, quote func(string) string, n int) time.Duration {
	t.Helper()
	var slowest time.Duration
	for i := range n {
		start := time.Now()
		if _, err := db.Exec(fmt.Sprintf("INSERT INTO %s (%s, %s) VALUES ('probe', %d)", table, quote("owner"), quote("beat"), i)); err != nil {
			t.Fatal(err)
		}
		slowest = max(slowest, time.Since(start))
	}
	return slowest
}
