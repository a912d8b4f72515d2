package clickhouse

import (
	"strings"

	"github.com/mtxhq/mtx/dialects"
)

// DescribeType reads ClickHouse types as system.columns spells them,
// looking through Nullable(...) and LowCardinality(...). DateTime and
// DateTime64 store instants whatever their display zone; String holds JSON
// verbatim (as mtx keeps it); FixedString(N) caps at N bytes.
func (Dialect) DescribeType(physical string) dialects.PhysicalType {
	t := dialects.ParseType(physical)
	for (t.Name == "NULLABLE" || t.Name == "LOWCARDINALITY") && len(t.Args) == 1 {
		t = dialects.ParseType(t.Args[0])
	}
	switch {
	case t.Name == "DECIMAL":
		return t.Decimal(10, 0)
	case strings.HasPrefix(t.Name, "DECIMAL"): // Decimal32(S) ... Decimal256(S)
		p := map[string]int{"DECIMAL32": 9, "DECIMAL64": 18, "DECIMAL128": 38, "DECIMAL256": 76}[t.Name]
		if p == 0 {
			break
		}
		return dialects.PhysicalType{Class: dialects.ClassDecimal, Precision: p, Scale: t.Int(0)}
	case t.Name == "STRING":
		return dialects.PhysicalType{Class: dialects.ClassText}
	case t.Name == "FIXEDSTRING":
		return t.Text(0)
	case t.Name == "JSON", t.Name == "OBJECT":
		return dialects.PhysicalType{Class: dialects.ClassJSON}
	case t.Name == "DATETIME", t.Name == "DATETIME64":
		return dialects.PhysicalType{Class: dialects.ClassTimestamp}
	case t.Name == "DATE", t.Name == "DATE32":
		return dialects.PhysicalType{Class: dialects.ClassDate}
	case t.Name == "BOOL", t.Name == "BOOLEAN":
		return dialects.PhysicalType{Class: dialects.ClassBoolean}
	case strings.HasPrefix(t.Name, "INT"), strings.HasPrefix(t.Name, "UINT"):
		return dialects.PhysicalType{Class: dialects.ClassInteger}
	case strings.HasPrefix(t.Name, "FLOAT"):
		return dialects.PhysicalType{Class: dialects.ClassFloat}
	}
	return dialects.PhysicalType{Class: dialects.ClassOther}
}
