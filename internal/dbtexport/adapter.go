package dbtexport

import (
	"fmt"
	"sort"
	"strings"

	"github.com/mtxhq/mtx/dialects"
)

// Adapter is one dbt adapter a project can be written for: dbt's facts
// about it (dialects/<engine>/dbt.go) and the mtx dialect whose SQL its
// engine runs.
type Adapter struct {
	dialects.DBT
	Dialect dialects.Dialect
}

// Adapters are the dbt adapters of ds (the dialects that name one), by
// adapter name.
func Adapters(ds []dialects.Dialect) []Adapter {
	var out []Adapter
	for _, d := range ds {
		if a, ok := d.(dialects.DBTAdapter); ok {
			out = append(out, Adapter{DBT: a.DBT(), Dialect: d})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Adapter < out[j].Adapter })
	return out
}

// AdapterNames lists the adapters of ds.
func AdapterNames(ds []dialects.Dialect) []string {
	var out []string
	for _, a := range Adapters(ds) {
		out = append(out, a.Adapter)
	}
	return out
}

// LookupAdapter returns the named adapter of ds, or an error listing them.
func LookupAdapter(ds []dialects.Dialect, name string) (Adapter, error) {
	for _, a := range Adapters(ds) {
		if a.Adapter == name {
			return a, nil
		}
	}
	return Adapter{}, fmt.Errorf("unknown dbt adapter %q (known: %s)", name, strings.Join(AdapterNames(ds), ", "))
}
