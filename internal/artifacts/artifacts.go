// Package artifacts writes target/manifest.json and target/run_results.json
// after run, build, test and compile. Their shape follows dbt's artifacts
// (manifest v12, run_results v6: the same top-level keys, unique_id forms
// and per-node field names) so tools reading dbt's files have a chance;
// they carry only what mtx knows, and metadata.mtx_schema_version says
// which version of this layout a file has (docs/models.md documents it).
package artifacts

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/internal/model"
)

// SchemaVersion is the version of the layout below; it changes when a field
// is renamed or removed (adding one does not).
const SchemaVersion = 1

// The dbt artifact versions the layout is shaped after.
const (
	dbtManifestSchema   = "https://schemas.getdbt.com/dbt/manifest/v12.json"
	dbtRunResultsSchema = "https://schemas.getdbt.com/dbt/run-results/v6.json"
)

// SourceName is the source every export table belongs to, as in
// source.<project>.metronome.<table>.
const SourceName = "metronome"

// Input is what the artifacts describe.
type Input struct {
	// Project names the project in unique ids (project.yaml's name; "mtx").
	Project string
	// Version is mtx's version; Adapter the target's dialect.
	Version, Adapter string
	// Command is the command that ran (run, build, test, compile).
	Command      string
	InvocationID string
	GeneratedAt  time.Time
	Models       *model.Project
	Graph        *model.Graph
	// PhysicalType gives a column's type on the target (nil: left out).
	PhysicalType func(t *catalog.Table, c catalog.Column) string
}

// Metadata heads both files.
type Metadata struct {
	DbtSchemaVersion string    `json:"dbt_schema_version"`
	MtxSchemaVersion int       `json:"mtx_schema_version"`
	MtxVersion       string    `json:"mtx_version"`
	GeneratedAt      time.Time `json:"generated_at"`
	InvocationID     string    `json:"invocation_id"`
	Command          string    `json:"command"`
	ProjectName      string    `json:"project_name"`
	AdapterType      string    `json:"adapter_type"`
}

// Manifest is target/manifest.json.
type Manifest struct {
	Metadata  Metadata            `json:"metadata"`
	Nodes     map[string]Node     `json:"nodes"`
	Sources   map[string]Source   `json:"sources"`
	ParentMap map[string][]string `json:"parent_map"`
	ChildMap  map[string][]string `json:"child_map"`
}

// Node is a model or a data test.
type Node struct {
	UniqueID         string            `json:"unique_id"`
	ResourceType     string            `json:"resource_type"` // model or test
	Name             string            `json:"name"`
	PackageName      string            `json:"package_name"`
	OriginalFilePath string            `json:"original_file_path"`
	FQN              []string          `json:"fqn"`
	Schema           string            `json:"schema"`
	Alias            string            `json:"alias"`
	RelationName     string            `json:"relation_name,omitempty"`
	Description      string            `json:"description"`
	Tags             []string          `json:"tags"`
	Config           NodeConfig        `json:"config"`
	Columns          map[string]Column `json:"columns"`
	DependsOn        DependsOn         `json:"depends_on"`
	Language         string            `json:"language"`
	RawCode          string            `json:"raw_code"`
	CompiledCode     string            `json:"compiled_code"`
	Compiled         bool              `json:"compiled"`
	// Tests only: the model tested, the column and which generic test.
	AttachedNode string        `json:"attached_node,omitempty"`
	ColumnName   string        `json:"column_name,omitempty"`
	TestMetadata *TestMetadata `json:"test_metadata,omitempty"`
}

// NodeConfig is a model's header (tests: severity only).
type NodeConfig struct {
	Materialized   string              `json:"materialized"`
	UniqueKey      []string            `json:"unique_key,omitempty"`
	Tags           []string            `json:"tags"`
	Watermark      string              `json:"watermark,omitempty"`
	Newest         []string            `json:"newest,omitempty"`
	Lookback       string              `json:"lookback,omitempty"`
	NotNull        []string            `json:"not_null,omitempty"`
	AcceptedValues map[string][]string `json:"accepted_values,omitempty"`
	Severity       string              `json:"severity,omitempty"`
}

// Column is a column with the catalog's description and types.
type Column struct {
	Name         string `json:"name"`
	Description  string `json:"description"`
	DataType     string `json:"data_type"`
	PhysicalType string `json:"physical_type,omitempty"`
	Note         string `json:"note,omitempty"`
	NotNull      bool   `json:"documented_not_null,omitempty"`
	Deprecated   bool   `json:"deprecated,omitempty"`
}

// DependsOn lists a node's parents by unique id.
type DependsOn struct {
	Nodes  []string `json:"nodes"`
	Macros []string `json:"macros"`
}

// TestMetadata names a data test's generic test and arguments.
type TestMetadata struct {
	Name   string         `json:"name"`
	Kwargs map[string]any `json:"kwargs"`
}

