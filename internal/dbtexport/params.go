package dbtexport

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/mtxhq/mtx/dialects"
	"github.com/mtxhq/mtx/internal/cookbook"
)

// A cookbook entry's parameters become dbt vars. Their literals are the
// dialect's own: the macros file (paramMacros) is written from what the
// dialect's SQLMacros make of probe values, so a var is quoted, escaped
// and typed exactly as `mtx cookbook run --param` would render it.

// jinjaString is s as a Jinja string literal.
func jinjaString(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`, "\n", `\n`).Replace(s) + "'"
}

func jinjaList(vals []string) string {
	q := make([]string, len(vals))
	for i, v := range vals {
		q[i] = jinjaString(v)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// open is how the export leaves an entry's parameters open.
func open(probes *intProbes) cookbook.Open {
	return cookbook.Open{
		Ref:    func(model string) string { return "{{ ref(" + jinjaString(model) + ") }}" },
		Source: func(table string) string { return sourceRef(table) },
		Value: func(p cookbook.Param) string {
			switch p.Type {
			case cookbook.TimestampParam:
				return fmt.Sprintf("{{ mtx_timestamp(%s, %s) }}", jinjaString(p.Name), jinjaString(p.Default))
			case cookbook.IntegerParam:
				return fmt.Sprintf("{{ mtx_int(%s, %s) }}", jinjaString(p.Name), jinjaString(p.Default))
			}
			allowed := "none"
			if len(p.Values) > 0 {
				allowed = jinjaList(p.Values)
			}
			return fmt.Sprintf("{{ mtx_string(%s, %s, %s) }}", jinjaString(p.Name), jinjaString(p.Default), allowed)
		},
		Int: probes.of,
		If: func(p cookbook.Param) (string, string, string) {
			return fmt.Sprintf("{%% if mtx_set(%s, %s, %s) %%}", jinjaString(p.Name), jinjaString(p.Default), jinjaString(string(p.Type))),
				"{% else %}", "{% endif %}"
		},
	}
}

// intProbes hands out a distinct large number per integer parameter; the
// numbers a macro made of one (the value itself, times 24 for days as
// hours, negated) are found in the output and replaced by the var.
type intProbes struct {
	params []cookbook.Param
}

const (
	probeBase = 9_000_011
	probeStep = 1_000_003
	// maxFactor bounds what a macro multiplies a value by (minutes in a day).
	maxFactor = 100_000
)

func (ps *intProbes) of(p cookbook.Param) int {
	for i, q := range ps.params {
		if q.Name == p.Name {
			return probeBase + i*probeStep
		}
	}
	ps.params = append(ps.params, p)
	return probeBase + (len(ps.params)-1)*probeStep
}

var integerRE = regexp.MustCompile(`-?\b[0-9]+\b`)

// replace puts each integer var back where its probe (times a factor)
// stands in sql.
func (ps *intProbes) replace(sql string) string {
	return integerRE.ReplaceAllStringFunc(sql, func(lit string) string {
		n, perr := strconv.ParseInt(lit, 10, 64)
		if perr != nil || len(ps.params) == 0 {
			return lit
		}
		for i, p := range ps.params {
			probe := int64(probeBase + i*probeStep)
			if n != 0 && n%probe == 0 && n/probe <= maxFactor && n/probe >= -maxFactor {
				use := fmt.Sprintf("mtx_int(%s, %s)", jinjaString(p.Name), jinjaString(p.Default))
				if k := n / probe; k != 1 {
					use += fmt.Sprintf(" * %d", k)
				}
				return "{{ " + use + " }}"
			}
		}
		return lit
	})
}

// literalShape is how a dialect writes a literal around its text: prefix,
// the text (escaped), suffix.
type literalShape struct{ prefix, suffix string }

func shapeOf(lit, text string) (literalShape, error) {
	i := strings.Index(lit, text)
	if i < 0 || strings.Count(lit, text) != 1 {
		return literalShape{}, fmt.Errorf("literal %s does not hold %q once", lit, text)
	}
	return literalShape{lit[:i], lit[i+len(text):]}, nil
}

// paramMacros is the macros file that turns vars into d's literals.
func paramMacros(d dialects.Dialect) (string, error) {
	m := d.Macros()
	const probe = "mtxprobe"
	str, err := shapeOf(m.StringLiteral(probe), probe)
	if err != nil {
		return "", fmt.Errorf("%s string literals: %w", d.Name(), err)
	}
	escaped := func(c string) (string, error) {
		lit := m.StringLiteral(probe + c + probe)
		if !strings.HasPrefix(lit, str.prefix+probe) || !strings.HasSuffix(lit, probe+str.suffix) {
			return "", fmt.Errorf("%s string literal %s has an unexpected shape", d.Name(), lit)
		}
		return strings.TrimSuffix(strings.TrimPrefix(lit, str.prefix+probe), probe+str.suffix), nil
	}
	bs, err := escaped(`\`)
	if err != nil {
		return "", err
	}
	quote, err := escaped(`'`)
	if err != nil {
		return "", err
	}
	at := time.Date(2001, 2, 3, 4, 5, 6, 123456000, time.UTC)
	ts, err := shapeOf(m.TimestampLiteral(at), "2001-02-03 04:05:06.123456")
	if err != nil {
		return "", fmt.Errorf("%s timestamp literals: %w", d.Name(), err)
	}
	r := strings.NewReplacer(
		"@STR_PREFIX@", str.prefix, "@STR_SUFFIX@", str.suffix,
		"@BS@", jinjaString(`\`), "@ESC_BS@", jinjaString(bs),
		"@Q@", jinjaString(`'`), "@ESC_Q@", jinjaString(quote),
		"@TS_PREFIX@", ts.prefix, "@TS_SUFFIX@", ts.suffix,
		"@NOW@", m.Now(), "@DIALECT@", d.Name(),
	)
	return r.Replace(paramMacrosTemplate), nil
}

const paramMacrosTemplate = `{#- Written by mtx dbt export: the cookbook's parameters as dbt vars, checked
    as mtx checks them and written as @DIALECT@ literals (mtx's SQL macros). -#}

{#- A string var; allowed, when given, lists the only values it may take. -#}
{% macro mtx_string(name, default, allowed=none) -%}
  {%- set v = var(name, default) | string -%}
  {%- if allowed is not none and v not in allowed -%}
    {{ exceptions.raise_compiler_error("var " ~ name ~ ": value " ~ v ~ " is not one of " ~ allowed | join(", ")) }}
  {%- endif -%}
  @STR_PREFIX@{{ v | replace(@BS@, @ESC_BS@) | replace(@Q@, @ESC_Q@) }}@STR_SUFFIX@
{%- endmacro %}

{#- A whole number between 0 and 1000000000, returned as a number. -#}
{% macro mtx_int(name, default) -%}
  {%- set v = var(name, default) | string | trim -%}
  {%- if not modules.re.match('^[0-9]{1,10}$', v) or (v | int) > 1000000000 -%}
    {{ exceptions.raise_compiler_error("var " ~ name ~ ": value " ~ v ~ " is not a whole number between 0 and 1000000000") }}
  {%- endif -%}
  {%- do return(v | int) -%}
{%- endmacro %}

{#- An instant (RFC 3339, or a date; no zone is UTC); empty is now. -#}
{% macro mtx_timestamp(name, default) -%}
  {%- set v = var(name, default) | string | trim -%}
  {%- if v == '' -%}
    @NOW@
  {%- else -%}
    {%- if not modules.re.match('^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?$', v) -%}
      {{ exceptions.raise_compiler_error("var " ~ name ~ ": value " ~ v ~ " is not a timestamp (use RFC 3339, e.g. 2024-01-31T00:00:00Z, or a date 2024-01-31; empty means now)") }}
    {%- endif -%}
    {%- set utc = modules.pytz.utc -%}
    {%- set t = modules.datetime.datetime.fromisoformat(v) -%}
    {%- if t.tzinfo is none -%}{%- set t = t.replace(tzinfo=utc) -%}{%- endif -%}
    @TS_PREFIX@{{ t.astimezone(utc).strftime('%Y-%m-%d %H:%M:%S.%f') }}@TS_SUFFIX@
  {%- endif -%}
{%- endmacro %}

{#- Whether a var has a value ({{ if set "p" }} in mtx's cookbook). -#}
{% macro mtx_set(name, default, type) -%}
  {%- set v = var(name, default) | string | trim -%}
  {%- do return(v != '' and not (type == 'integer' and v == '0')) -%}
{%- endmacro %}

{#- unique over several columns, as mtx test checks a model's grain. -#}
{% test mtx_unique_combination(model, columns) -%}
  {%- set cols = [] -%}
  {%- for c in columns -%}{%- do cols.append(adapter.quote(c)) -%}{%- endfor -%}
select {{ cols | join(', ') }}, count(*) as mtx_rows
from {{ model }}
group by {{ cols | join(', ') }}
having count(*) > 1
{%- endtest %}
`
