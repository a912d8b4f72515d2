// Package dbtexport writes a dbt project that builds what `mtx run` builds
// (the current-state models and the cookbook) with dbt, for teams that
// standardise on it. Nothing is re-implemented: the models' SQL is mtx's
// own current-state SQL for the adapter's dialect (internal/model), the
// cookbook entries are rendered by the cookbook's renderer with their
// parameters left as dbt vars, and the tests and freshness thresholds are
// the ones `mtx test` and `mtx freshness` use.
package dbtexport

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/goccy/go-yaml"
	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/internal/cookbook"
	"github.com/mtxhq/mtx/internal/freshness"
	"github.com/mtxhq/mtx/internal/model"
	"github.com/mtxhq/mtx/internal/project"
)

// SourceName is the dbt source the export tables are declared under:
// {{ source('metronome', 'invoice') }}.
const SourceName = "metronome"

// RawSchemaVar is the dbt var naming the schema of the raw export tables.
const RawSchemaVar = "mtx_raw_schema"

// Options say what to export.
type Options struct {
	Adapter Adapter
	// DialectOptions size decimals in the cookbook's casts; Schema is the
	// default of the raw-schema var.
	DialectOptions dialects.Options
	Catalog        *catalog.Catalog
	// Selected says which export tables the project has (nil: all).
	Selected  func(table string) bool
	Book      *cookbook.Book
	Freshness *project.Freshness
	// Name is the dbt project and profile name.
	Name string
}

// Project is the exported project: file contents by slash-separated path.
type Project struct {
	Files map[string][]byte
	// Models and Entries count what was written.
	Models, Entries int
}

// Paths returns the files' paths, sorted.
func (p *Project) Paths() []string {
	out := make([]string, 0, len(p.Files))
	for f := range p.Files {
		out = append(out, f)
	}
	sort.Strings(out)
	return out
}

// Build renders the whole project in memory; nothing is written.
func Build(o Options) (*Project, error) {
	if !validName(o.Name) {
		return nil, fmt.Errorf("dbt project name %q must be lower-case letters, digits and _ (starting with a letter)", o.Name)
	}
	p := &Project{Files: map[string][]byte{}}
	nodes := model.CurrentStateNodes(o.Catalog, o.Selected)
	if len(nodes) == 0 {
		return nil, fmt.Errorf("the project selects no export table")
	}
	asStored := func(name string) string { return stored(o.Adapter.Dialect, name) }

	var sourceTables []sourceTable
	var currentModels []modelDoc
	for _, n := range nodes {
		t, _ := o.Catalog.Table(strings.TrimPrefix(n.Name, cookbook.CurrentPrefix))
		st, err := sourceTableOf(o, t, n)
		if err != nil {
			return nil, err
		}
		sourceTables = append(sourceTables, st)
		sql, err := currentStateModel(o, t, n)
		if err != nil {
			return nil, err
		}
		p.Files["models/current_state/"+n.Name+".sql"] = []byte(sql)
		currentModels = append(currentModels, currentModelDoc(o, t, n, asStored))
		p.Models++
	}
	src := sourcesFile{Version: 2, Sources: []source{{
		Name:        SourceName,
		Description: "Metronome's data export as mtx loads it (mtx load): every version and snapshot of every row, with mtx's provenance columns.",
		Schema:      "{{ var('" + RawSchemaVar + "') }}",
		Tables:      sourceTables,
	}}}
	if err := p.yaml("models/sources.yml", src); err != nil {
		return nil, err
	}
	if err := p.yaml("models/current_state/current_state.yml", modelsFile{Version: 2, Models: currentModels}); err != nil {
		return nil, err
	}

	entries, err := cookbookModels(o, p)
	if err != nil {
		return nil, err
	}
	if err := p.yaml("models/cookbook/cookbook.yml", modelsFile{Version: 2, Models: entries}); err != nil {
		return nil, err
	}
	macros, err := paramMacros(o.Adapter.Dialect)
	if err != nil {
		return nil, err
	}
	p.Files["macros/mtx.sql"] = []byte(macros)
	if err := p.yaml("dbt_project.yml", projectFile{
		Name: o.Name, Version: "1.0.0", ConfigVersion: 2, Profile: o.Name,
		ModelPaths: []string{"models"}, MacroPaths: []string{"macros"}, AnalysisPaths: []string{"analyses"},
		Vars: map[string]string{RawSchemaVar: o.DialectOptions.Schema},
		Models: map[string]any{o.Name: map[string]any{
			"current_state": map[string]any{"+tags": []string{"current_state"}},
			"cookbook":      map[string]any{"+materialized": "view", "+tags": []string{"cookbook"}},
		}},
	}); err != nil {
		return nil, err
	}
	p.Files["README.md"] = []byte(readme(o))
	return p, nil
}

