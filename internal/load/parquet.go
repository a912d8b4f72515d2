package load

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"math/big"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/deprecated"
	"github.com/parquet-go/parquet-go/format"
)

// fileColumn is one top-level column of a parquet file and how to read it.
type fileColumn struct {
	Name  string
	Index int // leaf index: a row's value for it has Column() == Index
	// Nested columns (lists, structs) cannot be loaded: one the catalog
	// does not know is warned about, one it knows fails the file.
	Nested bool
	read   reader
	desc   string // physical and logical type, for messages
	// typ is the neutral type the column reads as (decimals with prec
	// and scale), for engines that read the file themselves.
	typ         catalog.LogicalType
	prec, scale int
	digits      int // a timestamp's fractional-second digits (leafDigits)
	// native: an engine reading the file itself gets exactly typ's
	// values, with no conversion that depends on its session (dates and
	// timestamps not adjusted to UTC would follow the session's zone).
	native bool
}

// reader turns one parquet value (not NULL) into a neutral value, before
// it is coerced to the target column's logical type.
type reader func(v parquet.Value) (any, error)

// parquetFile is an opened parquet file: its columns by name.
type parquetFile struct {
	f       *parquet.File
	columns []fileColumn
	byName  map[string]*fileColumn
}

// openParquet reads the footer and schema; a corrupt or truncated file
// fails here (its footer is at the end).
func openParquet(r io.ReaderAt, size int64) (pf *parquetFile, err error) {
	defer func() {
		// parquet-go may panic on some malformed inputs; a bad file must be
		// an error naming it, never a crash.
		if p := recover(); p != nil {
			err = fmt.Errorf("not a readable parquet file: %v", p)
		}
	}()
	f, err := parquet.OpenFile(r, size, parquet.SkipBloomFilters(true), parquet.SkipPageIndex(true))
	if err != nil {
		return nil, fmt.Errorf("not a readable parquet file: %w", err)
	}
	pf = &parquetFile{f: f, byName: map[string]*fileColumn{}}
	elems := f.Metadata().Schema
	leaf := 0
	// Depth-first walk of the flattened schema: leaves are numbered in
	// this order, which is the order of a row's values.
	var walk func(i int, depth int, top string) int
	walk = func(i int, depth int, top string) int {
		e := elems[i]
		if depth == 1 {
			top = e.Name
		}
		n, isGroup := e.NumChildren.Get()
		if _, hasType := e.Type.Get(); hasType {
			isGroup = false
		}
		if !isGroup {
			if depth == 1 {
				rd, desc := leafReader(e)
				typ, prec, scale := leafType(e)
				pf.columns = append(pf.columns, fileColumn{Name: e.Name, Index: leaf, read: rd, desc: desc, typ: typ, prec: prec, scale: scale, digits: leafDigits(e), native: leafNative(e)})
			} else if len(pf.columns) == 0 || pf.columns[len(pf.columns)-1].Name != top {
				pf.columns = append(pf.columns, fileColumn{Name: top, Index: -1, Nested: true})
			}
			leaf++
			return i + 1
		}
		j := i + 1
		for k := 0; k < int(n); k++ {
			if j >= len(elems) {
				return j
			}
			j = walk(j, depth+1, top)
		}
		if depth == 1 && (len(pf.columns) == 0 || pf.columns[len(pf.columns)-1].Name != top) {
			pf.columns = append(pf.columns, fileColumn{Name: top, Index: -1, Nested: true})
		}
		return j
	}
	if len(elems) == 0 {
		return nil, errors.New("not a readable parquet file: empty schema")
	}
	for i := 1; i < len(elems); {
		i = walk(i, 1, "")
	}
	for i := range pf.columns {
		c := &pf.columns[i]
		if _, dup := pf.byName[c.Name]; !dup {
			pf.byName[c.Name] = c
		}
	}
	return pf, nil
}