// Source is one export table.
type Source struct {
	UniqueID     string            `json:"unique_id"`
	ResourceType string            `json:"resource_type"` // source
	Name         string            `json:"name"`
	SourceName   string            `json:"source_name"`
	PackageName  string            `json:"package_name"`
	FQN          []string          `json:"fqn"`
	Schema       string            `json:"schema"`
	Identifier   string            `json:"identifier"`
	RelationName string            `json:"relation_name"`
	Description  string            `json:"description"`
	Columns      map[string]Column `json:"columns"`
	Meta         SourceMeta        `json:"meta"`
}

// SourceMeta is what mtx knows about an export table beyond dbt's fields.
type SourceMeta struct {
	Group    string   `json:"group"`
	Kind     string   `json:"kind"`
	Key      []string `json:"key"`
	Version  []string `json:"version"`
	Snapshot string   `json:"snapshot,omitempty"`
}

// ModelID is a model's unique id.
func ModelID(project, name string) string { return "model." + project + "." + name }

// SourceID is an export table's unique id.
func SourceID(project, table string) string {
	return "source." + project + "." + SourceName + "." + table
}

// TestID is a data test's unique id: test.<project>.<test>_<model>_<columns>,
// as dbt names generic tests (unique_current_invoice_environment_type__id).
func TestID(project string, t model.DataTest) string {
	return "test." + project + "." + TestName(t)
}

// TestName is a data test's dbt-style name.
func TestName(t model.DataTest) string {
	kind, args, _ := strings.Cut(strings.TrimSuffix(t.Name, ")"), "(")
	if col, _, ok := strings.Cut(args, ":"); ok {
		args = col // accepted_values(col: A, B)
	}
	var cols []string
	for _, c := range strings.Split(args, ",") {
		if c = strings.TrimSpace(c); c != "" {
			cols = append(cols, c)
		}
	}
	return kind + "_" + t.Node + "_" + strings.Join(cols, "__")
}

// BuildManifest describes every model of the graph, its data tests and
// the export tables the project selected.
func BuildManifest(in Input) *Manifest {
	p, g := in.Models, in.Graph
	m := &Manifest{
		Metadata:  in.metadata(dbtManifestSchema),
		Nodes:     map[string]Node{},
		Sources:   map[string]Source{},
		ParentMap: map[string][]string{},
		ChildMap:  map[string][]string{},
	}
	q := p.Dialect.Quote
	for _, t := range p.Catalog.Tables() {
		if p.Selected != nil && !p.Selected(t.Name) {
			continue
		}
		id := SourceID(in.Project, t.Name)
		m.Sources[id] = Source{
			UniqueID: id, ResourceType: "source", Name: t.Name, SourceName: SourceName, PackageName: in.Project,
			FQN: []string{in.Project, SourceName, t.Name}, Schema: p.Schema, Identifier: t.Name,
			RelationName: q(p.Schema) + "." + q(t.Name), Description: t.Note,
			Columns: in.columns(t),
			Meta:    SourceMeta{Group: t.Group, Kind: string(t.Kind), Key: nonNil(t.Key), Version: nonNil(t.Version), Snapshot: t.Snapshot},
		}
		m.ParentMap[id] = []string{}
	}
	for _, name := range g.Order {
		c := g.Nodes[name]
		id := ModelID(in.Project, name)
		var parents []string
		for _, d := range c.Deps {
			parents = append(parents, ModelID(in.Project, d))
		}
		for _, s := range c.Sources {
			parents = append(parents, SourceID(in.Project, s))
		}
		sort.Strings(parents)
		cols := map[string]Column{}
		if c.Current != nil {
			cols = in.columns(c.Current)
		}
		cfg := c.Config
		m.Nodes[id] = Node{
			UniqueID: id, ResourceType: "model", Name: name, PackageName: in.Project,
			OriginalFilePath: c.Origin, FQN: []string{in.Project, name}, Schema: p.Schema, Alias: name,
			RelationName: c.Relation, Description: cfg.Description, Tags: nonNil(cfg.Tags),
			Config: NodeConfig{
				Materialized: cfg.Materialized, UniqueKey: cfg.UniqueKey, Tags: nonNil(cfg.Tags), Watermark: cfg.Watermark,
				Newest: cfg.Newest, Lookback: cfg.Lookback, NotNull: cfg.NotNull, AcceptedValues: acceptedValues(cfg.AcceptedValues),
			},
			Columns: cols, DependsOn: DependsOn{Nodes: nonNil(parents), Macros: []string{}},
			Language: "sql", RawCode: c.Node.SQL, CompiledCode: c.SQL, Compiled: true,
		}
		m.ParentMap[id] = nonNil(parents)
	}
	for _, t := range g.Tests(p, g.Order) {
		id := TestID(in.Project, t)
		parent := ModelID(in.Project, t.Node)
		kind, _, _ := strings.Cut(t.Name, "(")
		kwargs := map[string]any{"model": t.Node}
		col := ""
		if kind != "unique" {
			_, args, _ := strings.Cut(strings.TrimSuffix(t.Name, ")"), "(")
			col, _, _ = strings.Cut(args, ":")
			kwargs["column_name"] = col
		} else {
			kwargs["columns"] = g.Nodes[t.Node].Config.UniqueKey
		}
		if kind == "accepted_values" {
			kwargs["values"] = nonNil(g.Nodes[t.Node].Config.AcceptedValues[col])
		}
		m.Nodes[id] = Node{
			UniqueID: id, ResourceType: "test", Name: TestName(t), PackageName: in.Project,
			OriginalFilePath: g.Nodes[t.Node].Origin, FQN: []string{in.Project, TestName(t)}, Schema: p.Schema, Alias: TestName(t),
			Description: t.Name, Tags: []string{}, Config: NodeConfig{Tags: []string{}, Severity: "ERROR"}, Columns: map[string]Column{},
			DependsOn: DependsOn{Nodes: []string{parent}, Macros: []string{}},
			Language:  "sql", RawCode: t.Name, CompiledCode: t.Count, Compiled: true,
			AttachedNode: parent, ColumnName: col, TestMetadata: &TestMetadata{Name: kind, Kwargs: kwargs},
		}
		m.ParentMap[id] = []string{parent}
	}
	for id := range m.ParentMap {
		m.ChildMap[id] = []string{}
	}
	for id, parents := range m.ParentMap {
		for _, p := range parents {
			m.ChildMap[p] = append(m.ChildMap[p], id)
		}
	}
	for id := range m.ChildMap {
		sort.Strings(m.ChildMap[id])
	}
	return m
}

