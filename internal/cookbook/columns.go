package cookbook

import (
	"fmt"
	"regexp"
	"strings"
)

// OutputColumns returns the names of the columns a rendered query returns:
// the items of its outermost SELECT list, each of which must be aliased
// (`expr AS name`) or a bare, unqualified column. Engines name other items
// differently — ClickHouse keeps the qualifier of `li.credit_type_name`
// when another joined table has the column, others drop it, and an
// unnamed expression gets an engine-made name — so an entry whose columns
// are not all named this way would answer with different column names (a
// BI tool's query, JSON keys) on different engines.
func OutputColumns(query string) ([]string, error) {
	items, err := selectList(query)
	if err != nil {
		return nil, err
	}
	var names []string
	seen := map[string]bool{}
	for i, it := range items {
		name, ok := itemName(it)
		if !ok {
			return nil, fmt.Errorf("select-list item %d (%s) is neither aliased nor a bare column: name it with AS", i+1, oneLine(it))
		}
		if seen[strings.ToLower(name)] {
			return nil, fmt.Errorf("select-list item %d: column name %s is used twice", i+1, name)
		}
		seen[strings.ToLower(name)] = true
		names = append(names, name)
	}
	return names, nil
}

var (
	aliasRE = regexp.MustCompile("(?is)\\sAS\\s+(" + `[A-Za-z_][A-Za-z0-9_]*|"[^"]+"|` + "`[^`]+`" + `)$`)
	bareRE  = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
)

// itemName is the output name of one select-list item.
func itemName(item string) (string, bool) {
	item = strings.TrimSpace(item)
	if m := aliasRE.FindStringSubmatch(item); m != nil {
		return strings.Trim(m[1], "\"`"), true
	}
	if bareRE.MatchString(item) && !strings.EqualFold(item, "NULL") {
		return item, true
	}
	return "", false
}

// selectList splits the outermost SELECT list of query into its items: the
// text between the first SELECT outside parentheses and the FROM at the
// same level, cut at the commas at that level. Quoted strings, quoted
// identifiers and comments are skipped.
func selectList(q string) ([]string, error) {
	q = blankComments(q)
	depth, start, itemStart := 0, -1, -1
	var items []string
	isIdent := func(c byte) bool {
		return c == '_' || c == '$' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
	}
	for i := 0; i < len(q); {
		c := q[i]
		switch {
		case c == '\'' || c == '"' || c == '`':
			i = quoteEnd(q, i)
			continue
		case c == '(':
			depth++
		case c == ')':
			depth--
		case depth == 0 && c == ',' && start >= 0:
			items = append(items, q[itemStart:i])
			itemStart = i + 1
		case isIdent(c) && (i == 0 || !isIdent(q[i-1])):
			j := i
			for j < len(q) && isIdent(q[j]) {
				j++
			}
			w := strings.ToUpper(q[i:j])
			switch {
			case depth == 0 && start < 0 && w == "SELECT":
				start, itemStart = j, j
			case depth == 0 && start >= 0 && w == "DISTINCT" && strings.TrimSpace(q[itemStart:i]) == "" && len(items) == 0:
				itemStart = j
			case depth == 0 && start >= 0 && w == "FROM":
				return append(items, q[itemStart:i]), nil
			}
			i = j
			continue
		}
		i++
	}
	if start < 0 {
		return nil, fmt.Errorf("no SELECT")
	}
	return append(items, q[itemStart:]), nil
}

// quoteEnd is the index after the quoted text starting at q[i].
func quoteEnd(q string, i int) int {
	c := q[i]
	j := i + 1
	for j < len(q) {
		if q[j] == '\\' && c == '\'' {
			j += 2
			continue
		}
		if q[j] == c {
			if j+1 < len(q) && q[j+1] == c { // a doubled quote
				j += 2
				continue
			}
			break
		}
		j++
	}
	return min(j+1, len(q))
}

// blankComments replaces the comments of q with spaces (line breaks kept).
func blankComments(q string) string {
	b := []byte(q)
	for i := 0; i < len(b); {
		switch {
		case b[i] == '\'' || b[i] == '"' || b[i] == '`':
			i = quoteEnd(q, i)
			continue
		case b[i] == '-' && i+1 < len(b) && b[i+1] == '-':
			for ; i < len(b) && b[i] != '\n'; i++ {
				b[i] = ' '
			}
			continue
		case b[i] == '/' && i+1 < len(b) && b[i+1] == '*':
			end := strings.Index(q[i+2:], "*/")
			stop := len(b)
			if end >= 0 {
				stop = i + 2 + end + 2
			}
			for ; i < stop; i++ {
				if b[i] != '\n' {
					b[i] = ' '
				}
			}
			continue
		}
		i++
	}
	return string(b)
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