func (p *Project) yaml(path string, v any) error {
	data, err := yaml.MarshalWithOptions(v, yaml.IndentSequence(true))
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	p.Files[path] = append([]byte("# Written by mtx dbt export.\n"), data...)
	return nil
}

func validName(s string) bool {
	return s != "" && s[0] >= 'a' && s[0] <= 'z' && catalog.ValidIdentifier(s)
}

// stored is a catalog name as d stores it: its quoted form without the
// quotes (Snowflake's upper case), so dbt finds the column whether it
// quotes it or not.
func stored(d dialects.Dialect, name string) string {
	q := d.Quote(name)
	return q[1 : len(q)-1]
}

func sourceRef(table string) string {
	return "{{ source(" + jinjaString(SourceName) + ", " + jinjaString(table) + ") }}"
}

// currentStateModel is the model file of current-state model n of t: mtx's
// SQL for the dialect over the dbt source, and for incremental models
// mtx's refresh (winners among the new raw rows and the stored rows of
// their keys) for dbt to replace by unique_key.
func currentStateModel(o Options, t *catalog.Table, n *model.Node) (string, error) {
	full := o.Adapter.Dialect.CurrentStateSQL(model.CurrentStateOf(t, sourceRef(t.Name), o.Adapter.Dialect.Quote))
	var b strings.Builder
	fmt.Fprintf(&b, "-- %s\n", n.Config.Description)
	if n.Config.Materialized != model.Incremental {
		fmt.Fprintf(&b, "{{ config(materialized=%s) }}\n\n%s\n", jinjaString(n.Config.Materialized), full)
		return b.String(), nil
	}
	refresh, err := model.CurrentStateRefresh(o.Adapter.Dialect, t, sourceRef(t.Name), "{{ this }}")
	if err != nil {
		return "", err
	}
	var key []string
	for _, k := range n.Config.UniqueKey {
		key = append(key, stored(o.Adapter.Dialect, k))
	}
	b.WriteString("-- Incremental as in mtx: a refresh ranks the raw rows loaded since the newest\n")
	b.WriteString("-- _mtx_loaded_at stored (less 1 hour) together with the stored rows of their\n")
	b.WriteString("-- keys; dbt then replaces the stored rows of each returned key.\n")
	fmt.Fprintf(&b, "{{ config(materialized='incremental', unique_key=%s, incremental_strategy=%s, on_schema_change='fail') }}\n\n",
		jinjaList(key), jinjaString(o.Adapter.Strategy))
	fmt.Fprintf(&b, "{%% if is_incremental() %%}\n%s\n{%% else %%}\n%s\n{%% endif %%}\n", refresh, full)
	return b.String(), nil
}

