package bigquery

import "github.com/mtxhq/mtx/dialects"

// DescribeType reads BigQuery types as INFORMATION_SCHEMA.COLUMNS spells
// them: bare NUMERIC is (38,9) and BIGNUMERIC (76,38); STRING(L) caps at L;
// DATETIME is wall-clock time, TIMESTAMP an instant.
func (Dialect) DescribeType(physical string) dialects.PhysicalType {
	t := dialects.ParseType(physical)
	switch t.Name {
	case "NUMERIC", "DECIMAL":
		return t.Decimal(38, 9)
	case "BIGNUMERIC", "BIGDECIMAL":
		return t.Decimal(76, 38)
	case "STRING":
		return t.Text(0)
	case "JSON":
		return dialects.PhysicalType{Class: dialects.ClassJSON}
	case "TIMESTAMP":
		return dialects.PhysicalType{Class: dialects.ClassTimestamp}
	case "DATETIME":
		return dialects.PhysicalType{Class: dialects.ClassTimestamp, NoTimeZone: true}
	case "DATE":
		return dialects.PhysicalType{Class: dialects.ClassDate}
	case "INT64", "INT", "INTEGER", "BIGINT", "SMALLINT", "TINYINT", "BYTEINT":
		return dialects.PhysicalType{Class: dialects.ClassInteger}
	case "FLOAT64":
		return dialects.PhysicalType{Class: dialects.ClassFloat}
	case "BOOL", "BOOLEAN":
		return dialects.PhysicalType{Class: dialects.ClassBoolean}
	}
	return dialects.PhysicalType{Class: dialects.ClassOther}
}
