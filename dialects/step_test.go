package dialects_test

import (
	"testing"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/dialects/postgres"
	"github.com/mtxhq/mtx/dialects/snowflake"
)

func TestStepSQL(t *testing.T) {
	pg, sf := postgres.Dialect{}, snowflake.Dialect{}
	for _, tc := range []struct {
		d    dialects.Dialect
		s    dialects.Step
		want string
	}{
		{pg, dialects.DropRelation{Relation: `"s"."t"`, Kind: dialects.Table}, `DROP TABLE "s"."t"`},
		{pg, dialects.DropRelation{Relation: `"s"."t"`, Kind: dialects.Table, IfExists: true}, `DROP TABLE IF EXISTS "s"."t"`},
		{pg, dialects.DropRelation{Relation: `"s"."v"`, Kind: dialects.View, Cascade: true}, `DROP VIEW "s"."v" CASCADE`},
		{pg, dialects.DropRelation{Relation: `"s"."v"`, Kind: dialects.View, IfExists: true, Cascade: true}, `DROP VIEW IF EXISTS "s"."v" CASCADE`},
		{pg, dialects.RenameTable{Schema: "s", From: "a", To: "b"}, `ALTER TABLE "s"."a" RENAME TO "b"`},
		{pg, dialects.ReplaceView{Relation: `"s"."v"`, Query: "SELECT 1"}, "CREATE OR REPLACE VIEW \"s\".\"v\" AS\nSELECT 1"},
		{sf, dialects.ReplaceView{Relation: `"S"."V"`, Query: "SELECT 1"}, "CREATE OR REPLACE VIEW \"S\".\"V\" COPY GRANTS AS\nSELECT 1"},
		{pg, dialects.Exec{Statement: "ANALYZE x"}, "ANALYZE x"},
	} {
		if got := tc.s.SQL(tc.d); got != tc.want {
			t.Errorf("%s %#v: got %q, want %q", tc.d.Name(), tc.s, got, tc.want)
		}
	}
}
