package mysql

import (
	"bufio"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"

	driver "github.com/go-sql-driver/mysql"
	"github.com/mtxhq/mtx/dialects"
)

// LoadTransactional: InnoDB commits a file's rows and its manifest entry
// together.
func (Dialect) LoadTransactional() bool { return true }

// InsertRows streams the rows with LOAD DATA LOCAL INFILE from an in-memory
// pipe (go-sql-driver's reader handler, no file and no allowAllFiles), the
// server's bulk path; memory stays bounded by the pipe's buffer. Columns of
// one value for the whole file (the provenance columns, columns the file
// lacks) are set once in the statement's SET clause rather than sent per
// row. A server with local_infile off gets multi-row INSERTs instead.
//
// LOCAL makes the server behave as with IGNORE even in strict mode: a value
// it cannot convert becomes a warning and a clamped, truncated or skipped
// row. So the statement's warnings are read after it and any warning (not
// a note) fails the file, as does a row count short of the rows sent; the
// caller's transaction then rolls the file back.
func (d Dialect) InsertRows(ctx context.Context, _ *sql.Conn, q dialects.Querier, t dialects.LoadTable, src dialects.RowSource) (int64, error) {
	b := make([]byte, 8)
	rand.Read(b)
	name := "mtx_load_" + hex.EncodeToString(b)
	pr, pw := io.Pipe()
	started := make(chan struct{})
	var asked sync.Once
	driver.RegisterReaderHandler(name, func() io.Reader {
		asked.Do(func() { close(started) })
		return pr
	})
	defer driver.DeregisterReaderHandler(name)
	var cols, set []string
	var streamed []int // indexes of the values sent per row
	for i, c := range t.Columns {
		if c.Const != nil || c.Source == "" {
			set = append(set, d.Quote(c.Name)+" = "+constLiteral(c.Const))
			continue
		}
		cols = append(cols, d.Quote(c.Name))
		streamed = append(streamed, i)
	}
	stmt := "LOAD DATA LOCAL INFILE " + dialects.StringLiteral("Reader::"+name) + " INTO TABLE " + d.Quote(t.Schema) + "." + d.Quote(t.Table) +
		" CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' (" + strings.Join(cols, ", ") + ")"
	if len(set) > 0 {
		stmt += " SET " + strings.Join(set, ", ")
	}
	execDone := make(chan struct{})
	type written struct {
		rows int64
		err  error
	}
	writeErr := make(chan written, 1)
	go func() {
		select {
		case <-started:
		case <-execDone:
			// The statement ended without asking for data (refused).
			writeErr <- written{}
			return
		}
		w := bufio.NewWriterSize(pw, 1<<16)
		n, err := writeTSV(w, src, streamed)
		if err == nil {
			err = w.Flush()
		}
		pw.CloseWithError(err)
		writeErr <- written{n, err}
	}()
	res, err := q.ExecContext(ctx, stmt)
	close(execDone)
	pr.Close()
	wr := <-writeErr
	select {
	case <-started:
	default:
		// The server refused LOCAL INFILE before asking for data.
		if err != nil && isLocalInfileRefused(err) {
			return dialects.BatchInsert(ctx, d, q, t, src, dialects.BatchOptions{MaxParams: 60000, Convert: dialects.DecimalAsString})
		}
	}
	if wr.err != nil && !errors.Is(wr.err, io.ErrClosedPipe) {
		return 0, wr.err
	}
	if err != nil {
		return 0, err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, err
	}
	if err := loadWarnings(ctx, q); err != nil {
		return 0, err
	}
	if n != wr.rows {
		return 0, fmt.Errorf("LOAD DATA inserted %d of the %d rows sent", n, wr.rows)
	}
	return n, nil
}

