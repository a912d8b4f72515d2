package all

import (
	"testing"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/catalog"
)

// TestDescribeOwnTypes: every dialect describes the types it creates as
// what they hold, so that a schema mtx migrated passes its own source check.
func TestDescribeOwnTypes(t *testing.T) {
	o := dialects.DefaultOptions()
	tbl := &catalog.Table{Name: "t", Key: []string{"id"}}
	want := map[catalog.LogicalType][]dialects.TypeClass{
		catalog.String:    {dialects.ClassText},
		catalog.Decimal:   {dialects.ClassDecimal},
		catalog.Float:     {dialects.ClassFloat},
		catalog.Integer:   {dialects.ClassInteger, dialects.ClassDecimal}, // Snowflake: NUMBER(38,0)
		catalog.Boolean:   {dialects.ClassBoolean},
		catalog.Timestamp: {dialects.ClassTimestamp},
		catalog.JSON:      {dialects.ClassJSON, dialects.ClassText}, // ClickHouse keeps JSON in a String
	}
	for _, name := range Names() {
		d, _ := Get(name)
		for _, lt := range catalog.LogicalTypes {
			for _, col := range []string{"id", "other"} {
				physical := d.ColumnType(tbl, catalog.Column{Name: col, Type: lt}, o)
				got := d.DescribeType(physical)
				ok := false
				for _, c := range want[lt] {
					ok = ok || got.Class == c
				}
				if !ok {
					t.Errorf("%s: %s column %s (%s) described as %+v", name, lt, col, physical, got)
				}
				if lt == catalog.Decimal && (got.Precision != 38 || got.Scale != 9) {
					t.Errorf("%s: decimal %s described as %+v, want (38,9)", name, physical, got)
				}
			}
		}
	}
}
