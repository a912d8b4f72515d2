package postgres

import "github.com/mtxhq/mtx/dialects"

// DescribeType reads PostgreSQL's type names, as information_schema spells
// them ("character varying(256)", "timestamp without time zone") and as
// DDL does ("TIMESTAMPTZ", "NUMERIC(38,9)").
func (Dialect) DescribeType(physical string) dialects.PhysicalType { return Describe(physical) }

// Describe is shared with Redshift, whose type names are PostgreSQL's.
func Describe(physical string) dialects.PhysicalType {
	t := dialects.ParseType(physical)
	switch t.Name {
	case "NUMERIC", "DECIMAL":
		return t.Decimal(0, 0) // bare numeric: any precision, exact
	case "TEXT", "CHARACTER VARYING", "VARCHAR", "CHARACTER", "CHAR", "BPCHAR", "NAME", "CITEXT":
		return t.Text(0)
	case "JSON", "JSONB":
		return dialects.PhysicalType{Class: dialects.ClassJSON}
	case "TIMESTAMP WITH TIME ZONE", "TIMESTAMPTZ":
		return dialects.PhysicalType{Class: dialects.ClassTimestamp}
	case "TIMESTAMP WITHOUT TIME ZONE":
		return dialects.PhysicalType{Class: dialects.ClassTimestamp, NoTimeZone: true}
	case "TIMESTAMP": // "timestamp(3) with time zone" parses as TIMESTAMP + suffix
		return dialects.PhysicalType{Class: dialects.ClassTimestamp, NoTimeZone: t.Suffix != "WITH TIME ZONE"}
	case "DATE":
		return dialects.PhysicalType{Class: dialects.ClassDate}
	case "BIGINT", "INTEGER", "INT", "INT2", "INT4", "INT8", "SMALLINT":
		return dialects.PhysicalType{Class: dialects.ClassInteger}
	case "DOUBLE PRECISION", "REAL", "FLOAT4", "FLOAT8", "FLOAT":
		return dialects.PhysicalType{Class: dialects.ClassFloat}
	case "BOOLEAN", "BOOL":
		return dialects.PhysicalType{Class: dialects.ClassBoolean}
	}
	return dialects.PhysicalType{Class: dialects.ClassOther}
}
