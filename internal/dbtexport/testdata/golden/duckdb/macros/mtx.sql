{#- Written by mtx dbt export: the cookbook's parameters as dbt vars, checked
    as mtx checks them and written as duckdb literals (mtx's SQL macros). -#}

{#- A string var; allowed, when given, lists the only values it may take. -#}
{% macro mtx_string(name, default, allowed=none) -%}
  {%- set v = var(name, default) | string -%}
  {%- if allowed is not none and v not in allowed -%}
    {{ exceptions.raise_compiler_error("var " ~ name ~ ": value " ~ v ~ " is not one of " ~ allowed | join(", ")) }}
  {%- endif -%}
  '{{ v | replace('\\', '\\') | replace('\'', '\'\'') }}'
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
    current_timestamp
  {%- else -%}
    {%- if not modules.re.match('^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?$', v) -%}
      {{ exceptions.raise_compiler_error("var " ~ name ~ ": value " ~ v ~ " is not a timestamp (use RFC 3339, e.g. 2024-01-31T00:00:00Z, or a date 2024-01-31; empty means now)") }}
    {%- endif -%}
    {%- set utc = modules.pytz.utc -%}
    {%- set t = modules.datetime.datetime.fromisoformat(v) -%}
    {%- if t.tzinfo is none -%}{%- set t = t.replace(tzinfo=utc) -%}{%- endif -%}
    TIMESTAMPTZ '{{ t.astimezone(utc).strftime('%Y-%m-%d %H:%M:%S.%f') }}+00'
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
