package mysql

import "github.com/mtxhq/mtx/dialects"

// DescribeType reads MySQL/MariaDB column types as information_schema's
// column_type spells them ("decimal(18,0)", "varchar(256)", "tinyint(1)").
// TEXT holds 65,535 bytes and MEDIUMTEXT 16 MB: caps like VARCHAR's.
// DATETIME is wall-clock time (mtx pins the session to UTC); TIMESTAMP is
// an instant.
func (Dialect) DescribeType(physical string) dialects.PhysicalType {
	t := dialects.ParseType(physical)
	switch t.Name {
	case "DECIMAL", "NUMERIC", "DEC", "FIXED":
		return t.Decimal(10, 0)
	case "VARCHAR", "CHAR", "NVARCHAR", "NCHAR":
		return t.Text(0)
	case "TINYTEXT":
		return dialects.PhysicalType{Class: dialects.ClassText, Length: 255}
	case "TEXT":
		return dialects.PhysicalType{Class: dialects.ClassText, Length: 65535}
	case "MEDIUMTEXT":
		return dialects.PhysicalType{Class: dialects.ClassText, Length: 16777215}
	case "LONGTEXT":
		return dialects.PhysicalType{Class: dialects.ClassText}
	case "JSON":
		return dialects.PhysicalType{Class: dialects.ClassJSON}
	case "DATETIME":
		return dialects.PhysicalType{Class: dialects.ClassTimestamp, NoTimeZone: true}
	case "TIMESTAMP":
		return dialects.PhysicalType{Class: dialects.ClassTimestamp}
	case "DATE":
		return dialects.PhysicalType{Class: dialects.ClassDate}
	case "TINYINT":
		if t.Int(0) == 1 { // BOOLEAN is tinyint(1)
			return dialects.PhysicalType{Class: dialects.ClassBoolean}
		}
		return dialects.PhysicalType{Class: dialects.ClassInteger}
	case "BOOLEAN", "BOOL":
		return dialects.PhysicalType{Class: dialects.ClassBoolean}
	case "BIGINT", "INT", "INTEGER", "MEDIUMINT", "SMALLINT":
		return dialects.PhysicalType{Class: dialects.ClassInteger}
	case "DOUBLE", "FLOAT", "REAL", "DOUBLE PRECISION":
		return dialects.PhysicalType{Class: dialects.ClassFloat}
	}
	return dialects.PhysicalType{Class: dialects.ClassOther}
}
