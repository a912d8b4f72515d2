// Package sqlsplit splits SQL text into statements at the semicolons that
// end them, skipping those inside strings, quoted identifiers, comments
// and dollar quotes, so `mtx query` can tell one statement from several.
package sqlsplit

import "strings"

// Dialect is how the text's strings and comments are read.
type Dialect struct {
	// Backslash escapes the next character inside strings (MySQL,
	// ClickHouse; PostgreSQL's E'…').
	Backslash bool
	// Hash starts a comment to the end of the line (MySQL).
	Hash bool
}

var (
	// Standard reads strings and comments as PostgreSQL, DuckDB,
	// Snowflake and BigQuery do.
	Standard = Dialect{}
	// MySQLish reads them as MySQL and ClickHouse do.
	MySQLish = Dialect{Backslash: true, Hash: true}
)

// Split returns the statements of sql, trimmed, without their
// semicolons; a piece that holds only blanks and comments is no statement.
func (d Dialect) Split(sql string) []string {
	var out []string
	start, code := 0, false
	flush := func(end int) {
		if code {
			out = append(out, strings.TrimSpace(sql[start:end]))
		}
		start, code = end+1, false
	}
	for i := 0; i < len(sql); i++ {
		c := sql[i]
		switch {
		case c == ';':
			flush(i)
		case c == '\'' || c == '"' || c == '`':
			code = true
			i = d.skipQuoted(sql, i, c)
		case c == '-' && strings.HasPrefix(sql[i:], "--"), c == '#' && d.Hash:
			i = lineEnd(sql, i)
		case c == '/' && strings.HasPrefix(sql[i:], "/*"):
			i = blockEnd(sql, i)
		case c == '$':
			code = true
			if tag, ok := dollarTag(sql[i:]); ok {
				if end := strings.Index(sql[i+len(tag):], tag); end >= 0 {
					i += len(tag) + end + len(tag) - 1
				} else {
					i = len(sql) - 1
				}
			}
		case c != ' ' && c != '\t' && c != '\n' && c != '\r':
			code = true
		}
	}
	flush(len(sql))
	return out
}

// skipQuoted returns the index of the quote closing the one at i (a
// doubled quote is an escaped one), or the end of sql.
func (d Dialect) skipQuoted(sql string, i int, q byte) int {
	for j := i + 1; j < len(sql); j++ {
		switch {
		case sql[j] == '\\' && d.Backslash && q != '`':
			j++
		case sql[j] == q && j+1 < len(sql) && sql[j+1] == q:
			j++
		case sql[j] == q:
			return j
		}
	}
	return len(sql) - 1
}

func lineEnd(sql string, i int) int {
	if n := strings.IndexByte(sql[i:], '\n'); n >= 0 {
		return i + n
	}
	return len(sql) - 1
}

func blockEnd(sql string, i int) int {
	if n := strings.Index(sql[i+2:], "*/"); n >= 0 {
		return i + 2 + n + 1
	}
	return len(sql) - 1
}

// dollarTag reads a dollar quote's opening tag ($$ or $name$) at the
// start of s; $1 (a parameter) is none.
func dollarTag(s string) (string, bool) {
	for j := 1; j < len(s); j++ {
		c := s[j]
		switch {
		case c == '$':
			return s[:j+1], true
		case c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80:
		case c >= '0' && c <= '9' && j > 1:
		default:
			return "", false
		}
	}
	return "", false
}

// Count is the number of statements in sql read either way — the larger,
// so text that one engine would run as two statements counts as two.
func Count(sql string) int {
	return max(len(Standard.Split(sql)), len(MySQLish.Split(sql)))
}