// objectColumns are the file's top-level columns as engines reading the
// file themselves are told them.
func (p *parquetFile) objectColumns() []dialects.ObjectColumn {
	cols := make([]dialects.ObjectColumn, len(p.columns))
	for j, c := range p.columns {
		cols[j] = dialects.ObjectColumn{Name: c.Name, Type: c.typ, Precision: c.prec, Scale: c.scale, Digits: c.digits}
	}
	return cols
}

// NumRows is the file's row count from its footer.
func (p *parquetFile) NumRows() int64 { return p.f.NumRows() }

// leafReader picks the reader for a primitive column from its physical
// type and its logical (or legacy converted) annotation.
func leafReader(e format.SchemaElement) (reader, string) {
	phys, _ := e.Type.Get()
	conv, hasConv := e.ConvertedType.Get()
	desc := phys.String()
	if lt := e.LogicalType.Value; lt != nil {
		desc += " " + lt.String()
	} else if hasConv {
		desc += fmt.Sprintf(" (converted type %d)", conv)
	}
	// Decimals: exact, never through float64.
	if d, ok := e.LogicalType.Value.(*format.DecimalType); ok {
		return decimalReader(phys, int(d.Scale)), desc
	}
	if hasConv && conv == deprecated.Decimal {
		scale, _ := e.Scale.Get()
		return decimalReader(phys, int(scale)), desc
	}
	switch phys {
	case format.Boolean:
		return func(v parquet.Value) (any, error) { return v.Boolean(), nil }, desc
	case format.Int32:
		if _, ok := e.LogicalType.Value.(*format.DateType); ok || (hasConv && conv == deprecated.Date) {
			return func(v parquet.Value) (any, error) {
				return time.Unix(int64(v.Int32())*86400, 0).UTC(), nil
			}, desc
		}
		if it, ok := e.LogicalType.Value.(*format.IntType); ok && !it.IsSigned {
			return func(v parquet.Value) (any, error) { return int64(uint32(v.Int32())), nil }, desc
		}
		return func(v parquet.Value) (any, error) { return int64(v.Int32()), nil }, desc
	case format.Int64:
		unit := time.Duration(0)
		if ts, ok := e.LogicalType.Value.(*format.TimestampType); ok {
			switch ts.Unit.Value.(type) {
			case *format.MilliSeconds:
				unit = time.Millisecond
			case *format.MicroSeconds:
				unit = time.Microsecond
			case *format.NanoSeconds:
				unit = time.Nanosecond
			}
		} else if hasConv && conv == deprecated.TimestampMillis {
			unit = time.Millisecond
		} else if hasConv && conv == deprecated.TimestampMicros {
			unit = time.Microsecond
		}
		switch unit {
		case time.Millisecond:
			return func(v parquet.Value) (any, error) { return time.UnixMilli(v.Int64()).UTC(), nil }, desc
		case time.Microsecond:
			return func(v parquet.Value) (any, error) { return time.UnixMicro(v.Int64()).UTC(), nil }, desc
		case time.Nanosecond:
			return func(v parquet.Value) (any, error) { return time.Unix(0, v.Int64()).UTC(), nil }, desc
		}
		if it, ok := e.LogicalType.Value.(*format.IntType); ok && !it.IsSigned {
			return func(v parquet.Value) (any, error) {
				u := uint64(v.Int64())
				if u > math.MaxInt64 {
					return dialects.Decimal(strconv.FormatUint(u, 10)), nil
				}
				return int64(u), nil
			}, desc
		}
		return func(v parquet.Value) (any, error) { return v.Int64(), nil }, desc
	case format.Int96:
		// Legacy Impala/Spark timestamps: nanoseconds of the day, then the
		// Julian day number.
		return func(v parquet.Value) (any, error) {
			b := v.ByteArray()
			if len(b) != 12 {
				i := v.Int96()
				b = make([]byte, 12)
				binary.LittleEndian.PutUint32(b[0:], i[0])
				binary.LittleEndian.PutUint32(b[4:], i[1])
				binary.LittleEndian.PutUint32(b[8:], i[2])
			}
			nanos := int64(binary.LittleEndian.Uint64(b[:8]))
			day := int64(binary.LittleEndian.Uint32(b[8:]))
			return time.Unix((day-2440588)*86400, nanos).UTC(), nil
		}, desc
	case format.Float:
		return func(v parquet.Value) (any, error) { return float64(v.Float()), nil }, desc
	case format.Double:
		return func(v parquet.Value) (any, error) { return v.Double(), nil }, desc
	case format.FixedLenByteArray:
		if _, ok := e.LogicalType.Value.(*format.UUIDType); ok {
			return func(v parquet.Value) (any, error) {
				b := v.ByteArray()
				if len(b) != 16 {
					return nil, fmt.Errorf("UUID of %d bytes", len(b))
				}
				return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16]), nil
			}, desc
		}
	}
	// Byte arrays: strings, JSON and enums are UTF-8 text.
	return stringReader(), desc
}

