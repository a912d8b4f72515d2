package databricks

import "github.com/mtxhq/mtx/dialects"

// DescribeType reads Spark/Databricks types as SHOW TABLE EXTENDED and DDL
// spell them. Bare DECIMAL is (10,0); TIMESTAMP is an instant (shown in
// the session's zone), TIMESTAMP_NTZ is wall-clock time.
func (Dialect) DescribeType(physical string) dialects.PhysicalType {
	t := dialects.ParseType(physical)
	switch t.Name {
	case "DECIMAL", "DEC", "NUMERIC":
		return t.Decimal(10, 0)
	case "BIGINT", "LONG", "INT", "INTEGER", "SMALLINT", "SHORT", "TINYINT", "BYTE":
		return dialects.PhysicalType{Class: dialects.ClassInteger}
	case "STRING":
		return dialects.PhysicalType{Class: dialects.ClassText}
	case "VARCHAR", "CHAR":
		return t.Text(0)
	case "TIMESTAMP", "TIMESTAMP_LTZ":
		return dialects.PhysicalType{Class: dialects.ClassTimestamp}
	case "TIMESTAMP_NTZ":
		return dialects.PhysicalType{Class: dialects.ClassTimestamp, NoTimeZone: true}
	case "DATE":
		return dialects.PhysicalType{Class: dialects.ClassDate}
	case "BOOLEAN":
		return dialects.PhysicalType{Class: dialects.ClassBoolean}
	case "DOUBLE", "FLOAT", "REAL":
		return dialects.PhysicalType{Class: dialects.ClassFloat}
	case "VARIANT":
		return dialects.PhysicalType{Class: dialects.ClassJSON}
	}
	return dialects.PhysicalType{Class: dialects.ClassOther}
}
