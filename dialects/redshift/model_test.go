package redshift

import (
	"testing"

	"github.com/mtxhq/mtx/internal/catalog"
)

// TestReadDelivered: the introspected type decides whether a delivered
// JSON column is parsed into SUPER.
func TestReadDelivered(t *testing.T) {
	js := catalog.Column{Name: "properties", Type: catalog.JSON}
	str := catalog.Column{Name: "name", Type: catalog.String}
	for _, tc := range []struct {
		col      catalog.Column
		physical string
		want     string
	}{
		{js, "character varying(65535)", `JSON_PARSE("properties")`},
		{js, "varchar", `JSON_PARSE("properties")`},
		{js, "", `JSON_PARSE("properties")`}, // not introspected: seed 001's varchar
		{js, "super", `"properties"`},
		{js, "SUPER", `"properties"`},
		{str, "character varying(256)", `"properties"`},
	} {
		if got := (Dialect{}).ReadDelivered(tc.col, tc.physical, `"properties"`); got != tc.want {
			t.Errorf("%s %s (%q): %s, want %s", tc.col.Name, tc.col.Type, tc.physical, got, tc.want)
		}
	}
}
