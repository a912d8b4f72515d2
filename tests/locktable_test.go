package tests

import (
	"context"
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
// BigQuery and Redshift use) on the live engines, with a plain CREATE TABLE:
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
		name := e.d.Quote(schema) + "." + e.d.Quote(migrate.LockTable)
		newLock := func(heartbeat, stale time.Duration) *lock.Table {
			return &lock.Table{
				DB:     db,
				Create: "CREATE TABLE " + name + " (" + e.d.Quote("owner") + " VARCHAR(255), " + e.d.Quote("beat") + " BIGINT)",
				Name:   name, Quote: e.d.Quote, Heartbeat: heartbeat, StaleAfter: stale,
			}
		}
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
		if err := loser.Unlock(ctx); err != nil {
			t.Fatal(err)
		}

		// A beating holder keeps it; one that stopped beating loses it. The
		// margins are wide: an emulator statement can take a few hundred ms
		// on a loaded machine, and a late heartbeat must not look dead.
		holder := newLock(200*time.Millisecond, time.Hour)
		if ok, _, err := holder.TryLock(ctx); !ok || err != nil {
			t.Fatalf("TryLock = %v, %v", ok, err)
		}
		waiter := newLock(time.Hour, 3*time.Second)
		for end := time.Now().Add(4 * time.Second); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
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
		for end := time.Now().Add(20 * time.Second); time.Now().Before(end) && !took; time.Sleep(100 * time.Millisecond) {
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
	})
}
