package athena

import "github.com/mtxhq/mtx/dialects"

// DescribeType reads Trino's and Athena's type names as information_schema
// spells them: "decimal(38,9)", "varchar(256)", "timestamp(6) with time
// zone"; Athena's DDL names (string, int, float) as well. A timestamp
// without time zone is wall-clock time.
func (Dialect) DescribeType(physical string) dialects.PhysicalType {
	t := dialects.ParseType(physical)
	switch t.Name {
	case "DECIMAL":
		return t.Decimal(38, 0)
	case "VARCHAR", "CHAR", "STRING":
		return t.Text(0)
	case "JSON":
		return dialects.PhysicalType{Class: dialects.ClassJSON}
	case "TIMESTAMP":
		return dialects.PhysicalType{Class: dialects.ClassTimestamp, NoTimeZone: t.Suffix != "WITH TIME ZONE"}
	case "TIMESTAMP WITH TIME ZONE":
		return dialects.PhysicalType{Class: dialects.ClassTimestamp}
	case "DATE":
		return dialects.PhysicalType{Class: dialects.ClassDate}
	case "BIGINT", "INTEGER", "INT", "SMALLINT", "TINYINT":
		return dialects.PhysicalType{Class: dialects.ClassInteger}
	case "DOUBLE", "REAL", "FLOAT":
		return dialects.PhysicalType{Class: dialects.ClassFloat}
	case "BOOLEAN":
		return dialects.PhysicalType{Class: dialects.ClassBoolean}
	}
	return dialects.PhysicalType{Class: dialects.ClassOther}
}
