// Package source checks the export tables — Metronome's delivery
// (source_schema) or mtx's raw tables — against the catalog, as read by
// internal/discover: missing tables and columns, unknown columns, and
// physical types that lose data or break the models (mtx source check).
package source

import (
	"fmt"
	"sort"
	"strings"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/catalog"
	"github.com/mtxhq/mtx/internal/discover"
)

// Severity ranks a finding. Only errors fail the check: they would make a
// model wrong.
type Severity string

// The severities.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Note    Severity = "note"
)

// Finding is one thing the check has to say about a table or column.
type Finding struct {
	Severity Severity `json:"severity"`
	Column   string   `json:"column,omitempty"`
	// Type is the physical type found, as the engine reports it.
	Type    string `json:"type,omitempty"`
	Problem string `json:"problem"`
}

// TableReport is the check of one catalog table.
type TableReport struct {
	Table string `json:"table"`
	// FoundAs is the table's name as stored, when present.
	FoundAs        string    `json:"found_as,omitempty"`
	Present        bool      `json:"present"`
	MissingColumns []string  `json:"missing_columns"`
	ExtraColumns   []string  `json:"extra_columns"`
	Findings       []Finding `json:"findings"`
}

// Report is the whole check.
type Report struct {
	Dialect string `json:"dialect"`
	Schema  string `json:"schema"`
	// Mode is "delivered" (source_schema) or "mtx" (mtx's raw tables).
	Mode   string        `json:"mode"`
	Tables []TableReport `json:"tables"`
	// Schema-wide findings (no table).
	Findings []Finding `json:"findings"`
	Errors   int       `json:"errors"`
	Warnings int       `json:"warnings"`
	Notes    int       `json:"notes"`
}

// Check compares the schema found (read with the same selection) with the
// catalog tables selected. o holds the catalog's decimal size, which
// delivered decimals must hold.
func Check(s discover.Source, found *discover.Schema, tables []*catalog.Table, o dialects.Options) (*Report, error) {
	r := &Report{Dialect: s.Dialect.Name(), Schema: s.Schema, Mode: s.Mode(), Findings: []Finding{}}
	present := 0
	for _, t := range tables {
		tr := TableReport{Table: t.Name, MissingColumns: []string{}, ExtraColumns: []string{}, Findings: []Finding{}}
		ft, ok := found.Table(t.Name)
		if !ok {
			why := fmt.Sprintf("missing from %s: no current_%s model is built", s.Schema, t.Name)
			if !s.Delivered {
				why += " (mtx migrate up creates it when the table is selected)"
			}
			tr.Findings = append(tr.Findings, Finding{Severity: Note, Problem: why})
			r.add(tr)
			continue
		}
		present++
		tr.Present, tr.FoundAs = true, ft.Name
		for _, c := range t.Columns {
			if c.System && s.Delivered {
				continue // Metronome adds no provenance columns
			}
			fc, ok := ft.Columns[c.Name]
			if !ok {
				tr.MissingColumns = append(tr.MissingColumns, c.Name)
				tr.Findings = append(tr.Findings, missingColumn(s, t, c))
				continue
			}
			f, err := checkType(s.Dialect, t, c, fc.Type, o)
			if err != nil {
				return nil, err
			}
			for _, x := range f {
				x.Column, x.Type = c.Name, fc.Type
				tr.Findings = append(tr.Findings, x)
			}
		}
		for _, fc := range ft.Extra {
			tr.ExtraColumns = append(tr.ExtraColumns, fc.Name)
		}
		sort.Slice(tr.ExtraColumns, func(i, j int) bool {
			return strings.ToLower(tr.ExtraColumns[i]) < strings.ToLower(tr.ExtraColumns[j])
		})
		if len(tr.ExtraColumns) > 0 {
			tr.Findings = append(tr.Findings, Finding{Severity: Note,
				Problem: fmt.Sprintf("extra columns not in mtx's catalog: %s", strings.Join(tr.ExtraColumns, ", "))})
		}
		r.add(tr)
	}
	if present == 0 && len(tables) > 0 {
		r.Findings = append(r.Findings, Finding{Severity: Error,
			Problem: fmt.Sprintf("schema %s holds none of the %d selected tables: is it the right schema?", s.Schema, len(tables))})
		r.Errors++
	}
	return r, nil
}

func (r *Report) add(tr TableReport) {
	for _, f := range tr.Findings {
		switch f.Severity {
		case Error:
			r.Errors++
		case Warning:
			r.Warnings++
		default:
			r.Notes++
		}
	}
	r.Tables = append(r.Tables, tr)
}

// structural reports why the current-state model needs c ("" if it does
// not): the key, the version, the snapshot and the environment.
func structural(t *catalog.Table, c catalog.Column) string {
	for _, k := range t.Key {
		if k == c.Name {
			return "key"
		}
	}
	for _, v := range t.Version {
		if v == c.Name {
			return "version"
		}
	}
	switch {
	case c.Name == t.Snapshot:
		return "snapshot"
	case c.Name == "environment_type":
		return "environment"
	case c.System:
		return "provenance"
	}
	return ""
}

