package duckdb

import (
	"strings"

	"github.com/mtxhq/mtx/dialects"
)

// DescribeType reads DuckDB types as information_schema spells them
// ("DECIMAL(18,0)", "TIMESTAMP WITH TIME ZONE"). Bare DECIMAL is (18,3);
// VARCHAR has no cap (DuckDB ignores a declared length); TIMESTAMP and its
// _S/_MS/_NS variants are wall-clock time.
func (Dialect) DescribeType(physical string) dialects.PhysicalType {
	t := dialects.ParseType(physical)
	switch t.Name {
	case "DECIMAL", "NUMERIC":
		return t.Decimal(18, 3)
	case "VARCHAR", "TEXT", "STRING", "CHAR", "BPCHAR":
		return dialects.PhysicalType{Class: dialects.ClassText}
	case "JSON":
		return dialects.PhysicalType{Class: dialects.ClassJSON}
	case "TIMESTAMP WITH TIME ZONE", "TIMESTAMPTZ":
		return dialects.PhysicalType{Class: dialects.ClassTimestamp}
	case "TIMESTAMP", "DATETIME", "TIMESTAMP_S", "TIMESTAMP_MS", "TIMESTAMP_NS", "TIMESTAMP WITHOUT TIME ZONE":
		return dialects.PhysicalType{Class: dialects.ClassTimestamp, NoTimeZone: true}
	case "DATE":
		return dialects.PhysicalType{Class: dialects.ClassDate}
	case "BOOLEAN", "BOOL":
		return dialects.PhysicalType{Class: dialects.ClassBoolean}
	case "DOUBLE", "FLOAT", "REAL", "FLOAT4", "FLOAT8":
		return dialects.PhysicalType{Class: dialects.ClassFloat}
	}
	if strings.HasSuffix(t.Name, "INT") || t.Name == "INTEGER" || t.Name == "HUGEINT" || t.Name == "UHUGEINT" {
		return dialects.PhysicalType{Class: dialects.ClassInteger}
	}
	return dialects.PhysicalType{Class: dialects.ClassOther}
}