// The YAML files' shapes.
type (
	projectFile struct {
		Name          string            `yaml:"name"`
		Version       string            `yaml:"version"`
		ConfigVersion int               `yaml:"config-version"`
		Profile       string            `yaml:"profile"`
		ModelPaths    []string          `yaml:"model-paths"`
		MacroPaths    []string          `yaml:"macro-paths"`
		AnalysisPaths []string          `yaml:"analysis-paths"`
		Vars          map[string]string `yaml:"vars"`
		Models        map[string]any    `yaml:"models"`
	}
	sourcesFile struct {
		Version int      `yaml:"version"`
		Sources []source `yaml:"sources"`
	}
	source struct {
		Name        string        `yaml:"name"`
		Description string        `yaml:"description"`
		Schema      string        `yaml:"schema"`
		Tables      []sourceTable `yaml:"tables"`
	}
	sourceTable struct {
		Name        string       `yaml:"name"`
		Description string       `yaml:"description"`
		Config      sourceConfig `yaml:"config"`
		Columns     []columnDoc  `yaml:"columns"`
	}
	sourceConfig struct {
		LoadedAtField string        `yaml:"loaded_at_field"`
		Freshness     freshnessRule `yaml:"freshness"`
	}
	freshnessRule struct {
		WarnAfter  period `yaml:"warn_after"`
		ErrorAfter period `yaml:"error_after"`
	}
	period struct {
		Count  int64  `yaml:"count"`
		Period string `yaml:"period"`
	}
	columnDoc struct {
		Name        string `yaml:"name"`
		Description string `yaml:"description,omitempty"`
		Quote       bool   `yaml:"quote,omitempty"`
		Tests       []any  `yaml:"data_tests,omitempty"`
	}
	modelsFile struct {
		Version int        `yaml:"version"`
		Models  []modelDoc `yaml:"models"`
	}
	modelDoc struct {
		Name        string      `yaml:"name"`
		Description string      `yaml:"description"`
		Tests       []any       `yaml:"data_tests,omitempty"`
		Columns     []columnDoc `yaml:"columns,omitempty"`
	}
)

// periodOf writes a duration in dbt's largest whole period.
func periodOf(d time.Duration) period {
	switch {
	case d%(24*time.Hour) == 0:
		return period{int64(d / (24 * time.Hour)), "day"}
	case d%time.Hour == 0:
		return period{int64(d / time.Hour), "hour"}
	}
	return period{int64((d + time.Minute - 1) / time.Minute), "minute"}
}

func tableDescription(t *catalog.Table) string {
	d := fmt.Sprintf("%s table of group %s, keyed by %s; versions ordered by %s.", strings.ToUpper(string(t.Kind[:1]))+string(t.Kind[1:]), t.Group, strings.Join(t.Key, ", "), strings.Join(t.Version, ", "))
	if t.Kind == catalog.Snapshot {
		d += fmt.Sprintf(" Snapshots are identified by %s.", t.Snapshot)
	}
	if t.Note != "" {
		d += " " + t.Note
	}
	return d
}

func columnDescription(c catalog.Column) string {
	d := c.Description
	if c.Note != "" {
		d = strings.TrimSpace(d + " (mtx: " + c.Note + ")")
	}
	if c.Deprecated {
		d = "Deprecated. " + d
	}
	return d
}

// sourceTableOf declares t as a source table: its columns with their
// descriptions, the not_null tests of its key (mtx test reads the raw
// table for those: the model leaves NULL keys out) and its freshness as
// mtx freshness judges it.
func sourceTableOf(o Options, t *catalog.Table, n *model.Node) (sourceTable, error) {
	warn, fail, err := o.Freshness.Thresholds(t, freshness.PublishedCadence(t).Average)
	if err != nil {
		return sourceTable{}, err
	}
	st := sourceTable{
		Name:        t.Name,
		Description: tableDescription(t),
		Config: sourceConfig{
			LoadedAtField: stored(o.Adapter.Dialect, catalog.TransferredAtColumn),
			Freshness:     freshnessRule{WarnAfter: periodOf(warn), ErrorAfter: periodOf(fail)},
		},
	}
	keyNotNull := map[string]bool{}
	for _, c := range n.Config.NotNull {
		for _, k := range t.Key {
			if c == k {
				keyNotNull[c] = true
			}
		}
	}
	for _, c := range t.Columns {
		cd := columnDoc{Name: stored(o.Adapter.Dialect, c.Name), Description: columnDescription(c), Quote: true}
		if keyNotNull[c.Name] {
			cd.Tests = []any{"not_null"}
		}
		st.Columns = append(st.Columns, cd)
	}
	return st, nil
}

