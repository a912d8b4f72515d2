package lock

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/mtxhq/mtx/dialects"
)

// Advisory is a named lock held by one database session (PostgreSQL's
// pg_try_advisory_lock, MySQL's GET_LOCK): the engine releases it when the
// session ends, so a killed run never leaves it behind.
type Advisory struct {
	DB *sql.DB
	// Conn, when set, is the session that holds the lock (the caller's,
	// which goes on to work under it); else Advisory keeps one of DB's.
	Conn *sql.Conn
	// Try is a query answering one truthy value (true, 1) when it took the
	// lock and a falsy one when another session holds it; Release frees it;
	// Holder (optional) names the session holding it.
	Try, Release, Holder string

	conn *sql.Conn
}

// NewAdvisory is the Advisory of a dialect's named lock.
func NewAdvisory(db *sql.DB, conn *sql.Conn, l dialects.NamedLock) *Advisory {
	return &Advisory{DB: db, Conn: conn, Try: l.Try, Release: l.Release, Holder: l.Holder}
}

// TryLock runs Try on a session kept for the lock's lifetime.
func (a *Advisory) TryLock(ctx context.Context) (bool, string, error) {
	if a.conn == nil {
		if a.Conn != nil {
			a.conn = a.Conn
		} else {
			c, err := a.DB.Conn(ctx)
			if err != nil {
				return false, "", err
			}
			a.conn = c
		}
	}
	var v any
	if err := a.conn.QueryRowContext(ctx, a.Try).Scan(&v); err != nil {
		return false, "", err
	}
	if truthy(v) {
		return true, "", nil
	}
	return false, a.holder(ctx), nil
}

// holder names who holds the lock, as well as the engine can tell.
func (a *Advisory) holder(ctx context.Context) string {
	var who sql.NullString
	if a.Holder != "" && a.conn.QueryRowContext(ctx, a.Holder).Scan(&who) == nil && who.String != "" {
		return who.String
	}
	return "another session"
}

// Unlock releases the lock, and the session when it is Advisory's own.
func (a *Advisory) Unlock(ctx context.Context) error {
	if a.conn == nil {
		return nil
	}
	_, err := a.conn.ExecContext(ctx, a.Release)
	if a.conn != a.Conn {
		a.conn.Close()
	}
	a.conn = nil
	return err
}

func truthy(v any) bool {
	switch x := v.(type) {
	case bool:
		return x
	case int64:
		return x == 1
	case []byte:
		return truthyString(string(x))
	case string:
		return truthyString(x)
	}
	return false
}

func truthyString(s string) bool {
	switch strings.ToLower(s) {
	case "1", "t", "true":
		return true
	}
	return false
}

// Table is a lock for engines without advisory locks (ClickHouse,
// Snowflake, BigQuery, Redshift): CREATE TABLE without IF NOT EXISTS is
// the atomic step — exactly one of several concurrent creates succeeds.
// The holder writes its name and then a heartbeat row every Heartbeat; a
// waiter that sees no new row for StaleAfter (its own clock, so clocks need
// not agree) takes the table over as abandoned by a killed run. Unlock
// drops the table.
//
// Known limit: two waiters that find the same abandoned lock at the same
// moment can both drop it; a live holder's heartbeat is never that old.
type Table struct {
	DB *sql.DB
	// Prepare runs before each try (creating the schema the table lives in);
	// its errors count only when the create fails too.
	Prepare string
	// Create creates the lock table with columns owner (string) and beat
	// (integer); Name is the table's qualified name; Quote quotes a column.
	Create, Name string
	Quote        func(string) string
	// Dialect spells the DROP TABLE (Athena's differs from its queries);
	// nil: the standard DROP TABLE.
	Dialect dialects.Dialect
	// Heartbeat and StaleAfter default to DefaultHeartbeat and
	// DefaultStaleAfter.
	Heartbeat, StaleAfter time.Duration

	owner      string
	lastBeats  int64
	lastChange time.Time
	unexplain  int
	stop       chan struct{}
	wg         sync.WaitGroup
}

// Statements are the statements a Table lock sends, for validation.
func (t *Table) Statements() []string {
	return []string{t.Create, t.insert("host:1:abcd", 0), t.status(), t.drop(), t.dropAbandoned()}
}

func (t *Table) insert(owner string, beat int64) string {
	return fmt.Sprintf("INSERT INTO %s (%s, %s) VALUES ('%s', %d)", t.Name, t.Quote("owner"), t.Quote("beat"),
		strings.ReplaceAll(owner, "'", "''"), beat)
}
func (t *Table) status() string {
	return fmt.Sprintf("SELECT MAX(%s), COUNT(*) FROM %s", t.Quote("owner"), t.Name)
}
func (t *Table) drop() string {
	return dialects.DropRelation{Relation: t.Name, Kind: dialects.Table}.SQL(t.Dialect)
}