// leafType is the neutral type leafReader's values have.
func leafType(e format.SchemaElement) (catalog.LogicalType, int, int) {
	phys, _ := e.Type.Get()
	conv, hasConv := e.ConvertedType.Get()
	if d, ok := e.LogicalType.Value.(*format.DecimalType); ok {
		return catalog.Decimal, int(d.Precision), int(d.Scale)
	}
	if hasConv && conv == deprecated.Decimal {
		p, _ := e.Precision.Get()
		s, _ := e.Scale.Get()
		return catalog.Decimal, int(p), int(s)
	}
	switch phys {
	case format.Boolean:
		return catalog.Boolean, 0, 0
	case format.Int32:
		if _, ok := e.LogicalType.Value.(*format.DateType); ok || (hasConv && conv == deprecated.Date) {
			return catalog.Timestamp, 0, 0
		}
		return catalog.Integer, 0, 0
	case format.Int64:
		_, ts := e.LogicalType.Value.(*format.TimestampType)
		if ts || (hasConv && (conv == deprecated.TimestampMillis || conv == deprecated.TimestampMicros)) {
			return catalog.Timestamp, 0, 0
		}
		if it, ok := e.LogicalType.Value.(*format.IntType); ok && !it.IsSigned {
			return catalog.Decimal, 20, 0 // up to 2^64-1
		}
		return catalog.Integer, 0, 0
	case format.Int96:
		return catalog.Timestamp, 0, 0
	case format.Float, format.Double:
		return catalog.Float, 0, 0
	}
	return catalog.String, 0, 0
}

// leafDigits is an INT64 timestamp's unit as fractional-second digits
// (3, 6, 9), for engines told a file's structure; 0 for anything else.
func leafDigits(e format.SchemaElement) int {
	if phys, _ := e.Type.Get(); phys != format.Int64 {
		return 0
	}
	if ts, ok := e.LogicalType.Value.(*format.TimestampType); ok {
		switch ts.Unit.Value.(type) {
		case *format.MilliSeconds:
			return 3
		case *format.MicroSeconds:
			return 6
		case *format.NanoSeconds:
			return 9
		}
		return 0
	}
	switch conv, _ := e.ConvertedType.Get(); conv {
	case deprecated.TimestampMillis:
		return 3
	case deprecated.TimestampMicros:
		return 6
	}
	return 0
}

