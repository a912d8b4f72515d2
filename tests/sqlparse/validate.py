"""Parse-validate SQL statements with sqlglot, for the Go tests.

Reads one JSON object on stdin: {"dialect": "redshift", "statements": ["...", ...]}.
Writes one JSON object on stdout: {"sqlglot": VERSION, "errors": [{"index": i, "error": "..."}]},
one entry per statement that fails. A statement fails when sqlglot
  * cannot parse it in that dialect (error_level=RAISE: the first error raises),
  * parses it as anything but exactly one statement,
  * falls back to an opaque exp.Command (sqlglot's "unsupported syntax" path,
    which accepts anything and so validates nothing), or
  * cannot generate it back in the same dialect with unsupported_level=RAISE
    (a construct it parsed but knows the dialect does not support).
Exit status 0 whenever the input was understood, even when statements fail;
2 on bad input. Test tooling only: installed by tests/engines/up in .build/venv.
"""

import json
import re
import sys

import sqlglot
from sqlglot import exp
from sqlglot.errors import ErrorLevel


def check(sql, dialect):
    trees = sqlglot.parse(sql, read=dialect, error_level=ErrorLevel.RAISE)
    trees = [t for t in trees if t is not None]
    if len(trees) != 1:
        return "parsed as %d statements, want exactly 1" % len(trees)
    tree = trees[0]
    if isinstance(tree, exp.Command):
        return "not understood: sqlglot fell back to an opaque command (%s)" % tree.sql(dialect=dialect)[:80]
    tree.sql(dialect=dialect, unsupported_level=ErrorLevel.RAISE)
    return None


def main():
    try:
        req = json.load(sys.stdin)
        dialect = req["dialect"]
        statements = req["statements"]
    except (ValueError, KeyError, TypeError) as e:
        print("validate.py: bad input: %s" % e, file=sys.stderr)
        return 2
    errors = []
    for i, sql in enumerate(statements):
        try:
            msg = check(sql, dialect)
        except Exception as e:  # sqlglot's ParseError, UnsupportedError, TokenError...
            text = re.sub(r"\x1b\[[0-9;]*m", "", str(e))  # sqlglot underlines with ANSI codes
            msg = "%s: %s" % (type(e).__name__, " ".join(text.split()))
        if msg:
            errors.append({"index": i, "error": msg})
    json.dump({"sqlglot": sqlglot.__version__, "errors": errors}, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