func missingColumn(s discover.Source, t *catalog.Table, c catalog.Column) Finding {
	hint := ""
	if !s.Delivered {
		hint = " (mtx migrate up adds it)"
	}
	if role := structural(t, c); role != "" {
		return Finding{Severity: Error, Column: c.Name,
			Problem: fmt.Sprintf("missing %s column: current_%s would pick the wrong rows%s", role, t.Name, hint)}
	}
	if c.Deprecated {
		return Finding{Severity: Note, Column: c.Name, Problem: "missing deprecated column: NULL in the models" + hint}
	}
	return Finding{Severity: Warning, Column: c.Name, Problem: "missing column: NULL in the models" + hint}
}

// checkType finds what a column's physical type loses or breaks. Each
// finding is judged against the catalog (decimal size) and against what
// mtx itself creates on the engine, so that a type mtx chose (MySQL's
// DATETIME, ClickHouse's String for JSON) is never reported.
func checkType(d dialects.Dialect, t *catalog.Table, c catalog.Column, physical string, o dialects.Options) ([]Finding, error) {
	got := d.DescribeType(physical)
	own := d.DescribeType(d.ColumnType(t, c, o))
	f := func(s Severity, format string, args ...any) []Finding {
		return []Finding{{Severity: s, Problem: fmt.Sprintf(format, args...)}}
	}
	catalogDecimal := fmt.Sprintf("(%d,%d)", o.DecimalPrecision, o.DecimalScale)
	switch c.Type {
	case catalog.Decimal:
		switch got.Class {
		case dialects.ClassInteger:
			if o.DecimalScale > 0 {
				return f(Error, "decimal stored as an integer: fractional amounts are lost (the catalog's decimals are %s)", catalogDecimal), nil
			}
			return nil, nil
		case dialects.ClassFloat:
			return f(Error, "decimal stored as binary floating point: amounts are rounded (the catalog's decimals are exact, %s)", catalogDecimal), nil
		case dialects.ClassDecimal:
			switch {
			case got.Precision == 0:
				return nil, nil
			case got.Scale == 0 && o.DecimalScale > 0:
				return f(Error, "decimal with scale 0: fractional amounts are rounded to whole numbers (the catalog's decimals are %s)", catalogDecimal), nil
			case got.Precision < o.DecimalPrecision:
				return f(Error, "decimal precision %d below the catalog's %s: larger amounts do not fit", got.Precision, catalogDecimal), nil
			case got.Scale < o.DecimalScale:
				return f(Warning, "decimal scale %d below the catalog's %s: finer fractions were rounded on delivery", got.Scale, catalogDecimal), nil
			}
			return nil, nil
		}
	case catalog.String, catalog.JSON:
		var out []Finding
		if got.Class == dialects.ClassText {
			// What mtx would give a string in this place (MySQL keys are
			// VARCHAR(768), Redshift strings VARCHAR(65535)).
			asString := c
			asString.Type = catalog.String
			need := d.DescribeType(d.ColumnType(t, asString, o))
			if got.Length > 0 && (need.Length == 0 || got.Length < need.Length) {
				limit := "unbounded"
				if need.Length > 0 {
					limit = fmt.Sprint(need.Length)
				}
				out = append(out, f(Error, "string capped at %d (mtx uses %s here): longer values are cut or rejected", got.Length, limit)...)
			}
			if c.Type == catalog.JSON && own.Class == dialects.ClassJSON {
				out = append(out, f(Warning, "JSON stored as text: every read must parse it (mtx's models do; your own SQL on the table must too)")...)
			}
			return out, nil
		}
		if got.Class == dialects.ClassJSON && c.Type == catalog.JSON {
			return nil, nil
		}
	case catalog.Timestamp:
		switch got.Class {
		case dialects.ClassTimestamp:
			if got.NoTimeZone && !own.NoTimeZone {
				return f(Warning, "timestamp without time zone: mtx reads it as UTC, so values written in another zone are shifted"), nil
			}
			return nil, nil
		case dialects.ClassDate:
			return f(Error, "timestamp stored as a date: the time of day is lost"), nil
		}
	case catalog.Integer:
		switch got.Class {
		case dialects.ClassInteger, dialects.ClassDecimal:
			return nil, nil
		case dialects.ClassFloat:
			return f(Warning, "integer stored as floating point: values above 2^53 are rounded"), nil
		}
	case catalog.Float:
		switch got.Class {
		case dialects.ClassFloat, dialects.ClassDecimal, dialects.ClassInteger:
			return nil, nil
		}
	case catalog.Boolean:
		if got.Class == dialects.ClassBoolean {
			return nil, nil
		}
	}
	if got.Class == dialects.ClassOther {
		return f(Warning, "type not recognised: the catalog says %s", c.Type), nil
	}
	return f(Warning, "stored as %s, the catalog says %s: the models may fail to compare or cast it", got, c.Type), nil
}
