package sqlcheck

import (
	"context"
	"fmt"
	"strings"

	"github.com/mtxhq/mtx/dialects"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/database"
)

// GooseStatements records the SQL goose's store sends for d's version
// table (create, insert, delete and the three reads).
func GooseStatements(d dialects.Dialect, table string) ([]string, error) {
	gd, q := d.Goose()
	var store database.Store
	var err error
	if gd == goose.DialectCustom {
		store, err = database.NewStoreFromQuerier(table, q)
	} else {
		store, err = database.NewStore(database.Dialect(gd), table)
	}
	if err != nil {
		return nil, fmt.Errorf("goose store for %s: %w", d.Name(), err)
	}
	rec := NewRecorder()
	defer rec.DB.Close()
	ctx := context.Background()
	// Each call fails once its statement is recorded; only the text matters.
	_ = store.CreateVersionTable(ctx, rec.DB)
	_ = store.Insert(ctx, rec.DB, database.InsertRequest{Version: 1})
	_ = store.Delete(ctx, rec.DB, 1)
	_, _ = store.GetMigration(ctx, rec.DB, 1)
	_, _ = store.GetLatestVersion(ctx, rec.DB)
	_, _ = store.ListMigrations(ctx, rec.DB)
	return rec.Statements(), nil
}

// SplitScript cuts `mtx compile` output into statements: each ends in ";"
// at the end of a line followed by a blank line; "-- model NAME" lines name
// the model (the statement's Source), other "-- " lines are left out.
func SplitScript(script string) []Statement {
	var out []Statement
	model := ""
	for _, chunk := range strings.Split(script, ";\n\n") {
		var body []string
		for _, line := range strings.Split(chunk, "\n") {
			if strings.HasPrefix(line, "-- model ") {
				model = strings.Fields(strings.TrimPrefix(line, "-- model "))[0]
				continue
			}
			if strings.HasPrefix(line, "-- ") {
				continue
			}
			body = append(body, line)
		}
		if sql := strings.TrimSpace(strings.Join(body, "\n")); sql != "" {
			out = append(out, Statement{Source: "model " + model, SQL: sql})
		}
	}
	return out
}
