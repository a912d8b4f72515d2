// Package output prints query results as an aligned table, CSV or JSON.
// Values never pass through float64 unless the engine returned a float:
// decimals are printed from the driver's exact representation (text, or a
// decimal type's String), and timestamps as RFC 3339 in UTC, so a total of
// 12345678901234567890.123456789 prints digit for digit on every engine.
package output

import (
	"bytes"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"
)

// Format is an output format.
type Format string

// The formats.
const (
	Table Format = "table"
	CSV   Format = "csv"
	JSON  Format = "json"
)

// ParseFormat accepts table, csv or json.
func ParseFormat(s string) (Format, error) {
	switch f := Format(strings.ToLower(s)); f {
	case Table, CSV, JSON:
		return f, nil
	}
	return "", fmt.Errorf("unknown output format %q (table, csv or json)", s)
}

// kind is how a column's values are written in JSON.
type kind int

const (
	textKind kind = iota
	integerKind
	decimalKind
	floatKind
	boolKind
	// jsonKind: JSON, VARIANT, SUPER, lists, structs and maps, written
	// as JSON text (table, CSV) and as JSON values (JSON).
	jsonKind
)

// kindOf classifies a column by the engine's type name. Names differ by
// engine (NUMERIC, DECIMAL(38,9), Decimal(38, 9), NUMBER, FIXED, INT64,
// HUGEINT...), so the test is on words they share.
func kindOf(ct *sql.ColumnType) kind { return kindOfName(strings.ToUpper(ct.DatabaseTypeName())) }

// kindOfName classifies an upper-case type name.
func kindOfName(n string) kind {
	switch {
	case isStructured(n):
		return jsonKind
	case strings.Contains(n, "DECIMAL"), strings.Contains(n, "NUMERIC"), strings.HasPrefix(n, "NUMBER"), n == "FIXED":
		return decimalKind
	case strings.Contains(n, "INT") && !strings.Contains(n, "INTERVAL") && !strings.Contains(n, "POINT"):
		return integerKind
	case strings.Contains(n, "FLOAT"), strings.Contains(n, "DOUBLE"), n == "REAL":
		return floatKind
	case strings.HasPrefix(n, "BOOL"):
		return boolKind
	}
	return textKind
}

// Text renders one scanned value exactly; ok is false for NULL.
func Text(v any) (string, bool) {
	switch v := v.(type) {
	case nil:
		return "", false
	case []byte:
		return string(v), true
	case string:
		return v, true
	case time.Time:
		return v.UTC().Format(time.RFC3339Nano), true
	case int64:
		return strconv.FormatInt(v, 10), true
	case int32:
		return strconv.FormatInt(int64(v), 10), true
	case int:
		return strconv.Itoa(v), true
	case uint64:
		return strconv.FormatUint(v, 10), true
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64), true
	case float32:
		return strconv.FormatFloat(float64(v), 'g', -1, 32), true
	case bool:
		return strconv.FormatBool(v), true
	case *big.Int:
		return v.String(), true
	case *big.Rat:
		return ratText(v), true
	case fmt.Stringer: // duckdb.Decimal, shopspring decimal.Decimal, UUIDs...
		return v.String(), true
	}
	if structured(v) {
		// A driver's decoded JSON, list, struct or map (DuckDB): JSON
		// text, never Go's map[k:v] syntax.
		if s, err := marshalJSON(jsonCompatible(v)); err == nil {
			return s, true
		}
	}
	return fmt.Sprint(v), true
}

// ratText writes a rational with a terminating decimal expansion exactly
// (BigQuery's NUMERIC comes as *big.Rat), trimming trailing zeros.
func ratText(r *big.Rat) string {
	if r.IsInt() {
		return r.Num().String()
	}
	s := r.FloatString(40)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// Result is a fully read result set.
type Result struct {
	Columns []string
	kinds   []kind
	// Rows hold each value's text; nil is NULL.
	Rows [][]*string
}

// Read reads every row of rows.
func Read(rows *sql.Rows) (*Result, error) {
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	cts, err := rows.ColumnTypes()
	if err != nil {
		return nil, err
	}
	res := &Result{Columns: cols}
	for _, ct := range cts {
		res.kinds = append(res.kinds, kindOf(ct))
	}
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		row := make([]*string, len(cols))
		for i, v := range vals {
			if s, ok := Text(v); ok {
				if res.kinds[i] == jsonKind || res.kinds[i] == textKind {
					s = normalizeJSON(s, res.kinds[i] == jsonKind)
				}
				row[i] = &s
			}
		}
		res.Rows = append(res.Rows, row)
	}
	return res, rows.Err()
}

// Write prints res in format f.
func Write(w io.Writer, f Format, res *Result) error {
	switch f {
	case CSV:
		return writeCSV(w, res)
	case JSON:
		return writeJSON(w, res)
	default:
		return writeTable(w, res)
	}
}

func writeTable(w io.Writer, res *Result) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(res.Columns, "\t"))
	for _, row := range res.Rows {
		cells := make([]string, len(row))
		for i, v := range row {
			if v == nil {
				cells[i] = "NULL"
			} else {
				// Tabs and newlines inside a value would break the columns.
				cells[i] = strings.NewReplacer("\t", `\t`, "\n", `\n`, "\r", `\r`).Replace(*v)
			}
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	noun := "rows"
	if len(res.Rows) == 1 {
		noun = "row"
	}
	_, err := fmt.Fprintf(w, "(%d %s)\n", len(res.Rows), noun)
	return err
}

// writeCSV writes a header and one record per row; NULL is an empty field.
func writeCSV(w io.Writer, res *Result) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(res.Columns); err != nil {
		return err
	}
	for _, row := range res.Rows {
		rec := make([]string, len(row))
		for i, v := range row {
			if v != nil {
				rec[i] = *v
			}
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// writeJSON writes an array of objects, one per line, keys in column
// order. Integers, decimals and floats are JSON numbers written with the
// engine's exact digits (never re-parsed); NULL is null.
func writeJSON(w io.Writer, res *Result) error {
	var b bytes.Buffer
	b.WriteString("[")
	for r, row := range res.Rows {
		if r > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n  {")
		for i, v := range row {
			if i > 0 {
				b.WriteString(", ")
			}
			key, _ := json.Marshal(res.Columns[i])
			b.Write(key)
			b.WriteString(": ")
			b.WriteString(jsonValue(v, res.kinds[i]))
		}
		b.WriteString("}")
	}
	if len(res.Rows) > 0 {
		b.WriteString("\n")
	}
	b.WriteString("]\n")
	_, err := w.Write(b.Bytes())
	return err
}

func jsonValue(v *string, k kind) string {
	if v == nil {
		return "null"
	}
	switch k {
	case jsonKind, textKind:
		if isJSONDocument(*v, k == jsonKind) {
			return *v
		}
	case integerKind, decimalKind, floatKind:
		if isJSONNumber(*v) {
			return *v
		}
	case boolKind:
		switch strings.ToLower(*v) {
		case "true", "1", "t":
			return "true"
		case "false", "0", "f":
			return "false"
		}
	}
	if !utf8.ValidString(*v) {
		// Binary data: print as a JSON string of its bytes' hex.
		return strconv.Quote(fmt.Sprintf("%x", *v))
	}
	s, _ := json.Marshal(*v)
	return string(s)
}

// isJSONNumber reports whether s is a valid JSON number literal (NaN,
// Infinity and "1e" are not).
func isJSONNumber(s string) bool {
	return s != "" && (s[0] == '-' || (s[0] >= '0' && s[0] <= '9')) && json.Valid([]byte(s))
}
