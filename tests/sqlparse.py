"""Parse-validate SQL files with sqlglot: python sqlparse.py DIALECT FILE...

Test tooling for engines with no local server (Redshift) or not yet in the
test matrix: a statement sqlglot cannot parse in that dialect fails. Prints
one line per failure and exits 1 if any.
"""
import sys

import sqlglot
from sqlglot.errors import ErrorLevel

dialect, files = sys.argv[1], sys.argv[2:]
failed = 0
for path in files:
    with open(path, encoding="utf-8") as f:
        text = f.read()
    try:
        trees = sqlglot.parse(text, read=dialect, error_level=ErrorLevel.RAISE)
        if not [t for t in trees if t is not None]:
            raise ValueError("no statement")
    except Exception as e:  # noqa: BLE001 - any parse failure is a test failure
        failed += 1
        print(f"{path}: {str(e).splitlines()[0]}")
sys.exit(1 if failed else 0)