// leafNative reports whether a primitive column's values read the same
// in any engine that reads parquet itself as through leafReader: signed
// integers, floats, booleans, decimals, UTF-8 text and timestamps adjusted
// to UTC. Dates, INT96, local timestamps, unsigned 64-bit integers, UUIDs
// and plain binary are converted by mtx.
func leafNative(e format.SchemaElement) bool {
	phys, _ := e.Type.Get()
	conv, hasConv := e.ConvertedType.Get()
	lt := e.LogicalType.Value
	if _, ok := lt.(*format.DecimalType); ok || (hasConv && conv == deprecated.Decimal) {
		return true
	}
	switch phys {
	case format.Boolean, format.Float, format.Double:
		return lt == nil && !hasConv
	case format.Int32:
		it, ok := lt.(*format.IntType)
		return (lt == nil && !hasConv) || (ok && it.IsSigned)
	case format.Int64:
		switch x := lt.(type) {
		case nil:
			return !hasConv
		case *format.IntType:
			return x.IsSigned
		case *format.TimestampType:
			return x.IsAdjustedToUTC
		}
		return false
	case format.ByteArray:
		switch lt.(type) {
		case *format.StringType, *format.JsonType, *format.EnumType:
			return true
		}
		return lt == nil && hasConv && (conv == deprecated.UTF8 || conv == deprecated.Json || conv == deprecated.Enum)
	}
	return false
}

// stringReader reads text, reusing the boxed value of short strings seen
// before: export columns such as status, environment_type or names repeat
// a few values millions of times, and an allocation each is most of the
// cost of reading them. High-cardinality columns stop using the cache.
func stringReader() reader {
	const maxEntries, maxLen = 4096, 64
	cache := map[string]any{}
	return func(v parquet.Value) (any, error) {
		b := v.ByteArray()
		if cache != nil && len(b) <= maxLen {
			if s, ok := cache[string(b)]; ok {
				return s, nil
			}
			if len(cache) < maxEntries {
				s := string(b)
				var boxed any = s
				cache[s] = boxed
				return boxed, nil
			}
			cache = nil
		}
		return string(b), nil
	}
}

// decimalReader reads a DECIMAL(scale) stored as int32, int64 or a
// big-endian two's-complement byte array, as exact text.
func decimalReader(phys format.Type, scale int) reader {
	switch phys {
	case format.Int32:
		return func(v parquet.Value) (any, error) {
			return dialects.Decimal(formatScaled(int64(v.Int32()), scale)), nil
		}
	case format.Int64:
		return func(v parquet.Value) (any, error) { return dialects.Decimal(formatScaled(v.Int64(), scale)), nil }
	}
	return func(v parquet.Value) (any, error) {
		b := v.ByteArray()
		if len(b) == 0 {
			return dialects.Decimal("0"), nil
		}
		// Fast path: fits in an int64 when every byte above the low eight
		// only repeats the sign.
		if fitsInt64(b) {
			var x int64
			if b[0]&0x80 != 0 {
				x = -1
			}
			for _, c := range b {
				x = x<<8 | int64(c)
			}
			return dialects.Decimal(formatScaled(x, scale)), nil
		}
		n := new(big.Int).SetBytes(b)
		if b[0]&0x80 != 0 {
			n.Sub(n, new(big.Int).Lsh(big.NewInt(1), uint(8*len(b))))
		}
		return dialects.Decimal(scaleText(n.String(), scale)), nil
	}
}

func fitsInt64(b []byte) bool {
	if len(b) <= 8 {
		return true
	}
	sign := byte(0)
	if b[0]&0x80 != 0 {
		sign = 0xff
	}
	for _, c := range b[:len(b)-8] {
		if c != sign {
			return false
		}
	}
	// The top bit of the remaining eight bytes must agree with the sign.
	return (b[len(b)-8]&0x80 != 0) == (sign == 0xff)
}

// formatScaled renders unscaled * 10^-scale exactly.
func formatScaled(x int64, scale int) string {
	if scale == 0 {
		return strconv.FormatInt(x, 10)
	}
	return scaleText(strconv.FormatInt(x, 10), scale)
}

// scaleText places a decimal point scale digits from the right of an
// integer's text.
func scaleText(s string, scale int) string {
	if scale <= 0 {
		return s + strings.Repeat("0", -scale)
	}
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	if len(s) <= scale {
		s = strings.Repeat("0", scale-len(s)+1) + s
	}
	s = s[:len(s)-scale] + "." + s[len(s)-scale:]
	if neg {
		s = "-" + s
	}
	return s
}

