package redshift

import (
	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/dialects/postgres"
)

// DescribeType reads Redshift's type names, PostgreSQL's with Redshift's
// defaults: bare DECIMAL/NUMERIC is (18,0), bare VARCHAR and TEXT are 256
// bytes, SUPER holds JSON.
func (Dialect) DescribeType(physical string) dialects.PhysicalType {
	t := dialects.ParseType(physical)
	switch t.Name {
	case "NUMERIC", "DECIMAL":
		return t.Decimal(18, 0)
	case "CHARACTER VARYING", "VARCHAR", "NVARCHAR", "TEXT":
		if len(t.Args) == 0 {
			return dialects.PhysicalType{Class: dialects.ClassText, Length: 256}
		}
		return t.Text(0)
	case "CHARACTER", "CHAR", "NCHAR", "BPCHAR":
		if len(t.Args) == 0 {
			return dialects.PhysicalType{Class: dialects.ClassText, Length: 1}
		}
		return t.Text(0)
	case "SUPER":
		return dialects.PhysicalType{Class: dialects.ClassJSON}
	}
	return postgres.Describe(physical)
}
