package mysql

import (
	"bufio"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"io"
	"strings"

	driver "github.com/go-sql-driver/mysql"
	"github.com/mtxhq/mtx/dialects"
)

var (
	_ dialects.Loader     = Dialect{}
	_ dialects.LoadLocker = Dialect{}
)

// LoadTransactional: InnoDB commits a file's rows and its manifest entry
// together.
func (Dialect) LoadTransactional() bool { return true }

// InsertRows streams the rows with LOAD DATA LOCAL INFILE from an in-memory
// pipe (go-sql-driver's reader handler), the server's bulk path. A server
// with local_infile off gets multi-row INSERTs instead.
func (d Dialect) InsertRows(ctx context.Context, _ *sql.Conn, q dialects.Querier, t dialects.LoadTable, src dialects.RowSource) (int64, error) {
	b := make([]byte, 8)
	rand.Read(b)
	name := "mtx_load_" + hex.EncodeToString(b)
	pr, pw := io.Pipe()
	started := make(chan struct{})
	var once bool
	driver.RegisterReaderHandler(name, func() io.Reader {
		if !once {
			once = true
			close(started)
		}
		return pr
	})
	defer driver.DeregisterReaderHandler(name)
	cols := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		cols[i] = d.Quote(c.Name)
	}
	stmt := "LOAD DATA LOCAL INFILE " + dialects.StringLiteral("Reader::"+name) + " INTO TABLE " + d.Quote(t.Schema) + "." + d.Quote(t.Table) +
		" CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' (" + strings.Join(cols, ", ") + ")"
	writeErr := make(chan error, 1)
	go func() {
		select {
		case <-started:
		case <-ctx.Done():
			writeErr <- ctx.Err()
			return
		}
		w := bufio.NewWriterSize(pw, 1<<16)
		err := writeTSV(w, src)
		if err == nil {
			err = w.Flush()
		}
		pw.CloseWithError(err)
		writeErr <- err
	}()
	res, err := q.ExecContext(ctx, stmt)
	pr.Close()
	if !once {
		// The server refused LOCAL INFILE before asking for data.
		if err != nil && isLocalInfileRefused(err) {
			return dialects.BatchInsert(ctx, d, q, t, src, dialects.BatchOptions{MaxParams: 60000, Convert: dialects.DecimalAsString})
		}
		if err != nil {
			return 0, err
		}
	}
	if werr := <-writeErr; werr != nil && !errors.Is(werr, io.ErrClosedPipe) {
		return 0, werr
	}
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

func isLocalInfileRefused(err error) bool {
	var me *driver.MySQLError
	return errors.As(err, &me) && (me.Number == 1148 || me.Number == 3948 || me.Number == 2068)
}

// writeTSV writes rows in LOAD DATA's default format: tab-separated,
// newline-terminated, backslash escapes, \N for NULL.
func writeTSV(w *bufio.Writer, src dialects.RowSource) error {
	for src.Next() {
		vals, err := src.Values()
		if err != nil {
			return err
		}
		for i, v := range vals {
			if i > 0 {
				w.WriteByte('\t')
			}
			s, ok := dialects.TextValue(v)
			if !ok {
				w.WriteString(`\N`)
				continue
			}
			for j := 0; j < len(s); j++ {
				switch c := s[j]; c {
				case '\\':
					w.WriteString(`\\`)
				case '\t':
					w.WriteString(`\t`)
				case '\n':
					w.WriteString(`\n`)
				case '\r':
					w.WriteString(`\r`)
				case 0:
					w.WriteString(`\0`)
				default:
					w.WriteByte(c)
				}
			}
		}
		w.WriteByte('\n')
	}
	return src.Err()
}

// LockLoad takes a named lock (GET_LOCK) for the schema, held by conn: a
// second load waits, then finds the first one's files in the manifest.
func (Dialect) LockLoad(ctx context.Context, conn *sql.Conn, schema string) (func() error, error) {
	name := dialects.LoadLockName(schema)
	if len(name) > 64 {
		name = name[:64]
	}
	var got sql.NullInt64
	if err := conn.QueryRowContext(ctx, "SELECT GET_LOCK(?, 31536000)", name).Scan(&got); err != nil {
		return nil, err
	}
	if !got.Valid || got.Int64 != 1 {
		return nil, errors.New("GET_LOCK(" + name + ") was not granted")
	}
	return func() error {
		_, err := conn.ExecContext(context.Background(), "SELECT RELEASE_LOCK(?)", name)
		return err
	}, nil
}