func (in Input) metadata(schema string) Metadata {
	return Metadata{
		DbtSchemaVersion: schema, MtxSchemaVersion: SchemaVersion, MtxVersion: in.Version,
		GeneratedAt: in.GeneratedAt.UTC(), InvocationID: in.InvocationID, Command: in.Command,
		ProjectName: in.Project, AdapterType: in.Adapter,
	}
}

func (in Input) columns(t *catalog.Table) map[string]Column {
	out := map[string]Column{}
	for _, c := range t.Columns {
		col := Column{Name: c.Name, Description: c.Description, DataType: string(c.Type), Note: c.Note,
			NotNull: c.DocumentedNotNull(), Deprecated: c.Deprecated}
		if in.PhysicalType != nil {
			col.PhysicalType = in.PhysicalType(t, c)
		}
		out[c.Name] = col
	}
	return out
}

func acceptedValues(m map[string]model.StringList) map[string][]string {
	if len(m) == 0 {
		return nil
	}
	out := map[string][]string{}
	for k, v := range m {
		out[k] = v
	}
	return out
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// RunResults is target/run_results.json.
type RunResults struct {
	Metadata    Metadata       `json:"metadata"`
	Results     []RunResult    `json:"results"`
	ElapsedTime float64        `json:"elapsed_time"`
	Args        map[string]any `json:"args"`
}

// RunResult is one model built or one data test run.
type RunResult struct {
	UniqueID        string          `json:"unique_id"`
	Status          model.Status    `json:"status"`
	ExecutionTime   float64         `json:"execution_time"`
	Message         string          `json:"message"`
	Failures        *int64          `json:"failures"`
	AdapterResponse AdapterResponse `json:"adapter_response"`
	Timing          []any           `json:"timing"`
	ThreadID        string          `json:"thread_id"`
	RelationName    string          `json:"relation_name,omitempty"`
}

// AdapterResponse holds what the engine said; rows_affected only when it did.
type AdapterResponse struct {
	RowsAffected *int64 `json:"rows_affected,omitempty"`
}

// BuildRunResults reports results; elapsed is the whole command's time.
func BuildRunResults(in Input, results []model.Result, elapsed time.Duration, args map[string]any) *RunResults {
	rr := &RunResults{Metadata: in.metadata(dbtRunResultsSchema), Results: []RunResult{}, ElapsedTime: elapsed.Seconds(), Args: args}
	for _, r := range results {
		out := RunResult{Status: r.Status, ExecutionTime: r.Elapsed.Seconds(), Message: r.Message, Timing: []any{}, ThreadID: "Thread-1"}
		if r.Test != nil {
			out.UniqueID = TestID(in.Project, *r.Test)
			f := r.Failures
			out.Failures = &f
		} else {
			out.UniqueID = ModelID(in.Project, r.Name)
			if c, ok := in.Graph.Nodes[r.Name]; ok {
				out.RelationName = c.Relation
			}
			if r.RowsKnown {
				n := r.Rows
				out.AdapterResponse.RowsAffected = &n
			}
		}
		rr.Results = append(rr.Results, out)
	}
	return rr
}

// Write writes v as indented JSON to dir/name, creating dir.
func Write(dir, name string, v any) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("creating %s: %w", dir, err)
	}
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	path := filepath.Join(dir, name)
	// Written aside and renamed: a reader never sees half a file.
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, append(data, '\n'), 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// The artifact file names.
const (
	ManifestFile   = "manifest.json"
	RunResultsFile = "run_results.json"
)
