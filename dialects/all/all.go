// Package all lists every dialect adapter mtx ships. Adding an engine means
// adding its folder under dialects/ and one line here.
package all

import (
	"fmt"
	"sort"
	"strings"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/dialects/athena"
	"github.com/mtxhq/mtx/dialects/bigquery"
	"github.com/mtxhq/mtx/dialects/clickhouse"
	"github.com/mtxhq/mtx/dialects/databricks"
	"github.com/mtxhq/mtx/dialects/duckdb"
	"github.com/mtxhq/mtx/dialects/mysql"
	"github.com/mtxhq/mtx/dialects/postgres"
	"github.com/mtxhq/mtx/dialects/redshift"
	"github.com/mtxhq/mtx/dialects/singlestore"
	"github.com/mtxhq/mtx/dialects/snowflake"
)

var registry = map[string]dialects.Dialect{
	"athena":      athena.Dialect{},
	"bigquery":    bigquery.Dialect{},
	"clickhouse":  clickhouse.Dialect{},
	"databricks":  databricks.Dialect{},
	"duckdb":      duckdb.Dialect{},
	"mysql":       mysql.Dialect{},
	"postgres":    postgres.Dialect{},
	"redshift":    redshift.Dialect{},
	"singlestore": singlestore.Dialect{},
	"snowflake":   snowflake.Dialect{},
}

// Names returns the dialect names, sorted.
func Names() []string {
	var out []string
	for n := range registry {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// Get returns the named dialect.
func Get(name string) (dialects.Dialect, error) {
	if d, ok := registry[name]; ok {
		return d, nil
	}
	return nil, fmt.Errorf("unknown dialect %q (known: %s)", name, strings.Join(Names(), ", "))
}