// dropAbandoned tolerates another waiter having dropped it first.
func (t *Table) dropAbandoned() string {
	return dialects.DropRelation{Relation: t.Name, Kind: dialects.Table, IfExists: true}.SQL(t.Dialect)
}

// The lock table's defaults: a beat is one INSERT, which must finish
// within Heartbeat (its own timeout), so the slowest engine's commit
// (Iceberg on Trino, a second or two) leaves it a wide margin.
const (
	DefaultHeartbeat  = 10 * time.Second
	DefaultStaleAfter = 2 * time.Minute
)

func (t *Table) defaults() {
	if t.Heartbeat == 0 {
		t.Heartbeat = DefaultHeartbeat
	}
	if t.StaleAfter == 0 {
		t.StaleAfter = DefaultStaleAfter
	}
	if t.owner == "" {
		t.owner = Owner()
	}
}

// Owner names this process in lock tables: host, pid and a random part.
func Owner() string {
	host, _ := os.Hostname()
	b := make([]byte, 4)
	rand.Read(b)
	return fmt.Sprintf("%s:%d:%s", host, os.Getpid(), hex.EncodeToString(b))
}

// TryLock tries to create the lock table; when it exists, it reports the
// holder and takes over a lock whose heartbeat stopped.
func (t *Table) TryLock(ctx context.Context) (bool, string, error) {
	t.defaults()
	var prepErr error
	if t.Prepare != "" {
		_, prepErr = t.DB.ExecContext(ctx, t.Prepare)
	}
	_, createErr := t.DB.ExecContext(ctx, t.Create)
	if createErr == nil {
		if _, err := t.DB.ExecContext(ctx, t.insert(t.owner, 0)); err != nil {
			t.DB.ExecContext(context.WithoutCancel(ctx), t.drop())
			return false, "", fmt.Errorf("writing the lock owner: %w", err)
		}
		t.startHeartbeat()
		return true, "", nil
	}
	// The create failed: held by someone, or a real error (no rights, no
	// schema)? The table answering says which.
	var holder sql.NullString
	var beats int64
	if err := t.DB.QueryRowContext(ctx, t.status()).Scan(&holder, &beats); err != nil {
		// Dropped between our create and our look (a release): try again,
		// but not forever.
		t.unexplain++
		if t.unexplain >= 3 {
			if prepErr != nil {
				return false, "", fmt.Errorf("%w (and before it: %v)", createErr, prepErr)
			}
			return false, "", createErr
		}
		return false, "", nil
	}
	t.unexplain = 0
	if deadOwner(holder.String) {
		// Its holder ran on this machine and has exited without unlocking
		// (killed): no need to wait for the heartbeat to age.
		t.lastChange = time.Time{}
		if _, err := t.DB.ExecContext(ctx, t.dropAbandoned()); err != nil {
			return false, holder.String, nil
		}
		return false, holder.String + " (exited, taken over)", nil
	}
	now := time.Now()
	if t.lastChange.IsZero() || beats != t.lastBeats {
		t.lastBeats, t.lastChange = beats, now
	} else if now.Sub(t.lastChange) >= t.StaleAfter {
		// Abandoned: its holder has not written for StaleAfter. A failed
		// drop (another waiter was quicker) is tried again next round.
		t.lastChange = time.Time{}
		if _, err := t.DB.ExecContext(ctx, t.dropAbandoned()); err != nil {
			return false, holder.String, nil
		}
		return false, holder.String + " (abandoned, taken over)", nil
	}
	return false, holder.String, nil
}

// deadOwner reports whether owner (as written by Owner) names a process of
// this host that no longer exists.
func deadOwner(owner string) bool {
	parts := strings.Split(owner, ":")
	if len(parts) < 3 {
		return false
	}
	host, _ := os.Hostname()
	if strings.Join(parts[:len(parts)-2], ":") != host {
		return false
	}
	pid, err := strconv.Atoi(parts[len(parts)-2])
	if err != nil || pid <= 0 || pid == os.Getpid() {
		return false
	}
	return processGone(pid)
}

func (t *Table) startHeartbeat() {
	t.stop = make(chan struct{})
	t.wg.Add(1)
	go func() {
		defer t.wg.Done()
		tick := time.NewTicker(t.Heartbeat)
		defer tick.Stop()
		for n := int64(1); ; n++ {
			select {
			case <-t.stop:
				return
			case <-tick.C:
				ctx, cancel := context.WithTimeout(context.Background(), t.Heartbeat)
				t.DB.ExecContext(ctx, t.insert(t.owner, n)) // a missed beat only ages the lock
				cancel()
			}
		}
	}()
}

// Unlock stops the heartbeat and drops the table.
func (t *Table) Unlock(ctx context.Context) error {
	if t.stop != nil {
		close(t.stop)
		t.wg.Wait()
		t.stop = nil
	}
	_, err := t.DB.ExecContext(ctx, t.drop())
	return err
}