var decimalText = regexp.MustCompile(`^[+-]?(\d+(\.\d*)?|\.\d+)$`)

// decimalSpec is the target's decimal precision and scale; zero: unchecked.
type decimalSpec struct{ prec, scale int }

// fit checks that decimal text (matching decimalText) is stored exactly by
// a decimal(prec, scale) column: digits past the scale must be zeros (they
// are dropped) and the integer part must fit. mtx never rounds.
func (d decimalSpec) fit(s string) (dialects.Decimal, error) {
	if d.prec == 0 {
		return dialects.Decimal(s), nil
	}
	orig := s
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimLeft(s, "+-")
	ip, fp, _ := strings.Cut(s, ".")
	ip = strings.TrimLeft(ip, "0")
	if len(fp) <= d.scale && len(ip) <= d.prec-d.scale && orig[0] != '+' {
		return dialects.Decimal(orig), nil // the common case: as written
	}
	if len(fp) > d.scale {
		if strings.Trim(fp[d.scale:], "0") != "" {
			return "", fmt.Errorf("%s has more than %d decimal places (the column is decimal(%d,%d)); mtx does not round", quoteShort(signed(neg, ip, fp)), d.scale, d.prec, d.scale)
		}
		fp = fp[:d.scale]
	}
	if len(ip) > d.prec-d.scale {
		return "", fmt.Errorf("%s has more than %d digits before the decimal point (the column is decimal(%d,%d))", quoteShort(signed(neg, ip, fp)), d.prec-d.scale, d.prec, d.scale)
	}
	if ip == "" {
		ip = "0"
	}
	return dialects.Decimal(signed(neg, ip, fp)), nil
}

func signed(neg bool, ip, fp string) string {
	s := ip
	if fp != "" {
		s += "." + fp
	}
	if neg && strings.Trim(s, "0.") != "" {
		s = "-" + s
	}
	return s
}

// Timestamps mtx loads lie in years 1 to 9999, which every engine stores;
// a value outside (an int64-max sentinel) is an error, never "infinity".
func inRange(t time.Time) (any, error) {
	if t.Before(dialects.MinTimestamp) || !t.Before(dialects.MaxTimestamp) {
		return nil, fmt.Errorf("%s is outside the years 1 to 9999", t.UTC().Format(time.RFC3339Nano))
	}
	return t.UTC(), nil
}

