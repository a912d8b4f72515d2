package snowflake

import "github.com/mtxhq/mtx/dialects"

// maxText is VARCHAR's default and historical maximum length: a column of
// at least this length is as unbounded as Snowflake strings get.
const maxText = 16777216

// DescribeType reads Snowflake types as ColumnsQuery composes them
// ("NUMBER(38,0)", "TEXT(256)") and as DDL spells them. Bare NUMBER and its
// synonyms are (38,0); TIMESTAMP_LTZ is an instant; bare TIMESTAMP maps to
// TIMESTAMP_NTZ by default; VARIANT, OBJECT and ARRAY hold JSON.
func (Dialect) DescribeType(physical string) dialects.PhysicalType {
	t := dialects.ParseType(physical)
	switch t.Name {
	case "NUMBER", "NUMERIC", "DECIMAL":
		return t.Decimal(38, 0)
	case "INT", "INTEGER", "BIGINT", "SMALLINT", "TINYINT", "BYTEINT":
		return dialects.PhysicalType{Class: dialects.ClassDecimal, Precision: 38}
	case "TEXT", "VARCHAR", "STRING", "CHAR", "CHARACTER", "NCHAR", "NVARCHAR", "NVARCHAR2", "CHAR VARYING", "NCHAR VARYING":
		return t.Text(maxText)
	case "VARIANT", "OBJECT", "ARRAY":
		return dialects.PhysicalType{Class: dialects.ClassJSON}
	case "TIMESTAMP_TZ", "TIMESTAMP_LTZ":
		return dialects.PhysicalType{Class: dialects.ClassTimestamp}
	case "TIMESTAMP_NTZ", "TIMESTAMP", "DATETIME":
		return dialects.PhysicalType{Class: dialects.ClassTimestamp, NoTimeZone: true}
	case "DATE":
		return dialects.PhysicalType{Class: dialects.ClassDate}
	case "BOOLEAN":
		return dialects.PhysicalType{Class: dialects.ClassBoolean}
	case "FLOAT", "FLOAT4", "FLOAT8", "DOUBLE", "DOUBLE PRECISION", "REAL":
		return dialects.PhysicalType{Class: dialects.ClassFloat}
	}
	return dialects.PhysicalType{Class: dialects.ClassOther}
}