// currentModelDoc documents current-state model n with the tests mtx test
// runs on it: its grain unique, the documented NOT NULLs of its non-key
// columns, environment_type's accepted values.
func currentModelDoc(o Options, t *catalog.Table, n *model.Node, stored func(string) string) modelDoc {
	md := modelDoc{Name: n.Name, Description: n.Config.Description}
	tests := map[string][]any{}
	key := n.Config.UniqueKey
	if len(key) == 1 {
		tests[key[0]] = append(tests[key[0]], "unique")
	} else if len(key) > 1 {
		var cols []string
		for _, k := range key {
			cols = append(cols, stored(k))
		}
		md.Tests = []any{map[string]any{"mtx_unique_combination": map[string]any{"arguments": map[string]any{"columns": cols}}}}
	}
	isKey := map[string]bool{}
	for _, k := range t.Key {
		isKey[k] = true
	}
	for _, c := range n.Config.NotNull {
		if !isKey[c] {
			tests[c] = append(tests[c], "not_null")
		}
	}
	var acc []string
	for c := range n.Config.AcceptedValues {
		acc = append(acc, c)
	}
	sort.Strings(acc)
	for _, c := range acc {
		tests[c] = append(tests[c], map[string]any{"accepted_values": map[string]any{"arguments": map[string]any{"values": []string(n.Config.AcceptedValues[c])}}})
	}
	for _, c := range t.Columns {
		md.Columns = append(md.Columns, columnDoc{Name: stored(c.Name), Description: columnDescription(c), Quote: true, Tests: tests[c.Name]})
	}
	return md
}

// cookbookModels writes one view model per cookbook entry whose tables
// the project has, named like mtx's view (cookbook_<name>).
func cookbookModels(o Options, p *Project) ([]modelDoc, error) {
	r, err := cookbook.NewRenderer(o.Adapter.Dialect, o.DialectOptions, o.Catalog)
	if err != nil {
		return nil, err
	}
	var docs []modelDoc
	for _, e := range o.Book.Entries() {
		probes := &intProbes{}
		rd, err := r.RenderOpen(e, open(probes))
		if err != nil {
			return nil, err
		}
		selected := true
		for _, t := range rd.Tables {
			if o.Selected != nil && !o.Selected(t) {
				selected = false
			}
		}
		if !selected {
			continue
		}
		sql := probes.replace(rd.SQL)
		name := cookbook.ViewName(e)
		var b strings.Builder
		fmt.Fprintf(&b, "-- %s\n", oneLine(e.Description))
		for _, prm := range e.Params {
			fmt.Fprintf(&b, "-- var %s: %s (default %q)\n", prm.Name, oneLine(prm.Description), prm.Default)
		}
		// A derived table, as mtx's cookbook views: an entry's ORDER BY
		// by position keeps referring to its own columns.
		fmt.Fprintf(&b, "{{ config(materialized='view') }}\n\nSELECT * FROM (\n%s\n) AS _mtx_cookbook\n", sql)
		p.Files["models/cookbook/"+name+".sql"] = []byte(b.String())
		desc := oneLine(e.Description)
		if len(e.Params) > 0 {
			var vars []string
			for _, prm := range e.Params {
				def := prm.Default
				if def == "" && prm.Type == cookbook.TimestampParam {
					def = "now"
				}
				vars = append(vars, fmt.Sprintf("%s (default %s)", prm.Name, def))
			}
			desc += " Vars: " + strings.Join(vars, ", ") + "."
		}
		docs = append(docs, modelDoc{Name: name, Description: desc})
		p.Entries++
	}
	return docs, nil
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func readme(o Options) string {
	return fmt.Sprintf(`# %s: Metronome's data export in dbt

Written by `+"`mtx dbt export --adapter %s`"+`. It builds what `+"`mtx run`"+` builds, with the
same SQL: one current-state model per export table (models/current_state) and the
cookbook's queries as views (models/cookbook), over the raw tables `+"`mtx load`"+` fills.

    pip install %s
    dbt build --vars '{%s: metronome}'     # the schema mtx loads into

- Sources: models/sources.yml (source `+"`%s`"+`), with the catalog's descriptions, the
  key columns' not_null tests and freshness thresholds as `+"`mtx freshness`"+` judges them
  (`+"`dbt source freshness`"+`, by _mtx_transferred_at).
- Cookbook parameters are vars with mtx's defaults, e.g.
  `+"`dbt run -s cookbook_monthly_invoice_totals --vars '{environment: SANDBOX}'`"+`.
- Regenerate with mtx rather than editing: the models are mtx's, rendered for %s.
`, o.Name, o.Adapter.Adapter, o.Adapter.Package, RawSchemaVar, SourceName, o.Adapter.Dialect.Name())
}