// coerce converts a neutral value read from the file to the target
// column's logical type, or says why it cannot. It converts only where the
// result is exact: integers into decimals, decimals and floats with no
// fraction into integers, 0 and 1 into booleans, text that spells a value
// of the type.
func coerce(v any, t catalog.LogicalType, d decimalSpec) (any, error) {
	// Text must be UTF-8 on every engine: PostgreSQL would refuse it in
	// COPY without naming the column or row, others store the bytes as
	// they are.
	if s, ok := v.(string); ok && (t == catalog.String || t == catalog.JSON) && !utf8.ValidString(s) {
		return nil, fmt.Errorf("%s is not valid UTF-8 text", quoteShort(s))
	}
	// Values already of the right type are returned as they are (no new
	// allocation for boxing them again).
	switch v.(type) {
	case string:
		if t == catalog.String {
			return v, nil
		}
	case int64:
		if t == catalog.Integer {
			return v, nil
		}
	case float64:
		if t == catalog.Float {
			return v, nil
		}
	case bool:
		if t == catalog.Boolean {
			return v, nil
		}
	}
	switch t {
	case catalog.String:
		switch x := v.(type) {
		case string:
			return x, nil
		case dialects.Decimal:
			return string(x), nil
		case int64:
			return strconv.FormatInt(x, 10), nil
		case float64:
			return strconv.FormatFloat(x, 'g', -1, 64), nil
		case bool:
			return strconv.FormatBool(x), nil
		case time.Time:
			return x.Format(time.RFC3339Nano), nil
		}
	case catalog.JSON:
		if s, ok := v.(string); ok {
			if !json.Valid([]byte(s)) {
				return nil, fmt.Errorf("%s is not valid JSON", quoteShort(s))
			}
			return s, nil
		}
		if _, ok := v.(time.Time); ok {
			break
		}
		// A number or boolean is JSON as text, except NaN and infinities.
		s, err := coerce(v, catalog.String, d)
		if err == nil && !json.Valid([]byte(s.(string))) {
			return nil, fmt.Errorf("%s is not valid JSON", quoteShort(s.(string)))
		}
		return s, err
	case catalog.Decimal:
		switch x := v.(type) {
		case dialects.Decimal:
			return d.fit(string(x))
		case int64:
			return d.fit(strconv.FormatInt(x, 10))
		case string:
			s := strings.TrimSpace(x)
			if !decimalText.MatchString(s) {
				return nil, fmt.Errorf("%s is not a decimal number", quoteShort(x))
			}
			return d.fit(s)
		case float64:
			if math.IsNaN(x) || math.IsInf(x, 0) {
				return nil, fmt.Errorf("%v is not a decimal number", x)
			}
			return d.fit(strconv.FormatFloat(x, 'f', -1, 64))
		}
	case catalog.Float:
		switch x := v.(type) {
		case float64:
			return x, nil
		case int64:
			if x > 1<<53 || x < -(1<<53) {
				return nil, fmt.Errorf("%d cannot be stored exactly as a float", x)
			}
			return float64(x), nil
		case dialects.Decimal:
			return strconv.ParseFloat(string(x), 64)
		case string:
			f, err := strconv.ParseFloat(strings.TrimSpace(x), 64)
			if err != nil {
				return nil, fmt.Errorf("%s is not a number", quoteShort(x))
			}
			return f, nil
		}
	case catalog.Integer:
		switch x := v.(type) {
		case int64:
			return x, nil
		case float64:
			if x != math.Trunc(x) || math.Abs(x) > 1<<53 {
				return nil, fmt.Errorf("%v is not an integer", x)
			}
			return int64(x), nil
		case dialects.Decimal, string:
			s := strings.TrimSpace(fmt.Sprint(x))
			if i := strings.IndexByte(s, '.'); i >= 0 && strings.Trim(s[i+1:], "0") == "" {
				s = s[:i]
			}
			n, err := strconv.ParseInt(s, 10, 64)
			if err != nil {
				return nil, fmt.Errorf("%s is not a 64-bit integer", quoteShort(fmt.Sprint(x)))
			}
			return n, nil
		}
	case catalog.Boolean:
		switch x := v.(type) {
		case bool:
			return x, nil
		case int64:
			if x == 0 || x == 1 {
				return x == 1, nil
			}
			return nil, fmt.Errorf("%d is not a boolean", x)
		case string:
			b, err := strconv.ParseBool(strings.TrimSpace(x))
			if err != nil {
				return nil, fmt.Errorf("%s is not a boolean", quoteShort(x))
			}
			return b, nil
		}
	case catalog.Timestamp:
		switch x := v.(type) {
		case time.Time:
			return inRange(x)
		case string:
			ts, err := parseTimestamp(x)
			if err != nil {
				return nil, err
			}
			return inRange(ts)
		}
	}
	return nil, fmt.Errorf("a %T value cannot be a %s", v, t)
}

var timestampLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02 15:04:05.999999999 -0700 MST",
	"2006-01-02",
}

// parseTimestamp reads a timestamp written as text; without a zone it is UTC.
func parseTimestamp(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, l := range timestampLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("%s is not a timestamp", quoteShort(s))
}

func quoteShort(s string) string {
	if len(s) > 60 {
		s = s[:57] + "..."
	}
	return strconv.Quote(s)
}