// loadWarnings turns the first warning of the last statement into an
// error (notes, such as a decimal rounded to the column's scale, pass: an
// INSERT in strict mode gives the same notes). MariaDB's message names the
// column and the row, which is the row of the file (one file per LOAD DATA).
func loadWarnings(ctx context.Context, q dialects.Querier) error {
	var count int64
	if err := q.QueryRowContext(ctx, "SELECT @@warning_count").Scan(&count); err != nil {
		return fmt.Errorf("reading LOAD DATA's warnings: %w", err)
	}
	if count == 0 {
		return nil
	}
	rows, err := q.QueryContext(ctx, "SHOW WARNINGS")
	if err != nil {
		return fmt.Errorf("reading LOAD DATA's warnings: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var level, msg string
		var code int64
		if err := rows.Scan(&level, &code, &msg); err != nil {
			return fmt.Errorf("reading LOAD DATA's warnings: %w", err)
		}
		if strings.EqualFold(level, "Note") {
			continue
		}
		more := ""
		if count > 1 {
			more = fmt.Sprintf(" (%d warnings and notes in all)", count)
		}
		return fmt.Errorf("the server did not take a value: %s%s", msg, more)
	}
	return rows.Err()
}

// constLiteral is a SET clause's value for a column whose every row holds v.
func constLiteral(v any) string {
	m := Macros{}
	switch x := v.(type) {
	case nil:
		return "NULL"
	case time.Time:
		return m.TimestampLiteral(x)
	case bool:
		return m.BoolLiteral(x)
	}
	s, _ := dialects.TextValue(v)
	return m.StringLiteral(s)
}

func isLocalInfileRefused(err error) bool {
	var me *driver.MySQLError
	return errors.As(err, &me) && (me.Number == 1148 || me.Number == 3948 || me.Number == 2068)
}

// writeTSV writes the values at cols of each row in LOAD DATA's default
// format: tab-separated, newline-terminated, backslash escapes, \N for
// NULL. Decimals go as their exact text, timestamps as UTC with
// microseconds. It returns the rows written.
func writeTSV(w *bufio.Writer, src dialects.RowSource, cols []int) (int64, error) {
	var n int64
	var scratch []byte
	for src.Next() {
		vals, err := src.Values()
		if err != nil {
			return n, err
		}
		line := scratch[:0]
		for k, i := range cols {
			if k > 0 {
				line = append(line, '\t')
			}
			line = appendTSV(line, vals[i])
		}
		line = append(line, '\n')
		if _, err := w.Write(line); err != nil {
			return n, err
		}
		scratch = line
		n++
	}
	return n, src.Err()
}

// appendTSV appends one value in LOAD DATA's escaped text form.
func appendTSV(b []byte, v any) []byte {
	switch x := v.(type) {
	case nil:
		return append(b, '\\', 'N')
	case string:
		return appendEscaped(b, x)
	case dialects.Decimal:
		return appendEscaped(b, string(x))
	case int64:
		return strconv.AppendInt(b, x, 10)
	case float64:
		return strconv.AppendFloat(b, x, 'g', -1, 64)
	case bool:
		if x {
			return append(b, '1')
		}
		return append(b, '0')
	case time.Time:
		return appendTimestamp(b, x)
	}
	s, _ := dialects.TextValue(v)
	return appendEscaped(b, s)
}

// appendTimestamp writes t in UTC as YYYY-MM-DD HH:MM:SS[.ffffff], the
// microseconds truncated and their trailing zeros dropped, as
// dialects.UTCText does; by hand, since time.Format is a third of the
// client's CPU time on a timestamp-heavy table.
func appendTimestamp(b []byte, t time.Time) []byte {
	t = t.UTC()
	y, mo, d := t.Date()
	if y < 0 || y > 9999 {
		return t.AppendFormat(b, "2006-01-02 15:04:05.999999")
	}
	h, mi, s := t.Clock()
	b = append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+int(mo)/10), byte('0'+int(mo)%10), '-', byte('0'+d/10), byte('0'+d%10), ' ',
		byte('0'+h/10), byte('0'+h%10), ':', byte('0'+mi/10), byte('0'+mi%10), ':', byte('0'+s/10), byte('0'+s%10))
	us := t.Nanosecond() / 1000
	if us == 0 {
		return b
	}
	var frac [6]byte
	for i := 5; i >= 0; i-- {
		frac[i] = byte('0' + us%10)
		us /= 10
	}
	n := 6
	for frac[n-1] == '0' {
		n--
	}
	b = append(b, '.')
	return append(b, frac[:n]...)
}

// appendEscaped escapes the bytes LOAD DATA would read as structure:
// backslash, tab, newline, carriage return and NUL.
func appendEscaped(b []byte, s string) []byte {
	last := 0
	for j := 0; j < len(s); j++ {
		var esc byte
		switch s[j] {
		case '\\':
			esc = '\\'
		case '\t':
			esc = 't'
		case '\n':
			esc = 'n'
		case '\r':
			esc = 'r'
		case 0:
			esc = '0'
		default:
			continue
		}
		b = append(b, s[last:j]...)
		b = append(b, '\\', esc)
		last = j + 1
	}
	return append(b, s[last:]...)
}
